import { FargateStackArgs } from "./fargateStackArgs";

/**
 * The defaults of every optional plain input, in one place. The TSDoc `@default` of each input in
 * `fargateStackArgs.ts` states the same value; `tests/docs.spec.ts` fails when the two disagree.
 */
export const DEFAULTS = {
    vpcCidrBlock: "10.0.0.0/16",
    availabilityZoneCount: 2,
    natGateways: "Single",
    allowedCidrBlocks: ["0.0.0.0/0"],
    taskRolePolicyArns: [],
    repositoryKeepImageCount: 30,
    createRepository: false,
    logRetentionDays: 30,
    cpu: 256,
    memoryMib: 512,
    cpuArchitecture: "X86_64",
    operatingSystemFamily: "LINUX",
    containerPort: 8080,
    environment: {},
    secrets: {},
    secretsKmsKeyArns: [],
    stopTimeoutSeconds: 30,
    readonlyRootFilesystem: true,
    writablePaths: [],
    targetHealthCheckPath: "/",
    targetHealthCheckMatcher: "200-399",
    targetHealthCheckIntervalSeconds: 10,
    targetHealthCheckTimeoutSeconds: 5,
    targetHealthyThreshold: 2,
    targetUnhealthyThreshold: 3,
    deregistrationDelaySeconds: 30,
    enableDeletionProtection: false,
    desiredCount: 2,
    healthCheckGracePeriodSeconds: 60,
    enableExecuteCommand: false,
    enableAutoscaling: true,
    minTaskCount: 2,
    maxTaskCount: 10,
    cpuTargetPercent: 70,
    memoryTargetPercent: 75,
    tags: {},
} as const satisfies Partial<Record<keyof FargateStackArgs, unknown>>;

/** Container health check defaults (ECS's own). */
export const HEALTH_CHECK_DEFAULTS = {
    intervalSeconds: 30,
    timeoutSeconds: 5,
    retries: 3,
    startPeriodSeconds: 0,
} as const;

/** `FargateStackArgs` with every defaulted plain input filled in. */
export type ResolvedArgs = FargateStackArgs & Required<Pick<FargateStackArgs, keyof typeof DEFAULTS>>;

/**
 * The inputs the user actually set: keys whose value is `undefined` or `null` (which other languages' SDKs send for
 * "not set") are dropped, so "was it given?" is one `!== undefined` check everywhere.
 */
export function givenArgs(args: FargateStackArgs | undefined): FargateStackArgs {
    return Object.fromEntries(Object.entries(args ?? {}).filter(([, v]) => v !== undefined && v !== null)) as FargateStackArgs;
}

/** Fills in the defaults of every optional plain input that was not given. */
export function resolveArgs(given: FargateStackArgs): ResolvedArgs {
    const resolved: Record<string, unknown> = { ...given };
    for (const [key, value] of Object.entries(DEFAULTS)) {
        if (resolved[key] === undefined) {
            // Copies, so no stack can change the shared defaults.
            resolved[key] = Array.isArray(value) ? [...value] : typeof value === "object" ? { ...value } : value;
        }
    }
    const { minTaskCount, maxTaskCount } = resolved;
    if (given.desiredCount === undefined && resolved.enableAutoscaling === true
        && typeof minTaskCount === "number" && typeof maxTaskCount === "number" && minTaskCount <= maxTaskCount) {
        // Setting only `minTaskCount: 3` must not fail on a desired count the user never chose.
        resolved.desiredCount = Math.min(Math.max(DEFAULTS.desiredCount, minTaskCount), maxTaskCount);
    }
    return resolved as unknown as ResolvedArgs;
}
