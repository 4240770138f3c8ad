/**
 * The layers every workload has, written once: image source, task security group, log group, execution and task
 * roles, and the task definition. `FargateStack`, `WebService`, `WorkerService` and `ScheduledTask` compose them with
 * what is theirs alone (a load balancer target, a queue, a schedule).
 */
import * as pulumi from "@pulumi/pulumi";
import { TaskArgs } from "../args/taskInputs";
import { Resolved } from "../defaults";
import { AwsEnvironment, ecrRepositoryArnOf } from "./environment";
import { LayerContext } from "./context";
import { Registry, buildImage, createRepository } from "./registry";
import { createTaskSecurityGroup } from "./securityGroups";
import { createLogGroup, logGroupNameFor } from "./logs";
import { TaskRoles, createRoles } from "./iam";
import { createTaskDefinition, taskFamilyOf } from "./taskDefinition";
import { createEfsVolumes } from "./efs";

/** What a workload's own layers need from outside the task. */
export interface WorkloadTaskInputs {
    env: AwsEnvironment;
    vpcId: pulumi.Input<string>;
    /** The private subnets the tasks run in (EFS mount targets go there too). */
    privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** What the task security group admits, in words (its description, which AWS cannot change in place). */
    securityGroupDescription: string;
    /** The port the container listens on; undefined for a worker or a job. */
    containerPort?: number | undefined;
    /** Whether the port carries HTTP for Service Connect. */
    declaresHttp?: boolean;
    /** Variables the component itself sets (a worker's `QUEUE_URL`); the user's `environment` wins on a clash. */
    componentEnvironment?: Record<string, pulumi.Input<string>>;
}

/** A workload's task and the identities around it. */
export interface WorkloadTask extends TaskRoles {
    taskDefinitionArn: pulumi.Output<string>;
    /** The task definition family (explicit, known at preview). */
    family: string;
    taskSecurityGroupId: pulumi.Output<string>;
    /** The log group's name as a plain value (known at preview) and as the created resource's output. */
    logGroupNameValue: string;
    logGroupName: pulumi.Output<string>;
    /** The created ECR repository's URL, or `""`. */
    repositoryUrl: pulumi.Output<string>;
    containerName: string;
    /** What a task must not start before (EFS mount targets and permissions); empty without EFS volumes. */
    startDependencies: pulumi.Input<pulumi.Resource[]>;
}

/** Builds the task layers in dependency order. */
export function buildWorkloadTask(ctx: LayerContext, args: Resolved<TaskArgs>, inputs: WorkloadTaskInputs): WorkloadTask {
    const { env } = inputs;
    const { registry, image, imageBuild } = imageSourceFor(ctx, args, env);
    const taskSecurityGroupId = createTaskSecurityGroup(ctx, inputs.vpcId, inputs.securityGroupDescription);
    const logGroupNameValue = logGroupNameFor(pulumi.getProject(), pulumi.getStack(), ctx.name);
    const logGroupName = createLogGroup(ctx, {
        logGroupName: logGroupNameValue, retentionDays: args.logRetentionDays, kmsKeyArn: args.logKmsKeyArn,
    });
    const roles = createRoles(ctx, {
        env, logGroupName: logGroupNameValue,
        // The repository the image really comes from: an explicit `image` may live in another repository.
        ecrRepositoryArn: args.image === undefined ? registry?.repositoryArn : image.apply(ecrRepositoryArnOf),
        secrets: args.secrets, secretsKmsKeyArns: args.secretsKmsKeyArns,
        repositoryCredentialsSecretArn: args.repositoryCredentialsSecretArn,
        taskRolePolicyArns: args.taskRolePolicyArns, taskRolePolicyJson: args.taskRolePolicyJson,
        enableExecuteCommand: args.enableExecuteCommand,
    });
    const efs = args.efsVolumes.length === 0 ? undefined : createEfsVolumes(ctx, {
        env, volumes: args.efsVolumes, vpcId: inputs.vpcId, privateSubnetIds: inputs.privateSubnetIds,
        taskSecurityGroupId, taskRole: roles.taskRole,
    });
    const environment = inputs.componentEnvironment
        ? pulumi.output(args.environment).apply(user => ({ ...inputs.componentEnvironment, ...user }))
        : args.environment;
    const taskDefinitionArn = createTaskDefinition(ctx, {
        ...args, environment: environment as Record<string, pulumi.Input<string>>, image, imageBuild, region: env.region,
        containerName: ctx.name, containerPort: inputs.containerPort, declaresHttp: inputs.declaresHttp ?? false,
        logGroupName: logGroupNameValue, executionRoleArn: roles.executionRoleArn, taskRoleArn: roles.taskRoleArn, efs,
    });
    return {
        ...roles, taskDefinitionArn, family: taskFamilyOf(ctx), taskSecurityGroupId, logGroupNameValue, logGroupName,
        repositoryUrl: registry ? registry.repositoryUrl : pulumi.output(""), containerName: ctx.name,
        startDependencies: efs?.dependsOn ?? [],
    };
}

/** `dependencies` plus what the task must not start before (`startDependencies`), as one `dependsOn` input. */
export function afterTaskStarts(task: WorkloadTask, dependencies: pulumi.Resource[]): pulumi.Input<pulumi.Resource[]> {
    const start = task.startDependencies;
    return Array.isArray(start) && start.length === 0 ? dependencies : pulumi.output(start).apply(s => [...dependencies, ...s]);
}

/** The image the task runs: a literal reference, or a tag in the created repository (built here or by CI). */
function imageSourceFor(ctx: LayerContext, args: Resolved<TaskArgs>, env: AwsEnvironment) {
    if (!args.createRepository) {
        return { registry: undefined as Registry | undefined, image: pulumi.output(args.image!), imageBuild: undefined };
    }
    const registry = createRepository(ctx, env, args.repositoryKeepImageCount);
    if (args.image !== undefined) {
        return { registry, image: pulumi.output(args.image), imageBuild: undefined };
    }
    const imageBuild = args.imageBuildContextPath === undefined ? undefined : buildImage(ctx, {
        registry, contextPath: args.imageBuildContextPath, imageTag: args.imageTag!,
        platform: args.cpuArchitecture === "ARM64" ? "linux/arm64" : "linux/amd64",
    });
    return { registry, image: pulumi.interpolate`${registry.repositoryUrl}:${args.imageTag}`, imageBuild };
}
