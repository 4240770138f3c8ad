import * as pulumi from "@pulumi/pulumi";
import { FargateStackArgs } from "../fargateStackArgs";
import { DEFAULTS } from "../defaults";
import { RENAMED_INPUTS, renamedInputWarning } from "../validation";

/** How a config key is read: Pulumi stores every value as a string and structured values as JSON. */
type Kind = "string" | "number" | "boolean" | "stringArray" | "stringMap" | "object" | "objectArray";

/**
 * Every config key the root program reads: `name` (the component's name) and one key per `FargateStackArgs` input,
 * under the same name. Typing this as a record over the args' keys makes the compiler fail when an input is added
 * without a config key.
 */
export const CONFIG_KEYS: { name: Kind } & Record<keyof FargateStackArgs, Kind> = {
    name: "string",
    vpcCidrBlock: "string", availabilityZoneCount: "number", natGateways: "string",
    vpcId: "string", publicSubnetIds: "stringArray", privateSubnetIds: "stringArray",
    allowedCidrBlocks: "stringArray",
    taskRolePolicyArns: "stringArray", taskRolePolicyJson: "string",
    image: "string", repositoryCredentialsSecretArn: "string", createRepository: "boolean", imageTag: "string", imageBuildContextPath: "string", repositoryKeepImageCount: "number",
    logRetentionDays: "number", logKmsKeyArn: "string",
    clusterArn: "string",
    cpu: "number", memoryMib: "number", cpuArchitecture: "string", operatingSystemFamily: "string",
    capacityStrategy: "string", onDemandBaseCount: "number", spotWeight: "number",
    containerPort: "number", environment: "stringMap", secrets: "stringMap",
    secretsKmsKeyArns: "stringArray", command: "stringArray",
    containerHealthCheck: "object", stopTimeoutSeconds: "number", readonlyRootFilesystem: "boolean",
    writablePaths: "stringArray", efsVolumes: "objectArray", user: "string",
    targetHealthCheckPath: "string", targetHealthCheckMatcher: "string", targetHealthCheckIntervalSeconds: "number",
    targetHealthCheckTimeoutSeconds: "number", targetHealthyThreshold: "number", targetUnhealthyThreshold: "number",
    deregistrationDelaySeconds: "number", domainName: "string", hostedZoneId: "string", certificateArn: "string",
    enableDeletionProtection: "boolean",
    desiredCount: "number", healthCheckGracePeriodSeconds: "number", enableExecuteCommand: "boolean",
    enableAutoscaling: "boolean", minTaskCount: "number", maxTaskCount: "number", scheduledCapacity: "objectArray",
    cpuTargetPercent: "number",
    memoryTargetPercent: "number", requestsPerTaskPerMinute: "number",
    alarmTopicArn: "string", alarmEmails: "stringArray", enableDashboard: "boolean", enableAlarms: "boolean",
    targetErrorRatePercent: "number", latencyThresholdMs: "number", cpuAlarmPercent: "number", memoryAlarmPercent: "number",
    tags: "object",
    // Old names (see RENAMED_INPUTS), read as their new names with a deprecation warning until 0.3.0.
    memoryMiB: "number", healthCheck: "object", healthCheckPath: "string", healthCheckMatcher: "string",
    healthCheckIntervalSeconds: "number", healthCheckTimeoutSeconds: "number", healthyThreshold: "number",
    unhealthyThreshold: "number", minCount: "number", maxCount: "number", requestsPerTarget: "number",
};

/** The component's name when the stack config does not set `name`. */
export const DEFAULT_NAME = "web";

/** What the root program builds from a stack's config. */
export interface StackConfig {
    name: string;
    args: FargateStackArgs;
    /** Deprecation warnings for keys set under an old name; the program logs them. */
    warnings: string[];
}

/**
 * Reads the stack config of `project` (every `<project>:<key>` entry of `allConfig`) into `FargateStackArgs`.
 * Unknown keys and values of the wrong type are all reported together in one `pulumi.RunError`, which the CLI
 * prints without a stack trace; keys of other namespaces (`aws:region`, …) are left to their owners.
 */
export function readStackConfig(project: string, allConfig: Record<string, string>): StackConfig {
    const config = new pulumi.Config(project);
    const problems: string[] = [];
    const values: Record<string, unknown> = {};
    for (const fullKey of Object.keys(allConfig).sort()) {
        const [namespace, key] = splitKey(fullKey);
        if (namespace !== project) {
            continue;
        }
        const kind = (CONFIG_KEYS as Record<string, Kind>)[key];
        if (kind === undefined) {
            problems.push(unknownKeyMessage(project, key, allConfig[fullKey]));
            continue;
        }
        try {
            const value = read(config, key, kind);
            if (!isComponentDefault(key, value)) {
                values[key] = value;
            }
        } catch {
            problems.push(`\`${project}:${key}\` must be ${describe(kind)}; got ${JSON.stringify(allConfig[fullKey])}. ` +
                howToSet(key, kind));
        }
    }
    const warnings = renameOldKeys(project, values, problems);
    if (problems.length > 0) {
        throw new pulumi.RunError(`Stack config of project "${project}" is invalid (${problems.length === 1 ? "1 problem" : `${problems.length} problems`}):\n` +
            problems.map(p => `  - ${p}`).join("\n"));
    }
    const { name, ...args } = values;
    return { name: (name as string | undefined) ?? DEFAULT_NAME, args: args as FargateStackArgs, warnings };
}

/**
 * Moves values set under an old key (see `RENAMED_INPUTS`) to the new key, so the component gets one name; returns
 * a warning per old key, naming the stack config key the user has to rename.
 */
function renameOldKeys(project: string, values: Record<string, unknown>, problems: string[]): string[] {
    const warnings: string[] = [];
    for (const [oldKey, newKey] of Object.entries(RENAMED_INPUTS)) {
        if (!(oldKey in values)) {
            continue;
        }
        if (newKey in values) {
            problems.push(`\`${project}:${oldKey}\` is the old name of \`${project}:${newKey}\`, which is also set; got ` +
                `${JSON.stringify(values[oldKey])}. Remove \`${project}:${oldKey}\` from the stack config.`);
        } else {
            values[newKey] = values[oldKey];
            warnings.push(renamedInputWarning(oldKey, newKey, `Stack config key \`${project}:${oldKey}\``)
                .replace(`use \`${newKey}\``, `rename it to \`${project}:${newKey}\``));
        }
        delete values[oldKey];
    }
    return warnings;
}

/**
 * Pulumi.yaml declares the component's defaults as the project's config defaults, and the CLI then passes them as
 * if the stack had set them. Leaving such values unset lets the component apply its own default and the rules that
 * depend on whether an input was given (a new VPC's fields are rejected together with `vpcId` only when set).
 */
function isComponentDefault(key: string, value: unknown): boolean {
    const defaults: Record<string, unknown> = DEFAULTS;
    return key in defaults && JSON.stringify(defaults[key]) === JSON.stringify(value);
}

function splitKey(fullKey: string): [string, string] {
    const colon = fullKey.indexOf(":");
    return colon < 0 ? ["", fullKey] : [fullKey.slice(0, colon), fullKey.slice(colon + 1)];
}

function read(config: pulumi.Config, key: string, kind: Kind): unknown {
    switch (kind) {
        case "string":
            return config.get(key);
        case "number":
            return config.getNumber(key);
        case "boolean":
            return config.getBoolean(key);
        case "stringArray": {
            const value = config.getObject<unknown>(key);
            if (!Array.isArray(value) || value.some(v => typeof v !== "string")) {
                throw new Error("not a string array");
            }
            return value;
        }
        case "stringMap": {
            const value = config.getObject<unknown>(key);
            if (!isPlainObject(value) || Object.values(value).some(v => typeof v !== "string")) {
                throw new Error("not a string map");
            }
            return value;
        }
        case "object": {
            const value = config.getObject<unknown>(key);
            if (!isPlainObject(value)) {
                throw new Error("not an object");
            }
            return value;
        }
        case "objectArray": {
            const value = config.getObject<unknown>(key);
            if (!Array.isArray(value) || !value.every(isPlainObject)) {
                throw new Error("not a list of objects");
            }
            return value;
        }
    }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(kind: Kind): string {
    return {
        string: "a string", number: "a number", boolean: "true or false", stringArray: "a list of strings",
        stringMap: "a map of strings", object: "an object", objectArray: "a list of objects",
    }[kind];
}

function howToSet(key: string, kind: Kind): string {
    switch (kind) {
        case "number":
            return `Set a number with \`pulumi config set ${key} <number>\`.`;
        case "boolean":
            return `Set true or false, e.g. \`pulumi config set ${key} true\`.`;
        case "stringArray":
            return `Set list items with \`pulumi config set --path '${key}[0]' <value>\`.`;
        case "objectArray":
            return `Set list items with \`pulumi config set --path '${key}[0].<field>' <value>\`.`;
        default:
            return `Set fields with \`pulumi config set --path '${key}.<field>' <value>\`.`;
    }
}

function unknownKeyMessage(project: string, key: string, value: string): string {
    const suggestion = closestKey(key);
    const fix = suggestion
        ? `Did you mean \`${project}:${suggestion}\`?`
        : `Use one of the keys listed in Pulumi.yaml.`;
    return `\`${project}:${key}\` is not a config key of this project; got ${JSON.stringify(value)}. ${fix}`;
}

/** The known key closest to `key` by edit distance, if it is close enough to be a likely typo. */
export function closestKey(key: string): string | undefined {
    let best: { key: string; distance: number } | undefined;
    for (const candidate of Object.keys(CONFIG_KEYS).filter(k => !(k in RENAMED_INPUTS))) {
        const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
        if (!best || distance < best.distance) {
            best = { key: candidate, distance };
        }
    }
    return best && best.distance <= Math.max(2, Math.floor(key.length / 4)) ? best.key : undefined;
}

/** Levenshtein distance: small and dependency-free, so no package is added for one typo hint. */
function editDistance(a: string, b: string): number {
    let previous = [...Array(b.length + 1).keys()];
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
