/**
 * Validation of where tasks run (on demand, Spot) and of scheduled changes to a service's task count range.
 */
import { CapacityStrategy } from "../args/enums";
import { Inputs } from "../defaults";
import { MAX_TASKS_PER_SERVICE, isTimeZone, isWindowsFamily, scalingScheduleProblem } from "../rules";
import { Problems, described, isPlainMap } from "./problems";

/** ECS capacity provider strategy limits. */
const BASE = { min: 0, max: 100000 };
const WEIGHT = { min: 1, max: 1000 };

/** `capacityStrategy` and its two settings; Fargate Spot runs no Windows task. */
export function validateCapacity(given: Inputs, resolved: Inputs, problems: Problems): void {
    problems.checkOneOf("capacityStrategy", resolved.capacityStrategy, Object.values(CapacityStrategy));
    for (const key of ["onDemandBaseCount", "spotWeight"] as const) {
        if (given[key] !== undefined && resolved.capacityStrategy !== "SpotWithOnDemandBase") {
            problems.add(key, "applies only to `capacityStrategy` SpotWithOnDemandBase", given[key],
                "Remove it, or set `capacityStrategy` to SpotWithOnDemandBase.");
        }
    }
    problems.checkRange("onDemandBaseCount", given.onDemandBaseCount, BASE);
    problems.checkRange("spotWeight", given.spotWeight, WEIGHT);
    if (resolved.capacityStrategy !== "OnDemand" && resolved.capacityStrategy !== undefined
        && isWindowsFamily(String(resolved.operatingSystemFamily))) {
        // AWS: Windows containers on Fargate do not support Fargate Spot (fargate-capacity-providers.html).
        problems.add("capacityStrategy", "is not available for Windows containers: Fargate Spot runs Linux tasks only",
            resolved.capacityStrategy, "Use OnDemand for a Windows task.");
    }
}

const COUNTS = { min: 0, max: MAX_TASKS_PER_SERVICE };

/** Each scheduled change of the task count range: a schedule Application Auto Scaling accepts, and a valid range. */
export function validateScheduledCapacity(given: Inputs, resolved: Inputs, problems: Problems): void {
    const entries: unknown = given.scheduledCapacity;
    if (entries === undefined) {
        return;
    }
    if (!Array.isArray(entries)) {
        problems.add("scheduledCapacity", "must be a list of scheduled ranges", entries,
            `Use a list such as [{"schedule": "cron(0 20 ? * MON-FRI *)", "minTaskCount": 0, "maxTaskCount": 0}].`);
        return;
    }
    if (entries.length > 0 && resolved.enableAutoscaling !== true) {
        problems.add("scheduledCapacity", "needs autoscaling, and `enableAutoscaling` is false", described(`${entries.length} entries`),
            "Set `enableAutoscaling` to true, or remove `scheduledCapacity`.");
    }
    entries.forEach((entry: unknown, i: number) => {
        const path = `scheduledCapacity[${i}]`;
        if (!isPlainMap(entry)) {
            problems.add(path, "must be an object with `schedule`, `minTaskCount` and `maxTaskCount`", entry,
                `Use {"schedule": "cron(0 7 ? * MON-FRI *)", "minTaskCount": 2, "maxTaskCount": 10}.`);
            return;
        }
        const problem = typeof entry.schedule === "string" ? scalingScheduleProblem(entry.schedule) : "must be a schedule expression";
        if (problem !== undefined) {
            problems.add(`${path}.schedule`, problem, entry.schedule, `Use an expression such as "cron(0 7 ? * MON-FRI *)".`);
        }
        const minValid = entry.minTaskCount !== undefined && problems.checkRange(`${path}.minTaskCount`, entry.minTaskCount, COUNTS);
        const maxValid = entry.maxTaskCount !== undefined && problems.checkRange(`${path}.maxTaskCount`, entry.maxTaskCount, COUNTS);
        for (const key of ["minTaskCount", "maxTaskCount"] as const) {
            if (entry[key] === undefined) {
                problems.add(`${path}.${key}`, "is required", undefined, "Give both ends of the range, 0 or more.");
            }
        }
        if (minValid && maxValid && (entry.minTaskCount as number) > (entry.maxTaskCount as number)) {
            problems.add(`${path}.minTaskCount`, `must not exceed \`${path}.maxTaskCount\` (${entry.maxTaskCount})`, entry.minTaskCount,
                "Lower the minimum or raise the maximum.");
        }
        const zone = entry.scheduleTimezone;
        if (zone !== undefined && !(typeof zone === "string" && isTimeZone(zone))) {
            problems.add(`${path}.scheduleTimezone`, "must be an IANA time zone name", zone, `Use a name such as "Europe/Paris" or "UTC".`);
        }
    });
}
