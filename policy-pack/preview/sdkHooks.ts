/**
 * Where the offline preview watches the program's copy of the SDK beyond the mock monitor: which registrations and
 * invokes the program started and has not finished (to say what a stuck preview waits for), which invokes the SDK
 * answered without asking the mocks (arguments unknown during preview), and the method calls of remote components
 * that the mock monitor cannot answer.
 *
 * Registrations start in a resource's constructor, long before they reach the monitor (the SDK first waits for every
 * input), so a stack transformation (public API: it sees every resource the program constructs) marks the start and
 * the mocks' `newResource` the end. Invokes start in `pulumi.runtime.invoke`/`invokeOutput`, which every generated
 * SDK function calls through the runtime module at call time; wrapping them there is the only place that sees an
 * invoke the SDK answers on its own. An AsyncLocalStorage context ties each call to the mocks' `call` it leads to.
 */
import { AsyncLocalStorage } from "async_hooks";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { OfflineInvokes } from "./invokes";
import { UNKNOWN_WIRE_VALUE } from "../lib/values";

/** What the program has started and not finished, by kind and name. */
export class PendingWork {
    private readonly registrations = new Map<string, number>();
    private readonly invokes = new Map<string, number>();

    registrationStarted(type: string, name: string): void {
        bump(this.registrations, `${type} "${name}"`, 1);
    }

    registrationDone(type: string, name: string): void {
        bump(this.registrations, `${type} "${name}"`, -1);
    }

    /** Marks an invoke as started; call the returned function when it settles. */
    invokeStarted(token: string): () => void {
        bump(this.invokes, token, 1);
        return () => bump(this.invokes, token, -1);
    }

    /** One line per pending resource registration and invoke, sorted. */
    describe(): string[] {
        const lines = (map: Map<string, number>, kind: string) =>
            [...map].filter(([, n]) => n > 0).map(([what, n]) => `${kind} ${what}${n > 1 ? ` (${n} calls)` : ""}`).sort();
        return [...lines(this.registrations, "resource"), ...lines(this.invokes, "invoke")];
    }
}

function bump(map: Map<string, number>, key: string, by: number): void {
    const count = (map.get(key) ?? 0) + by;
    if (count > 0) {
        map.set(key, count);
    } else {
        map.delete(key);
    }
}

/** One invoke in flight: set when the SDK asked the mocks for its answer. */
interface InvokeCall {
    asked: boolean;
}

const invokeContext = new AsyncLocalStorage<InvokeCall>();

/** For the mocks' `call`: notes that the SDK asked for the answer of the invoke in flight. */
export function noteInvokeAsked(): void {
    const call = invokeContext.getStore();
    if (call) {
        call.asked = true;
    }
}

type Runtime = Record<string, any>;

/**
 * Tracks the program's registrations from their constructor on; call inside `runInPulumiStack`, before the program
 * loads (a stack transformation needs the stack resource, and applies to resources constructed after it).
 */
export function trackRegistrations(runtime: Runtime, pending: PendingWork): void {
    runtime.registerStackTransformation((args: { type: string; name: string }) => {
        pending.registrationStarted(args.type, args.name);
        return undefined; // observe only: the resource is registered unchanged
    });
}

/**
 * Wraps the runtime's invoke functions of the program's SDK copy: tracks each call while it is pending, logs the ones
 * the SDK answered without asking, and gives the promise form a result the program can read in their place.
 * `unknown` is that copy's unknown marker (what the SDK hands a program for an unknown value).
 */
export function wrapInvokes(runtime: Runtime, invokes: OfflineInvokes, pending: PendingWork, unknown: unknown): void {
    // Methods of remote components (`call`, `callSingle`) return Outputs too, and are tracked the same way.
    for (const name of ["invoke", "invokeSingle", "invokeOutput", "invokeSingleOutput", "call", "callSingle"]) {
        const original = runtime[name];
        if (typeof original !== "function") {
            continue;
        }
        const isPromiseForm = name === "invoke" || name === "invokeSingle";
        runtime[name] = (token: string, ...rest: unknown[]) => {
            const call: InvokeCall = { asked: false };
            const done = pending.invokeStarted(token);
            const result = invokeContext.run(call, () => original(token, ...rest));
            const settled = (isPromiseForm ? result : result.isKnown) as Promise<unknown>;
            settled.then(() => call.asked || invokes.noteUnasked(token), () => undefined).finally(done);
            if (name !== "invoke") {
                return result;
            }
            // Asked or not, the promise form's value: when the SDK answered `{}` on its own, every field the program
            // reads would be missing, so it gets the unknown result's shape instead.
            return (result as Promise<unknown>).then(value =>
                call.asked ? value : toProgramValue(invokes.answerUnasked(token, {}), unknown));
        };
    }
}

/** A wire result as the program sees it: the unknown sentinel becomes the SDK's unknown marker. */
function toProgramValue(value: unknown, unknown: unknown): any {
    if (value === UNKNOWN_WIRE_VALUE) {
        return unknown;
    }
    if (Array.isArray(value)) {
        return value.map(item => toProgramValue(item, unknown));
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toProgramValue(v, unknown)]));
    }
    return value;
}

/**
 * Answers methods of remote components (an `eks.Cluster`'s `getKubeconfig()`: the SDK's `call`), which their plugin
 * would answer: the SDK's mock monitor has no `call`, and the program would fail with "monitor.call is not a
 * function". The answer is the user's (`--invokes`, keyed by the method's token) or an unknown result.
 */
export function answerMethodCalls(monitor: Record<string, any>, providerProto: any, invokes: OfflineInvokes): void {
    if (typeof monitor.call === "function") {
        return;
    }
    monitor.call = (req: any, callback: (err: unknown, response?: unknown) => void) => {
        noteInvokeAsked();
        const response = new providerProto.CallResponse();
        response.setReturn(Struct.fromJavaScript(invokes.answerMethod(req.getTok()) as Record<string, never>));
        callback(null, response);
    };
}

/**
 * Bookkeeping the SDK does only for a real engine, which the offline preview turns off while the program runs (each
 * piece is looked up on its module at call time by every caller in the SDK; the returned function restores them):
 *
 * - stacks: every promise the SDK creates is stamped with `new Error().stack` (`debuggablePromise` in
 *   runtime/debuggable.js, for the leak report a language host prints when a program exits with work outstanding),
 *   and every resource records the whole stack of its construction (`Resource.callsites`, with no depth limit, for
 *   the CLI's source positions). Capturing and formatting them (under ts-node, source-map-support maps every frame
 *   through its source map) took 2.6 s of a 7.4 s preview of a platform of 20 services. `debuggablePromise` now runs
 *   with `Error.stackTraceLimit` at 0 (the SDK's own function still does everything else: leak candidates, ids,
 *   context) and `Resource.callsites` answers no frames (the SDK then sends no source position, which the engine
 *   treats as optional). Every other stack, such as the program's own errors, which the preview explains, is captured
 *   as before.
 * - debug logs: the SDK sends the engine a debug message per registration step (`log.debug`), which the CLI shows
 *   only with `--debug` and the offline preview never shows. Serializing and sending them over gRPC allocated about
 *   25 MB for 20 services. `log.debug` now resolves at once; warnings and errors reach the engine as before.
 */
export function skipSdkBookkeeping(sdk: (module: string) => any): () => void {
    const debuggable = sdk("runtime/debuggable");
    const resourceClass = sdk("resource").Resource;
    const log = sdk("log");
    const saved = { debuggablePromise: debuggable.debuggablePromise, callsites: resourceClass.callsites, debug: log.debug };
    debuggable.debuggablePromise = function withoutStack(this: unknown, ...args: unknown[]) {
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        try {
            return saved.debuggablePromise.apply(this, args);
        } finally {
            Error.stackTraceLimit = limit;
        }
    };
    resourceClass.callsites = () => [];
    log.debug = () => Promise.resolve();
    return () => {
        debuggable.debuggablePromise = saved.debuggablePromise;
        resourceClass.callsites = saved.callsites;
        log.debug = saved.debug;
    };
}
