/**
 * `npm run bench:startup [-- --runs N] [--json]`: how soon the two plugins the Pulumi CLI starts answer, each started
 * exactly as the CLI starts it, in fresh processes, alternating so all see the same machine load:
 *
 * - the policy pack (`run-policy-pack <engine> .` in `policy-pack/`), which every `pulumi preview --policy-pack`
 *   starts: time until it prints its port (the CLI waits for nothing else);
 * - the component plugin (`run-plugin components/ <engine>` in a consumer's directory), which every preview and update
 *   of a Python, Go, .NET, Java or YAML program starts: time until it prints its port, answers `GetSchema`, and
 *   answers the `Construct` of a FargateStack (sent with the offline engine and a resource monitor over gRPC);
 * - the floor: a Node.js process that loads `@pulumi/pulumi` and exits.
 *
 * `--from-source` also measures both started from the TypeScript sources, as they started before they shipped
 * compiled JavaScript (a copy of `components/` and `policy-pack/` without their builds, under `.startup-bench/`: the
 * runners then type-check the pack with ts-node and infer the component schema on start), in the same alternation.
 *
 * Targets (issue 10): the pack's port within 1 s; the plugin's GetSchema and Construct within 2 s of its start.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import * as providerpb from "@pulumi/pulumi/proto/provider_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { startOfflineEngine } from "../../policy-pack/preview/engine";
import { spawnPulumiRunner } from "../../policy-pack/protocol/spawn";
import { startComponentPlugin } from "../schema/pluginClient";
import { AwsMocks } from "../support/awsMocks";
import { serveMonitor } from "../support/monitorServer";

const REPO = path.resolve(__dirname, "..", "..");
const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** One run's times, in milliseconds. */
interface Run {
    floor: number;
    packPort: number;
    pluginPort: number;
    pluginSchema: number;
    pluginConstruct: number;
}

/** A copy of the two plugin folders without their builds, inside the repository so that node_modules resolves. */
function sourceOnlyCopy(): string {
    const root = path.join(REPO, ".startup-bench");
    fs.rmSync(root, { recursive: true, force: true });
    const skip = new Set([path.join(REPO, "components", "bin"), path.join(REPO, "policy-pack", "dist"),
        path.join(REPO, "policy-pack", "index.js"), path.join(REPO, "policy-pack", "node_modules"), path.join(REPO, "components", "node_modules")]);
    for (const dir of ["components", "policy-pack"]) {
        fs.cpSync(path.join(REPO, dir), path.join(root, dir), { recursive: true, filter: source => !skip.has(source) });
    }
    return root;
}

async function measureOnce(base: string = REPO): Promise<Run> {
    const floorStart = process.hrtime.bigint();
    const floor = spawnSync(process.execPath, ["-e", "require('@pulumi/pulumi')"], { cwd: REPO });
    if (floor.status !== 0) {
        throw new Error(`loading @pulumi/pulumi failed: ${floor.stderr}`);
    }
    const floorMs = since(floorStart);

    const engine = await startOfflineEngine();
    try {
        const packStart = process.hrtime.bigint();
        const pack = await spawnPulumiRunner("run-policy-pack", [engine.address, "."], {
            cwd: path.join(base, "policy-pack"), label: "policy pack", timeoutMs: 60000,
        });
        const packPort = since(packStart);
        pack.child.kill();

        const mocks = new AwsMocks(true).install();
        const monitor = await serveMonitor(mocks.recordingMonitor());
        const pluginStart = process.hrtime.bigint();
        const plugin = await startComponentPlugin({
            pluginDir: path.join(base, "components"), cwd: path.join(REPO, "examples", "yaml"), engineAddress: engine.address,
        });
        const pluginPort = since(pluginStart);
        await plugin.getSchema();
        const pluginSchema = since(pluginStart);
        await plugin.construct(new providerpb.ConstructRequest()
            .setProject("fargate-stack").setStack("test").setDryrun(true).setParallel(4)
            .setMonitorendpoint(monitor.address).setType("fargate-stack:index:FargateStack").setName("api")
            .setInputs(Struct.fromJavaScript({ image: "nginx:1.27" })));
        const pluginConstruct = since(pluginStart);
        plugin.close();
        await monitor.close();
        return { floor: floorMs, packPort, pluginPort, pluginSchema, pluginConstruct };
    } finally {
        await engine.close();
    }
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

type Summary = Record<keyof Run, { medianMs: number; minMs: number; maxMs: number }>;

function summarize(measured: Run[]): Summary {
    const keys = Object.keys(measured[0]) as (keyof Run)[];
    return Object.fromEntries(keys.map(key => {
        const series = measured.map(run => run[key]);
        return [key, { medianMs: Math.round(median(series)), minMs: Math.round(Math.min(...series)), maxMs: Math.round(Math.max(...series)) }];
    })) as Summary;
}

const LABELS: Record<keyof Run, string> = {
    floor: "Node.js loads @pulumi/pulumi (floor)",
    packPort: "policy pack prints its port",
    pluginPort: "component plugin prints its port",
    pluginSchema: "component plugin answers GetSchema",
    pluginConstruct: "component plugin answers Construct (FargateStack)",
};
const TARGETS: Partial<Record<keyof Run, number>> = { packPort: 1000, pluginSchema: 2000, pluginConstruct: 2000 };

function print(title: string, summary: Summary): void {
    console.log(title);
    for (const key of Object.keys(LABELS) as (keyof Run)[]) {
        const { medianMs, minMs, maxMs } = summary[key];
        const target = TARGETS[key];
        const verdict = target ? `  target ≤ ${target} ms: ${medianMs <= target ? "holds" : "MISSED"}` : "";
        console.log(`  ${LABELS[key].padEnd(52)} ${String(medianMs).padStart(6)} ms (${minMs}–${maxMs}), ` +
            `${(medianMs / summary.floor.medianMs).toFixed(1)}× the floor${verdict}`);
    }
}

async function main(): Promise<void> {
    const { values } = parseArgs({ options: {
        runs: { type: "string", default: "5" }, json: { type: "boolean", default: false }, "from-source": { type: "boolean", default: false },
    } });
    const runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1) {
        throw new Error(`--runs must be a positive integer; got "${values.runs}".`);
    }
    const sourceBase = values["from-source"] ? sourceOnlyCopy() : undefined;
    const shipped: Run[] = [];
    const fromSource: Run[] = [];
    try {
        for (let i = 0; i < runs; i++) {
            shipped.push(await measureOnce());
            if (sourceBase) {
                fromSource.push(await measureOnce(sourceBase));
            }
        }
    } finally {
        if (sourceBase) {
            fs.rmSync(sourceBase, { recursive: true, force: true });
        }
    }
    const summary = summarize(shipped);
    const sourceSummary = sourceBase ? summarize(fromSource) : undefined;
    if (values.json) {
        const targets = Object.fromEntries(Object.entries(TARGETS).map(([key, targetMs]) =>
            [key, { targetMs, holds: summary[key as keyof Run].medianMs <= targetMs! }]));
        console.log(JSON.stringify({ runs, summary, targets, ...(sourceSummary ? { fromSource: sourceSummary } : {}) }, null, 2));
        return;
    }
    print(`Start-up as shipped (compiled), median of ${runs} (range), each process started as the Pulumi CLI starts it:`, summary);
    if (sourceSummary) {
        print(`From the TypeScript sources (no build), in the same runs:`, sourceSummary);
    }
}

main().then(() => process.exit(0), (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
});
