import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CpuArchitecture, OperatingSystemFamily } from "../args/enums";
import { ContainerHealthCheck } from "../args/taskInputs";
import { HEALTH_CHECK_DEFAULTS } from "../defaults";
import { NAME_RULES, isWindowsFamily, stableName } from "../rules";
import { LayerContext, childOpts, tagsFor } from "./context";
import { EfsMounts } from "./efs";

/** The inputs of the task definition layer. */
export interface TaskInputs {
    image: pulumi.Input<string>;
    region: pulumi.Input<string>;
    containerName: string;
    /** The port the container listens on; undefined for a container that accepts no inbound traffic. */
    containerPort?: number | undefined;
    /**
     * Whether the port mapping declares its application protocol (`http`): Service Connect then proxies HTTP (with
     * retries and HTTP metrics) rather than plain TCP.
     */
    declaresHttp?: boolean;
    cpu: number;
    memoryMib: number;
    cpuArchitecture: CpuArchitecture;
    operatingSystemFamily: OperatingSystemFamily;
    logGroupName: string;
    environment: Record<string, pulumi.Input<string>>;
    secrets: Record<string, pulumi.Input<string>>;
    command?: string[] | undefined;
    containerHealthCheck?: ContainerHealthCheck | undefined;
    stopTimeoutSeconds: number;
    readonlyRootFilesystem: boolean;
    writablePaths: string[];
    user?: string | undefined;
    enableExecuteCommand: boolean;
    executionRoleArn: pulumi.Input<string>;
    taskRoleArn: pulumi.Input<string>;
    /** EFS volumes (after the writable-path volumes) and their mount points, from the EFS layer. */
    efs?: Pick<EfsMounts, "volumes" | "mountPoints"> | undefined;
    /** The Secrets Manager secret with the credentials of the private registry `image` comes from. */
    repositoryCredentialsSecretArn?: pulumi.Input<string> | undefined;
    /** The image build, when the component builds the image: a task must not be registered before its image exists. */
    imageBuild?: pulumi.Resource | undefined;
}

/**
 * Registers the Fargate task definition with one application container. `containerDefinitions` is built only from
 * plain values and invoke results (the region), never from other resources' outputs, so it is known at a fresh
 * stack's preview and the policy pack can read it.
 */
export function createTaskDefinition(ctx: LayerContext, inputs: TaskInputs): pulumi.Output<string> {
    const paths = writablePaths(inputs);
    const taskDefinition = new aws.ecs.TaskDefinition(`${ctx.name}-task`, {
        family: taskFamilyOf(ctx),
        cpu: String(inputs.cpu),
        memory: String(inputs.memoryMib),
        networkMode: "awsvpc",
        requiresCompatibilities: ["FARGATE"],
        runtimePlatform: {
            operatingSystemFamily: inputs.operatingSystemFamily,
            cpuArchitecture: inputs.cpuArchitecture,
        },
        executionRoleArn: inputs.executionRoleArn,
        taskRoleArn: inputs.taskRoleArn,
        containerDefinitions: containerDefinitions(inputs, paths),
        volumes: [...paths.map((_, i) => ({ name: `writable-${i + 1}` })), ...(inputs.efs?.volumes ?? [])],
        tags: tagsFor(ctx, `${ctx.name}-task`),
    }, childOpts(ctx, { dependsOn: inputs.imageBuild ? [inputs.imageBuild] : [] }));
    return taskDefinition.arn;
}

/** The task definition family: explicit and stable, so policies that name it (a scheduler's) are known at preview. */
export function taskFamilyOf(ctx: LayerContext): string {
    return stableName(ctx.name, ctx.uniqueKey, NAME_RULES.ecsName);
}

/**
 * Where the SSM agent behind `aws ecs execute-command` writes. It crashes on a read-only root filesystem, so these
 * get writable volumes when both are on: the workaround AWS's ECS team documents in aws/containers-roadmap#1359
 * and amazon-ecs-exec-checker#21, which keeps the rest of the filesystem read-only.
 */
export const EXECUTE_COMMAND_WRITABLE_PATHS = ["/managed-agents", "/var/lib/amazon/ssm", "/var/log/amazon/ssm"];

/** The user's writable paths, plus the SSM agent's when execute-command runs on a read-only root filesystem. */
function writablePaths(inputs: TaskInputs): string[] {
    const exec = inputs.enableExecuteCommand && inputs.readonlyRootFilesystem && !isWindowsFamily(inputs.operatingSystemFamily);
    const extra = exec ? EXECUTE_COMMAND_WRITABLE_PATHS.filter(p => !inputs.writablePaths.includes(p)) : [];
    return [...inputs.writablePaths, ...extra];
}

/** The container definitions; `paths` are the writable paths, mounted on the task's volumes in order. */
function containerDefinitions(inputs: TaskInputs, paths: string[]): pulumi.Output<string> {
    const windows = isWindowsFamily(inputs.operatingSystemFamily);
    // pulumi.output unwraps nested Outputs, and also a whole map that arrived as one Output from another language.
    return pulumi.all([inputs.image, inputs.region, pulumi.output(inputs.environment), pulumi.output(inputs.secrets),
        inputs.repositoryCredentialsSecretArn])
        .apply(([image, region, environment, secrets, credentialsParameter]) => JSON.stringify([{
            name: inputs.containerName,
            image,
            repositoryCredentials: credentialsParameter ? { credentialsParameter } : undefined,
            essential: true,
            portMappings: inputs.containerPort === undefined ? [] : [{
                name: "http", containerPort: inputs.containerPort, protocol: "tcp",
                ...(inputs.declaresHttp ? { appProtocol: "http" } : {}),
            }],
            command: inputs.command,
            mountPoints: [
                ...paths.map((containerPath, i) => ({ sourceVolume: `writable-${i + 1}`, containerPath, readOnly: false })),
                ...(inputs.efs?.mountPoints ?? []),
            ],
            environment: Object.keys(environment).sort().map(key => ({ name: key, value: environment[key] })),
            secrets: Object.keys(secrets).sort().map(key => ({ name: key, valueFrom: secrets[key] })),
            logConfiguration: {
                logDriver: "awslogs",
                options: {
                    "awslogs-group": inputs.logGroupName,
                    "awslogs-region": region,
                    "awslogs-stream-prefix": inputs.containerName,
                },
            },
            healthCheck: inputs.containerHealthCheck && {
                command: inputs.containerHealthCheck.command,
                interval: inputs.containerHealthCheck.intervalSeconds ?? HEALTH_CHECK_DEFAULTS.intervalSeconds,
                timeout: inputs.containerHealthCheck.timeoutSeconds ?? HEALTH_CHECK_DEFAULTS.timeoutSeconds,
                retries: inputs.containerHealthCheck.retries ?? HEALTH_CHECK_DEFAULTS.retries,
                startPeriod: inputs.containerHealthCheck.startPeriodSeconds ?? HEALTH_CHECK_DEFAULTS.startPeriodSeconds,
            },
            stopTimeout: inputs.stopTimeoutSeconds,
            // Windows containers do not support a read-only root filesystem; the field must be left out there.
            readonlyRootFilesystem: windows ? undefined : inputs.readonlyRootFilesystem,
            user: inputs.user,
            // The SSM agent used by execute-command needs an init process to reap its children.
            linuxParameters: inputs.enableExecuteCommand && !windows ? { initProcessEnabled: true } : undefined,
        }]));
}
