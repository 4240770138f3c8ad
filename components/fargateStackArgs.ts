import { ContainerHealthCheck } from "./args/taskInputs";
import { ClusterArgs, LoadBalancerArgs, NetworkArgs, TagsArgs } from "./args/platformInputs";
import { CapacityArgs, ContainerPortArgs, TaskArgs } from "./args/taskInputs";
import { LoadBalancedServiceArgs, TaskCountArgs, UtilizationScalingArgs } from "./args/serviceInputs";
import { AlarmArgs, MonitoringArgs, WebAlarmArgs } from "./args/operationsInputs";

export { CapacityStrategy, CpuArchitecture, NatGatewayStrategy, OperatingSystemFamily } from "./args/enums";
export { ContainerHealthCheck } from "./args/taskInputs";

/**
 * Inputs of {@link FargateStack}: the platform's (network, load balancer, cluster) and one public web service's
 * (task, target group, task count and scaling), plus tags. Each input means what the input of the same name of
 * `Platform` or `WebService` means.
 */
export interface FargateStackArgs extends NetworkArgs, LoadBalancerArgs, ClusterArgs, TaskArgs, CapacityArgs, ContainerPortArgs,
    LoadBalancedServiceArgs, TaskCountArgs, UtilizationScalingArgs, MonitoringArgs, AlarmArgs, WebAlarmArgs, TagsArgs {
    // ---- Deprecated names, accepted until fargate-stack 0.3.0 (see "Naming" in the README) --------------------

    /**
     * Deprecated: use `memoryMib`, the same input under its new name; accepted with a warning until 0.3.0.
     * Default: the value of `memoryMib`.
     * @default - the value of `memoryMib`
     * @deprecated Use `memoryMib`.
     */
    memoryMiB?: number;
    /**
     * Deprecated: use `containerHealthCheck`, the same input under its new name; accepted with a warning until 0.3.0.
     * Default: the value of `containerHealthCheck`.
     * @default - the value of `containerHealthCheck`
     * @deprecated Use `containerHealthCheck`.
     */
    healthCheck?: ContainerHealthCheck;
    /**
     * Deprecated: use `targetHealthCheckPath`, the same input under its new name; accepted with a warning until 0.3.0.
     * Default: the value of `targetHealthCheckPath`.
     * @default - the value of `targetHealthCheckPath`
     * @deprecated Use `targetHealthCheckPath`.
     */
    healthCheckPath?: string;
    /**
     * Deprecated: use `targetHealthCheckMatcher`, the same input under its new name; accepted with a warning until 0.3.0.
     * Default: the value of `targetHealthCheckMatcher`.
     * @default - the value of `targetHealthCheckMatcher`
     * @deprecated Use `targetHealthCheckMatcher`.
     */
    healthCheckMatcher?: string;
    /**
     * Deprecated: use `targetHealthCheckIntervalSeconds`, the same input under its new name; accepted with a warning
     * until 0.3.0.
     * Default: the value of `targetHealthCheckIntervalSeconds`.
     * @default - the value of `targetHealthCheckIntervalSeconds`
     * @deprecated Use `targetHealthCheckIntervalSeconds`.
     */
    healthCheckIntervalSeconds?: number;
    /**
     * Deprecated: use `targetHealthCheckTimeoutSeconds`, the same input under its new name; accepted with a warning
     * until 0.3.0.
     * Default: the value of `targetHealthCheckTimeoutSeconds`.
     * @default - the value of `targetHealthCheckTimeoutSeconds`
     * @deprecated Use `targetHealthCheckTimeoutSeconds`.
     */
    healthCheckTimeoutSeconds?: number;
    /**
     * Deprecated: use `targetHealthyThreshold`, the same input under its new name; accepted with a warning until 0.3.0.
     * Default: the value of `targetHealthyThreshold`.
     * @default - the value of `targetHealthyThreshold`
     * @deprecated Use `targetHealthyThreshold`.
     */
    healthyThreshold?: number;
    /**
     * Deprecated: use `targetUnhealthyThreshold`, the same input under its new name; accepted with a warning until 0.3.0.
     * Default: the value of `targetUnhealthyThreshold`.
     * @default - the value of `targetUnhealthyThreshold`
     * @deprecated Use `targetUnhealthyThreshold`.
     */
    unhealthyThreshold?: number;
    /**
     * Deprecated: use `minTaskCount`, the same input under its new name; accepted with a warning until 0.3.0.
     * Default: the value of `minTaskCount`.
     * @default - the value of `minTaskCount`
     * @deprecated Use `minTaskCount`.
     */
    minCount?: number;
    /**
     * Deprecated: use `maxTaskCount`, the same input under its new name; accepted with a warning until 0.3.0.
     * Default: the value of `maxTaskCount`.
     * @default - the value of `maxTaskCount`
     * @deprecated Use `maxTaskCount`.
     */
    maxCount?: number;
    /**
     * Deprecated: use `requestsPerTaskPerMinute`, the same input under its new name; accepted with a warning until 0.3.0.
     * Default: the value of `requestsPerTaskPerMinute`.
     * @default - the value of `requestsPerTaskPerMinute`
     * @deprecated Use `requestsPerTaskPerMinute`.
     */
    requestsPerTarget?: number;
}
