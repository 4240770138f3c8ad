import * as pulumi from "@pulumi/pulumi";
import { NumericRange, inRange } from "../rules";

/**
 * Collects input problems in the project's error format: `` `arg.path` problem; got VALUE. How to fix. ``
 */
export class Problems {
    private readonly messages: string[] = [];

    /** Records one problem. `fix` is a full sentence ending in a period. */
    add(path: string, problem: string, got: unknown, fix: string): void {
        this.messages.push(`\`${path}\` ${problem}; got ${show(got)}. ${fix}`);
    }

    /**
     * Records a problem when `value` is set but is not an integer within `range`. Returns whether the value is valid,
     * so checks that relate it to other values can be skipped when it is not.
     */
    checkRange(path: string, value: unknown, range: NumericRange, fix?: string): boolean {
        if (value === undefined) {
            return true;
        }
        if (typeof value === "number" && inRange(value, range)) {
            return true;
        }
        this.add(path, `must be an integer from ${range.min} to ${range.max}`, value,
            fix ?? `Use a value from ${range.min} to ${range.max}.`);
        return false;
    }

    /** Records a problem when `value` is set but is not one of `allowed`. */
    checkOneOf(path: string, value: unknown, allowed: readonly string[]): void {
        if (value !== undefined && !allowed.includes(value as string)) {
            this.add(path, `must be one of ${allowed.join(", ")}`, value, `Use one of ${allowed.join(", ")}.`);
        }
    }

    /** Records a problem when `value` is set but is not a boolean. */
    checkBoolean(path: string, value: unknown): void {
        if (value !== undefined && typeof value !== "boolean") {
            this.add(path, "must be true or false", value, "Use true or false.");
        }
    }

    /** Puts `other`'s problems before this one's (problems found earlier, reported first). */
    prepend(other: Problems): void {
        this.messages.unshift(...other.messages);
    }

    /** The problems recorded so far. */
    list(): readonly string[] {
        return this.messages;
    }

    /**
     * Throws one `pulumi.ResourceError` listing every problem when there is any, headed by the component's kind and
     * name (`WebService "api"`). It is attached to `resource` (the component's parent, if any: the component itself
     * is not registered yet) and hides the stack trace, which would only show our own code. `beforeAnyChild` is false
     * for checks of Outputs, which run after registration began.
     */
    throwIfAny(component: ComponentLabel, resource: pulumi.Resource | undefined, beforeAnyChild: boolean = true): void {
        if (this.messages.length === 0) {
            return;
        }
        const count = this.messages.length === 1 ? "1 problem" : `${this.messages.length} problems`;
        const lines = this.messages.map(m => `  - ${m}`).join("\n");
        // Checks of values that arrived as Outputs run while children are being registered: don't claim otherwise.
        const stage = beforeAnyChild ? "; nothing was created" : "";
        throw new pulumi.ResourceError(`${component.kind} "${component.name}" has invalid arguments (${count})${stage}:\n${lines}`,
            resource, true);
    }
}

/** Which component the problems belong to: its class (`WebService`) and its name. */
export interface ComponentLabel {
    kind: string;
    name: string;
}

/**
 * A received value described in words instead of shown, e.g. when showing it would print a secret into CI logs.
 */
export class Described {
    constructor(readonly text: string) {}
}

/** Describes a received value in words instead of showing it. */
export function described(text: string): Described {
    return new Described(text);
}

/** Shows a received value the way the user wrote it: strings quoted, arrays and objects as JSON. */
export function show(value: unknown): string {
    if (value instanceof Described) {
        return value.text;
    }
    if (value === undefined) {
        return "undefined";
    }
    if (pulumi.Output.isInstance(value)) {
        return "an Output";
    }
    return typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(withoutOutputs(value));
}

/** Outputs refuse JSON.stringify (their toJSON throws), so nested ones are shown as a placeholder. */
function withoutOutputs(value: unknown): unknown {
    if (pulumi.Output.isInstance(value)) {
        return "<Output>";
    }
    if (Array.isArray(value)) {
        return value.map(withoutOutputs);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutOutputs(v)]));
    }
    return value;
}

/** True for a plain `{...}` map (not an array, not null, not an Output). */
export function isPlainMap(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value) && !pulumi.Output.isInstance(value);
}
