/**
 * The secure stack plus the shapes a `Platform` with workloads registers, as raw `@pulumi/aws` resources at a fresh
 * stack's first preview: a web service behind a listener rule on the shared HTTPS listener, a worker's encrypted
 * queue with its dead-letter queue, and a scheduled task (its own task definition and roles, an EventBridge
 * Scheduler schedule with retries and a dead-letter queue, and a scheduler role that may run only its family). ARNs
 * the component composes from names, region and account are literal; every other ID and ARN is unknown and carried
 * by property dependencies. It passes every policy with no finding; specs apply one mutation each.
 */
import { LISTENER_RULE_TYPES, T, TARGET_GROUP_TYPES } from "../../../policy-pack/lib/types";
import { StackFixture, U } from "./fixtures";
import { SECURE_CONTAINERS, SECURE_EXEC_POLICY, TRUST_ECS_TASKS, secureStack } from "./stacks";

const ACCOUNT = "123456789012";

/** The ARN of a queue the way the component composes it: from its name, region and account. */
export const queueArn = (name: string) => `arn:aws:sqs:us-east-1:${ACCOUNT}:${name}`;

/** The scheduler role's policy: run the `job` family, pass its two roles, tag started tasks, send dead letters. */
export const SCHEDULER_POLICY = {
    Version: "2012-10-17",
    Statement: [
        { Sid: "RunTask", Effect: "Allow", Action: ["ecs:RunTask"], Resource: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/job:*` },
        {
            Sid: "PassTaskRoles", Effect: "Allow", Action: ["iam:PassRole"],
            Resource: [`arn:aws:iam::${ACCOUNT}:role/job-exec`, `arn:aws:iam::${ACCOUNT}:role/job-task`],
            Condition: { StringLike: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
        },
        {
            Sid: "TagStartedTasks", Effect: "Allow", Action: ["ecs:TagResource"], Resource: `arn:aws:ecs:us-east-1:${ACCOUNT}:task/*`,
            Condition: { StringEquals: { "ecs:CreateAction": "RunTask" } },
        },
        { Sid: "DeadLetters", Effect: "Allow", Action: ["sqs:SendMessage"], Resource: queueArn("job-dlq") },
    ],
};

/** {@link SCHEDULER_POLICY} with statement `sid` changed, as the JSON string a RolePolicy carries. */
export function schedulerPolicyWith(sid: string, change: Record<string, unknown>): string {
    return JSON.stringify({
        ...SCHEDULER_POLICY,
        Statement: SCHEDULER_POLICY.Statement.map(statement => (statement.Sid === sid ? { ...statement, ...change } : statement)),
    });
}

const TRUST_SCHEDULER = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{
        Effect: "Allow", Principal: { Service: "scheduler.amazonaws.com" }, Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
    }],
});

function webService(s: StackFixture): void {
    const tg = s.add(TARGET_GROUP_TYPES[0], "web-tg", { port: 8080, protocol: "HTTP", targetType: "ip", vpcId: U }, { vpcId: [s.get("app-vpc")] });
    s.add(LISTENER_RULE_TYPES[0], "web-rule", {
        listenerArn: U, priority: 10, actions: [{ type: "forward", targetGroupArn: U }],
        conditions: [{ pathPattern: { values: ["/web/*"] } }],
    }, { listenerArn: [s.get("app-https")], actions: [tg] });
    s.add(T.ecsService, "web-service", {
        cluster: U, taskDefinition: U, launchType: "FARGATE", desiredCount: 2,
        networkConfiguration: { subnets: U, securityGroups: [U], assignPublicIp: false },
        loadBalancers: [{ targetGroupArn: U, containerName: "app", containerPort: 8080 }],
        deploymentCircuitBreaker: { enable: true, rollback: true },
    }, {
        cluster: [s.get("app-cluster")], taskDefinition: [s.get("app-task")], loadBalancers: [tg],
        networkConfiguration: [s.get("app-private-1"), s.get("app-private-2"), s.get("app-task-sg")],
    });
}

function workerQueues(s: StackFixture): void {
    s.add(T.sqsQueue, "worker-dlq", { name: "worker-dlq", sqsManagedSseEnabled: true, messageRetentionSeconds: 1209600 });
    s.add(T.sqsQueue, "worker-queue", {
        name: "worker-queue", sqsManagedSseEnabled: true, visibilityTimeoutSeconds: 30,
        redrivePolicy: JSON.stringify({ deadLetterTargetArn: queueArn("worker-dlq"), maxReceiveCount: 5 }),
    });
}

function scheduledTask(s: StackFixture): void {
    const execRole = s.add(T.iamRole, "job-exec-role", { name: "job-exec", assumeRolePolicy: TRUST_ECS_TASKS });
    const taskRole = s.add(T.iamRole, "job-task-role", { name: "job-task", assumeRolePolicy: TRUST_ECS_TASKS });
    s.add(T.iamRolePolicy, "job-exec-policy", { role: U, policy: JSON.stringify(SECURE_EXEC_POLICY) }, { role: [execRole] });
    const task = s.add(T.ecsTaskDefinition, "job-task", {
        family: "job", cpu: "512", memory: "1024", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"],
        runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" },
        executionRoleArn: U, taskRoleArn: U, containerDefinitions: JSON.stringify(SECURE_CONTAINERS),
    }, { executionRoleArn: [execRole], taskRoleArn: [taskRole] });
    s.add(T.sqsQueue, "job-dlq", { name: "job-dlq", sqsManagedSseEnabled: true, messageRetentionSeconds: 1209600 });
    const schedulerRole = s.add(T.iamRole, "job-scheduler-role", { name: "job-scheduler", assumeRolePolicy: TRUST_SCHEDULER });
    s.add(T.iamRolePolicy, "job-scheduler-policy", { role: U, policy: JSON.stringify(SCHEDULER_POLICY) }, { role: [schedulerRole] });
    s.add(T.schedule, "job-schedule", {
        name: "job", scheduleExpression: "cron(0 3 * * ? *)", scheduleExpressionTimezone: "UTC", flexibleTimeWindow: { mode: "OFF" },
        target: {
            arn: U, roleArn: U,
            ecsParameters: {
                taskDefinitionArn: U, taskCount: 1, launchType: "FARGATE",
                networkConfiguration: { subnets: U, securityGroups: [U], assignPublicIp: false },
            },
            retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 3600 },
            deadLetterConfig: { arn: queueArn("job-dlq") },
        },
    }, {
        target: [s.get("app-cluster"), schedulerRole, task, s.get("app-private-1"), s.get("app-private-2"), s.get("app-task-sg")],
    });
}

/** Builds the secure stack with the workload shapes added. */
export function secureWorkloads(): StackFixture {
    const s = secureStack();
    // A platform's HTTPS listener answers 404 to what no web service's rule matches.
    s.update("app-https", p => (p.defaultActions = [
        { type: "fixed-response", fixedResponse: { contentType: "text/plain", messageBody: "Not found", statusCode: "404" } },
    ])).dependOn("app-https", "defaultActions", []);
    webService(s);
    workerQueues(s);
    scheduledTask(s);
    return s;
}
