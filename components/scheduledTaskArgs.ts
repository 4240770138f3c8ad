import * as pulumi from "@pulumi/pulumi";
import { PlatformRef } from "./platformArgs";
import { TagsArgs } from "./args/platformInputs";
import { CapacityArgs, TaskArgs } from "./args/taskInputs";
import { AlarmArgs } from "./args/operationsInputs";

/**
 * Inputs of {@link ScheduledTask}: where and when it runs and what happens when a run fails, then the task. Each input
 * shared with `FargateStack` means what it means there, with the same default and validation.
 */
export interface ScheduledTaskArgs extends TaskArgs, CapacityArgs, AlarmArgs, TagsArgs {
    /** The platform to run on: a `Platform`'s `ref` output. */
    platform: pulumi.Input<PlatformRef>;
    /**
     * When the task runs, as an EventBridge Scheduler expression: `cron(minutes hours day-of-month month day-of-week
     * year)`, e.g. `cron(0 3 * * ? *)` for 03:00 every day, or `rate(value unit)`, e.g. `rate(6 hours)`.
     * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html
     */
    schedule: string;
    /**
     * The time zone `cron(...)` schedules are read in, as an IANA name such as `Europe/Paris`.
     * Default: `"UTC"`.
     * @default "UTC"
     */
    scheduleTimezone?: string;
    /**
     * How many times the scheduler retries a run it could not start, 0 to 185; runs that still fail go to the
     * dead-letter queue.
     * Default: `2`.
     * @default 2
     */
    maxRetryAttempts?: number;
    /**
     * How many copies of the task each run starts, 1 to 10.
     * Default: `1`.
     * @default 1
     */
    taskCount?: number;
}
