import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { NAME_RULES, fitName } from "../rules";
import { AwsEnvironment } from "./environment";
import { LayerContext, childOpts, tagsFor } from "./context";

/**
 * Creates the topic every alarm of the component (or platform) notifies, with the given email subscriptions. It is
 * encrypted with a KMS key of its own, because CloudWatch cannot publish to a topic encrypted with the AWS managed
 * SNS key; the key lets CloudWatch, and only the account besides, use it.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
 */
export function createAlarmTopic(ctx: LayerContext, env: AwsEnvironment, emails: string[]): pulumi.Output<string> {
    const opts = childOpts(ctx);
    const key = new aws.kms.Key(`${ctx.name}-alarms-key`, {
        description: `Encrypts the alarm topic of ${ctx.name}`,
        enableKeyRotation: true,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AccountAdministers", Effect: "Allow", Action: "kms:*", Resource: "*",
                    Principal: { AWS: pulumi.interpolate`arn:${env.partition}:iam::${env.accountId}:root` },
                },
                {
                    Sid: "CloudWatchPublishes", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: "*",
                    Principal: { Service: "cloudwatch.amazonaws.com" },
                    Condition: { StringEquals: { "aws:SourceAccount": env.accountId } },
                },
            ],
        }),
        tags: tagsFor(ctx, `${ctx.name}-alarms-key`),
    }, opts);
    const topic = new aws.sns.Topic(`${ctx.name}-alarms`, {
        kmsMasterKeyId: key.arn, tags: tagsFor(ctx, `${ctx.name}-alarms`),
    }, opts);
    emails.forEach((endpoint, i) => {
        new aws.sns.TopicSubscription(`${ctx.name}-alarm-email-${i + 1}`, { topic: topic.arn, protocol: "email", endpoint }, opts);
    });
    return topic.arn;
}

/** An alarm of the component: explicit name, its description, the topic notified on alarm and on recovery. */
export interface AlarmSpec {
    /** Suffix of the alarm's child name and AWS name, e.g. `target-5xx`. */
    suffix: string;
    description: string;
    topicArn: pulumi.Input<string>;
    /** The rest of the alarm's arguments: metric, statistic, threshold, periods, missing data. */
    args: Omit<aws.cloudwatch.MetricAlarmArgs, "name" | "alarmDescription" | "alarmActions" | "okActions" | "tags">;
}

/** The AWS name of an alarm: `<project>-<stack>-<name>-<suffix>`, unique in the account and region. */
export function alarmNameFor(ctx: LayerContext, suffix: string): string {
    return fitName(`${pulumi.getProject()}-${pulumi.getStack()}-${ctx.name}-${suffix}`, NAME_RULES.alarm);
}

/** Creates one alarm (`<name>-<suffix>-alarm`) that notifies the topic when it fires and when it recovers. */
export function createAlarm(ctx: LayerContext, spec: AlarmSpec): aws.cloudwatch.MetricAlarm {
    return new aws.cloudwatch.MetricAlarm(`${ctx.name}-${spec.suffix}-alarm`, {
        name: alarmNameFor(ctx, spec.suffix),
        alarmDescription: spec.description,
        alarmActions: [spec.topicArn],
        okActions: [spec.topicArn],
        ...spec.args,
        tags: tagsFor(ctx, `${ctx.name}-${spec.suffix}-alarm`),
    }, childOpts(ctx));
}

/** The load balancer's own 5xx responses (no healthy target, a timeout): a platform's, shared by its web services. */
export function createLoadBalancerAlarm(ctx: LayerContext, topicArn: pulumi.Input<string>, loadBalancerArnSuffix: pulumi.Input<string>): void {
    createAlarm(ctx, {
        suffix: "alb-5xx", topicArn,
        description: `${ctx.name}: the load balancer answered 10 or more requests with its own 5xx in each of 3 minutes`,
        args: {
            namespace: "AWS/ApplicationELB", metricName: "HTTPCode_ELB_5XX_Count", dimensions: { LoadBalancer: loadBalancerArnSuffix },
            statistic: "Sum", period: 60, evaluationPeriods: 3, threshold: 10, comparisonOperator: "GreaterThanOrEqualToThreshold",
            // No data: no request failed.
            treatMissingData: "notBreaching",
        },
    });
}

/** The inputs of the dashboard. */
export interface DashboardInputs {
    clusterName: pulumi.Input<string>;
    loadBalancerArnSuffix: pulumi.Input<string>;
    region: pulumi.Input<string>;
}

/**
 * Creates the dashboard of a platform's (or a `FargateStack`'s) workloads, named `<project>-<stack>-<name>`: a row per
 * signal (requests, target 5xx, p99 latency, CPU, memory, running tasks, queue depth), one line per workload. The
 * lines come from CloudWatch metric search on the platform's load balancer and cluster, so a workload added later,
 * by this program or another, appears without the platform changing.
 */
export function createDashboard(ctx: LayerContext, inputs: DashboardInputs): aws.cloudwatch.Dashboard {
    const name = fitName(`${pulumi.getProject()}-${pulumi.getStack()}-${ctx.name}`, NAME_RULES.dashboard);
    const body = pulumi.all([inputs.clusterName, inputs.loadBalancerArnSuffix, inputs.region]).apply(([cluster, lb, region]) => {
        const search = (title: string, expression: string, stat: string, y: number, x: number) => ({
            type: "metric", x, y, width: 12, height: 6,
            properties: { title, region, stat, period: 60, view: "timeSeries", metrics: [[{ expression: `SEARCH('${expression}', '${stat}', 60)`, id: `e${y}${x}` }]] },
        });
        const alb = `{AWS/ApplicationELB,LoadBalancer,TargetGroup} LoadBalancer="${lb}"`;
        const ecs = `{AWS/ECS,ClusterName,ServiceName} ClusterName="${cluster}"`;
        return JSON.stringify({
            widgets: [
                search("Requests per web service", `${alb} MetricName="RequestCount"`, "Sum", 0, 0),
                search("Target 5xx per web service", `${alb} MetricName="HTTPCode_Target_5XX_Count"`, "Sum", 0, 12),
                search("p99 response time per web service (s)", `${alb} MetricName="TargetResponseTime"`, "p99", 6, 0),
                search("Running tasks per service", `{ECS/ContainerInsights,ClusterName,ServiceName} ClusterName="${cluster}" MetricName="RunningTaskCount"`, "Average", 6, 12),
                search("CPU per service (%)", `${ecs} MetricName="CPUUtilization"`, "Average", 12, 0),
                search("Memory per service (%)", `${ecs} MetricName="MemoryUtilization"`, "Average", 12, 12),
                search("Visible messages per queue", "{AWS/SQS,QueueName} MetricName=\"ApproximateNumberOfMessagesVisible\"", "Maximum", 18, 0),
                search("Age of the oldest message per queue (s)", "{AWS/SQS,QueueName} MetricName=\"ApproximateAgeOfOldestMessage\"", "Maximum", 18, 12),
            ],
        });
    });
    return new aws.cloudwatch.Dashboard(`${ctx.name}-dashboard`, { dashboardName: name, dashboardBody: body }, childOpts(ctx));
}
