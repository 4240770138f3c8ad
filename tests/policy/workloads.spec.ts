/**
 * The shapes a `Platform` with web, worker and scheduled workloads registers, as raw `@pulumi/aws` resources at a
 * fresh stack's first preview: the mandatory rules catch each insecure variant, and the advisory workload rules
 * (SQS encryption and dead-letter queues, Scheduler retries, dead letters and role scope) decide each case.
 */
import * as assert from "assert";
import { allPolicies } from "../../policy-pack/policies/all";
import { fargateValidCpuMemory } from "../../policy-pack/policies/cpuMemory";
import { ecsNoPublicIp } from "../../policy-pack/policies/noPublicIp";
import { ecsTasksInPrivateSubnets } from "../../policy-pack/policies/privateSubnets";
import { sqsQueueDeadLetterQueue, sqsQueueEncrypted } from "../../policy-pack/policies/queues";
import { schedulerRoleScopedToTaskFamily, schedulerScheduleRetryAndDeadLetter } from "../../policy-pack/policies/scheduler";
import { ecsSeparateTaskAndExecutionRoles } from "../../policy-pack/policies/separateRoles";
import { albTargetGroupIpTargetType } from "../../policy-pack/policies/targetGroupIpType";
import { T } from "../../policy-pack/lib/types";
import { StackFixture, U } from "./support/fixtures";
import { runPolicy } from "./support/harness";
import { advisory, expectFindings, mandatory, Result, unverified } from "./support/scenario";
import { queueArn, schedulerPolicyWith, secureWorkloads } from "./support/workloads";

/** Runs `policy` on the workloads stack after one mutation and compares the findings exactly. */
const expectOn = (
    policy: Parameters<typeof expectFindings>[0],
    mutate: ((stack: StackFixture) => void) | undefined,
    expected: Result[],
) => expectFindings(policy, mutate, expected, {}, secureWorkloads);

const SCHEDULE = 'Scheduler schedule "job-schedule"';
const SCHEDULER_ROLE = `IAM role "job-scheduler-role", which ${SCHEDULE} uses to start ECS tasks,`;
const SCOPE_FIX =
    "Allow ecs:RunTask on arn:<partition>:ecs:<region>:<account>:task-definition/<family>:* and iam:PassRole on the " +
    "task's execution and task role ARNs only.";

describe("workload shapes at first preview", () => {
    it("pass every policy of the pack with no finding at all", async () => {
        for (const policy of allPolicies) {
            assert.deepStrictEqual(await runPolicy(policy, secureWorkloads()), [], policy.name);
        }
    });

    describe("the mandatory rules catch them", () => {
        it("ecs-no-public-ip fails a Scheduler ECS target with assignPublicIp true", async () => {
            await expectOn(ecsNoPublicIp, s => s.update("job-schedule", p => (p.target.ecsParameters.networkConfiguration.assignPublicIp = true)), [
                mandatory(`${SCHEDULE} sets target.ecsParameters.networkConfiguration.assignPublicIp to true, which gives every task a public IP address. Set it to false and run the tasks in private subnets with a NAT gateway or VPC endpoints for outbound traffic.`),
            ]);
        });

        it("ecs-tasks-in-private-subnets fails a schedule whose subnets come from a public subnet", async () => {
            const publicSubnet = (s: StackFixture) =>
                s.dependOn("job-schedule", "target", [s.get("app-cluster"), s.get("job-scheduler-role"), s.get("job-task"), s.get("app-public-1"), s.get("app-task-sg")]);
            await expectOn(ecsTasksInPrivateSubnets, publicSubnet, [
                mandatory(`${SCHEDULE} places tasks in subnet "app-public-1", which routes 0.0.0.0/0 or ::/0 to internet gateway "app-igw" through route table "app-public-rt" (route "app-public-default"). Run ECS tasks in private subnets: mapPublicIpOnLaunch false and outbound traffic through a NAT gateway or VPC endpoints, never a route to an internet gateway.`),
            ]);
        });

        it("ecs-separate-task-and-execution-roles fails the scheduled task definition with one role for both", async () => {
            await expectOn(ecsSeparateTaskAndExecutionRoles, s => s.dependOn("job-task", "taskRoleArn", [s.get("job-exec-role")]), [
                mandatory('Task definition "job-task" uses IAM role "job-exec-role" as both its task role and its execution role. Create a separate task role with only the application\'s permissions and keep the execution role for image pulls, logs and secrets.'),
            ]);
        });

        it("fargate-valid-cpu-memory fails the scheduled task definition with a size Fargate does not offer", async () => {
            await expectOn(fargateValidCpuMemory, s => s.update("job-task", p => (p.memory = "512")), [
                mandatory('Task definition "job-task": memory 512 is not a valid Fargate memory size for 512 cpu units. Use one of 1024, 2048, 3072, 4096 MiB.'),
            ]);
        });

        it("alb-target-group-ip-target-type fails an instance target group a listener rule forwards to and an awsvpc service attaches to", async () => {
            await expectOn(albTargetGroupIpTargetType, s => s.update("web-tg", p => (p.targetType = "instance")), [
                mandatory('Target group "web-tg" has targetType "instance" but fronts awsvpc ECS service "web-service", whose tasks register by IP address. Set targetType to "ip" (this replaces the target group).'),
            ]);
        });
    });

    describe("sqs-queue-encrypted", () => {
        it("accepts SQS-managed encryption left to AWS's default", async () => {
            await expectOn(sqsQueueEncrypted, s => s.update("worker-queue", p => delete p.sqsManagedSseEnabled), []);
        });

        it("fails a queue with sqsManagedSseEnabled false and no KMS key", async () => {
            await expectOn(sqsQueueEncrypted, s => s.update("worker-queue", p => (p.sqsManagedSseEnabled = false)), [
                advisory('SQS queue "worker-queue" sets sqsManagedSseEnabled to false and no kmsMasterKeyId, so its messages are stored unencrypted. Remove sqsManagedSseEnabled: false (SQS-managed encryption is the default) or set kmsMasterKeyId to a KMS key.'),
            ]);
        });

        it("accepts a KMS key of the stack whose ID is unknown during preview", async () => {
            await expectOn(sqsQueueEncrypted, s => {
                const key = s.add(T.kmsKey, "queue-key", { enableKeyRotation: true });
                s.update("worker-queue", p => Object.assign(p, { sqsManagedSseEnabled: false, kmsMasterKeyId: U })).dependOn("worker-queue", "kmsMasterKeyId", [key]);
            }, []);
        });

        it("reports an unknown sqsManagedSseEnabled as cannot verify", async () => {
            await expectOn(sqsQueueEncrypted, s => s.update("worker-queue", p => (p.sqsManagedSseEnabled = U)), [
                unverified('SQS queue "worker-queue" has sqsManagedSseEnabled unknown during preview, so whether it is encrypted at rest cannot be verified. Set sqsManagedSseEnabled to the literal true, or kmsMasterKeyId to a known key or a KMS key created in this stack.'),
            ]);
        });
    });

    describe("sqs-queue-dead-letter-queue", () => {
        const NO_REDRIVE = "has no redrive policy, so a message that keeps failing is received again and again until it expires. Create a dead-letter queue and set redrivePolicy to {deadLetterTargetArn: <its ARN>, maxReceiveCount: <receives before a message moves>}, or attach an aws.sqs.RedrivePolicy.";

        it("fails a queue without a redrive policy", async () => {
            await expectOn(sqsQueueDeadLetterQueue, s => s.add(T.sqsQueue, "orders", { name: "orders", sqsManagedSseEnabled: true }), [
                advisory(`SQS queue "orders" ${NO_REDRIVE}`),
            ]);
        });

        it("fails a redrive policy without a deadLetterTargetArn, and its former dead-letter queue with it", async () => {
            await expectOn(sqsQueueDeadLetterQueue, s => s.update("worker-queue", p => (p.redrivePolicy = JSON.stringify({ maxReceiveCount: 5 }))), [
                advisory(`SQS queue "worker-dlq" ${NO_REDRIVE}`),
                advisory('SQS queue "worker-queue" has a redrive policy without a deadLetterTargetArn (its redrivePolicy), so messages that keep failing are never moved aside. Set deadLetterTargetArn to the ARN of a dead-letter queue, with a maxReceiveCount.'),
            ]);
        });

        it("accepts an aws.sqs.RedrivePolicy attached to the queue", async () => {
            await expectOn(sqsQueueDeadLetterQueue, s => {
                const orders = s.add(T.sqsQueue, "orders", { name: "orders", sqsManagedSseEnabled: true });
                s.add(T.sqsRedrivePolicy, "orders-redrive", {
                    queueUrl: U, redrivePolicy: JSON.stringify({ deadLetterTargetArn: queueArn("worker-dlq"), maxReceiveCount: 3 }),
                }, { queueUrl: [orders] });
            }, []);
        });

        it("follows an unknown redrive policy to its dead-letter queue by property dependency, and reports the queue as cannot verify", async () => {
            await expectOn(sqsQueueDeadLetterQueue, s => s.update("worker-queue", p => (p.redrivePolicy = U)).dependOn("worker-queue", "redrivePolicy", [s.get("worker-dlq")]), [
                unverified("SQS queue \"worker-queue\" has a redrive policy unknown during preview (its redrivePolicy), so whether it names a dead-letter queue cannot be verified. Build the redrive policy from values known at preview: compose the dead-letter queue's ARN from its name, region and account ID."),
            ]);
        });

        it("reports a queue that may be the dead-letter queue of an untraceable redrive policy as cannot verify", async () => {
            await expectOn(sqsQueueDeadLetterQueue, s => s.update("worker-queue", p => (p.redrivePolicy = U)), [
                unverified("SQS queue \"worker-dlq\" has no redrive policy, and it may be the dead-letter queue of SQS queue \"worker-queue\", whose redrivePolicy is unknown during preview and comes from no queue in this stack, so whether it needs one cannot be verified. In redrivePolicy, compose the dead-letter queue's ARN from its name, region and account ID, so it is known at preview."),
                unverified("SQS queue \"worker-queue\" has a redrive policy unknown during preview (its redrivePolicy), so whether it names a dead-letter queue cannot be verified. Build the redrive policy from values known at preview: compose the dead-letter queue's ARN from its name, region and account ID."),
            ]);
        });
    });

    describe("scheduler-schedule-retry-and-dead-letter", () => {
        it("fails a schedule without a dead-letter queue", async () => {
            await expectOn(schedulerScheduleRetryAndDeadLetter, s => s.update("job-schedule", p => delete p.target.deadLetterConfig), [
                advisory(`${SCHEDULE} has no target.deadLetterConfig, so a run the scheduler cannot start is dropped without a trace once its retries are spent. Create an SQS queue and set target.deadLetterConfig.arn to its ARN (the schedule's role needs sqs:SendMessage on it).`),
            ]);
        });

        it("fails a schedule that turns retries off", async () => {
            await expectOn(schedulerScheduleRetryAndDeadLetter, s => s.update("job-schedule", p => (p.target.retryPolicy.maximumRetryAttempts = 0)), [
                advisory(`${SCHEDULE} sets target.retryPolicy.maximumRetryAttempts to 0, so a run that fails to start (throttling, no Fargate capacity) is not retried. Set it to 1 or more, with a maximumEventAgeInSeconds that bounds how late a run may start.`),
            ]);
        });

        it("accepts an unset retry policy, which AWS fills with its default retries", async () => {
            await expectOn(schedulerScheduleRetryAndDeadLetter, s => s.update("job-schedule", p => delete p.target.retryPolicy), []);
        });

        it("accepts an unknown dead-letter ARN that comes from a queue of the stack", async () => {
            await expectOn(schedulerScheduleRetryAndDeadLetter, s =>
                s.update("job-schedule", p => (p.target.deadLetterConfig.arn = U))
                    .dependOn("job-schedule", "target", [s.get("app-cluster"), s.get("job-scheduler-role"), s.get("job-task"), s.get("job-dlq")]), []);
        });

        it("reports an unknown retry policy and an untraceable dead-letter ARN as cannot verify", async () => {
            await expectOn(schedulerScheduleRetryAndDeadLetter, s => s.update("job-schedule", p => Object.assign(p.target, { retryPolicy: U, deadLetterConfig: { arn: U } })), [
                unverified(`${SCHEDULE} has a target.retryPolicy unknown during preview, so whether it retries failed runs cannot be verified. Set maximumRetryAttempts to a literal number.`),
                unverified(`${SCHEDULE} has a target.deadLetterConfig.arn unknown during preview that comes from no SQS queue in this stack, so whether failed runs reach a dead-letter queue cannot be verified. Pass the ARN of an aws.sqs.Queue in this stack, or a known ARN.`),
            ]);
        });
    });

    describe("scheduler-role-scoped-to-task-family", () => {
        const policy = schedulerRoleScopedToTaskFamily;
        const RUN_ANY = "which lets it start any task definition in the account";

        it("fails ecs:RunTask on every task definition family", async () => {
            const wildcard = "arn:aws:ecs:us-east-1:123456789012:task-definition/*";
            await expectOn(policy, s => s.update("job-scheduler-policy", p => (p.policy = schedulerPolicyWith("RunTask", { Resource: wildcard }))), [
                advisory(`${SCHEDULER_ROLE} is allowed ecs:RunTask on "${wildcard}" by role policy "job-scheduler-policy", ${RUN_ANY}. ${SCOPE_FIX}`),
            ]);
        });

        it("fails ecs:* on * and iam:PassRole on *", async () => {
            await expectOn(policy, s => s.update("job-scheduler-policy", p => (p.policy = JSON.stringify({
                Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["ecs:*", "iam:PassRole"], Resource: "*" }],
            }))), [
                advisory(`${SCHEDULER_ROLE} is allowed ecs:RunTask on "*" by role policy "job-scheduler-policy", ${RUN_ANY}. ${SCOPE_FIX}`),
                advisory(`${SCHEDULER_ROLE} is allowed iam:PassRole on "*" by role policy "job-scheduler-policy", which lets it hand any role to the tasks it starts. ${SCOPE_FIX}`),
            ]);
        });

        it("accepts one named revision of the family", async () => {
            const revision = "arn:aws:ecs:us-east-1:123456789012:task-definition/job:7";
            await expectOn(policy, s => s.update("job-scheduler-policy", p => (p.policy = schedulerPolicyWith("RunTask", { Resource: revision }))), []);
        });

        it("fails AmazonEventBridgeSchedulerFullAccess attached to the role", async () => {
            const arn = "arn:aws:iam::aws:policy/AmazonEventBridgeSchedulerFullAccess";
            await expectOn(policy, s => s.add(T.iamRolePolicyAttachment, "job-scheduler-full", { role: U, policyArn: arn }, { role: [s.get("job-scheduler-role")] }), [
                advisory(`${SCHEDULER_ROLE} has AWS managed policy "${arn}" attached through "job-scheduler-full", which allows every EventBridge Scheduler action and iam:PassRole on every role. Detach it. ${SCOPE_FIX}`),
            ]);
        });

        it("reports a policy document unknown during preview as cannot verify", async () => {
            await expectOn(policy, s => s.update("job-scheduler-policy", p => (p.policy = U)), [
                unverified(`${SCHEDULER_ROLE} has role policy "job-scheduler-policy", whose ecs:RunTask and iam:PassRole scope cannot be checked because its policy document is unknown during preview. Build the document from values known at preview (compose ARNs from names, partition, region and account ID).`),
            ]);
        });

        it("reports a role from outside the stack as cannot verify", async () => {
            const arn = "arn:aws:iam::123456789012:role/shared-scheduler";
            await expectOn(policy, s => s.update("job-schedule", p => (p.target.roleArn = arn)).dependOn("job-schedule", "target", [s.get("app-cluster"), s.get("job-task")]), [
                unverified(`${SCHEDULE} sets target.roleArn to role "${arn}", which is not created in this stack, so the role's policies cannot be inspected. Create the role in this stack, or review its policies by hand.`),
            ]);
        });
    });
});
