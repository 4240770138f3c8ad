/**
 * Inputs of the task every workload runs: its roles, image, logs and container. `FargateStack`, `WebService`,
 * `WorkerService` and `ScheduledTask` take them with the same names, defaults and validation.
 */
import * as pulumi from "@pulumi/pulumi";
import { CapacityStrategy, CpuArchitecture, OperatingSystemFamily } from "./enums";

/**
 * A container health check run by the ECS agent inside the task.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html
 */
export interface ContainerHealthCheck {
    /**
     * The command, in ECS form: `["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]` or
     * `["CMD", "/bin/healthcheck"]`.
     */
    command: string[];
    /**
     * Seconds between checks, 5 to 300.
     * Default: `30`.
     * @default 30
     */
    intervalSeconds?: number;
    /**
     * Seconds a check may take before it counts as failed, 2 to 60.
     * Default: `5`.
     * @default 5
     */
    timeoutSeconds?: number;
    /**
     * Consecutive failures before the container is unhealthy, 1 to 10.
     * Default: `3`.
     * @default 3
     */
    retries?: number;
    /**
     * Seconds after start during which failures do not count, 0 to 300.
     * Default: `0`.
     * @default 0
     */
    startPeriodSeconds?: number;
}

/**
 * A persistent EFS volume mounted into the container, through its own access point, with encryption in transit and
 * IAM authorization.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html
 */
export interface EfsVolume {
    /** Where the volume is mounted in the container, e.g. `/data`. */
    containerPath: string;
    /**
     * Mount it read-only: the task role may mount the access point but not write through it.
     * Default: `false`.
     * @default false
     */
    readOnly?: boolean;
    /**
     * ID of an existing EFS file system (its mount targets and security group are yours to manage).
     * Default: the workload's own file system, created once for all its volumes that name none.
     * @default - the workload's own file system, created once for all its volumes that name none
     */
    fileSystemId?: pulumi.Input<string>;
    /**
     * The directory of the file system the volume exposes; created, owned by `posixUid`:`posixGid`, if missing.
     * Default: the `containerPath`.
     * @default - the `containerPath`
     */
    rootDirectory?: string;
    /**
     * The user ID every file operation through the volume runs as (the access point enforces it).
     * Default: `1000`.
     * @default 1000
     */
    posixUid?: number;
    /**
     * The group ID every file operation through the volume runs as.
     * Default: `1000`.
     * @default 1000
     */
    posixGid?: number;
}

/** The log groups a component creates: the container's, and ECS Exec session logs on a cluster it creates. */
export interface LogArgs {
    /**
     * Days CloudWatch keeps the logs: the container's, and the ECS Exec session logs of a cluster the component
     * creates; one of the values CloudWatch allows (1, 3, 5, 7, 14, 30, 60, 90, …).
     * Default: `30`.
     * @default 30
     */
    logRetentionDays?: number;
    /**
     * ARN of a KMS key that encrypts the log groups. The key policy must allow the CloudWatch Logs service.
     * Default: CloudWatch's own encryption.
     * @default - CloudWatch's own encryption
     */
    logKmsKeyArn?: pulumi.Input<string>;
}

/** The task: IAM, image, logs and the container, in the order the task is built. */
export interface TaskArgs extends LogArgs {
    // ---- IAM --------------------------------------------------------------------------------------------------

    /**
     * ARNs of managed IAM policies attached to the task role: the application's own AWS permissions. Without any
     * (and without `taskRolePolicyJson`) the application gets no AWS permissions.
     * Default: `[]`.
     * @default []
     */
    taskRolePolicyArns?: pulumi.Input<string>[];
    /**
     * An IAM policy document (JSON) added inline to the task role.
     * Default: no inline policy.
     * @default - no inline policy
     */
    taskRolePolicyJson?: pulumi.Input<string>;

    // ---- Image ------------------------------------------------------------------------------------------------

    /**
     * The container image, e.g. `nginx:1.27` or `123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v42`. Prefer an
     * immutable tag or a digest. Required unless `createRepository` is true.
     * Default: `<repository url>:<imageTag>` when `createRepository` is true.
     * @default - `<repository url>:<imageTag>` when `createRepository` is true
     */
    image?: pulumi.Input<string>;
    /**
     * ARN of a Secrets Manager secret holding the `username` and `password` of the private registry (not ECR) that
     * `image` comes from; the execution role may read this secret, and only this one, for the pull.
     * Default: no registry credentials (an ECR or public image).
     * @default - no registry credentials (an ECR or public image)
     */
    repositoryCredentialsSecretArn?: pulumi.Input<string>;
    /**
     * Create an ECR repository (scan on push, immutable tags, lifecycle policy) for the service's images.
     * Default: `false`.
     * @default false
     */
    createRepository?: boolean;
    /**
     * The tag of the image in the created repository to run, when `createRepository` is true and `image` is not set.
     * Tags are immutable, so use a version or commit SHA.
     * Default: none; required when `createRepository` is true and `image` is not set.
     * @default - none; required when `createRepository` is true and `image` is not set
     */
    imageTag?: string;
    /**
     * A directory with a Dockerfile: the image is built from it and pushed to the created repository as `imageTag`
     * during `pulumi up` (with `@pulumi/awsx`'s `ecr.Image`; needs Docker where Pulumi runs). Requires
     * `createRepository` and `imageTag`; the platform follows `cpuArchitecture`.
     * Default: no build; the image is pushed to the repository by your CI.
     * @default - no build; the image is pushed to the repository by your CI
     */
    imageBuildContextPath?: string;
    /**
     * How many images the created repository keeps; older ones expire.
     * Default: `30`.
     * @default 30
     */
    repositoryKeepImageCount?: number;

    // ---- Task definition --------------------------------------------------------------------------------------

    /**
     * Task CPU units (1024 = 1 vCPU): 256, 512, 1024, 2048, 4096, 8192 or 16384 (Windows: 1024 to 4096).
     * Default: `256`.
     * @default 256
     */
    cpu?: number;
    /**
     * Task memory in MiB; must be a valid Fargate size for `cpu` (256 cpu: 512, 1024 or 2048).
     * Default: `512`.
     * @default 512
     */
    memoryMib?: number;
    /**
     * CPU architecture: `X86_64` or `ARM64` (Graviton, Linux only).
     * Default: `"X86_64"`.
     * @default "X86_64"
     */
    cpuArchitecture?: CpuArchitecture;
    /**
     * Operating system family: `LINUX` or a Windows Server family (1, 2 or 4 vCPU, X86_64 only).
     * Default: `"LINUX"`.
     * @default "LINUX"
     */
    operatingSystemFamily?: OperatingSystemFamily;
    /**
     * Plain environment variables of the container. Never put secrets here: use `secrets`.
     * Default: `{}`.
     * @default {}
     */
    environment?: Record<string, pulumi.Input<string>>;
    /**
     * Secret environment variables: name → ARN of a Secrets Manager secret (optionally with `:json-key::`) or an SSM
     * parameter. Only the execution role may read them; the application sees the values, never the ARNs.
     * Default: `{}`.
     * @default {}
     */
    secrets?: Record<string, pulumi.Input<string>>;
    /**
     * ARNs of customer managed KMS keys that encrypt the `secrets`: the execution role may use them to decrypt
     * (`kms:Decrypt`). Secrets encrypted with the AWS managed keys need none.
     * Default: `[]`.
     * @default []
     */
    secretsKmsKeyArns?: pulumi.Input<string>[];
    /**
     * Overrides the image's command, e.g. `["node", "server.js"]`.
     * Default: the image's CMD.
     * @default - the image's CMD
     */
    command?: string[];
    /**
     * A health check the ECS agent runs inside the container (in addition to a load balancer's target health check).
     * Default: none; a load balancer's target health check, if any, decides.
     * @default - none; a load balancer's target health check, if any, decides
     */
    containerHealthCheck?: ContainerHealthCheck;
    /**
     * Seconds ECS waits after SIGTERM before it kills the container, 2 to 120.
     * Default: `30`.
     * @default 30
     */
    stopTimeoutSeconds?: number;
    /**
     * Mount the container's root filesystem read-only; list the paths it must write to in `writablePaths`. Not supported on
     * Windows, where it is left unset.
     * Default: `true`.
     * @default true
     */
    readonlyRootFilesystem?: boolean;
    /**
     * Paths the container may write to while its root filesystem is read-only, e.g. `["/tmp"]`. Each gets an empty
     * volume of the task's ephemeral storage, discarded when the task stops.
     * Default: `[]`.
     * @default []
     */
    writablePaths?: string[];
    /**
     * Persistent EFS volumes mounted into the container (Linux only). A volume that names no `fileSystemId` lives on
     * the workload's own encrypted file system, with backups and a mount target in every private subnet that admits
     * NFS from the workload's tasks only. Writable volumes count as writable paths of a read-only root filesystem.
     * Default: `[]`.
     * @default []
     */
    efsVolumes?: EfsVolume[];
    /**
     * The user (and group) the container runs as, e.g. `1000` or `1000:1000`. Prefer a non-root user.
     * Default: the image's USER.
     * @default - the image's USER
     */
    user?: string;
    /**
     * Allow `aws ecs execute-command` shells into running tasks (adds the SSM channel permissions to the task role).
     * With a read-only root filesystem, the SSM agent's three directories get writable volumes.
     * Default: `false`.
     * @default false
     */
    enableExecuteCommand?: boolean;
}

/** Where a workload's tasks run: on-demand Fargate capacity, Fargate Spot, or both. */
export interface CapacityArgs {
    /**
     * `OnDemand`, `Spot` (every task on Fargate Spot, which AWS may interrupt with two minutes' notice) or
     * `SpotWithOnDemandBase` (`onDemandBaseCount` tasks on demand, the rest by `spotWeight`). Spot is Linux only.
     * Default: `"OnDemand"`.
     * @default "OnDemand"
     */
    capacityStrategy?: CapacityStrategy;
    /**
     * Tasks that always run on demand, with `capacityStrategy` `SpotWithOnDemandBase`.
     * Default: `1`.
     * @default 1
     */
    onDemandBaseCount?: number;
    /**
     * Spot tasks for each on-demand task above the base, with `capacityStrategy` `SpotWithOnDemandBase`, 1 to 1000.
     * Default: `3`.
     * @default 3
     */
    spotWeight?: number;
}

/** The port a listening container serves on. */
export interface ContainerPortArgs {
    /**
     * The port the container listens on; the target group sends traffic here.
     * Default: `8080`.
     * @default 8080
     */
    containerPort?: number;
}
