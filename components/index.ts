/**
 * fargate-stack: a production-grade, secure-by-default AWS ECS Fargate web service as one Pulumi component.
 */
export { FargateStack } from "./fargateStack";
export {
    ContainerHealthCheck, CpuArchitecture, FargateStackArgs, NatGatewayStrategy, OperatingSystemFamily,
} from "./fargateStackArgs";
