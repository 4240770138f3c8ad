import { Inputs } from "../defaults";
import {
    HEALTH_CHECK_GRACE_PERIOD_SECONDS, MAX_TASKS_PER_SERVICE, TARGET_GROUP_HEALTH_CHECK, isValidHttpMatcher,
} from "../rules";
import { Problems, isPlainMap } from "./problems";

const HOSTNAME = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const TASKS = { min: 0, max: MAX_TASKS_PER_SERVICE };
const PERCENT = { min: 1, max: 100 };

/** Validates the target group a public service registers in: its health check and deregistration delay. */
export function validateTargetGroup(resolved: Inputs, problems: Problems): void {
    const path = resolved.targetHealthCheckPath;
    if (typeof path !== "string" || !path.startsWith("/") || path.length > TARGET_GROUP_HEALTH_CHECK.pathMaxLength) {
        problems.add("targetHealthCheckPath", "must start with / and be at most 1024 characters", path,
            `Use a path such as "/health".`);
    }
    if (typeof resolved.targetHealthCheckMatcher !== "string" || !isValidHttpMatcher(resolved.targetHealthCheckMatcher)) {
        problems.add("targetHealthCheckMatcher", "must be HTTP codes from 200 to 499 as a code, a list or a range",
            resolved.targetHealthCheckMatcher, `Use a value such as "200", "200,204" or "200-299".`);
    }
    const limits = TARGET_GROUP_HEALTH_CHECK;
    const { targetHealthCheckIntervalSeconds: interval, targetHealthCheckTimeoutSeconds: timeout } = resolved;
    const intervalValid = problems.checkRange("targetHealthCheckIntervalSeconds", interval, limits.intervalSeconds);
    if (problems.checkRange("targetHealthCheckTimeoutSeconds", timeout, limits.timeoutSeconds) && intervalValid
        && typeof timeout === "number" && typeof interval === "number" && timeout >= interval) {
        problems.add("targetHealthCheckTimeoutSeconds", `must be less than \`targetHealthCheckIntervalSeconds\` (${interval})`, timeout,
            "Lower the timeout or raise the interval.");
    }
    problems.checkRange("targetHealthyThreshold", resolved.targetHealthyThreshold, limits.healthyThreshold);
    problems.checkRange("targetUnhealthyThreshold", resolved.targetUnhealthyThreshold, limits.unhealthyThreshold);
    problems.checkRange("deregistrationDelaySeconds", resolved.deregistrationDelaySeconds, limits.deregistrationDelaySeconds);
}

/** Validates the load balancer's HTTPS and DNS inputs and its deletion protection. */
export function validateDns(given: Inputs, problems: Problems): void {
    const domain = given.domainName;
    if (domain !== undefined && !(typeof domain === "string" && HOSTNAME.test(domain))) {
        problems.add("domainName", "must be a fully qualified DNS name", domain, `Use a name such as "app.example.com".`);
    }
    if (domain !== undefined && given.hostedZoneId === undefined && given.certificateArn === undefined) {
        problems.add("hostedZoneId", "is required with `domainName` unless `certificateArn` is given", undefined,
            `Set \`hostedZoneId\` to the Route 53 zone that holds ${JSON.stringify(domain)}, or give \`certificateArn\`.`);
    }
    if (domain === undefined && given.hostedZoneId !== undefined) {
        problems.add("hostedZoneId", "needs `domainName`, the name to create in the zone", given.hostedZoneId,
            "Set `domainName`, or remove `hostedZoneId`.");
    }
    problems.checkBoolean("enableDeletionProtection", given.enableDeletionProtection);
}

/** Validates the service inputs. */
export function validateService(given: Inputs, resolved: Inputs, problems: Problems): void {
    problems.checkRange("desiredCount", resolved.desiredCount, TASKS);
    problems.checkRange("healthCheckGracePeriodSeconds", resolved.healthCheckGracePeriodSeconds, HEALTH_CHECK_GRACE_PERIOD_SECONDS);
    problems.checkBoolean("enableExecuteCommand", given.enableExecuteCommand);
}

/**
 * Validates the autoscaling inputs; relations are checked only between values that are valid on their own.
 * `minimumTasks` is the fewest tasks autoscaling may scale to: 1, or 0 for a worker that scales from zero.
 */
export function validateScaling(given: Inputs, resolved: Inputs, problems: Problems, minimumTasks: number = 1): void {
    problems.checkBoolean("enableAutoscaling", given.enableAutoscaling);
    if (resolved.enableAutoscaling !== true) {
        return;
    }
    const { minTaskCount, maxTaskCount, desiredCount } = resolved;
    const minValid = problems.checkRange("minTaskCount", minTaskCount, { min: minimumTasks, max: MAX_TASKS_PER_SERVICE });
    const maxValid = problems.checkRange("maxTaskCount", maxTaskCount, { min: 1, max: MAX_TASKS_PER_SERVICE });
    if (typeof minTaskCount !== "number" || typeof maxTaskCount !== "number") {
        // Not inputs of this component, or not numbers (already reported).
    } else if (minValid && maxValid && minTaskCount > maxTaskCount) {
        problems.add("minTaskCount", `must not exceed \`maxTaskCount\` (${maxTaskCount})`, minTaskCount, "Lower `minTaskCount` or raise `maxTaskCount`.");
    } else if (minValid && maxValid && typeof desiredCount === "number" && (desiredCount < minTaskCount || desiredCount > maxTaskCount)) {
        problems.add("desiredCount", `must be within \`minTaskCount\`..\`maxTaskCount\` (${minTaskCount}..${maxTaskCount}) while autoscaling is on`,
            desiredCount, "Set `desiredCount` inside that range, or change `minTaskCount` / `maxTaskCount`.");
    }
    problems.checkRange("cpuTargetPercent", resolved.cpuTargetPercent, PERCENT);
    problems.checkRange("memoryTargetPercent", resolved.memoryTargetPercent, PERCENT);
    problems.checkRange("requestsPerTaskPerMinute", given.requestsPerTaskPerMinute, { min: 1, max: 1000000 });
}

/** Validates the user's tags: a plain map (applied to every resource), at most 49 (AWS allows 50, plus `Name`). */
export function validateTags(resolved: Inputs, problems: Problems): void {
    const tags: unknown = resolved.tags;
    if (!isPlainMap(tags)) {
        problems.add("tags", "must be a map of plain strings, known when the program runs", tags,
            `Use a map such as {"team": "payments"}.`);
        return;
    }
    const keys = Object.keys(tags);
    if (keys.length > 49) {
        problems.add("tags", "must have at most 49 entries (AWS allows 50 and the component adds `Name`)", keys.length,
            "Remove some tags.");
    }
    for (const key of keys) {
        if (key.length === 0 || key.length > 128 || key.toLowerCase().startsWith("aws:")) {
            problems.add("tags", "has a key that is empty, longer than 128 characters or starts with `aws:`", key,
                "Use keys of 1 to 128 characters that do not start with `aws:`.");
        } else if (typeof tags[key] !== "string" || (tags[key] as string).length > 256) {
            problems.add(`tags.${key}`, "must be a string of at most 256 characters", tags[key], "Shorten the value.");
        }
    }
}
