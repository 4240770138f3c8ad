/**
 * Runs a Pulumi Node.js program offline, as a fresh stack's `pulumi preview` would: under the SDK's mock runtime
 * in preview mode (every value a provider computes is unknown), inside the SDK's own root `Stack` resource, with the
 * stack's config set the way the language host sets it. Returns every registration and the stack outputs.
 */
import * as path from "path";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { PulumiProject, stackConfigFile, stackRegion } from "./project";
import { RecordedResource, recordRegistrations } from "./recorder";
import { InvokeAnswers, InvokeRecord, OfflineInvokes } from "./invokes";
import { LogMessage, startOfflineEngine } from "./engine";
import { PendingWork, answerMethodCalls, noteInvokeAsked, skipSdkBookkeeping, trackRegistrations, wrapInvokes } from "./sdkHooks";
import { explainFailure, messageOf } from "./failures";
import { UNKNOWN_WIRE_VALUE } from "../lib/values";

/**
 * A stack output: known at preview (parts known only after deployment carry the engine's unknown marker, a secret
 * shows as `[secret]`), or known only after deployment as a whole.
 */
export type StackOutput = { known: true; value: unknown } | { known: false };

/** What the program registered and exported. */
export interface ProgramRun {
    resources: RecordedResource[];
    outputs: Record<string, StackOutput>;
    /** What the program logged (`pulumi.log.warn`, …), as the engine would receive it. */
    messages: LogMessage[];
    /** The data sources the program called and how each was answered. */
    invokes: InvokeRecord[];
}

/** The program failed: its own message, shown without a stack trace (exit status 2). */
export class ProgramError extends Error {}

/** Options of one program run. */
export interface RunOptions {
    /** How long the program may take before the preview gives up and says what it was waiting for. */
    timeoutMs: number;
    /** The user's answers to invokes (`--invokes`), by token. @default none */
    invokeAnswers?: InvokeAnswers;
    /** Called with each resource as it is registered (the engine analyzes it then). @default none */
    onResource?: (record: RecordedResource) => void;
}

/** Runs `project`'s program for `stack` with `config` (the `project:key` → string map). */
export async function runProgram(project: PulumiProject, stack: string, config: Record<string, string>, options: RunOptions): Promise<ProgramRun> {
    const sdk = programSdk(project);
    const runtime = sdk("runtime");
    // The region data sources answer with: the stack's (as the cost estimate prices it), else a placeholder.
    const invokes = new OfflineInvokes(stackRegion(config) ?? "us-east-1", project.dir, options.invokeAnswers);
    const pending = new PendingWork();
    const resources: RecordedResource[] = [];
    const engine = await startOfflineEngine();
    // Where the language host tells the SDK its engine is: setMocks keeps this address, so logs reach our engine.
    sdk("runtime/state").getStore().settings.options.engineAddr = engine.address;
    runtime.setMocks({
        newResource: (args: { type: string; name: string; inputs: Record<string, unknown> }) => {
            pending.registrationDone(args.type, args.name);
            return { id: undefined, state: { ...args.inputs } };
        },
        call: (args: { token: string; inputs: Record<string, unknown> }) => {
            noteInvokeAsked();
            try {
                return invokes.answer(args.token, args.inputs);
            } catch (error) {
                // The SDK rethrows an invoke's failure as `new Error(err.details)`: without details the program would
                // see an empty message.
                const message = `The offline answer to the invoke ${args.token} failed: ${messageOf(error)}`;
                throw Object.assign(new Error(message), { details: message });
            }
        },
    }, project.name, stack, /* preview: */ true);
    recordRegistrations(runtime.getMonitor(), asAnalyzersSeeIt(sdk("runtime/rpc")), record => {
        resources.push(record);
        options.onResource?.(record);
    });
    wrapInvokes(runtime, invokes, pending, sdk("output").unknown);
    answerMethodCalls(runtime.getMonitor(), sdk("proto/provider_pb"), invokes);
    const stackOutputs = captureStackOutputs(runtime.getMonitor(), sdk("runtime/rpc"));
    runtime.setAllConfig(config);

    // A program error can surface as a rejection or, from inside the SDK's resource initialisation, as an uncaught
    // exception: catch both while the program runs, so the user sees the message rather than a crash. The first one
    // ends the run, as the language host ends a program on its first unhandled error: whatever the SDK still waits
    // for after it may never come.
    const failures: unknown[] = [];
    let failed!: () => void;
    const firstFailure = new Promise<void>(resolve => (failed = resolve));
    const onFailure = (reason: unknown) => {
        failures.push(reason);
        failed();
    };
    process.on("unhandledRejection", onFailure);
    process.on("uncaughtException", onFailure);
    const restoreBookkeeping = skipSdkBookkeeping(sdk);
    const finished = (async () => {
        // The program's exports become the stack's outputs, which the SDK registers (captureStackOutputs).
        await runtime.runInPulumiStack(async () => {
            trackRegistrations(runtime, pending);
            return loadProgram(project.entry);
        });
        await sdk("runtime/settings").waitForRPCs();
    })().catch(error => {
        failures.unshift(error);
        failed();
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">(resolve => (timer = setTimeout(() => resolve("timeout"), options.timeoutMs)));
    let outcome: unknown;
    try {
        // After a failure, one more macrotask lets its siblings arrive (an input that fails to serialize releases its
        // RPC and then rejects, reported after the current microtasks), so the first message is the program's own.
        outcome = await Promise.race([finished, firstFailure.then(nextMacrotask), timedOut]);
        if (failures.length === 0) {
            await nextMacrotask();
        }
    } finally {
        clearTimeout(timer);
        restoreBookkeeping();
        // Closed while still listening: a late rejection of the failed program must not crash the preview.
        await engine.close();
        process.off("unhandledRejection", onFailure);
        process.off("uncaughtException", onFailure);
    }
    if (failures.length > 0 || outcome === "timeout") {
        // The SDK rejects more promises after a failure (the stack's outputs, every input of a failed resource) and
        // may still be waiting when the time is up: the preview is ending with the first failure or the timeout, so
        // what comes after is not reported again, and must not crash the process.
        process.on("unhandledRejection", () => undefined);
        if (failures.length > 0) {
            throw new ProgramError(explainFailure(failures[0], { dir: project.dir, stackFile: path.basename(stackConfigFile(project, stack)), project: project.name }));
        }
        throw new ProgramError(timeoutMessage(options.timeoutMs, pending.describe()));
    }
    return { resources, outputs: stackOutputs.read(), messages: engine.messages, invokes: invokes.records() };
}

/** The program's own copy of the SDK: mocks must be set on the copy the program's resources register through. */
function programSdk(project: PulumiProject): (module: string) => any {
    let sdkDir: string;
    try {
        sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [project.dir] }));
    } catch {
        throw new ProgramError(
            `The program in ${project.dir} cannot load @pulumi/pulumi: it is not installed there. Run \`npm install\` ` +
                "in that directory (a Pulumi Node.js program lists @pulumi/pulumi in its package.json dependencies; " +
                "add it with `npm install @pulumi/pulumi` if it does not).",
        );
    }
    return (module: string) => require(path.join(sdkDir, module));
}

/**
 * Deserializes a registration's inputs the way the engine marshals them for a policy pack: a reference to another
 * resource (`aws.ecs.Service({cluster: clusterResource})`, a target group passed to an awsx component) becomes that
 * resource's ID (unknown on a fresh stack) when it is a custom resource, and its URN when it is a component, as the
 * engine does when it does not keep resource references (its analyzers get plain values).
 */
function asAnalyzersSeeIt(rpc: any): (struct: any) => Record<string, any> {
    const isReference = (value: any) => value?.[rpc.specialSigKey] === rpc.specialResourceSig;
    const plain = (value: any): any => {
        if (isReference(value)) {
            return "id" in value ? value.id : value.urn;
        }
        if (Array.isArray(value)) {
            return value.map(plain);
        }
        if (value !== null && typeof value === "object") {
            return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, plain(member)]));
        }
        return value;
    };
    return struct => rpc.deserializeProperties(Struct.fromJavaScript(plain(struct.toJavaScript())));
}

function nextMacrotask(): Promise<void> {
    return new Promise(resolve => setImmediate(resolve));
}

/** What a preview that ran out of time says: what the program was still waiting for, and what to do. */
function timeoutMessage(timeoutMs: number, waiting: string[]): string {
    const seconds = `${timeoutMs / 1000} s`;
    const what = waiting.length > 0
        ? [`It was still waiting for:`, ...waiting.map(line => `  - ${line}`)].join("\n")
        : "Nothing Pulumi started was pending: the program itself was waiting on a promise that never settled.";
    return [
        `The program did not finish within ${seconds} (--timeout); the preview stopped it.`,
        what,
        "Look for a promise that is never resolved (an `await` on it, or an input built from it), or, if the " +
            "program is just slow, give it more time with --timeout <seconds>.",
    ].join("\n");
}

/** Loads the entry module; a module that exports a function is a program returning its outputs (`export =`). */
async function loadProgram(entry: string): Promise<Record<string, unknown>> {
    const exported = require(entry);
    const main = typeof exported === "function" ? exported
        : typeof exported?.default === "function" ? exported.default : undefined;
    return (main ? await main() : exported) ?? {};
}

/**
 * The stack's outputs as the SDK registers them with the engine (`registerResourceOutputs` of the root `Stack`, which
 * `runInPulumiStack` makes from the program's exports): resources turned into their outputs, `undefined` exports
 * dropped, Outputs inside arrays and objects resolved one by one. An output unknown as a whole is `known: false`; one
 * partly known keeps the engine's unknown marker where a part is unknown; a secret (the SDK's secret signature on the
 * wire, `rpc`'s) shows as `[secret]`, as `pulumi preview` shows one without --show-secrets.
 */
function captureStackOutputs(monitor: Record<string, any>, rpc: any): { read(): Record<string, StackOutput> } {
    // `runInPulumiStack` registers the stack's outputs (an empty object when the program exports nothing).
    let captured: Record<string, unknown> = {};
    const register = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req: any, callback: (err: any, resp: any) => void) => {
        if (String(req.getUrn()).split("::")[2] === "pulumi:pulumi:Stack") {
            captured = req.getOutputs()?.toJavaScript() ?? {};
        }
        return register(req, callback);
    };
    const hideSecrets = (value: unknown): unknown => {
        if (Array.isArray(value)) {
            return value.map(hideSecrets);
        }
        if (value !== null && typeof value === "object") {
            const record = value as Record<string, unknown>;
            return record[rpc.specialSigKey] === rpc.specialSecretSig ? "[secret]"
                : Object.fromEntries(Object.entries(record).map(([key, member]) => [key, hideSecrets(member)]));
        }
        return value;
    };
    return {
        read: () => Object.fromEntries(Object.keys(captured).sort().map(key => [key,
            captured[key] === UNKNOWN_WIRE_VALUE ? { known: false } : { known: true, value: hideSecrets(captured[key]) }])),
    };
}
