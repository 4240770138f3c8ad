/**
 * Runs a Pulumi Node.js program offline, as a fresh stack's `pulumi preview` would: under the SDK's mock runtime
 * in preview mode (every value a provider computes is unknown), inside the SDK's own root `Stack` resource, with the
 * stack's config set the way the language host sets it. Returns every registration and the stack outputs.
 */
import * as path from "path";
import { PulumiProject } from "./project";
import { RecordedResource, recordRegistrations } from "./recorder";
import { UnmockedInvokeError, awsInvokes } from "./invokes";
import { LogMessage, startOfflineEngine } from "./engine";

/** A stack output: known at preview, or known only after deployment. */
export type StackOutput = { known: true; value: unknown } | { known: false };

/** What the program registered and exported. */
export interface ProgramRun {
    resources: RecordedResource[];
    outputs: Record<string, StackOutput>;
    /** What the program logged (`pulumi.log.warn`, …), as the engine would receive it. */
    messages: LogMessage[];
}

/** The program failed: its own message, shown without a stack trace (exit status 2). */
export class ProgramError extends Error {}

/** Runs `project`'s program for `stack` with `config` (the `project:key` → string map). */
export async function runProgram(project: PulumiProject, stack: string, config: Record<string, string>): Promise<ProgramRun> {
    // The program's own copy of the SDK, resolved the way Node resolves it from the program: mocks must be set on
    // the copy the program's resources register through.
    const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [project.dir] }));
    const sdk = (module: string) => require(path.join(sdkDir, module));
    const runtime = sdk("runtime");
    const region = config["aws:region"] ?? "us-east-1";
    const invokes = awsInvokes(region);
    const resources: RecordedResource[] = [];
    const engine = await startOfflineEngine();
    // Where the language host tells the SDK its engine is: setMocks keeps this address, so logs reach our engine.
    sdk("runtime/state").getStore().settings.options.engineAddr = engine.address;
    runtime.setMocks({
        newResource: (args: { inputs: Record<string, unknown> }) => ({ id: undefined, state: { ...args.inputs } }),
        call: (args: { token: string; inputs: Record<string, unknown> }) => {
            const answer = invokes[args.token];
            if (!answer) {
                throw new UnmockedInvokeError(args.token);
            }
            return answer(args.inputs);
        },
    }, project.name, stack, /* preview: */ true);
    recordRegistrations(runtime.getMonitor(), sdk("runtime/rpc").deserializeProperties, r => resources.push(r));
    runtime.setAllConfig(config);

    // A program error can surface as a rejection or, from inside the SDK's resource initialisation, as an uncaught
    // exception: catch both while the program runs, so the user sees the message rather than a crash.
    const failures: unknown[] = [];
    const onFailure = (reason: unknown) => failures.push(reason);
    process.on("unhandledRejection", onFailure);
    process.on("uncaughtException", onFailure);
    let exported: Record<string, unknown> = {};
    try {
        await runtime.runInPulumiStack(async () => {
            exported = await loadProgram(project.entry);
            return exported;
        });
        await sdk("runtime/settings").waitForRPCs();
        // An input that fails to serialize (an `apply` that throws) releases its RPC and then rejects: Node reports
        // that rejection after the current microtasks, so give it one macrotask to arrive while we listen.
        await new Promise(resolve => setImmediate(resolve));
    } catch (error) {
        failures.unshift(error);
    } finally {
        // Closed while still listening: a late rejection of the failed program must not crash the preview.
        await engine.close();
        process.off("unhandledRejection", onFailure);
        process.off("uncaughtException", onFailure);
    }
    if (failures.length > 0) {
        // The SDK rejects more promises with the same error after the run (the stack's outputs, for one): they are
        // this failure, already reported, so they must not crash the process. Anything else still does.
        // Each input of a resource that failed the same way rejects with its own error object: compare messages.
        const reported = new Set(failures.map(messageOf));
        process.on("unhandledRejection", reason => {
            if (!reported.has(messageOf(reason))) {
                throw reason;
            }
        });
        throw new ProgramError(messageOf(failures[0]));
    }
    return { resources, outputs: await readOutputs(exported, sdk("index").Output), messages: engine.messages };
}

/** Loads the entry module; a module that exports a function is a program returning its outputs (`export =`). */
async function loadProgram(entry: string): Promise<Record<string, unknown>> {
    const exported = require(entry);
    const main = typeof exported === "function" ? exported
        : typeof exported?.default === "function" ? exported.default : undefined;
    return (main ? await main() : exported) ?? {};
}

type OutputClass = { isInstance(value: unknown): boolean };

async function readOutputs(exported: Record<string, unknown>, Output: OutputClass): Promise<Record<string, StackOutput>> {
    const outputs: Record<string, StackOutput> = {};
    for (const key of Object.keys(exported).filter(k => k !== "__esModule").sort()) {
        const value = exported[key];
        if (Output.isInstance(value)) {
            // `isKnown` and `promise()` are the Output's own accessors for what `apply` would see.
            const output = value as unknown as { isKnown: Promise<boolean>; promise(): Promise<unknown> };
            outputs[key] = (await output.isKnown) ? { known: true, value: await output.promise() } : { known: false };
        } else {
            outputs[key] = { known: true, value: await value };
        }
    }
    return outputs;
}

function messageOf(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    // The SDK wraps input failures as `error serializing property "x": <cause>`; the cause is what the user needs.
    return message.replace(/^error serializing property "[^"]*": /, "");
}
