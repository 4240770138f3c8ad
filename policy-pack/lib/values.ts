/**
 * Safe reads of resource properties that may hold values unknown during preview.
 *
 * The SDK wraps `props` in an unknown-checking proxy: reading an unknown value throws `UnknownValueError`, and if a
 * policy lets that escape, the SDK replaces the rest of the policy's run with one advisory "can't run policy during
 * preview" note, losing every later finding. These helpers catch that error at the single property read that
 * caused it and return the {@link UNKNOWN} marker instead, so each rule decides what an unknown value means.
 *
 * They also recognise the raw wire sentinels, so the same code works on unproxied data (tools that feed recorded
 * resources straight in, and tests).
 */
import type * as policy from "@pulumi/policy";

/** Marks a value that is unknown during preview (an Output not yet resolved on a fresh stack). */
export const UNKNOWN: unique symbol = Symbol("unknown");

/** A value read from resource properties: the value, `undefined` when absent, or {@link UNKNOWN}. */
export type Read = unknown;

/**
 * The sentinel strings the engine sends for unknown values (`@pulumi/policy/proxy.js`). On the wire every unknown is
 * the string sentinel; the others appear when a value is built in process.
 */
export const UNKNOWN_SENTINELS: readonly string[] = [
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string (what the engine sends for every unknown)
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
];

/** The sentinel the engine puts on the wire for any unknown value. */
export const UNKNOWN_WIRE_VALUE = UNKNOWN_SENTINELS[0];

// `UnknownValueError` is exported at run time, but its declaration is stripped from the published typings. Loaded on
// first use: in the pack @pulumi/policy is loaded already, and the offline preview, which imports this module for the
// sentinels alone, does not pay for loading the policy SDK (about 0.2 s).
let UnknownValueError: (new (...args: unknown[]) => Error) | undefined;
function unknownValueErrorClass(): (new (...args: unknown[]) => Error) | undefined {
    UnknownValueError ??= (require("@pulumi/policy") as typeof policy as unknown as { UnknownValueError: new (...args: unknown[]) => Error })
        .UnknownValueError;
    return UnknownValueError;
}

/** True when `error` is the SDK's signal that an unknown value was read through the proxy. */
export function isUnknownValueError(error: unknown): boolean {
    const errorClass = unknownValueErrorClass();
    return typeof errorClass === "function" && error instanceof errorClass;
}

/** True when `value` is {@link UNKNOWN} or a raw unknown sentinel. */
export function isUnknown(value: unknown): value is typeof UNKNOWN {
    return value === UNKNOWN || (typeof value === "string" && UNKNOWN_SENTINELS.includes(value));
}

/**
 * Reads `path` from `value` one key at a time. Returns `undefined` when any step is absent (or not an object),
 * {@link UNKNOWN} when any step is unknown, and the value otherwise. Never throws for unknowns.
 */
export function get(value: unknown, ...path: (string | number)[]): Read {
    let current: unknown = value;
    for (const key of path) {
        if (isUnknown(current)) {
            return UNKNOWN;
        }
        if (current === null || typeof current !== "object") {
            return undefined;
        }
        try {
            current = (current as Record<string | number, unknown>)[key];
        } catch (error) {
            if (isUnknownValueError(error)) {
                return UNKNOWN;
            }
            throw error;
        }
    }
    return isUnknown(current) ? UNKNOWN : current;
}

/**
 * Reads an array at `path` and returns its elements, each read safely: `undefined` when absent or not an array,
 * {@link UNKNOWN} when the whole array is unknown. Iterates by index, because `forEach`/`includes` on a proxied array
 * holding an unknown element would throw.
 */
export function items(value: unknown, ...path: (string | number)[]): Read[] | typeof UNKNOWN | undefined {
    const array = get(value, ...path);
    if (isUnknown(array)) {
        return UNKNOWN;
    }
    if (!Array.isArray(array)) {
        return undefined;
    }
    const out: Read[] = [];
    for (let i = 0; i < array.length; i++) {
        out.push(get(array, i));
    }
    return out;
}

/** Reads a string at `path`: the string, `undefined` when absent or not a string, or {@link UNKNOWN}. */
export function str(value: unknown, ...path: (string | number)[]): string | typeof UNKNOWN | undefined {
    const v = get(value, ...path);
    return isUnknown(v) ? UNKNOWN : typeof v === "string" ? v : undefined;
}

/** Reads a boolean at `path`, accepting the strings `"true"`/`"false"` some tools send. */
export function bool(value: unknown, ...path: (string | number)[]): boolean | typeof UNKNOWN | undefined {
    const v = get(value, ...path);
    if (isUnknown(v)) {
        return UNKNOWN;
    }
    if (typeof v === "boolean") {
        return v;
    }
    return v === "true" ? true : v === "false" ? false : undefined;
}

/** Reads a number at `path`, accepting numeric strings. */
export function num(value: unknown, ...path: (string | number)[]): number | typeof UNKNOWN | undefined {
    const v = get(value, ...path);
    if (isUnknown(v)) {
        return UNKNOWN;
    }
    if (typeof v === "number") {
        return v;
    }
    return typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v)) ? Number(v) : undefined;
}

/** The known strings among `values` (unknown and non-string elements dropped). */
export function knownStrings(values: Read[] | typeof UNKNOWN | undefined): string[] {
    return Array.isArray(values) ? values.filter((v): v is string => typeof v === "string" && !isUnknown(v)) : [];
}

/** How many of `values` are unknown (all of them, counted as one, when the array itself is unknown). */
export function unknownCount(values: Read[] | typeof UNKNOWN | undefined): number {
    if (values === UNKNOWN) {
        return 1;
    }
    return Array.isArray(values) ? values.filter(isUnknown).length : 0;
}

/** True when a property is present (set to something other than `undefined`/`null`), known or not. */
export function isSet(value: Read): boolean {
    return value !== undefined && value !== null;
}
