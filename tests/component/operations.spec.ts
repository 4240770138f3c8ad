/**
 * Operations built in: the alarm topic, each workload's alarms (metric, statistic, threshold, missing data, the topic
 * they notify), the deployment alarms that roll a failing deployment back, and the platform's dashboard.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { FargateStack } from "../../components/index";
import { AwsMocks, settle } from "../support/awsMocks";
import { build, json } from "../support/fixture";
import { BuiltPlatform, IMAGE, buildPlatform } from "../support/platformFixture";

const TOPIC = "arn:aws:sns:us-east-1:123456789012:main-alarms";

/** An alarm as the specs compare it: what it watches, how, and whom it tells. */
function alarmOf(built: BuiltPlatform | Awaited<ReturnType<typeof build>>, name: string) {
    const a = built.inputs(name);
    return {
        name: a.name, metric: a.metricName ?? a.metricQueries.find((q: any) => q.returnData).expression,
        statistic: a.statistic ?? a.extendedStatistic, threshold: a.threshold, comparison: a.comparisonOperator,
        periods: a.evaluationPeriods, missing: a.treatMissingData, actions: [a.alarmActions, a.okActions],
    };
}

describe("operations", () => {
    describe("a platform with a public and an internal web service, a worker and a scheduled task", () => {
        let built: BuiltPlatform;
        before(async () => {
            built = await buildPlatform([
                { kind: "web", name: "shop", args: { image: IMAGE, pathPatterns: ["/"], priority: 1, latencyThresholdMs: 800 } },
                { kind: "web", name: "catalog", args: { image: IMAGE, internal: true, cpuAlarmPercent: 80 } },
                { kind: "worker", name: "orders", args: { image: IMAGE, messageAgeAlarmSeconds: 600 } },
                { kind: "job", name: "report", args: { image: IMAGE, schedule: "rate(1 day)" } },
            ], { alarmEmails: ["oncall@example.com"] });
        });

        it("sends every alarm to one topic encrypted with a key CloudWatch may use, with the email subscribed", () => {
            const key = json(built.inputs("main-alarms-key").policy).Statement;
            assert.deepStrictEqual(key[1], {
                Sid: "CloudWatchPublishes", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: "*",
                Principal: { Service: "cloudwatch.amazonaws.com" }, Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
            });
            assert.strictEqual(built.inputs("main-alarms-key").enableKeyRotation, true);
            assert.strictEqual(built.inputs("main-alarms").kmsMasterKeyId, "arn:aws:kms:us-east-1:123456789012:main-alarms-key");
            assert.deepStrictEqual(built.inputs("main-alarm-email-1"), { topic: TOPIC, protocol: "email", endpoint: "oncall@example.com" });
            const alarms = built.mocks.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").filter(a => a.inputs.alarmActions?.length);
            assert.ok(alarms.length >= 14);
            assert.deepStrictEqual(alarms.filter(a => a.inputs.alarmActions[0] !== TOPIC).map(a => a.name), []);
        });

        it("alarms on the load balancer's own 5xx once, on the platform", () => {
            assert.deepStrictEqual(alarmOf(built, "main-alb-5xx-alarm"), {
                name: "fargate-stack-test-main-alb-5xx", metric: "HTTPCode_ELB_5XX_Count", statistic: "Sum", threshold: 10,
                comparison: "GreaterThanOrEqualToThreshold", periods: 3, missing: "notBreaching", actions: [[TOPIC], [TOPIC]],
            });
        });

        it("gives a public web service target 5xx, unhealthy targets, p99 latency, running tasks, CPU and memory alarms", () => {
            const table = ["target-5xx", "unhealthy-targets", "latency-p99", "running-tasks", "cpu-high", "memory-high"]
                .map(s => { const a = alarmOf(built, `shop-${s}-alarm`); return [s, a.metric, a.statistic, a.threshold, a.comparison, a.periods, a.missing]; });
            assert.deepStrictEqual(table, [
                ["target-5xx", "IF(requests > 0, 100 * errors / requests, 0)", undefined, 5, "GreaterThanThreshold", 2, "notBreaching"],
                ["unhealthy-targets", "UnHealthyHostCount", "Maximum", 1, "GreaterThanOrEqualToThreshold", 2, "notBreaching"],
                ["latency-p99", "TargetResponseTime", "p99", 0.8, "GreaterThanThreshold", 5, "notBreaching"],
                ["running-tasks", "desired - running", undefined, 0, "GreaterThanThreshold", 5, "breaching"],
                ["cpu-high", "CPUUtilization", "Average", 90, "GreaterThanThreshold", 5, "notBreaching"],
                ["memory-high", "MemoryUtilization", "Average", 90, "GreaterThanThreshold", 5, "notBreaching"],
            ]);
            assert.deepStrictEqual(built.inputs("shop-unhealthy-targets-alarm").dimensions,
                { LoadBalancer: "app/main-alb/abc", TargetGroup: "targetgroup/shop-tg/def" });
            assert.deepStrictEqual(built.inputs("shop-cpu-high-alarm").dimensions, { ClusterName: "main-cluster-1234567", ServiceName: "shop-service-1234567" });
        });

        it("rolls a public service's deployment back when its 5xx or unhealthy-target alarm fires", () => {
            assert.deepStrictEqual(built.inputs("shop-service").alarms, {
                alarmNames: ["fargate-stack-test-shop-target-5xx", "fargate-stack-test-shop-unhealthy-targets"], enable: true, rollback: true,
            });
            assert.deepStrictEqual(built.inputs("shop-service").deploymentCircuitBreaker, { enable: true, rollback: true });
            const deps = built.mocks.named("shop-service").dependencies;
            assert.ok(deps.includes(built.urn("shop-target-5xx-alarm")) && deps.includes(built.urn("shop-unhealthy-targets-alarm")));
        });

        it("gives an internal service its task alarms, with its own threshold, and no deployment alarms", () => {
            assert.strictEqual(alarmOf(built, "catalog-cpu-high-alarm").threshold, 80);
            assert.strictEqual(built.inputs("catalog-service").alarms, undefined);
            assert.deepStrictEqual(built.mocks.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").filter(a => a.name.startsWith("catalog-"))
                .map(a => a.name).sort(), ["catalog-cpu-high-alarm", "catalog-memory-high-alarm", "catalog-running-tasks-alarm"]);
        });

        it("alarms on a worker's oldest message and on its dead letters", () => {
            assert.deepStrictEqual(alarmOf(built, "orders-oldest-message-alarm"), {
                name: "fargate-stack-test-orders-oldest-message", metric: "ApproximateAgeOfOldestMessage", statistic: "Maximum",
                threshold: 600, comparison: "GreaterThanThreshold", periods: 5, missing: "notBreaching", actions: [[TOPIC], [TOPIC]],
            });
            assert.deepStrictEqual(built.inputs("orders-dead-letters-alarm").dimensions, { QueueName: built.inputs("orders-dlq").name });
            assert.strictEqual(alarmOf(built, "orders-dead-letters-alarm").threshold, 1);
        });

        it("alarms on a scheduled task's failed invocations (its own schedule group) and dead letters", () => {
            const group = built.inputs("report-schedule-group").name;
            assert.strictEqual(built.inputs("report-schedule").groupName, group);
            assert.deepStrictEqual(built.inputs("report-failed-invocations-alarm").dimensions, { ScheduleGroup: group });
            assert.deepStrictEqual(alarmOf(built, "report-failed-invocations-alarm").metric, "TargetErrorCount");
            assert.deepStrictEqual(built.inputs("report-dead-letters-alarm").dimensions, { QueueName: built.inputs("report-dlq").name });
        });

        it("builds one dashboard named after the stack, a row per signal with one line per workload", () => {
            const dashboard = built.inputs("main-dashboard");
            assert.strictEqual(dashboard.dashboardName, "fargate-stack-test-main");
            const widgets = json(dashboard.dashboardBody).widgets;
            assert.deepStrictEqual(widgets.map((w: any) => w.properties.title), [
                "Requests per web service", "Target 5xx per web service", "p99 response time per web service (s)",
                "Running tasks per service", "CPU per service (%)", "Memory per service (%)", "Visible messages per queue",
                "Age of the oldest message per queue (s)",
            ]);
            assert.strictEqual(widgets[4].properties.metrics[0][0].expression,
                "SEARCH('{AWS/ECS,ClusterName,ServiceName} ClusterName=\"main-cluster-1234567\" MetricName=\"CPUUtilization\"', 'Average', 60)");
            assert.match(widgets[0].properties.metrics[0][0].expression, /LoadBalancer="app\/main-alb\/abc" MetricName="RequestCount"/);
        });
    });

    it("uses a given topic, and creates no alarm, dashboard or deployment alarms when switched off", async () => {
        const mine = "arn:aws:sns:us-east-1:123456789012:ops";
        const built = await buildPlatform([
            { kind: "web", name: "shop", args: { image: IMAGE, pathPatterns: ["/"], priority: 1, enableAlarms: false } },
            { kind: "worker", name: "orders", args: { image: IMAGE } },
        ], { alarmTopicArn: mine, enableDashboard: false });
        assert.deepStrictEqual(built.mocks.ofType("aws:sns/topic:Topic"), []);
        assert.deepStrictEqual(built.mocks.ofType("aws:cloudwatch/dashboard:Dashboard"), []);
        assert.strictEqual(built.inputs("shop-service").alarms, undefined);
        assert.deepStrictEqual(built.mocks.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").filter(a => a.name.startsWith("shop-")), []);
        assert.deepStrictEqual(built.inputs("orders-oldest-message-alarm").alarmActions, [mine]);
    });

    it("gives a FargateStack its own topic, load balancer alarm, dashboard and service alarms", async () => {
        const built = await build({ image: IMAGE });
        assert.deepStrictEqual(built.inputs("web-service").alarms.alarmNames,
            ["fargate-stack-test-web-target-5xx", "fargate-stack-test-web-unhealthy-targets"]);
        assert.deepStrictEqual(built.inputs("web-alb-5xx-alarm").alarmActions, ["arn:aws:sns:us-east-1:123456789012:web-alarms"]);
        assert.strictEqual(built.inputs("web-dashboard").dashboardName, "fargate-stack-test-web");
    });

    it("rejects thresholds out of range, emails that are not addresses and emails next to a given topic", async () => {
        new AwsMocks().install();
        try {
            assert.throws(() => new FargateStack("web", {
                image: IMAGE, targetErrorRatePercent: 0, latencyThresholdMs: 0.5, alarmTopicArn: "arn:aws:sns:us-east-1:123456789012:ops",
                alarmEmails: ["oncall"],
            }), (error: unknown) => {
                assert.ok(pulumi.ResourceError.isInstance(error));
                assert.strictEqual(error.message, [
                    "FargateStack \"web\" has invalid arguments (4 problems); nothing was created:",
                    "  - `alarmEmails[0]` must be an email address; got \"oncall\". Use an address such as \"oncall@example.com\".",
                    "  - `alarmEmails` subscribe to the component's own topic, and `alarmTopicArn` replaces it; got [\"oncall\"]. Subscribe the addresses to your topic yourself, or remove `alarmTopicArn`.",
                    "  - `targetErrorRatePercent` must be an integer from 1 to 100; got 0. Use a value from 1 to 100.",
                    "  - `latencyThresholdMs` must be an integer from 1 to 4000000; got 0.5. Use a value from 1 to 4000000.",
                ].join("\n"));
                return true;
            });
        } finally {
            await settle();
        }
    });
});
