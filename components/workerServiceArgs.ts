import * as pulumi from "@pulumi/pulumi";
import { PlatformRef } from "./platformArgs";
import { TagsArgs } from "./args/platformInputs";
import { CapacityArgs, TaskArgs } from "./args/taskInputs";
import { TaskCountArgs } from "./args/serviceInputs";
import { AlarmArgs, QueueAlarmArgs } from "./args/operationsInputs";

/**
 * Inputs of {@link WorkerService}: where it runs, the queue it consumes and how it scales on it, then the task and its
 * task count. Each input shared with `FargateStack` means what it means there, with the same default and validation.
 */
export interface WorkerServiceArgs extends TaskArgs, CapacityArgs, TaskCountArgs, AlarmArgs, QueueAlarmArgs, TagsArgs {
    /** The platform to run on: a `Platform`'s `ref` output. */
    platform: pulumi.Input<PlatformRef>;
    /**
     * ARN of an existing SQS queue to consume instead of creating one (its dead-letter queue is then yours to set).
     * Default: a new encrypted queue with a dead-letter queue.
     * @default - a new encrypted queue with a dead-letter queue
     */
    queueArn?: pulumi.Input<string>;
    /**
     * How many times a message may be received before it moves to the dead-letter queue, 1 to 1000.
     * Default: `5`.
     * @default 5
     */
    maxReceiveCount?: number;
    /**
     * Seconds a received message stays hidden from other consumers, 0 to 43200; longer than the work on one message.
     * Default: `30`.
     * @default 30
     */
    queueVisibilityTimeoutSeconds?: number;
    /**
     * Visible messages per running task that autoscaling keeps the queue at (backlog per task).
     * Default: `100`.
     * @default 100
     */
    messagesPerTask?: number;
}
