import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { WorkerServiceArgs } from "./workerServiceArgs";
import { givenArgs, resolveArgs } from "./defaults";
import { INPUT_KEYS } from "./args/keys";
import { validateEgress, validateWorkerServiceArgs } from "./validation";
import { platformEgress, platformFields, platformSubnets } from "./platformRef";
import { allowExecuteCommandLogging } from "./layers/iam";
import { LayerContext, childOpts, layerContext } from "./layers/context";
import { readEnvironment } from "./layers/environment";
import { afterTaskStarts, buildWorkloadTask } from "./layers/workload";
import { Queue, adoptQueue, createWorkQueue } from "./layers/queue";
import { createService, placementFor } from "./layers/service";
import { createQueueScaling } from "./layers/scaling";
import { createQueueAlarms } from "./layers/alarms";

/** The environment variable that tells the container which queue to consume. */
export const QUEUE_URL_VARIABLE = "QUEUE_URL";

/**
 * A queue consumer on a `Platform`: an encrypted SQS queue with a dead-letter queue (or yours, by `queueArn`), a
 * service whose task role may receive, delete and change the visibility of that queue's messages and nothing else,
 * no load balancer and no inbound rule at all, scaled on the backlog per task, from zero tasks when `minTaskCount` is
 * 0. The container finds the queue's URL in `QUEUE_URL`. It joins the platform's Service Connect namespace as a
 * client, so it can call the platform's internal services by name.
 */
export class WorkerService extends pulumi.ComponentResource {
    /** URL of the queue the worker consumes. */
    public readonly queueUrl: pulumi.Output<string>;
    /** ARN of the queue the worker consumes. */
    public readonly queueArn: pulumi.Output<string>;
    /** ARN of the dead-letter queue, or an empty string when `queueArn` was given. */
    public readonly deadLetterQueueArn: pulumi.Output<string>;
    /** Name of the ECS service. */
    public readonly serviceName: pulumi.Output<string>;
    /** ARN of the ECS service. */
    public readonly serviceArn: pulumi.Output<string>;
    /** ARN of the task definition revision the service runs. */
    public readonly taskDefinitionArn: pulumi.Output<string>;
    /** ARN of the execution role (image pull, logs, secrets). */
    public readonly executionRoleArn: pulumi.Output<string>;
    /** ARN of the task role (the queue and the application's permissions). */
    public readonly taskRoleArn: pulumi.Output<string>;
    /** Name of the CloudWatch log group of the container. */
    public readonly logGroupName: pulumi.Output<string>;
    /** URL of the created ECR repository, or an empty string when none was created. */
    public readonly repositoryUrl: pulumi.Output<string>;

    constructor(name: string, args: WorkerServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before super(): on bad input nothing is registered, not even the component itself.
        const given = givenArgs(args);
        const resolved = resolveArgs(given, INPUT_KEYS.WorkerService);
        const problems = validateWorkerServiceArgs(name, given, resolved);
        validateEgress(platformEgress(given.platform), given, problems, /* consumesQueue: */ true);
        problems.throwIfAny({ kind: "WorkerService", name }, opts?.parent);
        super("fargate-stack:index:WorkerService", name, {}, opts);

        const ctx = layerContext("WorkerService", name, this, resolved.tags);
        const platform = platformFields(resolved.platform);
        const env = readEnvironment(this);
        const queues = resolved.queueArn !== undefined
            ? { queue: adoptQueue(resolved.queueArn), deadLetterQueue: undefined }
            : createWorkQueue(ctx, env, { maxReceiveCount: resolved.maxReceiveCount, visibilityTimeoutSeconds: resolved.queueVisibilityTimeoutSeconds });
        const task = buildWorkloadTask(ctx, resolved, {
            env, privateSubnetIds: platformSubnets(resolved.platform, platform), vpcId: platform.vpcId, securityGroupDescription: `Tasks of ${name}: no inbound traffic`,
            componentEnvironment: { [QUEUE_URL_VARIABLE]: queues.queue.queueUrl },
        });
        const queuePolicy = allowConsuming(ctx, task.taskRole, queues.queue);
        if (resolved.enableExecuteCommand) {
            allowExecuteCommandLogging(ctx, task.taskRole, env, platform.executeCommandLogGroupName);
        }
        const service = createService(ctx, {
            ...resolved, placement: placementFor(resolved), clusterArn: platform.clusterArn, taskDefinitionArn: task.taskDefinitionArn,
            privateSubnetIds: platform.privateSubnetIds,
            securityGroupIds: [task.taskSecurityGroupId, platform.servicesSecurityGroupId],
            containerName: task.containerName, autoscaling: resolved.enableAutoscaling,
            // A task that starts before its role may read the queue fails its first receives.
            dependsOn: afterTaskStarts(task, [queuePolicy]),
            serviceConnect: { namespaceArn: platform.serviceConnectNamespaceArn, logGroupName: task.logGroupNameValue, region: env.region },
        });
        if (resolved.enableAlarms) {
            createQueueAlarms(ctx, {
                topicArn: platform.alarmTopicArn, queueName: queues.queue.queueName,
                deadLetterQueueName: queues.deadLetterQueue?.queueName, messageAgeAlarmSeconds: resolved.messageAgeAlarmSeconds,
            });
        }
        if (resolved.enableAutoscaling) {
            createQueueScaling(ctx, {
                ...resolved, clusterName: platform.clusterName, serviceName: service.serviceName,
                queueName: queues.queue.queueName,
            });
        }

        this.queueUrl = queues.queue.queueUrl;
        this.queueArn = queues.queue.queueArn;
        this.deadLetterQueueArn = queues.deadLetterQueue?.queueArn ?? pulumi.output("");
        this.serviceName = service.serviceName;
        this.serviceArn = service.serviceArn;
        this.taskDefinitionArn = task.taskDefinitionArn;
        this.executionRoleArn = task.executionRoleArn;
        this.taskRoleArn = task.taskRoleArn;
        this.logGroupName = task.logGroupName;
        this.repositoryUrl = task.repositoryUrl;
        this.registerOutputs({
            queueUrl: this.queueUrl, queueArn: this.queueArn, deadLetterQueueArn: this.deadLetterQueueArn,
            serviceName: this.serviceName, serviceArn: this.serviceArn, taskDefinitionArn: this.taskDefinitionArn,
            executionRoleArn: this.executionRoleArn, taskRoleArn: this.taskRoleArn, logGroupName: this.logGroupName,
            repositoryUrl: this.repositoryUrl,
        });
    }
}

/** Lets the task role receive, delete and change the visibility of the queue's messages: that queue, nothing more. */
function allowConsuming(ctx: LayerContext, taskRole: aws.iam.Role, queue: Queue): aws.iam.RolePolicy {
    return new aws.iam.RolePolicy(`${ctx.name}-task-queue-policy`, {
        role: taskRole.name,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [{
                Sid: "ConsumeQueue", Effect: "Allow", Resource: queue.queueArn,
                Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"],
            }],
        }),
    }, childOpts(ctx, { dependsOn: queue.resource ? [queue.resource] : [] }));
}
