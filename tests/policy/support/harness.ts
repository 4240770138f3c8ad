/**
 * Runs one policy in process the way `@pulumi/policy`'s server does: props wrapped in the SDK's own
 * `unknownCheckingProxy`, stack resources linked by URN (parent, dependencies, property dependencies), the string
 * and object forms of `reportViolation`, `notApplicable`, and an escaped `UnknownValueError` turned into the SDK's
 * advisory "can't run policy" note (which specs then fail on). Unlike the SDK's exported RPC handlers, it takes the
 * policy's config directly.
 */
import * as policySdk from "@pulumi/policy";
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { WireResource } from "../../../policy-pack/protocol/wire";
import { StackFixture } from "./fixtures";

// Exported at run time, stripped from the published typings.
const sdk = policySdk as unknown as {
    unknownCheckingProxy<T extends object>(value: T): T;
    UnknownValueError: new (...args: unknown[]) => Error;
};

/** One reported finding; `message` is without the description line the SDK prepends. */
export interface Finding {
    level: string;
    message: string;
    urn?: string;
}

type Policy = ResourceValidationPolicy | StackValidationPolicy;

class NotApplicable extends Error {}

function collector(policy: Policy, level: string, findings: Finding[]) {
    const strip = (message: string) =>
        message.startsWith(`${policy.description}\n`) ? message.slice(policy.description.length + 1) : message;
    return (message: string | { message: string; urn?: string; enforcementLevel?: string }, urn?: string) => {
        if (typeof message === "string") {
            findings.push({ level, message: strip(message), urn });
        } else {
            findings.push({ level: message.enforcementLevel ?? level, message: strip(message.message), urn: message.urn });
        }
    };
}

async function guarded(policy: Policy, findings: Finding[], run: () => unknown): Promise<void> {
    try {
        await run();
    } catch (error) {
        if (error instanceof NotApplicable) {
            return;
        }
        if (error instanceof sdk.UnknownValueError) {
            findings.push({ level: "advisory", message: `can't run policy '${policy.name}' during preview: ${error.message}` });
            return;
        }
        throw error;
    }
}

function levelOf(policy: Policy, config: Record<string, unknown>): string {
    return (config.enforcementLevel as string | undefined) ?? policy.enforcementLevel ?? "advisory";
}

/** Runs a resource policy on one resource (or each resource of a fixture) with optional config. */
export async function runResourcePolicy(
    policy: ResourceValidationPolicy,
    resources: WireResource | WireResource[] | StackFixture,
    config: Record<string, unknown> = {},
): Promise<Finding[]> {
    const list = resources instanceof StackFixture ? resources.wire() : Array.isArray(resources) ? resources : [resources];
    const findings: Finding[] = [];
    const { enforcementLevel: _level, ...settings } = config;
    for (const resource of list) {
        const props = sdk.unknownCheckingProxy(JSON.parse(JSON.stringify(resource.properties)));
        const args = {
            type: resource.type,
            name: resource.name,
            urn: resource.urn,
            props,
            opts: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [], parent: resource.parent, customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 } },
            stackTags: new Map<string, string>(),
            getConfig: () => settings,
            notApplicable: (reason?: string): never => {
                throw new NotApplicable(reason);
            },
            isType: () => false,
            asType: () => undefined,
        };
        const validations = [policy.validateResource ?? []].flat();
        for (const validate of validations) {
            await guarded(policy, findings, () => validate(args as never, collector(policy, levelOf(policy, config), findings) as never));
        }
    }
    return findings;
}

/** Links wire resources into the PolicyResource graph a stack policy receives. */
export function toPolicyResources(resources: readonly WireResource[]): PolicyResource[] {
    const byUrn = new Map<string, PolicyResource>();
    const linked = resources.map(resource => {
        const props = sdk.unknownCheckingProxy(JSON.parse(JSON.stringify(resource.properties)));
        const policyResource = {
            type: resource.type,
            name: resource.name,
            urn: resource.urn,
            props,
            opts: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 } },
            dependencies: [] as PolicyResource[],
            propertyDependencies: {} as Record<string, PolicyResource[]>,
            isType: () => false,
            asType: () => undefined,
        } as unknown as PolicyResource;
        byUrn.set(resource.urn, policyResource);
        return { resource, policyResource };
    });
    for (const { resource, policyResource } of linked) {
        const lookup = (urns: string[]) => urns.map(u => byUrn.get(u)).filter((r): r is PolicyResource => !!r);
        policyResource.parent = resource.parent ? byUrn.get(resource.parent) : undefined;
        policyResource.dependencies = lookup(resource.dependencies ?? []);
        for (const [key, urns] of Object.entries(resource.propertyDependencies ?? {})) {
            policyResource.propertyDependencies[key] = lookup(urns);
        }
    }
    return linked.map(l => l.policyResource);
}

/** Runs a stack policy on a fixture with optional config. */
export async function runStackPolicy(
    policy: StackValidationPolicy,
    stack: StackFixture | WireResource[],
    config: Record<string, unknown> = {},
): Promise<Finding[]> {
    const resources = toPolicyResources(stack instanceof StackFixture ? stack.wire() : stack);
    const findings: Finding[] = [];
    const { enforcementLevel: _level, ...settings } = config;
    const args = {
        resources,
        stackTags: new Map<string, string>(),
        getConfig: () => settings,
        notApplicable: (reason?: string): never => {
            throw new NotApplicable(reason);
        },
    };
    await guarded(policy, findings, () =>
        policy.validateStack(args as never, collector(policy, levelOf(policy, config), findings) as never),
    );
    return findings;
}

/**
 * Runs any policy of the pack on a fixture as a preview does: its resource check on each resource (`Analyze`), then
 * its stack check once (`AnalyzeStack`); a policy may have both (lib/policy.ts `resourcePolicyWithStackCheck`).
 */
export async function runPolicy(policy: Policy, stack: StackFixture, config: Record<string, unknown> = {}): Promise<Finding[]> {
    const perResource = "validateResource" in policy ? await runResourcePolicy(policy as ResourceValidationPolicy, stack, config) : [];
    const whole = "validateStack" in policy ? await runStackPolicy(policy as StackValidationPolicy, stack, config) : [];
    return [...perResource, ...whole];
}
