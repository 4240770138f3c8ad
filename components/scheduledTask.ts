import * as pulumi from "@pulumi/pulumi";
import { ScheduledTaskArgs } from "./scheduledTaskArgs";
import { givenArgs, resolveArgs } from "./defaults";
import { INPUT_KEYS } from "./args/keys";
import { validateEgress, validateScheduledTaskArgs } from "./validation";
import { platformEgress, platformFields, platformSubnets } from "./platformRef";
import { layerContext } from "./layers/context";
import { readEnvironment } from "./layers/environment";
import { afterTaskStarts, buildWorkloadTask } from "./layers/workload";
import { allowExecuteCommandLogging, roleArnOf } from "./layers/iam";
import { createDeadLetterQueue } from "./layers/queue";
import { createSchedule, createSchedulerRole } from "./layers/schedule";
import { placementFor } from "./layers/service";
import { createScheduleAlarms } from "./layers/alarms";

/**
 * A batch job on a `Platform`: EventBridge Scheduler runs the task on `schedule` (cron or rate, in
 * `scheduleTimezone`) on Fargate in the private subnets without a public IP. The scheduler has its own role that may
 * only run this task definition family and pass the task's two roles; a run it cannot start is retried
 * `maxRetryAttempts` times within an hour and then lands in an encrypted dead-letter queue. No service, no load
 * balancer, no inbound traffic.
 */
export class ScheduledTask extends pulumi.ComponentResource {
    /** Name of the EventBridge Scheduler schedule. */
    public readonly scheduleName: pulumi.Output<string>;
    /** ARN of the EventBridge Scheduler schedule. */
    public readonly scheduleArn: pulumi.Output<string>;
    /** ARN of the task definition revision each run starts. */
    public readonly taskDefinitionArn: pulumi.Output<string>;
    /** ARN of the execution role (image pull, logs, secrets). */
    public readonly executionRoleArn: pulumi.Output<string>;
    /** ARN of the task role (the application's permissions). */
    public readonly taskRoleArn: pulumi.Output<string>;
    /** ARN of the role the scheduler starts the task with. */
    public readonly schedulerRoleArn: pulumi.Output<string>;
    /** ARN of the dead-letter queue that receives runs the scheduler could not start. */
    public readonly deadLetterQueueArn: pulumi.Output<string>;
    /** URL of that dead-letter queue. */
    public readonly deadLetterQueueUrl: pulumi.Output<string>;
    /** Name of the CloudWatch log group of the container. */
    public readonly logGroupName: pulumi.Output<string>;
    /** URL of the created ECR repository, or an empty string when none was created. */
    public readonly repositoryUrl: pulumi.Output<string>;

    constructor(name: string, args: ScheduledTaskArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before super(): on bad input nothing is registered, not even the component itself.
        const given = givenArgs(args);
        const resolved = resolveArgs(given, INPUT_KEYS.ScheduledTask);
        const problems = validateScheduledTaskArgs(name, given, resolved);
        validateEgress(platformEgress(given.platform), given, problems);
        problems.throwIfAny({ kind: "ScheduledTask", name }, opts?.parent);
        super("fargate-stack:index:ScheduledTask", name, {}, opts);

        const ctx = layerContext("ScheduledTask", name, this, resolved.tags);
        const platform = platformFields(resolved.platform);
        const env = readEnvironment(this);
        const task = buildWorkloadTask(ctx, resolved, {
            env, privateSubnetIds: platformSubnets(resolved.platform, platform), vpcId: platform.vpcId, securityGroupDescription: `Tasks of ${name}: no inbound traffic`,
        });
        if (resolved.enableExecuteCommand) {
            allowExecuteCommandLogging(ctx, task.taskRole, env, platform.executeCommandLogGroupName);
        }
        const deadLetterQueue = createDeadLetterQueue(ctx, env);
        const scheduler = createSchedulerRole(ctx, {
            env, family: task.family, deadLetterQueueArn: deadLetterQueue.queueArn,
            roleArns: [roleArnOf(env, task.executionRoleName), roleArnOf(env, task.taskRoleName)],
        });
        const { schedule, groupName } = createSchedule(ctx, {
            ...resolved, placement: placementFor(resolved), clusterArn: platform.clusterArn, taskDefinitionArn: task.taskDefinitionArn,
            // The platform's services group too: a platform without NAT gateways admits it to its VPC endpoints.
            privateSubnetIds: platform.privateSubnetIds, securityGroupIds: [task.taskSecurityGroupId, platform.servicesSecurityGroupId],
            roleArn: scheduler.roleArn, deadLetterQueueArn: deadLetterQueue.queueArn,
            dependsOn: afterTaskStarts(task, [scheduler.policy, ...(deadLetterQueue.resource ? [deadLetterQueue.resource] : [])]),
        });

        if (resolved.enableAlarms) {
            createScheduleAlarms(ctx, {
                topicArn: platform.alarmTopicArn, scheduleGroupName: groupName, deadLetterQueueName: deadLetterQueue.queueName,
            });
        }

        this.scheduleName = schedule.name;
        this.scheduleArn = schedule.arn;
        this.taskDefinitionArn = task.taskDefinitionArn;
        this.executionRoleArn = task.executionRoleArn;
        this.taskRoleArn = task.taskRoleArn;
        this.schedulerRoleArn = scheduler.roleArn;
        this.deadLetterQueueArn = deadLetterQueue.queueArn;
        this.deadLetterQueueUrl = deadLetterQueue.queueUrl;
        this.logGroupName = task.logGroupName;
        this.repositoryUrl = task.repositoryUrl;
        this.registerOutputs({
            scheduleName: this.scheduleName, scheduleArn: this.scheduleArn, taskDefinitionArn: this.taskDefinitionArn,
            executionRoleArn: this.executionRoleArn, taskRoleArn: this.taskRoleArn, schedulerRoleArn: this.schedulerRoleArn,
            deadLetterQueueArn: this.deadLetterQueueArn, deadLetterQueueUrl: this.deadLetterQueueUrl,
            logGroupName: this.logGroupName, repositoryUrl: this.repositoryUrl,
        });
    }
}
