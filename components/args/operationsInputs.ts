/**
 * Inputs of the operations features: where alarms go and the dashboard (a platform's, or a `FargateStack`'s), and
 * each workload's alarms with their thresholds.
 */
import * as pulumi from "@pulumi/pulumi";

/** Where the alarms of a platform's workloads go, and its dashboard. */
export interface MonitoringArgs {
    /**
     * ARN of an existing SNS topic that receives every alarm, instead of the component's own. CloudWatch must be
     * allowed to publish to it (and to use its KMS key, if it is encrypted).
     * Default: a new topic, encrypted with its own KMS key that CloudWatch may use.
     * @default - a new topic, encrypted with its own KMS key that CloudWatch may use
     */
    alarmTopicArn?: pulumi.Input<string>;
    /**
     * Email addresses subscribed to the alarm topic (each must confirm the subscription AWS mails it).
     * Default: `[]`.
     * @default []
     */
    alarmEmails?: string[];
    /**
     * Create a CloudWatch dashboard of the workloads: requests, errors, latency, CPU, memory, running tasks and queue
     * depth, one line per workload.
     * Default: `true`.
     * @default true
     */
    enableDashboard?: boolean;
}

/** Whether a workload has alarms. */
export interface AlarmArgs {
    /**
     * Create the workload's CloudWatch alarms (sent to the platform's alarm topic); for a public web service also
     * the deployment alarms that roll a failing deployment back.
     * Default: `true`.
     * @default true
     */
    enableAlarms?: boolean;
}

/** A web service's alarm thresholds. */
export interface WebAlarmArgs {
    /**
     * Percentage of requests answered with a 5xx by the tasks, over a minute, that raises the error alarm (and rolls
     * a deployment back).
     * Default: `5`.
     * @default 5
     */
    targetErrorRatePercent?: number;
    /**
     * The tasks' p99 response time, in milliseconds, that raises the latency alarm after 5 minutes above it.
     * Default: `1000`.
     * @default 1000
     */
    latencyThresholdMs?: number;
    /**
     * Average CPU utilisation (percent) of the service that raises the CPU alarm after 5 minutes above it.
     * Default: `90`.
     * @default 90
     */
    cpuAlarmPercent?: number;
    /**
     * Average memory utilisation (percent) of the service that raises the memory alarm after 5 minutes above it.
     * Default: `90`.
     * @default 90
     */
    memoryAlarmPercent?: number;
}

/** A worker's alarm threshold. */
export interface QueueAlarmArgs {
    /**
     * Age, in seconds, of the oldest message in the queue that raises the backlog alarm.
     * Default: `900`.
     * @default 900
     */
    messageAgeAlarmSeconds?: number;
}
