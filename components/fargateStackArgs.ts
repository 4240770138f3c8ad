import * as pulumi from "@pulumi/pulumi";

/**
 * How many NAT gateways a new VPC gets. NAT gateways give tasks in private subnets outbound internet access
 * (image pulls from public registries, third-party APIs) without public IPs.
 */
export const NatGatewayStrategy = {
    /** No NAT gateway: private subnets have no route to the internet. Images must be reachable through VPC endpoints. */
    None: "None",
    /** One NAT gateway shared by every AZ: cheapest, but an AZ outage can cut egress for all tasks. */
    Single: "Single",
    /** One NAT gateway per AZ: highly available egress, one gateway's cost per AZ. */
    OnePerAz: "OnePerAz",
} as const;
/** How many NAT gateways a new VPC gets. */
export type NatGatewayStrategy = (typeof NatGatewayStrategy)[keyof typeof NatGatewayStrategy];

/** The CPU architecture the task runs on (`runtimePlatform.cpuArchitecture`). */
export const CpuArchitecture = {
    /** Intel/AMD 64-bit. */
    X86_64: "X86_64",
    /** AWS Graviton (64-bit ARM): about 20% cheaper per vCPU-hour; Linux only. */
    ARM64: "ARM64",
} as const;
/** The CPU architecture the task runs on. */
export type CpuArchitecture = (typeof CpuArchitecture)[keyof typeof CpuArchitecture];

/**
 * The operating system family of the task (`runtimePlatform.operatingSystemFamily`). Keys are PascalCase so every
 * language's generated SDK names them cleanly; the values are the ECS API's.
 */
export const OperatingSystemFamily = {
    /** Linux. */
    Linux: "LINUX",
    /** Windows Server 2019 Full. */
    WindowsServer2019Full: "WINDOWS_SERVER_2019_FULL",
    /** Windows Server 2019 Core. */
    WindowsServer2019Core: "WINDOWS_SERVER_2019_CORE",
    /** Windows Server 2022 Full. */
    WindowsServer2022Full: "WINDOWS_SERVER_2022_FULL",
    /** Windows Server 2022 Core. */
    WindowsServer2022Core: "WINDOWS_SERVER_2022_CORE",
} as const;
/** The operating system family of the task. */
export type OperatingSystemFamily = (typeof OperatingSystemFamily)[keyof typeof OperatingSystemFamily];

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
 * Inputs of {@link FargateStack}, in the order the stack is built: network, security, IAM, image, logs, cluster,
 * task, load balancer and DNS, service, scaling, tags.
 */
export interface FargateStackArgs {
    // ---- Network ----------------------------------------------------------------------------------------------

    /**
     * CIDR block of the new VPC, /16 to /24. Subnets split it evenly between private and public subnets, each at
     * least the /27 a load balancer needs. Rejected when an existing VPC is given with `vpcId`.
     * Default: `"10.0.0.0/16"`.
     * @default "10.0.0.0/16"
     */
    vpcCidrBlock?: string;
    /**
     * Number of availability zones the new VPC spans, 2 to 6. The ALB needs at least two.
     * Default: `2`.
     * @default 2
     */
    availabilityZoneCount?: number;
    /**
     * NAT gateways for the new VPC's private subnets: `None`, `Single` or `OnePerAz`.
     * Default: `"Single"`.
     * @default "Single"
     */
    natGateways?: NatGatewayStrategy;
    /**
     * ID of an existing VPC to deploy into instead of creating one. Requires `publicSubnetIds` and `privateSubnetIds`.
     * Default: a new VPC is created.
     * @default - a new VPC is created
     */
    vpcId?: pulumi.Input<string>;
    /**
     * Existing public subnets (routed to an internet gateway) for the ALB, in at least two AZs. Only with `vpcId`.
     * Default: the new VPC's public subnets.
     * @default - the new VPC's public subnets
     */
    publicSubnetIds?: pulumi.Input<string>[];
    /**
     * Existing private subnets (no route to an internet gateway) for the tasks, in at least two AZs. Only with `vpcId`.
     * Default: the new VPC's private subnets.
     * @default - the new VPC's private subnets
     */
    privateSubnetIds?: pulumi.Input<string>[];

    // ---- Security groups --------------------------------------------------------------------------------------

    /**
     * IPv4 CIDR blocks allowed to reach the load balancer on ports 80 and 443.
     * Default: `["0.0.0.0/0"]`.
     * @default ["0.0.0.0/0"]
     */
    allowedCidrBlocks?: string[];

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

    // ---- Logs -------------------------------------------------------------------------------------------------

    /**
     * Days CloudWatch keeps the container logs; one of the values CloudWatch allows (1, 3, 5, 7, 14, 30, 60, 90, …).
     * Default: `30`.
     * @default 30
     */
    logRetentionDays?: number;
    /**
     * ARN of a KMS key that encrypts the log group. The key policy must allow the CloudWatch Logs service.
     * Default: CloudWatch's own encryption.
     * @default - CloudWatch's own encryption
     */
    logKmsKeyArn?: pulumi.Input<string>;

    // ---- Cluster ----------------------------------------------------------------------------------------------

    /**
     * ARN of an existing ECS cluster to run the service in instead of creating one.
     * Default: a new cluster with Container Insights and FARGATE / FARGATE_SPOT capacity providers.
     * @default - a new cluster with Container Insights and FARGATE / FARGATE_SPOT capacity providers
     */
    clusterArn?: pulumi.Input<string>;

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
    memoryMiB?: number;
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
     * The port the container listens on; the target group sends traffic here.
     * Default: `8080`.
     * @default 8080
     */
    containerPort?: number;
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
     * A container health check run by ECS inside the task (in addition to the load balancer's).
     * Default: none; the load balancer's health check decides.
     * @default - none; the load balancer's health check decides
     */
    healthCheck?: ContainerHealthCheck;
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
     * The user (and group) the container runs as, e.g. `1000` or `1000:1000`. Prefer a non-root user.
     * Default: the image's USER.
     * @default - the image's USER
     */
    user?: string;

    // ---- Load balancer and DNS --------------------------------------------------------------------------------

    /**
     * Path the load balancer requests to decide whether a task is healthy.
     * Default: `"/"`.
     * @default "/"
     */
    healthCheckPath?: string;
    /**
     * HTTP codes that count as healthy, e.g. `200`, `200-299` or `200,204`.
     * Default: `"200-399"`.
     * @default "200-399"
     */
    healthCheckMatcher?: string;
    /**
     * Seconds between load balancer health checks, 5 to 300.
     * Default: `10`.
     * @default 10
     */
    healthCheckIntervalSeconds?: number;
    /**
     * Seconds a load balancer health check may take, 2 to 120 and less than the interval.
     * Default: `5`.
     * @default 5
     */
    healthCheckTimeoutSeconds?: number;
    /**
     * Consecutive successes before a new task receives traffic, 2 to 10.
     * Default: `2`.
     * @default 2
     */
    healthyThreshold?: number;
    /**
     * Consecutive failures before a task stops receiving traffic, 2 to 10.
     * Default: `3`.
     * @default 3
     */
    unhealthyThreshold?: number;
    /**
     * Seconds the load balancer lets in-flight requests finish on a stopping task, 0 to 3600.
     * Default: `30`.
     * @default 30
     */
    deregistrationDelaySeconds?: number;
    /**
     * A DNS name for the service, e.g. `app.example.com`. With `hostedZoneId`: an ACM certificate validated by DNS,
     * an HTTPS listener, an HTTP→HTTPS redirect and an alias record.
     * Default: no DNS name; the load balancer's own name is used.
     * @default - no DNS name; the load balancer's own name is used
     */
    domainName?: string;
    /**
     * The Route 53 hosted zone that holds `domainName`; required with `domainName` unless `certificateArn` is set.
     * Default: none.
     * @default - none
     */
    hostedZoneId?: pulumi.Input<string>;
    /**
     * ARN of an existing ACM certificate: HTTPS with HTTP→HTTPS redirect, and no certificate or validation records
     * are created. With `domainName` and `hostedZoneId` as well, the alias record is still created.
     * Default: a new certificate when `domainName` and `hostedZoneId` are set; otherwise HTTP only.
     * @default - a new certificate when `domainName` and `hostedZoneId` are set; otherwise HTTP only
     */
    certificateArn?: pulumi.Input<string>;
    /**
     * Protect the load balancer from deletion (remove the protection before `pulumi destroy`).
     * Default: `false`.
     * @default false
     */
    enableDeletionProtection?: boolean;

    // ---- Service ----------------------------------------------------------------------------------------------

    /**
     * Number of tasks to run; within `minCount`..`maxCount` when autoscaling is on, where autoscaling then owns it.
     * When it is not set and autoscaling is on, the default 2 is raised to `minCount` or lowered to `maxCount`.
     * Default: `2`.
     * @default 2
     */
    desiredCount?: number;
    /**
     * Seconds after a task starts during which failed load balancer health checks are ignored.
     * Default: `60`.
     * @default 60
     */
    healthCheckGracePeriodSeconds?: number;
    /**
     * Allow `aws ecs execute-command` shells into running tasks (adds the SSM channel permissions to the task role).
     * With a read-only root filesystem, the SSM agent's three directories get writable volumes.
     * Default: `false`.
     * @default false
     */
    enableExecuteCommand?: boolean;

    // ---- Scaling ----------------------------------------------------------------------------------------------

    /**
     * Scale the service with target tracking on CPU, memory and (with `requestsPerTarget`) requests per task.
     * Default: `true`.
     * @default true
     */
    enableAutoscaling?: boolean;
    /**
     * The fewest tasks autoscaling may run.
     * Default: `2`.
     * @default 2
     */
    minCount?: number;
    /**
     * The most tasks autoscaling may run.
     * Default: `10`.
     * @default 10
     */
    maxCount?: number;
    /**
     * Average CPU utilisation (percent) that autoscaling keeps the service at.
     * Default: `70`.
     * @default 70
     */
    cpuTargetPercent?: number;
    /**
     * Average memory utilisation (percent) that autoscaling keeps the service at.
     * Default: `75`.
     * @default 75
     */
    memoryTargetPercent?: number;
    /**
     * ALB requests per task per minute that autoscaling keeps the service at.
     * Default: no request-count scaling.
     * @default - no request-count scaling
     */
    requestsPerTarget?: number;

    // ---- Tags -------------------------------------------------------------------------------------------------

    /**
     * Tags applied to every taggable resource the component creates.
     * Default: `{}`.
     * @default {}
     */
    tags?: Record<string, string>;
}
