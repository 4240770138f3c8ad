import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ScheduledCapacity } from "../args/serviceInputs";
import { SCHEDULED_CAPACITY_DEFAULTS } from "../defaults";
import { LayerContext, childOpts, tagsFor } from "./context";

/** What every scaled service has: where it runs, between how many tasks it may scale, and when that range changes. */
interface ScalableService {
    clusterName: pulumi.Input<string>;
    serviceName: pulumi.Input<string>;
    minTaskCount: number;
    maxTaskCount: number;
    scheduledCapacity: ScheduledCapacity[];
}

/** Registers the service's task count with Application Auto Scaling, with its scheduled range changes. */
function scalingTarget(ctx: LayerContext, inputs: ScalableService): aws.appautoscaling.Target {
    const target = new aws.appautoscaling.Target(`${ctx.name}-scaling-target`, {
        serviceNamespace: "ecs",
        scalableDimension: "ecs:service:DesiredCount",
        resourceId: pulumi.interpolate`service/${inputs.clusterName}/${inputs.serviceName}`,
        minCapacity: inputs.minTaskCount,
        maxCapacity: inputs.maxTaskCount,
        tags: tagsFor(ctx, `${ctx.name}-scaling-target`),
    }, childOpts(ctx));
    inputs.scheduledCapacity.forEach((entry, i) => {
        const name = `${ctx.name}-scheduled-capacity-${i + 1}`;
        new aws.appautoscaling.ScheduledAction(name, {
            name,
            serviceNamespace: target.serviceNamespace,
            scalableDimension: target.scalableDimension,
            resourceId: target.resourceId,
            schedule: entry.schedule,
            timezone: entry.scheduleTimezone ?? SCHEDULED_CAPACITY_DEFAULTS.scheduleTimezone,
            scalableTargetAction: { minCapacity: entry.minTaskCount, maxCapacity: entry.maxTaskCount },
        }, childOpts(ctx));
    });
    return target;
}

type TargetTracking = aws.types.input.appautoscaling.PolicyTargetTrackingScalingPolicyConfiguration;

function targetTracking(ctx: LayerContext, target: aws.appautoscaling.Target, suffix: string, config: TargetTracking): void {
    new aws.appautoscaling.Policy(`${ctx.name}-${suffix}-scaling`, {
        policyType: "TargetTrackingScaling",
        serviceNamespace: target.serviceNamespace,
        scalableDimension: target.scalableDimension,
        resourceId: target.resourceId,
        // Scale out fast, scale in slowly: a burst should not flap the task count.
        targetTrackingScalingPolicyConfiguration: { scaleOutCooldown: 60, scaleInCooldown: 300, ...config },
    }, childOpts(ctx));
}

/** The inputs of a web service's scaling. */
export interface ScalingInputs extends ScalableService {
    cpuTargetPercent: number;
    memoryTargetPercent: number;
    requestsPerTaskPerMinute?: number | undefined;
    /** `app/<alb>/<id>/targetgroup/<tg>/<id>`: what ALBRequestCountPerTarget is measured on. */
    requestCountResourceLabel: pulumi.Input<string>;
}

/** Adds Application Auto Scaling with target tracking on CPU, memory and, when asked, requests per task. */
export function createScaling(ctx: LayerContext, inputs: ScalingInputs): void {
    const target = scalingTarget(ctx, inputs);
    const predefined = (suffix: string, metric: string, targetValue: number, resourceLabel?: pulumi.Input<string>) =>
        targetTracking(ctx, target, suffix, { predefinedMetricSpecification: { predefinedMetricType: metric, resourceLabel }, targetValue });
    predefined("cpu", "ECSServiceAverageCPUUtilization", inputs.cpuTargetPercent);
    predefined("memory", "ECSServiceAverageMemoryUtilization", inputs.memoryTargetPercent);
    if (inputs.requestsPerTaskPerMinute !== undefined) {
        predefined("requests", "ALBRequestCountPerTarget", inputs.requestsPerTaskPerMinute, inputs.requestCountResourceLabel);
    }
}

/** The inputs of a worker's scaling on its queue. */
export interface QueueScalingInputs extends ScalableService {
    queueName: pulumi.Input<string>;
    messagesPerTask: number;
}

/**
 * Scales a worker on its backlog per task: visible messages divided by running tasks (Container Insights'
 * RunningTaskCount), kept at `messagesPerTask` by target tracking. Target tracking cannot leave zero tasks (with
 * none running there is no backlog per task) nor reach zero, so with `minTaskCount` 0 two step policies add that:
 * one task when messages are visible and none run, and zero tasks after 15 minutes without visible or in-flight
 * messages.
 */
export function createQueueScaling(ctx: LayerContext, inputs: QueueScalingInputs): void {
    const target = scalingTarget(ctx, inputs);
    const service = [{ name: "ClusterName", value: inputs.clusterName }, { name: "ServiceName", value: inputs.serviceName }];
    targetTracking(ctx, target, "backlog", {
        targetValue: inputs.messagesPerTask,
        customizedMetricSpecification: {
            metrics: [
                { id: "visible", returnData: false, metricStat: { stat: "Sum", metric: {
                    namespace: "AWS/SQS", metricName: "ApproximateNumberOfMessagesVisible",
                    dimensions: [{ name: "QueueName", value: inputs.queueName }] } } },
                { id: "running", returnData: false, metricStat: { stat: "Average", metric: {
                    namespace: "ECS/ContainerInsights", metricName: "RunningTaskCount", dimensions: service } } },
                { id: "backlog", expression: "visible / running", label: "Visible messages per running task", returnData: true },
            ],
        },
    });
    if (inputs.minTaskCount === 0) {
        scaleFromAndToZero(ctx, target, inputs);
    }
}

function scaleFromAndToZero(ctx: LayerContext, target: aws.appautoscaling.Target, inputs: QueueScalingInputs): void {
    const sqs = (id: string, metricName: string) => ({ id, returnData: false, metric: {
        namespace: "AWS/SQS", metricName, period: 60, stat: "Sum", dimensions: { QueueName: inputs.queueName } } });
    const stepPolicy = (suffix: string, adjustmentType: string, step: aws.types.input.appautoscaling.PolicyStepScalingPolicyConfigurationStepAdjustment) =>
        new aws.appautoscaling.Policy(`${ctx.name}-${suffix}-scaling`, {
            policyType: "StepScaling",
            serviceNamespace: target.serviceNamespace,
            scalableDimension: target.scalableDimension,
            resourceId: target.resourceId,
            stepScalingPolicyConfiguration: { adjustmentType, cooldown: 60, metricAggregationType: "Maximum", stepAdjustments: [step] },
        }, childOpts(ctx));
    const fromZero = stepPolicy("from-zero", "ChangeInCapacity", { metricIntervalLowerBound: "0", scalingAdjustment: 1 });
    new aws.cloudwatch.MetricAlarm(`${ctx.name}-from-zero-alarm`, {
        alarmDescription: `${ctx.name}: messages are waiting and no task runs; start one`,
        comparisonOperator: "GreaterThanOrEqualToThreshold", threshold: 1, evaluationPeriods: 1,
        metricQueries: [
            sqs("visible", "ApproximateNumberOfMessagesVisible"),
            { id: "running", returnData: false, metric: { namespace: "ECS/ContainerInsights", metricName: "RunningTaskCount",
                period: 60, stat: "Average", dimensions: { ClusterName: inputs.clusterName, ServiceName: inputs.serviceName } } },
            { id: "wake", expression: "IF(visible > 0 AND FILL(running, 0) == 0, 1, 0)", label: "Messages waiting, no task", returnData: true },
        ],
        // No SQS data means an idle queue: nothing to wake up for.
        treatMissingData: "notBreaching",
        alarmActions: [fromZero.arn],
        tags: tagsFor(ctx, `${ctx.name}-from-zero-alarm`),
    }, childOpts(ctx));
    const toZero = stepPolicy("to-zero", "ExactCapacity", { metricIntervalUpperBound: "0", scalingAdjustment: 0 });
    new aws.cloudwatch.MetricAlarm(`${ctx.name}-to-zero-alarm`, {
        alarmDescription: `${ctx.name}: no visible or in-flight messages for 15 minutes; stop every task`,
        comparisonOperator: "LessThanThreshold", threshold: 1, evaluationPeriods: 15,
        metricQueries: [
            sqs("visible", "ApproximateNumberOfMessagesVisible"),
            sqs("inflight", "ApproximateNumberOfMessagesNotVisible"),
            { id: "pending", expression: "visible + inflight", label: "Visible and in-flight messages", returnData: true },
        ],
        // SQS stops publishing metrics for a queue idle for hours: missing data means empty.
        treatMissingData: "breaching",
        alarmActions: [toZero.arn],
        tags: tagsFor(ctx, `${ctx.name}-to-zero-alarm`),
    }, childOpts(ctx));
}
