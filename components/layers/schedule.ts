import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AwsEnvironment } from "./environment";
import { LayerContext, childOpts, tagsFor } from "./context";
import { NAME_RULES, stableName } from "../rules";
import { Placement, TaskNetwork, privateTaskNetwork } from "./service";

/** How long the scheduler keeps retrying a run it could not start, before the run goes to the dead-letter queue. */
export const SCHEDULE_MAXIMUM_EVENT_AGE_SECONDS = 3600;

/** The inputs of the scheduler's role. */
export interface SchedulerRoleInputs {
    env: AwsEnvironment;
    /** The task definition family: the role may run its revisions and nothing else. */
    family: string;
    /** The task's two roles, which the scheduler passes to ECS. */
    roleArns: pulumi.Input<string>[];
    deadLetterQueueArn: pulumi.Input<string>;
}

/**
 * Creates the role EventBridge Scheduler assumes to start the task: it may run revisions of this task definition
 * family only, pass this task's two roles to ECS only, tag the tasks it starts, and send failed runs to the
 * dead-letter queue. Every ARN is built from names and invoke results, so the policy is known at preview and the
 * policy pack can check its scope.
 */
export function createSchedulerRole(ctx: LayerContext, inputs: SchedulerRoleInputs): { roleArn: pulumi.Output<string>; policy: aws.iam.RolePolicy } {
    const { env } = inputs;
    const opts = childOpts(ctx);
    const role = new aws.iam.Role(`${ctx.name}-scheduler-role`, {
        name: stableName(`${ctx.name}-scheduler`, `${ctx.uniqueKey}/scheduler-role`, NAME_RULES.iamRole),
        description: `EventBridge Scheduler role of ${ctx.name}: runs its task definition family only`,
        assumeRolePolicy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [{
                Effect: "Allow", Principal: { Service: "scheduler.amazonaws.com" }, Action: "sts:AssumeRole",
                // Confused-deputy protection: only the scheduler acting for this account may assume the role.
                Condition: { StringEquals: { "aws:SourceAccount": env.accountId } },
            }],
        }),
        tags: tagsFor(ctx, `${ctx.name}-scheduler-role`),
    }, opts);
    const ecs = pulumi.interpolate`arn:${env.partition}:ecs:${env.region}:${env.accountId}`;
    const policy = new aws.iam.RolePolicy(`${ctx.name}-scheduler-policy`, {
        role: role.name,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
                { Sid: "RunTask", Effect: "Allow", Action: ["ecs:RunTask"], Resource: pulumi.interpolate`${ecs}:task-definition/${inputs.family}:*` },
                {
                    Sid: "PassTaskRoles", Effect: "Allow", Action: ["iam:PassRole"], Resource: inputs.roleArns,
                    Condition: { StringLike: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
                },
                {
                    Sid: "TagStartedTasks", Effect: "Allow", Action: ["ecs:TagResource"], Resource: pulumi.interpolate`${ecs}:task/*`,
                    Condition: { StringEquals: { "ecs:CreateAction": "RunTask" } },
                },
                { Sid: "DeadLetters", Effect: "Allow", Action: ["sqs:SendMessage"], Resource: inputs.deadLetterQueueArn },
            ],
        }),
    }, opts);
    return { roleArn: role.arn, policy };
}

/** The inputs of the schedule. */
export interface ScheduleInputs extends TaskNetwork {
    schedule: string;
    scheduleTimezone: string;
    clusterArn: pulumi.Input<string>;
    taskDefinitionArn: pulumi.Input<string>;
    taskCount: number;
    enableExecuteCommand: boolean;
    placement: Placement;
    roleArn: pulumi.Input<string>;
    maxRetryAttempts: number;
    deadLetterQueueArn: pulumi.Input<string>;
    /** The role's policy (the schedule must not fire before its role may run the task), EFS mount targets. */
    dependsOn: pulumi.Input<pulumi.Resource[]>;
}

/**
 * Creates the EventBridge Scheduler schedule that runs the task on Fargate in the private subnets, without a public
 * IP, retrying a run it could not start and sending runs that still fail to the dead-letter queue. It lives in a
 * schedule group of its own: Scheduler reports its metrics per group, so the group's errors are this task's.
 */
export function createSchedule(ctx: LayerContext, inputs: ScheduleInputs): { schedule: aws.scheduler.Schedule; groupName: string } {
    const groupName = stableName(ctx.name, `${ctx.uniqueKey}/schedule-group`, NAME_RULES.schedule);
    const group = new aws.scheduler.ScheduleGroup(`${ctx.name}-schedule-group`, {
        name: groupName, tags: tagsFor(ctx, `${ctx.name}-schedule-group`),
    }, childOpts(ctx));
    const schedule = new aws.scheduler.Schedule(`${ctx.name}-schedule`, {
        name: stableName(ctx.name, `${ctx.uniqueKey}/schedule`, NAME_RULES.schedule),
        groupName: group.name,
        description: `Runs the ${ctx.name} task on ${inputs.schedule}`,
        scheduleExpression: inputs.schedule,
        scheduleExpressionTimezone: inputs.scheduleTimezone,
        flexibleTimeWindow: { mode: "OFF" },
        state: "ENABLED",
        target: {
            arn: inputs.clusterArn,
            roleArn: inputs.roleArn,
            ecsParameters: {
                taskDefinitionArn: inputs.taskDefinitionArn,
                taskCount: inputs.taskCount,
                ...inputs.placement,
                platformVersion: "LATEST",
                networkConfiguration: privateTaskNetwork(inputs),
                enableEcsManagedTags: true,
                propagateTags: "TASK_DEFINITION",
                enableExecuteCommand: inputs.enableExecuteCommand,
            },
            retryPolicy: { maximumRetryAttempts: inputs.maxRetryAttempts, maximumEventAgeInSeconds: SCHEDULE_MAXIMUM_EVENT_AGE_SECONDS },
            deadLetterConfig: { arn: inputs.deadLetterQueueArn },
        },
    }, childOpts(ctx, { dependsOn: inputs.dependsOn }));
    return { schedule, groupName };
}
