/**
 * WorkerService: a queue consumer with no load balancer and no inbound rule, whose task role may consume its queue
 * and nothing more, scaled on backlog per task, from zero when `minTaskCount` is 0.
 */
import * as assert from "assert";
import { BuiltPlatform, IMAGE, buildPlatform, resolve } from "../support/platformFixture";
import { inventory, json } from "../support/fixture";
import { WorkerService } from "../../components/index";

const childNames = (built: BuiltPlatform, name: string) => inventory(built.childrenOf(name)).map(l => l.split(" ")[1]).sort();
const QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:orders-queue-74ba280e";
const DLQ_ARN = "arn:aws:sqs:us-east-1:123456789012:orders-dlq-d6bb109d";

describe("WorkerService", () => {
    describe("with its own queue, scaling from zero", () => {
        let built: BuiltPlatform;
        before(async () => {
            built = await buildPlatform([{
                kind: "worker", name: "orders", args: { image: IMAGE, minTaskCount: 0, maxTaskCount: 8, messagesPerTask: 40, maxReceiveCount: 3 },
            }]);
        });

        it("creates its queue, dead-letter queue, task, roles, service and scaling, and no load balancer resource", () => {
            assert.deepStrictEqual(childNames(built, "orders"), [
                "orders-backlog-scaling", "orders-dead-letters-alarm", "orders-dlq", "orders-exec-policy", "orders-exec-role",
                "orders-from-zero-alarm", "orders-from-zero-scaling", "orders-logs", "orders-oldest-message-alarm", "orders-queue",
                "orders-scaling-target", "orders-service", "orders-task", "orders-task-egress", "orders-task-queue-policy",
                "orders-task-role", "orders-task-sg", "orders-to-zero-alarm", "orders-to-zero-scaling",
            ]);
            assert.strictEqual(built.inputs("orders-service").loadBalancers, undefined);
        });

        it("encrypts both queues and moves a message to the dead-letter queue after maxReceiveCount receives", () => {
            assert.strictEqual(built.inputs("orders-queue").sqsManagedSseEnabled, true);
            assert.strictEqual(built.inputs("orders-dlq").sqsManagedSseEnabled, true);
            assert.strictEqual(built.inputs("orders-dlq").messageRetentionSeconds, 1209600);
            assert.deepStrictEqual(json(built.inputs("orders-queue").redrivePolicy), { deadLetterTargetArn: DLQ_ARN, maxReceiveCount: 3 });
            assert.ok(built.mocks.named("orders-queue").dependencies.includes(built.urn("orders-dlq")));
        });

        it("lets the task role receive, delete and change visibility on its queue, and nothing else", () => {
            const policy = built.inputs("orders-task-queue-policy");
            assert.strictEqual(policy.role, built.inputs("orders-task-role").name);
            assert.deepStrictEqual(json(policy.policy).Statement, [{
                Sid: "ConsumeQueue", Effect: "Allow", Resource: QUEUE_ARN,
                Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"],
            }]);
        });

        it("has no inbound rule at all and listens on no port", () => {
            assert.deepStrictEqual(built.mocks.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                .filter(r => r.inputs.securityGroupId === "orders-task-sg-id").map(r => r.name), []);
            assert.deepStrictEqual(json(built.inputs("orders-task").containerDefinitions)[0].portMappings, []);
            assert.strictEqual(built.inputs("orders-task-sg").description, "Tasks of orders: no inbound traffic");
        });

        it("tells the container its queue's URL in QUEUE_URL", () => {
            assert.deepStrictEqual(json(built.inputs("orders-task").containerDefinitions)[0].environment,
                [{ name: "QUEUE_URL", value: "https://sqs.us-east-1.amazonaws.com/123456789012/orders-queue-74ba280e" }]);
        });

        it("runs privately, joins the namespace as a client only, and starts after its queue permissions", () => {
            const service = built.inputs("orders-service");
            assert.deepStrictEqual(service.networkConfiguration, {
                subnets: ["main-private-1-id", "main-private-2-id"], securityGroups: ["orders-task-sg-id", "main-services-sg-id"],
                assignPublicIp: false,
            });
            assert.strictEqual(service.serviceConnectConfiguration.services, undefined);
            assert.strictEqual(service.serviceConnectConfiguration.enabled, true);
            assert.ok(built.mocks.named("orders-service").dependencies.includes(built.urn("orders-task-queue-policy")));
        });

        it("keeps visible messages per running task at messagesPerTask, between 0 and maxTaskCount", () => {
            assert.deepStrictEqual([built.inputs("orders-scaling-target").minCapacity, built.inputs("orders-scaling-target").maxCapacity], [0, 8]);
            const backlog = built.inputs("orders-backlog-scaling").targetTrackingScalingPolicyConfiguration;
            assert.strictEqual(backlog.targetValue, 40);
            assert.deepStrictEqual(backlog.customizedMetricSpecification.metrics.map((m: any) => m.expression ?? m.metricStat.metric.metricName),
                ["ApproximateNumberOfMessagesVisible", "RunningTaskCount", "visible / running"]);
        });

        it("starts one task when messages wait and none runs, and stops all after 15 idle minutes", () => {
            const wake = built.inputs("orders-from-zero-alarm");
            assert.strictEqual(wake.metricQueries[2].expression, "IF(visible > 0 AND FILL(running, 0) == 0, 1, 0)");
            assert.deepStrictEqual(wake.alarmActions, ["arn:aws:appautoscaling:us-east-1:123456789012:orders-from-zero-scaling"]);
            assert.deepStrictEqual(built.inputs("orders-from-zero-scaling").stepScalingPolicyConfiguration.stepAdjustments,
                [{ metricIntervalLowerBound: "0", scalingAdjustment: 1 }]);
            const idle = built.inputs("orders-to-zero-alarm");
            assert.deepStrictEqual([idle.evaluationPeriods, idle.comparisonOperator, idle.threshold, idle.treatMissingData],
                [15, "LessThanThreshold", 1, "breaching"]);
            assert.deepStrictEqual(built.inputs("orders-to-zero-scaling").stepScalingPolicyConfiguration.adjustmentType, "ExactCapacity");
        });

        it("outputs its queue, dead-letter queue and service", async () => {
            const orders = built.workloads.orders as WorkerService;
            assert.strictEqual(await resolve(orders.queueArn), QUEUE_ARN);
            assert.strictEqual(await resolve(orders.deadLetterQueueArn), DLQ_ARN);
        });
    });

    it("consumes an existing queue: no queue created, permissions and QUEUE_URL for that queue, no scale to zero", async () => {
        const existing = "arn:aws:sqs:eu-west-1:210987654321:jobs";
        const built = await buildPlatform([{ kind: "worker", name: "jobs", args: { image: IMAGE, queueArn: existing } }]);
        assert.deepStrictEqual(built.mocks.ofType("aws:sqs/queue:Queue").map(r => r.name), []);
        assert.strictEqual(json(built.inputs("jobs-task-queue-policy").policy).Statement[0].Resource, existing);
        assert.deepStrictEqual(json(built.inputs("jobs-task").containerDefinitions)[0].environment,
            [{ name: "QUEUE_URL", value: "https://sqs.eu-west-1.amazonaws.com/210987654321/jobs" }]);
        assert.deepStrictEqual(childNames(built, "jobs").filter(n => /zero/.test(n)), []);
        assert.strictEqual(await resolve((built.workloads.jobs as WorkerService).deadLetterQueueArn), "");
    });

    it("keeps the task definition known at a fresh stack's preview, queue URL included", async () => {
        const built = await buildPlatform([{ kind: "worker", name: "orders", args: { image: IMAGE, environment: { LOG_LEVEL: "info" } } }],
            {}, { preview: true });
        const definitions = built.inputs("orders-task").containerDefinitions;
        assert.strictEqual(typeof definitions, "string");
        assert.deepStrictEqual(json(definitions)[0].environment.map((e: any) => e.name), ["LOG_LEVEL", "QUEUE_URL"]);
        assert.strictEqual(typeof built.inputs("orders-task-queue-policy").policy, "string");
    });
});
