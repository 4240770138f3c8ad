/**
 * Every policy of the `fargate-stack-guardrails` pack, in the order the README lists them: the five mandatory
 * Fargate practices first, then the advisory ones. Importing this module has no side effects (no server starts),
 * so tests and tools can inspect or run the policies in process.
 */
import { Policies } from "@pulumi/policy";
import { ecsExecSessionsLogged, vpcInterfaceEndpointPrivateDns } from "./access";
import {
    ecsContainerAwslogs,
    ecsContainerImagePinned,
    ecsContainerNonRootUser,
    ecsContainerReadOnlyRoot,
} from "./containerHardening";
import { ecsNoSecretsInEnvironment } from "./containerSecrets";
import { fargateValidCpuMemory } from "./cpuMemory";
import { albDropInvalidHeaderFields, albListenerHttps, albListenerTls12 } from "./loadBalancer";
import { ecsNoPublicIp } from "./noPublicIp";
import { snsTopicEncrypted } from "./notifications";
import {
    cloudwatchLogGroupRetention,
    ecrImmutableTags,
    ecrScanOnPush,
    ecsClusterContainerInsights,
    ecsServiceCircuitBreaker,
} from "./operations";
import { ecsTasksInPrivateSubnets } from "./privateSubnets";
import { sqsQueueDeadLetterQueue, sqsQueueEncrypted } from "./queues";
import { schedulerRoleScopedToTaskFamily, schedulerScheduleRetryAndDeadLetter } from "./scheduler";
import { ecsSeparateTaskAndExecutionRoles } from "./separateRoles";
import { ecsEfsVolumeTransitEncryptionAndIam, efsFileSystemEncrypted } from "./storage";
import { albTargetGroupIpTargetType } from "./targetGroupIpType";
import { ecsTaskSgNoWorldIngress } from "./worldIngress";

/** The pack's name, as `pulumi preview --policy-pack` reports it. */
export const POLICY_PACK_NAME = "fargate-stack-guardrails";

/** All policies; the first five are mandatory by default. */
export const allPolicies: Policies = [
    ecsTasksInPrivateSubnets,
    ecsNoPublicIp,
    ecsSeparateTaskAndExecutionRoles,
    albTargetGroupIpTargetType,
    fargateValidCpuMemory,
    ecsContainerAwslogs,
    ecsNoSecretsInEnvironment,
    albListenerHttps,
    albListenerTls12,
    ecsClusterContainerInsights,
    ecsContainerReadOnlyRoot,
    ecsContainerNonRootUser,
    ecsContainerImagePinned,
    ecsServiceCircuitBreaker,
    cloudwatchLogGroupRetention,
    ecrScanOnPush,
    ecrImmutableTags,
    albDropInvalidHeaderFields,
    ecsTaskSgNoWorldIngress,
    sqsQueueEncrypted,
    sqsQueueDeadLetterQueue,
    snsTopicEncrypted,
    schedulerScheduleRetryAndDeadLetter,
    schedulerRoleScopedToTaskFamily,
    efsFileSystemEncrypted,
    ecsEfsVolumeTransitEncryptionAndIam,
    ecsExecSessionsLogged,
    vpcInterfaceEndpointPrivateDns,
];
