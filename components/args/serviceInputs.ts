/**
 * Inputs of a long-running ECS service: its task count and scaling, and (for a service behind the load balancer)
 * its target group. `FargateStack`, `WebService` and `WorkerService` take them with the same names, defaults and
 * validation.
 */

/**
 * A change of a service's task count range on a schedule, e.g. 0..0 at night for a non-production service.
 * @see https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-scheduled-scaling.html
 */
export interface ScheduledCapacity {
    /**
     * When the range changes: `cron(minutes hours day-of-month month day-of-week year)`, `rate(value unit)`, or
     * `at(yyyy-mm-ddThh:mm:ss)` once.
     */
    schedule: string;
    /** The fewest tasks autoscaling may run from then on, 0 or more. */
    minTaskCount: number;
    /** The most tasks autoscaling may run from then on. */
    maxTaskCount: number;
    /**
     * The time zone `schedule` is read in, as an IANA name such as `Europe/Paris`.
     * Default: `"UTC"`.
     * @default "UTC"
     */
    scheduleTimezone?: string;
}

/** How many tasks run, and whether autoscaling owns that number. */
export interface TaskCountArgs {
    /**
     * Number of tasks to run; within `minTaskCount`..`maxTaskCount` when autoscaling is on, where autoscaling then
     * owns it. When it is not set and autoscaling is on, the default 2 is raised to `minTaskCount` or lowered to
     * `maxTaskCount`.
     * Default: `2`.
     * @default 2
     */
    desiredCount?: number;
    /**
     * Scale the number of tasks automatically between `minTaskCount` and `maxTaskCount`.
     * Default: `true`.
     * @default true
     */
    enableAutoscaling?: boolean;
    /**
     * The fewest tasks autoscaling may run: 1 or more, or 0 for a `WorkerService` (which then scales out from zero
     * when messages arrive).
     * Default: `2`.
     * @default 2
     */
    minTaskCount?: number;
    /**
     * The most tasks autoscaling may run.
     * Default: `10`.
     * @default 10
     */
    maxTaskCount?: number;
    /**
     * Changes of `minTaskCount`..`maxTaskCount` on a schedule, e.g. 0..0 at night and 2..10 for business hours.
     * Needs `enableAutoscaling`.
     * Default: `[]`.
     * @default []
     */
    scheduledCapacity?: ScheduledCapacity[];
}

/** Target tracking on CPU and memory utilisation. */
export interface UtilizationScalingArgs {
    /**
     * Average CPU utilisation (percent) that autoscaling keeps the service at.
     * Default: `70`.
     * @default 70
     */
    cpuTargetPercent?: number;
    /**
     * Average memory utilisation (percent) that autoscaling keeps the service at.
     * Default: `75`.
     * @default 75
     */
    memoryTargetPercent?: number;
}

/** The target group a public service registers its tasks in, and how the load balancer treats them. */
export interface LoadBalancedServiceArgs {
    /**
     * Path the load balancer requests to decide whether a task is healthy (the target group's health check).
     * Default: `"/"`.
     * @default "/"
     */
    targetHealthCheckPath?: string;
    /**
     * HTTP codes that count as healthy in the target group's health check, e.g. `200`, `200-299` or `200,204`.
     * Default: `"200-399"`.
     * @default "200-399"
     */
    targetHealthCheckMatcher?: string;
    /**
     * Seconds between the target group's health checks, 5 to 300.
     * Default: `10`.
     * @default 10
     */
    targetHealthCheckIntervalSeconds?: number;
    /**
     * Seconds one of the target group's health checks may take, 2 to 120 and less than the interval.
     * Default: `5`.
     * @default 5
     */
    targetHealthCheckTimeoutSeconds?: number;
    /**
     * Consecutive successful target health checks before a new task receives traffic, 2 to 10.
     * Default: `2`.
     * @default 2
     */
    targetHealthyThreshold?: number;
    /**
     * Consecutive failed target health checks before a task stops receiving traffic, 2 to 10.
     * Default: `3`.
     * @default 3
     */
    targetUnhealthyThreshold?: number;
    /**
     * Seconds the load balancer lets in-flight requests finish on a stopping task, 0 to 3600.
     * Default: `30`.
     * @default 30
     */
    deregistrationDelaySeconds?: number;
    /**
     * Seconds after a task starts during which ECS ignores failed load balancer and container health checks (the
     * ECS service's `healthCheckGracePeriodSeconds`).
     * Default: `60`.
     * @default 60
     */
    healthCheckGracePeriodSeconds?: number;
    /**
     * Load balancer requests per task per minute that autoscaling keeps the service at (ALBRequestCountPerTarget).
     * Default: no request-count scaling.
     * @default - no request-count scaling
     */
    requestsPerTaskPerMinute?: number;
}
