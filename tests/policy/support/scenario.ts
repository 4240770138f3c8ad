/**
 * One-line scenarios for policy specs: take the secure stack, apply one mutation, run one policy in process, and
 * compare `{level, message}` pairs exactly.
 */
import * as assert from "assert";
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { UNVERIFIED_PREFIX } from "../../../policy-pack/lib/policy";
import { StackFixture } from "./fixtures";
import { Finding, runPolicy } from "./harness";
import { secureStack } from "./stacks";

/** A finding without its URN, for exact comparison. */
export type Result = Pick<Finding, "level" | "message">;

/**
 * Runs `policy` on the secure stack (or another `base`) after `mutate`, with `config` (an entry of a policy config
 * file).
 */
export async function scenario(
    policy: ResourceValidationPolicy | StackValidationPolicy,
    mutate: (stack: StackFixture) => void = () => undefined,
    config: Record<string, unknown> = {},
    base: () => StackFixture = secureStack,
): Promise<Result[]> {
    const stack = base();
    mutate(stack);
    const findings = await runPolicy(policy, stack, config);
    return findings.map(({ level, message }) => ({ level, message }));
}

/** Asserts the scenario reports exactly `expected`. */
export async function expectFindings(
    policy: ResourceValidationPolicy | StackValidationPolicy,
    mutate: ((stack: StackFixture) => void) | undefined,
    expected: Result[],
    config: Record<string, unknown> = {},
    base: () => StackFixture = secureStack,
): Promise<void> {
    assert.deepStrictEqual(await scenario(policy, mutate, config, base), expected);
}

/** A mandatory finding. */
export const mandatory = (message: string): Result => ({ level: "mandatory", message });

/** An advisory finding. */
export const advisory = (message: string): Result => ({ level: "advisory", message });

/** A "cannot verify" finding, at the advisory level unless `unverifiedLevel` says otherwise. */
export const unverified = (message: string, level = "advisory"): Result => ({ level, message: `${UNVERIFIED_PREFIX}${message}` });
