/**
 * Starting a Pulumi plugin as the CLI does: spawn `node <@pulumi/pulumi>/cmd/<runner> ...` and read the gRPC port it
 * prints on stdout. Shared by the policy pack client and the component plugin client of the specs.
 */
import { ChildProcess, spawn, SpawnOptions } from "child_process";
import * as path from "path";

/** Spawns one of `@pulumi/pulumi`'s plugin runners (`run-policy-pack`, `run-plugin`) and resolves its port. */
export async function spawnPulumiRunner(
    runner: string,
    args: string[],
    options: Omit<SpawnOptions, "signal"> & {
        label: string;
        timeoutMs: number;
        signal?: AbortSignal;
        /** Where to resolve `@pulumi/pulumi` from (a plugin's own install). @default this repository's copy */
        sdkFrom?: string;
    },
): Promise<{ child: ChildProcess; port: number }> {
    const sdk = require.resolve("@pulumi/pulumi/package.json", options.sdkFrom ? { paths: [options.sdkFrom] } : undefined);
    const script = path.join(path.dirname(sdk), "cmd", runner);
    const { label, timeoutMs, signal, sdkFrom: _sdkFrom, ...spawnOptions } = options;
    const child = spawn(process.execPath, [script, ...args], { ...spawnOptions, stdio: ["ignore", "pipe", "pipe"] });
    // Aborted while starting: stop the process now (the start fails with "it exited"); once started, close() stops it.
    const stop = () => child.exitCode === null && child.kill();
    signal?.addEventListener("abort", stop, { once: true });
    child.once("exit", () => signal?.removeEventListener("abort", stop));
    return { child, port: await readPort(child, timeoutMs, label) };
}

/** Resolves the first line of stdout that is a port number; fails (and kills the child) on timeout or exit. */
function readPort(child: ChildProcess, timeoutMs: number, label: string): Promise<number> {
    return new Promise((resolve, reject) => {
        let stdout = "";
        let stderr = "";
        let settled = false;
        const fail = (why: string) => {
            if (settled) {
                return;
            }
            settled = true;
            clearTimeout(timer);
            child.kill();
            reject(new Error(`The ${label} did not start: ${why}.\n${stderr}`));
        };
        const timer = setTimeout(() => fail(`no port after ${timeoutMs} ms`), timeoutMs);
        child.stderr?.on("data", chunk => (stderr += String(chunk)));
        child.stdout?.on("data", chunk => {
            stdout += String(chunk);
            const line = /^(\d+)\s*$/m.exec(stdout);
            if (line && !settled) {
                settled = true;
                clearTimeout(timer);
                resolve(Number(line[1]));
            }
        });
        child.on("error", err => fail(err.message));
        child.on("exit", code => fail(`it exited with code ${code}`));
    });
}
