import { FargateStackArgs } from "../fargateStackArgs";
import { ResolvedArgs } from "../defaults";
import {
    HEALTH_CHECK_GRACE_PERIOD_SECONDS, MAX_TASKS_PER_SERVICE, TARGET_GROUP_HEALTH_CHECK, isValidHttpMatcher,
} from "../rules";
import { Problems } from "./problems";

const HOSTNAME = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** Validates the target group health check and the HTTPS/DNS inputs. */
export function validateLoadBalancer(args: FargateStackArgs, resolved: ResolvedArgs, problems: Problems): void {
    const path = resolved.healthCheckPath;
    if (typeof path !== "string" || !path.startsWith("/") || path.length > TARGET_GROUP_HEALTH_CHECK.pathMaxLength) {
        problems.add("healthCheckPath", "must start with / and be at most 1024 characters", path,
            `Use a path such as "/health".`);
    }
    if (typeof resolved.healthCheckMatcher !== "string" || !isValidHttpMatcher(resolved.healthCheckMatcher)) {
        problems.add("healthCheckMatcher", "must be HTTP codes from 200 to 499 as a code, a list or a range",
            resolved.healthCheckMatcher, `Use a value such as "200", "200,204" or "200-299".`);
    }
    const limits = TARGET_GROUP_HEALTH_CHECK;
    problems.checkRange("healthCheckIntervalSeconds", resolved.healthCheckIntervalSeconds, limits.intervalSeconds);
    problems.checkRange("healthCheckTimeoutSeconds", resolved.healthCheckTimeoutSeconds, limits.timeoutSeconds);
    if (resolved.healthCheckTimeoutSeconds >= resolved.healthCheckIntervalSeconds) {
        problems.add("healthCheckTimeoutSeconds",
            `must be less than \`healthCheckIntervalSeconds\` (${resolved.healthCheckIntervalSeconds})`,
            resolved.healthCheckTimeoutSeconds, "Lower the timeout or raise the interval.");
    }
    problems.checkRange("healthyThreshold", resolved.healthyThreshold, limits.healthyThreshold);
    problems.checkRange("unhealthyThreshold", resolved.unhealthyThreshold, limits.unhealthyThreshold);
    problems.checkRange("deregistrationDelaySeconds", resolved.deregistrationDelaySeconds, limits.deregistrationDelaySeconds);
    problems.checkBoolean("enableDeletionProtection", args.enableDeletionProtection);
    validateDns(args, problems);
}

function validateDns(args: FargateStackArgs, problems: Problems): void {
    const domain = args.domainName;
    if (domain !== undefined && !(typeof domain === "string" && HOSTNAME.test(domain))) {
        problems.add("domainName", "must be a fully qualified DNS name", domain, `Use a name such as "app.example.com".`);
    }
    if (domain !== undefined && args.hostedZoneId === undefined && args.certificateArn === undefined) {
        problems.add("hostedZoneId", "is required with `domainName` unless `certificateArn` is given", undefined,
            `Set \`hostedZoneId\` to the Route 53 zone that holds ${JSON.stringify(domain)}, or give \`certificateArn\`.`);
    }
    if (domain === undefined && args.hostedZoneId !== undefined) {
        problems.add("hostedZoneId", "needs `domainName`, the name to create in the zone", args.hostedZoneId,
            "Set `domainName`, or remove `hostedZoneId`.");
    }
}

/** Validates the service and autoscaling inputs. */
export function validateService(args: FargateStackArgs, resolved: ResolvedArgs, problems: Problems): void {
    const tasks = { min: 0, max: MAX_TASKS_PER_SERVICE };
    problems.checkRange("desiredCount", resolved.desiredCount, tasks);
    problems.checkRange("healthCheckGracePeriodSeconds", resolved.healthCheckGracePeriodSeconds, HEALTH_CHECK_GRACE_PERIOD_SECONDS);
    problems.checkBoolean("enableExecuteCommand", args.enableExecuteCommand);
    problems.checkBoolean("enableAutoscaling", args.enableAutoscaling);
    if (!resolved.enableAutoscaling) {
        return;
    }
    problems.checkRange("minCount", resolved.minCount, { min: 1, max: MAX_TASKS_PER_SERVICE });
    problems.checkRange("maxCount", resolved.maxCount, { min: 1, max: MAX_TASKS_PER_SERVICE });
    const { minCount, maxCount, desiredCount } = resolved;
    if (minCount > maxCount) {
        problems.add("minCount", `must not exceed \`maxCount\` (${maxCount})`, minCount,
            "Lower `minCount` or raise `maxCount`.");
    } else if (desiredCount < minCount || desiredCount > maxCount) {
        problems.add("desiredCount", `must be within \`minCount\`..\`maxCount\` (${minCount}..${maxCount}) while autoscaling is on`,
            desiredCount, "Set `desiredCount` inside that range, or change `minCount` / `maxCount`.");
    }
    problems.checkRange("cpuTargetPercent", resolved.cpuTargetPercent, { min: 1, max: 100 });
    problems.checkRange("memoryTargetPercent", resolved.memoryTargetPercent, { min: 1, max: 100 });
    if (args.requestsPerTarget !== undefined) {
        problems.checkRange("requestsPerTarget", args.requestsPerTarget, { min: 1, max: 1000000 });
    }
}

/** Validates the user's tags: AWS allows 50 per resource, and the component adds a `Name` tag. */
export function validateTags(resolved: ResolvedArgs, problems: Problems): void {
    const tags = resolved.tags;
    const keys = Object.keys(tags);
    if (keys.length > 49) {
        problems.add("tags", "must have at most 49 entries (AWS allows 50 and the component adds `Name`)", keys.length,
            "Remove some tags.");
    }
    for (const key of keys) {
        if (key.length === 0 || key.length > 128 || key.toLowerCase().startsWith("aws:")) {
            problems.add(`tags`, "has a key that is empty, longer than 128 characters or starts with `aws:`", key,
                "Use keys of 1 to 128 characters that do not start with `aws:`.");
        } else if (typeof tags[key] !== "string" || tags[key].length > 256) {
            problems.add(`tags.${key}`, "must be a string of at most 256 characters", tags[key], "Shorten the value.");
        }
    }
}
