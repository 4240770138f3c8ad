/**
 * AWS limits shared by the component's validation and the policy pack. Plain data and pure functions only: the
 * policy pack imports this module too, so it must not depend on the Pulumi runtime.
 */

/** An inclusive numeric range with the AWS default, used for health checks and timeouts. */
export interface NumericRange {
    min: number;
    max: number;
}

/**
 * Container health check limits (ECS `HealthCheck`).
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html
 */
export const CONTAINER_HEALTH_CHECK = {
    intervalSeconds: { min: 5, max: 300 },
    timeoutSeconds: { min: 2, max: 60 },
    retries: { min: 1, max: 10 },
    startPeriodSeconds: { min: 0, max: 300 },
} as const;

/**
 * Target group health check and attribute limits (ELBv2 `CreateTargetGroup`, `ModifyTargetGroupAttributes`).
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html
 */
export const TARGET_GROUP_HEALTH_CHECK = {
    intervalSeconds: { min: 5, max: 300 },
    timeoutSeconds: { min: 2, max: 120 },
    healthyThreshold: { min: 2, max: 10 },
    unhealthyThreshold: { min: 2, max: 10 },
    deregistrationDelaySeconds: { min: 0, max: 3600 },
    pathMaxLength: 1024,
} as const;

/** ECS container `stopTimeout` on Fargate: at most 120 seconds. */
export const STOP_TIMEOUT_SECONDS: NumericRange = { min: 2, max: 120 };

/** ECS service `healthCheckGracePeriodSeconds`. */
export const HEALTH_CHECK_GRACE_PERIOD_SECONDS: NumericRange = { min: 0, max: 2147483647 };

/** TCP ports. */
export const PORT_RANGE: NumericRange = { min: 1, max: 65535 };

/** Fargate Windows reserves this port for its own agent; a container may not listen on it. */
export const WINDOWS_RESERVED_PORT = 3150;

/** Desired task count limit per ECS service. */
export const MAX_TASKS_PER_SERVICE = 5000;

/**
 * The retention periods CloudWatch Logs accepts (`PutRetentionPolicy`), in days.
 * @see https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
 */
export const LOG_RETENTION_DAYS: readonly number[] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** True when `value` is an integer within `range` (inclusive). */
export function inRange(value: number, range: NumericRange): boolean {
    return Number.isInteger(value) && value >= range.min && value <= range.max;
}

/** True when `port` is a valid TCP port. */
export function isValidPort(port: number): boolean {
    return inRange(port, PORT_RANGE);
}

/**
 * True when `matcher` is a valid ALB HTTP success-code matcher: codes 200-499 as `200`, `200,204` or `200-299`.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_Matcher.html
 */
export function isValidHttpMatcher(matcher: string): boolean {
    const code = (s: string) => /^\d{3}$/.test(s) && Number(s) >= 200 && Number(s) <= 499;
    return matcher.split(",").every(part => {
        const bounds = part.trim().split("-");
        if (bounds.length === 1) {
            return code(bounds[0]);
        }
        return bounds.length === 2 && code(bounds[0]) && code(bounds[1]) && Number(bounds[0]) <= Number(bounds[1]);
    });
}

/**
 * True when `cidr` is an IPv4 CIDR block in canonical form (`10.0.0.0/16`), with no host bits set.
 */
export function isIpv4Cidr(cidr: string): boolean {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
    if (!match) {
        return false;
    }
    const octets = match.slice(1, 5).map(Number);
    const prefix = Number(match[5]);
    if (octets.some(o => o > 255) || prefix > 32) {
        return false;
    }
    const address = octets.reduce((acc, o) => acc * 256 + o, 0);
    const hostBits = 2 ** (32 - prefix);
    return address % hostBits === 0;
}

/** The partition of a region: China and GovCloud regions have their own. */
export function partitionOf(region: string): string {
    return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
}

/** The DNS suffix of a partition's service endpoints (ECR registries among them). */
export function dnsSuffixOf(partition: string): string {
    return partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}

/**
 * ALB listener rules: priorities, and the condition values one rule may hold (host headers and path patterns count
 * together), each at most 128 characters.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html
 */
export const LISTENER_RULE = {
    priority: { min: 1, max: 50000 },
    maxConditionValues: 5,
    valueMaxLength: 128,
} as const;

/**
 * SQS queue settings the components set.
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html
 */
export const SQS_LIMITS = {
    maxReceiveCount: { min: 1, max: 1000 },
    visibilityTimeoutSeconds: { min: 0, max: 43200 },
} as const;

/**
 * EventBridge Scheduler retries and ECS RunTask counts.
 * @see https://docs.aws.amazon.com/scheduler/latest/APIReference/API_RetryPolicy.html
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
 */
export const SCHEDULED_TASK_LIMITS = {
    maxRetryAttempts: { min: 0, max: 185 },
    taskCount: { min: 1, max: 10 },
} as const;
