/**
 * An index over a stack's resources for cross-resource rules.
 *
 * On a fresh stack's first preview every ID and ARN is unknown, so a reference such as a service's subnet IDs cannot
 * be matched by value. The engine does record which resources each input was built from (`propertyDependencies`,
 * keyed by top-level input name): rules follow those links by URN and fall back to matching known IDs, ARNs and names
 * (an update, or a literal ID in the program).
 */
import { PolicyResource } from "@pulumi/policy";
import { isUnknown, str } from "./values";

/** A resource plus how it was reached, for messages. */
export type Resource = PolicyResource;

/** The identifiers other resources may use to refer to `resource` by value (known `id`, `arn`, `name`). */
export function knownIdentifiers(resource: Resource): string[] {
    const out: string[] = [];
    for (const key of ["id", "arn", "name"]) {
        const value = str(resource.props, key);
        if (typeof value === "string" && value !== "") {
            out.push(value);
        }
    }
    return out;
}

/**
 * True for a resource the program read with `.get(name, id)` instead of creating it, as this preview shows it: its ID
 * is known and it carries no other state. The offline preview cannot read the account, so it records only the ID (and
 * any state the program passed to `.get`); the Pulumi CLI reads the resource and sends its whole state, which rules
 * judge like any other. Rules must never take the state such a resource does not show for settings left unset.
 */
export function isReadResource(resource: Resource): boolean {
    const id = str(resource.props, "id");
    return typeof id === "string" && id !== "" && Object.keys(resource.props).every(key => key === "id");
}

/** `"name" (id)` for a read resource, the way messages name one. */
export function readLabel(resource: Resource): string {
    return `"${resource.name}" (${str(resource.props, "id") as string}, read with .get)`;
}

/** Read-only lookups over the resources of one stack. */
export class StackIndex {
    private readonly byType = new Map<string, Resource[]>();

    constructor(readonly resources: readonly Resource[]) {
        for (const resource of resources) {
            const list = this.byType.get(resource.type) ?? [];
            list.push(resource);
            this.byType.set(resource.type, list);
        }
    }

    /** Resources of any of `types`, in stack order. */
    ofType(...types: readonly string[]): Resource[] {
        return types.flatMap(type => this.byType.get(type) ?? []);
    }

    /**
     * Resources of any of `types` whose settings this preview shows, in stack order: all of them but those read with
     * `.get` that carry only their ID ({@link isReadResource}), which a rule judging settings must not take as unset.
     */
    withSettings(...types: readonly string[]): Resource[] {
        return this.ofType(...types).filter(resource => !isReadResource(resource));
    }

    /** The resources of `types` that `resource`'s input `key` was built from. */
    dependenciesOf(resource: Resource, key: string, types: readonly string[]): Resource[] {
        const deps = resource.propertyDependencies?.[key] ?? [];
        return unique(deps.filter(dep => types.includes(dep.type)));
    }

    /**
     * The resources of `types` whose input `key` refers to `target`: through a property dependency, or by holding
     * one of `target`'s known identifiers as a literal value.
     */
    referrers(target: Resource, types: readonly string[], key: string): Resource[] {
        const ids = knownIdentifiers(target);
        return this.ofType(...types).filter(candidate => {
            if ((candidate.propertyDependencies?.[key] ?? []).some(dep => dep.urn === target.urn)) {
                return true;
            }
            const value = str(candidate.props, key);
            return typeof value === "string" && ids.includes(value);
        });
    }

    /** The resource of `types` whose known `id`, `arn` or `name` equals `value`. */
    findByIdentifier(value: string, types: readonly string[]): Resource | undefined {
        return this.ofType(...types).find(candidate => knownIdentifiers(candidate).includes(value));
    }
}

/** `resources` without repeats (by URN), order kept. */
export function unique(resources: readonly Resource[]): Resource[] {
    const seen = new Set<string>();
    return resources.filter(r => (seen.has(r.urn) ? false : (seen.add(r.urn), true)));
}

/**
 * What a list-valued reference (subnet IDs, security group IDs) resolves to: the in-stack resources it was built
 * from, the literal values that match none of them, and whether some entries are unknown.
 */
export interface ReferenceSet {
    /** In-stack resources, found through property dependencies or by a known identifier. */
    resources: Resource[];
    /** Resources read with `.get` whose state this preview does not show ({@link isReadResource}). */
    read: Resource[];
    /** Known literal values that match no resource in the stack. */
    external: string[];
    /** True when the list has unknown entries that the resources its input depends on do not account for. */
    untraceable: boolean;
}

/**
 * Resolves a list of IDs read from `owner` (already read safely into `values`) against the resources of `types`
 * that `owner`'s input `key` depends on.
 */
export function resolveReferences(
    stack: StackIndex,
    owner: Resource,
    key: string,
    values: unknown[] | symbol | undefined,
    types: readonly string[],
): ReferenceSet {
    const resources = stack.dependenciesOf(owner, key, types);
    const fromDependencies = resources.length;
    const external: string[] = [];
    let unknownEntries = isUnknown(values) ? 1 : 0;
    for (const value of Array.isArray(values) ? values : []) {
        if (isUnknown(value)) {
            unknownEntries++;
        } else if (typeof value === "string") {
            const match = stack.findByIdentifier(value, types);
            if (match) {
                resources.push(match);
            } else {
                external.push(value);
            }
        }
    }
    // Unknown entries are Outputs; when the input depends on resources of the right type they are those resources'
    // IDs. Entries beyond those come from somewhere the stack cannot show (a component output, a function).
    const untraceable = isUnknown(values) ? fromDependencies === 0 : unknownEntries > fromDependencies;
    // A state without `id` in its outputs cannot be matched by value; when the input depends on at least as many such
    // resources as there are unmatched literals, the literals are those resources' IDs, not outside resources.
    const withoutId = resources.filter(r => typeof str(r.props, "id") !== "string").length;
    const outside = external.length <= withoutId - unknownEntries ? [] : external;
    const all = unique(resources);
    return { resources: all.filter(r => !isReadResource(r)), read: all.filter(isReadResource), external: outside, untraceable };
}
