import { ClusterArgs, LoadBalancerArgs, NetworkArgs, TagsArgs } from "./args/platformInputs";
import { CapacityArgs, ContainerPortArgs, TaskArgs } from "./args/taskInputs";
import { LoadBalancedServiceArgs, TaskCountArgs, UtilizationScalingArgs } from "./args/serviceInputs";
import { PlatformArgs } from "./platformArgs";
import { AlarmArgs, MonitoringArgs, QueueAlarmArgs, WebAlarmArgs } from "./args/operationsInputs";
import { WebServiceArgs } from "./webServiceArgs";
import { WorkerServiceArgs } from "./workerServiceArgs";
import { ScheduledTaskArgs } from "./scheduledTaskArgs";

/** Every input of every component: an input name means the same thing, with the same default, everywhere. */
export type AnyArgs = NetworkArgs & LoadBalancerArgs & ClusterArgs & TagsArgs & TaskArgs & CapacityArgs & ContainerPortArgs
    & LoadBalancedServiceArgs & TaskCountArgs & UtilizationScalingArgs & PlatformArgs & WebServiceArgs
    & WorkerServiceArgs & ScheduledTaskArgs & MonitoringArgs & AlarmArgs & WebAlarmArgs & QueueAlarmArgs;

/**
 * The defaults of every optional plain input of every component, in one place. The TSDoc `@default` of each input
 * states the same value; `tests/docs.spec.ts` fails when the two disagree.
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
    efsVolumes: [],
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
    scheduledCapacity: [],
    capacityStrategy: "OnDemand",
    onDemandBaseCount: 1,
    spotWeight: 3,
    cpuTargetPercent: 70,
    memoryTargetPercent: 75,
    tags: {},
    internal: false,
    enableSecretsEndpoints: false,
    enableExecuteCommandEndpoint: false,
    enableQueueEndpoint: false,
    maxReceiveCount: 5,
    queueVisibilityTimeoutSeconds: 30,
    messagesPerTask: 100,
    scheduleTimezone: "UTC",
    maxRetryAttempts: 2,
    taskCount: 1,
    alarmEmails: [],
    enableDashboard: true,
    enableAlarms: true,
    targetErrorRatePercent: 5,
    latencyThresholdMs: 1000,
    cpuAlarmPercent: 90,
    memoryAlarmPercent: 90,
    messageAgeAlarmSeconds: 900,
} as const satisfies Partial<Record<keyof AnyArgs, unknown>>;

/** Container health check defaults (ECS's own). */
export const HEALTH_CHECK_DEFAULTS = {
    intervalSeconds: 30,
    timeoutSeconds: 5,
    retries: 3,
    startPeriodSeconds: 0,
} as const;

/**
 * Some inputs of some component, as the shared validation sees them: each check applies to the inputs a component
 * has, and a value the component does not take is `undefined` there.
 */
export type Inputs = Partial<AnyArgs>;

/** EFS volume defaults: the access point's POSIX user, and a read-write mount. */
export const EFS_VOLUME_DEFAULTS = {
    readOnly: false,
    posixUid: 1000,
    posixGid: 1000,
} as const;

/** Scheduled capacity defaults. */
export const SCHEDULED_CAPACITY_DEFAULTS = {
    scheduleTimezone: "UTC",
} as const;

/** Args with every defaulted plain input filled in. */
export type Resolved<T> = T & Required<Pick<T, Extract<keyof T, keyof typeof DEFAULTS>>>;

/**
 * The inputs the user actually set: keys whose value is `undefined` or `null` (which other languages' SDKs send for
 * "not set") are dropped, so "was it given?" is one `!== undefined` check everywhere.
 */
export function givenArgs<T extends object>(args: T | undefined): T {
    return Object.fromEntries(Object.entries(args ?? {}).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/** Fills in the defaults of the component's optional plain inputs (`inputKeys`) that were not given. */
export function resolveArgs<T extends object>(given: T, inputKeys: readonly string[]): Resolved<T> {
    const resolved = { ...given } as Record<string, unknown>;
    for (const [key, value] of Object.entries(DEFAULTS)) {
        if (inputKeys.includes(key) && resolved[key] === undefined) {
            // Copies, so no stack can change the shared defaults.
            resolved[key] = Array.isArray(value) ? [...value] : typeof value === "object" ? { ...value } : value;
        }
    }
    const { minTaskCount, maxTaskCount } = resolved;
    const desiredGiven = (given as { desiredCount?: unknown }).desiredCount !== undefined;
    if (inputKeys.includes("desiredCount") && !desiredGiven && resolved.enableAutoscaling === true
        && typeof minTaskCount === "number" && typeof maxTaskCount === "number" && minTaskCount <= maxTaskCount) {
        // Setting only `minTaskCount: 3` must not fail on a desired count the user never chose.
        resolved.desiredCount = Math.min(Math.max(DEFAULTS.desiredCount, minTaskCount), maxTaskCount);
    }
    return resolved as Resolved<T>;
}
