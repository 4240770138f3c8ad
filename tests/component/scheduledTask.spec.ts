/**
 * ScheduledTask: EventBridge Scheduler runs the task on Fargate in the private subnets without a public IP, with its
 * own role scoped to this task definition family and these two roles, retries and a dead-letter queue.
 */
import * as assert from "assert";
import { BuiltPlatform, IMAGE, buildPlatform, resolve } from "../support/platformFixture";
import { inventory, json } from "../support/fixture";
import { ScheduledTask } from "../../components/index";

const childNames = (built: BuiltPlatform, name: string) => inventory(built.childrenOf(name)).map(l => l.split(" ")[1]).sort();

describe("ScheduledTask", () => {
    let built: BuiltPlatform;
    let family: string;
    before(async () => {
        built = await buildPlatform([{
            kind: "job", name: "report",
            args: { image: IMAGE, schedule: "cron(0 3 * * ? *)", scheduleTimezone: "Europe/Paris", maxRetryAttempts: 4, taskCount: 2 },
        }]);
        family = built.inputs("report-task").family;
    });

    it("creates its task, roles, scheduler role and policy, schedule and dead-letter queue: no service, no load balancer", () => {
        assert.deepStrictEqual(childNames(built, "report"), [
            "report-dead-letters-alarm", "report-dlq", "report-exec-policy", "report-exec-role", "report-failed-invocations-alarm",
            "report-logs", "report-schedule", "report-schedule-group", "report-scheduler-policy", "report-scheduler-role",
            "report-task", "report-task-egress", "report-task-role", "report-task-sg",
        ]);
    });

    it("runs the task on the schedule, in the time zone, without a flexible window", () => {
        const schedule = built.inputs("report-schedule");
        assert.deepStrictEqual([schedule.scheduleExpression, schedule.scheduleExpressionTimezone, schedule.flexibleTimeWindow, schedule.state],
            ["cron(0 3 * * ? *)", "Europe/Paris", { mode: "OFF" }, "ENABLED"]);
        assert.strictEqual(schedule.target.arn, "arn:aws:ecs:us-east-1:123456789012:main-cluster");
    });

    it("starts Fargate tasks in the private subnets without a public IP, in its own security group", () => {
        assert.deepStrictEqual(built.inputs("report-schedule").target.ecsParameters, {
            taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:report-task", taskCount: 2, launchType: "FARGATE",
            platformVersion: "LATEST", enableEcsManagedTags: true, propagateTags: "TASK_DEFINITION", enableExecuteCommand: false,
            networkConfiguration: {
                subnets: ["main-private-1-id", "main-private-2-id"], securityGroups: ["report-task-sg-id", "main-services-sg-id"],
                assignPublicIp: false,
            },
        });
        assert.deepStrictEqual(built.mocks.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
            .filter(r => r.inputs.securityGroupId === "report-task-sg-id").map(r => r.name), []);
    });

    it("retries a run it cannot start, then sends it to an encrypted dead-letter queue", () => {
        const target = built.inputs("report-schedule").target;
        assert.deepStrictEqual(target.retryPolicy, { maximumRetryAttempts: 4, maximumEventAgeInSeconds: 3600 });
        assert.strictEqual(target.deadLetterConfig.arn, `arn:aws:sqs:us-east-1:123456789012:${built.inputs("report-dlq").name}`);
        assert.strictEqual(built.inputs("report-dlq").sqsManagedSseEnabled, true);
    });

    it("gives the scheduler a role only the scheduler of this account may assume", () => {
        const trust = json(built.inputs("report-scheduler-role").assumeRolePolicy).Statement;
        assert.deepStrictEqual(trust, [{
            Effect: "Allow", Principal: { Service: "scheduler.amazonaws.com" }, Action: "sts:AssumeRole",
            Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
        }]);
        assert.strictEqual(built.inputs("report-schedule").target.roleArn, "arn:aws:iam:us-east-1:123456789012:report-scheduler-role");
    });

    it("lets that role run this family only, pass this task's two roles to ECS only, tag its tasks and dead-letter", () => {
        const exec = built.inputs("report-exec-role").name;
        const task = built.inputs("report-task-role").name;
        assert.deepStrictEqual(json(built.inputs("report-scheduler-policy").policy).Statement, [
            { Sid: "RunTask", Effect: "Allow", Action: ["ecs:RunTask"], Resource: `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:*` },
            {
                Sid: "PassTaskRoles", Effect: "Allow", Action: ["iam:PassRole"],
                Resource: [`arn:aws:iam::123456789012:role/${exec}`, `arn:aws:iam::123456789012:role/${task}`],
                Condition: { StringLike: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
            },
            {
                Sid: "TagStartedTasks", Effect: "Allow", Action: ["ecs:TagResource"], Resource: "arn:aws:ecs:us-east-1:123456789012:task/*",
                Condition: { StringEquals: { "ecs:CreateAction": "RunTask" } },
            },
            { Sid: "DeadLetters", Effect: "Allow", Action: ["sqs:SendMessage"], Resource: `arn:aws:sqs:us-east-1:123456789012:${built.inputs("report-dlq").name}` },
        ]);
        assert.ok(built.mocks.named("report-schedule").dependencies.includes(built.urn("report-scheduler-policy")));
    });

    it("outputs the schedule, its role and its dead-letter queue", async () => {
        const report = built.workloads.report as ScheduledTask;
        assert.strictEqual(await resolve(report.scheduleName), built.inputs("report-schedule").name);
        assert.strictEqual(await resolve(report.deadLetterQueueUrl),
            `https://sqs.us-east-1.amazonaws.com/123456789012/${built.inputs("report-dlq").name}`);
    });

    it("keeps the scheduler's policy and the schedule's network known at a fresh stack's preview", async () => {
        const preview = await buildPlatform([{ kind: "job", name: "report", args: { image: IMAGE, schedule: "rate(6 hours)" } }], {}, { preview: true });
        assert.strictEqual(typeof preview.inputs("report-scheduler-policy").policy, "string");
        assert.strictEqual(preview.inputs("report-schedule").target.ecsParameters.networkConfiguration.assignPublicIp, false);
        assert.deepStrictEqual([...preview.mocks.named("report-schedule").propertyDependencies.target].filter(u => u.includes("Subnet")).sort(),
            [preview.urn("main-private-1"), preview.urn("main-private-2")].sort());
    });
});
