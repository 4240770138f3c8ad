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

    /** Records a problem when `value` is set but is not an integer within `range`. */
    checkRange(path: string, value: unknown, range: NumericRange, fix?: string): void {
        if (value !== undefined && !(typeof value === "number" && inRange(value, range))) {
            this.add(path, `must be an integer from ${range.min} to ${range.max}`, value,
                fix ?? `Use a value from ${range.min} to ${range.max}.`);
        }
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

    /** The problems recorded so far. */
    list(): readonly string[] {
        return this.messages;
    }

    /**
     * Throws one `pulumi.ResourceError` listing every problem when there is any. It is attached to `resource` (the
     * component's parent, if any: the component itself is not registered yet) and hides the stack trace, which
     * would only show our own code.
     */
    throwIfAny(componentName: string, resource: pulumi.Resource | undefined): void {
        if (this.messages.length === 0) {
            return;
        }
        const count = this.messages.length === 1 ? "1 problem" : `${this.messages.length} problems`;
        const lines = this.messages.map(m => `  - ${m}`).join("\n");
        throw new pulumi.ResourceError(
            `FargateStack "${componentName}" has invalid arguments (${count}); nothing was created:\n${lines}`,
            resource, true);
    }
}

/** Shows a received value the way the user wrote it: strings quoted, arrays and objects as JSON. */
export function show(value: unknown): string {
    if (value === undefined) {
        return "undefined";
    }
    if (pulumi.Output.isInstance(value)) {
        return "an Output";
    }
    return typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value);
}
