/**
 * fargate-stack: production-grade, secure-by-default AWS ECS Fargate workloads as Pulumi components. `FargateStack`
 * is one public web service with its own network, cluster and load balancer; `Platform` is that foundation shared by
 * many `WebService`, `WorkerService` and `ScheduledTask` workloads.
 */
export { FargateStack } from "./fargateStack";
export { FargateStackArgs } from "./fargateStackArgs";
export { Platform } from "./platform";
export { PlatformArgs, PlatformRef } from "./platformArgs";
export { WebService } from "./webService";
export { WebServiceArgs } from "./webServiceArgs";
export { WorkerService } from "./workerService";
export { WorkerServiceArgs } from "./workerServiceArgs";
export { ScheduledTask } from "./scheduledTask";
export { ScheduledTaskArgs } from "./scheduledTaskArgs";
export { CapacityStrategy, CpuArchitecture, NatGatewayStrategy, OperatingSystemFamily } from "./args/enums";
export { ContainerHealthCheck, EfsVolume } from "./args/taskInputs";
export { ScheduledCapacity } from "./args/serviceInputs";
