import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AwsEnvironment } from "./environment";
import { LayerContext, childOpts, tagsFor } from "./context";
import { NAME_RULES, dnsSuffixOf, stableName } from "../rules";

/** A queue, addressed by values known at preview when its name is explicit. */
export interface Queue {
    queueName: pulumi.Output<string>;
    queueArn: pulumi.Output<string>;
    queueUrl: pulumi.Output<string>;
    /** The queue, when the component created it: what must wait for it to exist. */
    resource?: aws.sqs.Queue;
}

/** The queue with this name in the stack's account and region: ARN and URL built as SQS builds them. */
export function queueAt(env: AwsEnvironment, queueName: pulumi.Input<string>): Queue {
    return {
        queueName: pulumi.output(queueName),
        queueArn: pulumi.interpolate`arn:${env.partition}:sqs:${env.region}:${env.accountId}:${queueName}`,
        queueUrl: pulumi.interpolate`https://sqs.${env.region}.${env.partition.apply(dnsSuffixOf)}/${env.accountId}/${queueName}`,
    };
}

/** An existing queue by ARN (`arn:<partition>:sqs:<region>:<account>:<name>`). */
export function adoptQueue(queueArn: pulumi.Input<string>): Queue {
    const parts = pulumi.output(queueArn).apply(arn => arn.split(":"));
    return {
        queueName: parts.apply(p => p[5]),
        queueArn: pulumi.output(queueArn),
        queueUrl: parts.apply(p => `https://sqs.${p[3]}.${dnsSuffixOf(p[1])}/${p[4]}/${p[5]}`),
    };
}

/** Names a queue of the component: stable, unique per stack, within SQS's 80 characters. */
function queueName(ctx: LayerContext, suffix: string): string {
    return stableName(`${ctx.name}-${suffix}`, `${ctx.uniqueKey}/${suffix}`, NAME_RULES.sqsQueue);
}

/**
 * Creates a dead-letter queue (`<name>-dlq`): encrypted with SQS-managed keys, keeping messages for the 14 days SQS
 * allows at most, so a failure can be looked at long after it happened.
 */
export function createDeadLetterQueue(ctx: LayerContext, env: AwsEnvironment): Queue {
    const name = queueName(ctx, "dlq");
    const resource = new aws.sqs.Queue(`${ctx.name}-dlq`, {
        name, sqsManagedSseEnabled: true, messageRetentionSeconds: 1209600, tags: tagsFor(ctx, `${ctx.name}-dlq`),
    }, childOpts(ctx));
    return { ...queueAt(env, name), resource };
}

/** The inputs of a worker's queue. */
export interface WorkQueueInputs {
    maxReceiveCount: number;
    visibilityTimeoutSeconds: number;
}

/**
 * Creates a worker's queue (`<name>-queue`, encrypted) whose messages move to its dead-letter queue after
 * `maxReceiveCount` receives. The redrive policy names the dead-letter queue by its ARN built from the name, so the
 * queue is fully known at preview.
 */
export function createWorkQueue(ctx: LayerContext, env: AwsEnvironment, inputs: WorkQueueInputs): { queue: Queue; deadLetterQueue: Queue } {
    const deadLetterQueue = createDeadLetterQueue(ctx, env);
    const name = queueName(ctx, "queue");
    const resource = new aws.sqs.Queue(`${ctx.name}-queue`, {
        name,
        sqsManagedSseEnabled: true,
        visibilityTimeoutSeconds: inputs.visibilityTimeoutSeconds,
        redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: deadLetterQueue.queueArn, maxReceiveCount: inputs.maxReceiveCount }),
        tags: tagsFor(ctx, `${ctx.name}-queue`),
    }, childOpts(ctx, { dependsOn: deadLetterQueue.resource ? [deadLetterQueue.resource] : [] }));
    return { queue: { ...queueAt(env, name), resource }, deadLetterQueue };
}
