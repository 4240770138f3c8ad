/**
 * Remote components: a component registration the program sends with `remote: true` (what SDKs generated for a
 * component package, such as awsx's, do) is built by that package's plugin, which creates the component's children.
 * An offline preview does not run plugins, so such a component reaches the policy pack alone, with the program's
 * inputs and no children. The pack judges some of them from their inputs (awsx's ECS, load balancer and VPC
 * components, lib/awsx.ts); every other one is reported as not checked, and `--strict` fails the preview on it.
 */
import { RecordedResource } from "./recorder";
import { INPUT_CHECKED_COMPONENTS } from "../lib/awsx";

/** A remote component the preview shows without its children. */
export interface RemoteComponent {
    type: string;
    name: string;
    urn: string;
    /** The package whose plugin creates its resources: the first part of its type token (`awsx`). */
    plugin: string;
    /** True when the pack's mandatory rules judge its inputs; false when nothing checks what it creates. */
    checkedFromInputs: boolean;
}

/** The remote components among `resources` whose children the preview does not hold, by type and name. */
export function remoteComponents(resources: readonly RecordedResource[]): RemoteComponent[] {
    const parents = new Set(resources.map(r => r.parent));
    return resources
        .filter(r => r.remote === true && !r.custom && !parents.has(r.urn))
        .map(r => ({
            type: r.type, name: r.name, urn: r.urn, plugin: r.type.split(":")[0],
            checkedFromInputs: INPUT_CHECKED_COMPONENTS.includes(r.type),
        }))
        // Registrations reach the monitor in no fixed order: list them by type and name.
        .sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
}

/** What the report says about one remote component. */
export function remoteVerdict(component: RemoteComponent): string {
    return component.checkedFromInputs
        ? `mandatory rules checked from its inputs (its resources are created by the ${component.plugin} plugin)`
        : `not checked: its resources are created by the ${component.plugin} plugin`;
}
