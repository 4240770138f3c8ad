/**
 * Each workload's alarms, all notifying its platform's alarm topic on alarm and on recovery. Every alarm says how it
 * treats missing data: `notBreaching` where no data means nothing happened (no requests, no messages), `breaching`
 * where no data means the service cannot be seen at all.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { LayerContext } from "./context";
import { alarmNameFor, createAlarm } from "./monitoring";

type MetricQuery = aws.types.input.cloudwatch.MetricAlarmMetricQuery;
const MINUTE = 60;

/** The inputs of a public web service's alarms on its target group. */
export interface TargetAlarmInputs {
    topicArn: pulumi.Input<string>;
    loadBalancerArnSuffix: pulumi.Input<string>;
    targetGroupArnSuffix: pulumi.Input<string>;
    targetErrorRatePercent: number;
    latencyThresholdMs: number;
}

/** The inputs of a web service's alarms on its tasks. */
export interface ServiceAlarmInputs {
    topicArn: pulumi.Input<string>;
    clusterName: pulumi.Input<string>;
    serviceName: pulumi.Input<string>;
    cpuAlarmPercent: number;
    memoryAlarmPercent: number;
}

/** What a web service's deployment watches: the alarms that roll a failing deployment back. */
export interface DeploymentAlarms {
    alarmNames: string[];
    alarms: pulumi.Resource[];
}

/**
 * A public web service's alarms on its target group: target 5xx rate, unhealthy targets and p99 latency. They need
 * no service, so they exist before it: the 5xx and unhealthy-target alarms are returned for its deployments to watch.
 */
export function createTargetAlarms(ctx: LayerContext, inputs: TargetAlarmInputs): DeploymentAlarms {
    const { topicArn } = inputs;
    const target = { LoadBalancer: inputs.loadBalancerArnSuffix, TargetGroup: inputs.targetGroupArnSuffix };
    const elb = (id: string, metricName: string): MetricQuery => ({
        id, returnData: false, metric: { namespace: "AWS/ApplicationELB", metricName, dimensions: target, period: MINUTE, stat: "Sum" },
    });
    const errors = createAlarm(ctx, {
        suffix: "target-5xx", topicArn,
        description: `${ctx.name}: more than ${inputs.targetErrorRatePercent}% of requests answered 5xx by the tasks for 2 minutes`,
        args: {
            metricQueries: [elb("errors", "HTTPCode_Target_5XX_Count"), elb("requests", "RequestCount"),
                { id: "rate", expression: "IF(requests > 0, 100 * errors / requests, 0)", label: "Target 5xx (%)", returnData: true }],
            evaluationPeriods: 2, threshold: inputs.targetErrorRatePercent, comparisonOperator: "GreaterThanThreshold",
            // No data: no request, so no failed request.
            treatMissingData: "notBreaching",
        },
    });
    const unhealthy = createAlarm(ctx, {
        suffix: "unhealthy-targets", topicArn,
        description: `${ctx.name}: a task has failed the load balancer's health check for 2 minutes`,
        args: {
            namespace: "AWS/ApplicationELB", metricName: "UnHealthyHostCount", dimensions: target, statistic: "Maximum",
            period: MINUTE, evaluationPeriods: 2, threshold: 1, comparisonOperator: "GreaterThanOrEqualToThreshold",
            // No data: no target registered yet, so none unhealthy (running-tasks watches for missing tasks).
            treatMissingData: "notBreaching",
        },
    });
    createAlarm(ctx, {
        suffix: "latency-p99", topicArn,
        description: `${ctx.name}: p99 response time above ${inputs.latencyThresholdMs} ms for 5 minutes`,
        args: {
            namespace: "AWS/ApplicationELB", metricName: "TargetResponseTime", dimensions: target, extendedStatistic: "p99",
            period: MINUTE, evaluationPeriods: 5, threshold: inputs.latencyThresholdMs / 1000, comparisonOperator: "GreaterThanThreshold",
            // No data: no request to be slow.
            treatMissingData: "notBreaching",
        },
    });
    return { alarmNames: [alarmNameFor(ctx, "target-5xx"), alarmNameFor(ctx, "unhealthy-targets")], alarms: [errors, unhealthy] };
}

/** Running tasks below the desired count, CPU and memory high: every web service's. */
export function createServiceAlarms(ctx: LayerContext, inputs: ServiceAlarmInputs): void {
    const { topicArn } = inputs;
    const service = { ClusterName: inputs.clusterName, ServiceName: inputs.serviceName };
    const insights = (id: string, metricName: string): MetricQuery => ({
        id, returnData: false, metric: { namespace: "ECS/ContainerInsights", metricName, dimensions: service, period: MINUTE, stat: "Average" },
    });
    createAlarm(ctx, {
        suffix: "running-tasks", topicArn,
        description: `${ctx.name}: fewer tasks running than desired for 5 minutes`,
        args: {
            metricQueries: [insights("desired", "DesiredTaskCount"), insights("running", "RunningTaskCount"),
                { id: "missing", expression: "desired - running", label: "Tasks missing", returnData: true }],
            evaluationPeriods: 5, threshold: 0, comparisonOperator: "GreaterThanThreshold",
            // No data: Container Insights cannot see the service at all, which is worth a look.
            treatMissingData: "breaching",
        },
    });
    for (const [suffix, metricName, threshold, what] of [
        ["cpu-high", "CPUUtilization", inputs.cpuAlarmPercent, "CPU"],
        ["memory-high", "MemoryUtilization", inputs.memoryAlarmPercent, "memory"],
    ] as const) {
        createAlarm(ctx, {
            suffix, topicArn,
            description: `${ctx.name}: average ${what} above ${threshold}% for 5 minutes`,
            args: {
                namespace: "AWS/ECS", metricName, dimensions: service, statistic: "Average", period: MINUTE, evaluationPeriods: 5,
                threshold, comparisonOperator: "GreaterThanThreshold",
                // No data: no task running (a worker at zero), so nothing is busy.
                treatMissingData: "notBreaching",
            },
        });
    }
}

/** Messages in a dead-letter queue: each one is work that failed for good. */
export function createDeadLetterAlarm(ctx: LayerContext, topicArn: pulumi.Input<string>, deadLetterQueueName: pulumi.Input<string>): void {
    createAlarm(ctx, {
        suffix: "dead-letters", topicArn,
        description: `${ctx.name}: messages are waiting in the dead-letter queue`,
        args: {
            namespace: "AWS/SQS", metricName: "ApproximateNumberOfMessagesVisible", dimensions: { QueueName: deadLetterQueueName },
            statistic: "Maximum", period: 5 * MINUTE, evaluationPeriods: 1, threshold: 1, comparisonOperator: "GreaterThanOrEqualToThreshold",
            // No data: SQS stops reporting an empty, idle queue.
            treatMissingData: "notBreaching",
        },
    });
}

/** A worker's alarms: the age of the oldest message (the backlog is not being worked off) and dead letters. */
export function createQueueAlarms(
    ctx: LayerContext, inputs: { topicArn: pulumi.Input<string>; queueName: pulumi.Input<string>; deadLetterQueueName?: pulumi.Input<string> | undefined; messageAgeAlarmSeconds: number },
): void {
    createAlarm(ctx, {
        suffix: "oldest-message", topicArn: inputs.topicArn,
        description: `${ctx.name}: the oldest message has waited more than ${inputs.messageAgeAlarmSeconds} s for 5 minutes`,
        args: {
            namespace: "AWS/SQS", metricName: "ApproximateAgeOfOldestMessage", dimensions: { QueueName: inputs.queueName },
            statistic: "Maximum", period: MINUTE, evaluationPeriods: 5, threshold: inputs.messageAgeAlarmSeconds,
            comparisonOperator: "GreaterThanThreshold",
            // No data: SQS stops reporting an empty, idle queue.
            treatMissingData: "notBreaching",
        },
    });
    if (inputs.deadLetterQueueName !== undefined) {
        createDeadLetterAlarm(ctx, inputs.topicArn, inputs.deadLetterQueueName);
    }
}

/** A scheduled task's alarms: runs the scheduler could not start (its own schedule group's errors) and dead letters. */
export function createScheduleAlarms(
    ctx: LayerContext, inputs: { topicArn: pulumi.Input<string>; scheduleGroupName: pulumi.Input<string>; deadLetterQueueName: pulumi.Input<string> },
): void {
    createAlarm(ctx, {
        suffix: "failed-invocations", topicArn: inputs.topicArn,
        description: `${ctx.name}: the scheduler could not start the task`,
        args: {
            namespace: "AWS/Scheduler", metricName: "TargetErrorCount", dimensions: { ScheduleGroup: inputs.scheduleGroupName },
            statistic: "Sum", period: 5 * MINUTE, evaluationPeriods: 1, threshold: 1, comparisonOperator: "GreaterThanOrEqualToThreshold",
            // No data: no invocation in the period, so none failed.
            treatMissingData: "notBreaching",
        },
    });
    createDeadLetterAlarm(ctx, inputs.topicArn, inputs.deadLetterQueueName);
}
