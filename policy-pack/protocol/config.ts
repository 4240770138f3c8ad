/**
 * Policy pack configuration as the Pulumi CLI resolves a `--policy-pack-config` file before calling `Configure`:
 * every policy starts from its own level and the `default` of each setting in its schema, `all` then sets every
 * level, and per-policy entries override levels and settings (pkg/resource/analyzer ReconcilePolicyPackConfig).
 */
import { AnalyzerSummary, EnforcementLevelName } from "./wire";

/** One entry of a config file: a level, or an object with an optional level and settings. */
export type PolicyConfigEntry =
    | EnforcementLevelName
    | ({ enforcementLevel?: EnforcementLevelName } & Record<string, unknown>);

/** The JSON of a `--policy-pack-config` file: `all` and/or policy names as keys. */
export type PolicyPackConfigFile = Record<string, PolicyConfigEntry>;

/** The resolved config of one policy, as sent in `Configure`. */
export interface ResolvedPolicyConfig {
    enforcementLevel: EnforcementLevelName;
    properties: Record<string, unknown>;
}

function split(entry: PolicyConfigEntry): { level?: EnforcementLevelName; properties: Record<string, unknown> } {
    if (typeof entry === "string") {
        return { level: entry, properties: {} };
    }
    const { enforcementLevel, ...properties } = entry;
    return { level: enforcementLevel, properties };
}

/**
 * Resolves `file` against the pack's policies. Throws for names that are neither `all` nor a policy of the pack,
 * since a misspelt policy name would otherwise be ignored without a word.
 */
export function resolvePolicyConfig(
    info: AnalyzerSummary,
    file: PolicyPackConfigFile = {},
): Record<string, ResolvedPolicyConfig> {
    const names = new Set(info.policies.map(policy => policy.name));
    const unknown = Object.keys(file).filter(key => key !== "all" && !names.has(key));
    if (unknown.length > 0) {
        const known = [...names].join(", ");
        throw new Error(`Policy config names unknown policies: ${unknown.join(", ")}. Known: ${known}.`);
    }
    const all = file.all === undefined ? undefined : split(file.all).level;
    const resolved: Record<string, ResolvedPolicyConfig> = {};
    for (const policy of info.policies) {
        const defaults = Object.fromEntries(
            Object.entries(policy.configSchema ?? {})
                .filter(([, schema]) => schema.default !== undefined)
                .map(([key, schema]) => [key, schema.default]),
        );
        const given = file[policy.name] === undefined ? { properties: {} } : split(file[policy.name]);
        resolved[policy.name] = {
            enforcementLevel: given.level ?? all ?? policy.enforcementLevel,
            properties: { ...defaults, ...given.properties },
        };
    }
    return resolved;
}
