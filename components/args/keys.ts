/**
 * The input names of each component, at run time: interfaces vanish when TypeScript compiles, and a component must
 * tell an input it does not take (a load balancer setting on a worker, say) from one it does. Each list is typed
 * against its interface, so adding an input without listing it (or listing one that does not exist) fails to compile.
 */
import { ClusterArgs, LoadBalancerArgs, NetworkArgs, TagsArgs } from "./platformInputs";
import { CapacityArgs, ContainerPortArgs, TaskArgs } from "./taskInputs";
import { LoadBalancedServiceArgs, TaskCountArgs, UtilizationScalingArgs } from "./serviceInputs";
import { AlarmArgs, MonitoringArgs, QueueAlarmArgs, WebAlarmArgs } from "./operationsInputs";
import { PlatformArgs } from "../platformArgs";
import { WebServiceArgs } from "../webServiceArgs";
import { WorkerServiceArgs } from "../workerServiceArgs";
import { ScheduledTaskArgs } from "../scheduledTaskArgs";

const keys = <T>(record: Record<keyof T, true>) => Object.keys(record) as (keyof T & string)[];

export const NETWORK_KEYS = keys<NetworkArgs>({
    vpcCidrBlock: true, availabilityZoneCount: true, natGateways: true, vpcId: true, publicSubnetIds: true,
    privateSubnetIds: true,
});
export const LOAD_BALANCER_KEYS = keys<LoadBalancerArgs>({
    allowedCidrBlocks: true, domainName: true, hostedZoneId: true, certificateArn: true, enableDeletionProtection: true,
});
export const CLUSTER_KEYS = keys<ClusterArgs>({ clusterArn: true });
export const TAGS_KEYS = keys<TagsArgs>({ tags: true });
export const TASK_KEYS = keys<TaskArgs>({
    taskRolePolicyArns: true, taskRolePolicyJson: true, image: true, repositoryCredentialsSecretArn: true,
    createRepository: true, imageTag: true,
    imageBuildContextPath: true, repositoryKeepImageCount: true, logRetentionDays: true, logKmsKeyArn: true, cpu: true,
    memoryMib: true, cpuArchitecture: true, operatingSystemFamily: true, environment: true, secrets: true,
    secretsKmsKeyArns: true, command: true, containerHealthCheck: true, stopTimeoutSeconds: true,
    readonlyRootFilesystem: true, writablePaths: true, efsVolumes: true, user: true, enableExecuteCommand: true,
});
export const CONTAINER_PORT_KEYS = keys<ContainerPortArgs>({ containerPort: true });
export const CAPACITY_KEYS = keys<CapacityArgs>({ capacityStrategy: true, onDemandBaseCount: true, spotWeight: true });
export const LOAD_BALANCED_KEYS = keys<LoadBalancedServiceArgs>({
    targetHealthCheckPath: true, targetHealthCheckMatcher: true, targetHealthCheckIntervalSeconds: true,
    targetHealthCheckTimeoutSeconds: true, targetHealthyThreshold: true, targetUnhealthyThreshold: true,
    deregistrationDelaySeconds: true, healthCheckGracePeriodSeconds: true, requestsPerTaskPerMinute: true,
});
export const TASK_COUNT_KEYS = keys<TaskCountArgs>({
    desiredCount: true, enableAutoscaling: true, minTaskCount: true, maxTaskCount: true, scheduledCapacity: true,
});
export const UTILIZATION_KEYS = keys<UtilizationScalingArgs>({ cpuTargetPercent: true, memoryTargetPercent: true });
export const MONITORING_KEYS = keys<MonitoringArgs>({ alarmTopicArn: true, alarmEmails: true, enableDashboard: true });
export const ALARM_KEYS = keys<AlarmArgs>({ enableAlarms: true });
export const WEB_ALARM_KEYS = keys<WebAlarmArgs>({
    targetErrorRatePercent: true, latencyThresholdMs: true, cpuAlarmPercent: true, memoryAlarmPercent: true,
});
export const QUEUE_ALARM_KEYS = keys<QueueAlarmArgs>({ messageAgeAlarmSeconds: true });

/** Every input of each component, own and inherited (FargateStack's renamed inputs aside). */
export const INPUT_KEYS = {
    FargateStack: [...NETWORK_KEYS, ...LOAD_BALANCER_KEYS, ...CLUSTER_KEYS, ...TASK_KEYS, ...CAPACITY_KEYS, ...CONTAINER_PORT_KEYS,
        ...LOAD_BALANCED_KEYS, ...TASK_COUNT_KEYS, ...UTILIZATION_KEYS, ...MONITORING_KEYS, ...ALARM_KEYS, ...WEB_ALARM_KEYS,
        ...TAGS_KEYS],
    Platform: [...NETWORK_KEYS, ...LOAD_BALANCER_KEYS, ...CLUSTER_KEYS, ...MONITORING_KEYS, ...TAGS_KEYS,
        ...keys<Omit<PlatformArgs, keyof (NetworkArgs & LoadBalancerArgs & ClusterArgs & MonitoringArgs & TagsArgs)>>({
            serviceConnectNamespace: true, enableSecretsEndpoints: true, enableExecuteCommandEndpoint: true, enableQueueEndpoint: true,
            logRetentionDays: true, logKmsKeyArn: true,
        })],
    WebService: [...TASK_KEYS, ...CAPACITY_KEYS, ...CONTAINER_PORT_KEYS, ...LOAD_BALANCED_KEYS, ...TASK_COUNT_KEYS, ...UTILIZATION_KEYS,
        ...ALARM_KEYS, ...WEB_ALARM_KEYS, ...TAGS_KEYS,
        ...keys<Omit<WebServiceArgs, keyof (TaskArgs & CapacityArgs & ContainerPortArgs & LoadBalancedServiceArgs & TaskCountArgs
            & UtilizationScalingArgs & AlarmArgs & WebAlarmArgs & TagsArgs)>>({
            platform: true, internal: true, hostHeaders: true, pathPatterns: true, priority: true, discoveryName: true,
        })],
    WorkerService: [...TASK_KEYS, ...CAPACITY_KEYS, ...TASK_COUNT_KEYS, ...ALARM_KEYS, ...QUEUE_ALARM_KEYS, ...TAGS_KEYS,
        ...keys<Omit<WorkerServiceArgs, keyof (TaskArgs & CapacityArgs & TaskCountArgs & AlarmArgs & QueueAlarmArgs & TagsArgs)>>({
            platform: true, queueArn: true, maxReceiveCount: true, queueVisibilityTimeoutSeconds: true, messagesPerTask: true,
        })],
    ScheduledTask: [...TASK_KEYS, ...CAPACITY_KEYS, ...ALARM_KEYS, ...TAGS_KEYS,
        ...keys<Omit<ScheduledTaskArgs, keyof (TaskArgs & CapacityArgs & AlarmArgs & TagsArgs)>>({
            platform: true, schedule: true, scheduleTimezone: true, maxRetryAttempts: true, taskCount: true,
        })],
} as const;
