/**
 * Records every resource registration a program makes under Pulumi's mock runtime, with what the engine would see:
 * type, name, URN, parent, custom flag, inputs (unknowns kept), dependencies and property dependencies.
 *
 * `pulumi.runtime.setMocks` installs the SDK's own `MockMonitor`; its `Mocks.newResource` callback sees neither the
 * parent nor the dependencies, so we wrap the monitor's `registerResource` (the one place every registration passes)
 * instead of re-implementing the runtime.
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
}

/**
 * Wraps `monitor.registerResource` so that each successful registration is passed to `onRecord`. `deserialize` is
 * the SDK's `deserializeProperties` from the same copy of `@pulumi/pulumi` the program uses.
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
}

function toRecord(req: any, urn: string, deserialize: (struct: any) => Record<string, any>): RecordedResource {
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
        propertyDependencies[key] = deps.getUrnsList();
    });
    return {
        type: req.getType(), name: req.getName(), urn, parent: req.getParent(), custom: req.getCustom(),
        inputs: deserialize(req.getObject()), dependencies: req.getDependenciesList(), propertyDependencies,
        ignoreChanges: req.getIgnorechangesList(),
    };
}
