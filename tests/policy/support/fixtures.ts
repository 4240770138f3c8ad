/**
 * A builder for stacks of resources as the engine hands them to a policy pack: type, name, URN, properties with
 * unknowns as the wire sentinel, parent, and property dependencies by URN. One fixture feeds the in-process harness
 * (PolicyResource objects with proxied props) and the gRPC client (WireResource objects), so every spec describes
 * resources once. Recorded resources from a preview can be loaded with {@link StackFixture.fromWire}.
 */
import { WireResource } from "../../../policy-pack/protocol/wire";
import { UNKNOWN_WIRE_VALUE } from "../../../policy-pack/lib/values";

/** The value the engine sends for anything unknown during preview. */
export const U = UNKNOWN_WIRE_VALUE;

/** A reference to a resource in a fixture. */
export interface Handle {
    type: string;
    name: string;
    urn: string;
}

interface Entry {
    handle: Handle;
    properties: Record<string, unknown>;
    parent?: string;
    propertyDependencies: Record<string, string[]>;
}

/** A mutable description of one stack. */
export class StackFixture {
    private readonly entries: Entry[] = [];

    constructor(
        readonly project = "fargate",
        readonly stack = "dev",
    ) {}

    /** Builds a fixture from recorded wire resources (for example an offline preview's registrations). */
    static fromWire(resources: readonly WireResource[]): StackFixture {
        const fixture = new StackFixture();
        for (const r of resources) {
            fixture.entries.push({
                handle: { type: r.type, name: r.name, urn: r.urn },
                properties: clone(r.properties),
                parent: r.parent,
                propertyDependencies: clone(r.propertyDependencies ?? {}),
            });
        }
        return fixture;
    }

    /** Adds a resource; `dependsOn` maps top-level input names to the resources they were built from. */
    add(
        type: string,
        name: string,
        properties: Record<string, unknown>,
        dependsOn: Record<string, Handle[]> = {},
        parent?: Handle,
    ): Handle {
        const qualified = parent ? `${parent.urn.split("::")[2]}$${type}` : type;
        const handle = { type, name, urn: `urn:pulumi:${this.stack}::${this.project}::${qualified}::${name}` };
        this.entries.push({
            handle,
            properties: clone(properties),
            parent: parent?.urn,
            propertyDependencies: Object.fromEntries(Object.entries(dependsOn).map(([k, hs]) => [k, hs.map(h => h.urn)])),
        });
        return handle;
    }

    /** The handle of the resource named `name`. */
    get(name: string): Handle {
        return this.entry(name).handle;
    }

    /** Changes a resource's properties in place (one mutation per test). */
    update(name: string, mutate: (properties: Record<string, any>) => void): this {
        mutate(this.entry(name).properties);
        return this;
    }

    /** Replaces the property dependencies of one input. */
    dependOn(name: string, key: string, handles: Handle[]): this {
        this.entry(name).propertyDependencies[key] = handles.map(h => h.urn);
        return this;
    }

    /** Removes a resource (and every property dependency on it). */
    remove(name: string): this {
        const gone = this.entry(name);
        this.entries.splice(this.entries.indexOf(gone), 1);
        for (const entry of this.entries) {
            for (const key of Object.keys(entry.propertyDependencies)) {
                entry.propertyDependencies[key] = entry.propertyDependencies[key].filter(u => u !== gone.handle.urn);
            }
        }
        return this;
    }

    /** The properties of one resource (a copy). */
    properties(name: string): Record<string, any> {
        return clone(this.entry(name).properties);
    }

    /** A deep copy of this fixture, so a shared base stack can be mutated per test. */
    clone(): StackFixture {
        return StackFixture.fromWire(this.wire());
    }

    /** The resources as the Analyzer protocol carries them. */
    wire(): WireResource[] {
        return this.entries.map(entry => ({
            ...entry.handle,
            properties: clone(entry.properties),
            parent: entry.parent,
            dependencies: [...new Set(Object.values(entry.propertyDependencies).flat())],
            propertyDependencies: clone(entry.propertyDependencies),
        }));
    }

    private entry(name: string): Entry {
        const entry = this.entries.find(e => e.handle.name === name);
        if (!entry) {
            throw new Error(`No resource named "${name}" in the fixture.`);
        }
        return entry;
    }
}

function clone<T>(value: T): T {
    return value === undefined ? value : JSON.parse(JSON.stringify(value));
}
