/**
 * Records every resource registration a program makes under Pulumi's mock runtime, with what the engine would see:
 * type, name, URN, parent, custom flag, inputs (unknowns kept), dependencies and property dependencies.
 *
 * `pulumi.runtime.setMocks` installs the SDK's own `MockMonitor`; its `Mocks.newResource` callback sees neither the
 * parent nor the dependencies, so we wrap the monitor's `registerResource` (the one place every registration passes)
 * and `readResource` (where `aws.<type>.get(name, id)` goes) instead of re-implementing the runtime.
 */
import type { MockMonitor } from "@pulumi/pulumi/runtime/mocks";

/** One registration as the engine would see it. */
export interface RecordedResource {
    type: string;
    name: string;
    urn: string;
    /** Parent URN; empty for the root stack resource. */
    parent: string;
    custom: boolean;
    /** Inputs as sent; in preview mode unknown values are the SDK's `unknown` marker. */
    inputs: Record<string, any>;
    dependencies: string[];
    /** Input name → URNs of the resources that input depends on. */
    propertyDependencies: Record<string, string[]>;
    /** The `ignoreChanges` resource option. */
    ignoreChanges: string[];
    /**
     * True for a resource read with `.get(name, id)` (the monitor's ReadResource): the engine reads it rather than
     * creating it, lists it in the stack the policy pack sees, and runs no resource policy on it. Its `inputs` are
     * the state the program passed plus its `id`.
     */
    read?: boolean;
    /**
     * True for a remote component (`remote: true` in the RegisterResourceRequest, as SDKs generated for component
     * packages such as awsx register them): its plugin creates its children, which an offline preview never sees.
     */
    remote?: boolean;
}

/**
 * Wraps `monitor.registerResource` and `monitor.readResource` so that each successful registration or read is passed
 * to `onRecord`. `deserialize` is the SDK's `deserializeProperties` from the same copy of `@pulumi/pulumi` the program
 * uses.
 */
export function recordRegistrations(
    monitor: MockMonitor,
    deserialize: (struct: any) => Record<string, any>,
    onRecord: (record: RecordedResource) => void,
): void {
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: (err: any, resp: any) => void) =>
        register(req, (err: any, resp: any) => {
            if (!err) {
                onRecord(toRecord(req, resp.getUrn(), deserialize));
            }
            callback(err, resp);
        });
    const read = monitor.readResource.bind(monitor);
    monitor.readResource = (req: any, callback: (err: any, resp: any) => void) =>
        read(req, (err: any, resp: any) => {
            if (!err) {
                onRecord(toReadRecord(req, resp.getUrn(), deserialize));
            }
            callback(err, resp);
        });
}

/** A read as the engine lists it: the state the program passed, with the ID it read (unknown markers kept). */
function toReadRecord(req: any, urn: string, deserialize: (struct: any) => Record<string, any>): RecordedResource {
    const state = deserialize(req.getProperties());
    // The ID travels as a serialized value of its own (the unknown sentinel when it is an Output not yet known).
    const { id } = deserialize({ toJavaScript: () => ({ id: req.getId() }) });
    return {
        type: req.getType(), name: req.getName(), urn, parent: req.getParent(), custom: true,
        inputs: { ...state, id }, dependencies: req.getDependenciesList(), propertyDependencies: {},
        ignoreChanges: [], read: true,
    };
}

function toRecord(req: any, urn: string, deserialize: (struct: any) => Record<string, any>): RecordedResource {
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
        propertyDependencies[key] = deps.getUrnsList();
    });
    return {
        type: req.getType(), name: req.getName(), urn, parent: req.getParent(), custom: req.getCustom(),
        inputs: deserialize(req.getObject()), dependencies: req.getDependenciesList(), propertyDependencies,
        ignoreChanges: req.getIgnorechangesList(), ...(req.getRemote() ? { remote: true } : {}),
    };
}
