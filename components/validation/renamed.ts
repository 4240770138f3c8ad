import { Problems } from "./problems";

/**
 * Inputs renamed before the first release so they read well in every language's SDK (see "Naming" in the README):
 * old name → new name. The old names stay accepted, with a warning, until fargate-stack 0.3.0.
 */
export const RENAMED_INPUTS = {
    memoryMiB: "memoryMib",
    healthCheck: "containerHealthCheck",
    healthCheckPath: "targetHealthCheckPath",
    healthCheckMatcher: "targetHealthCheckMatcher",
    healthCheckIntervalSeconds: "targetHealthCheckIntervalSeconds",
    healthCheckTimeoutSeconds: "targetHealthCheckTimeoutSeconds",
    healthyThreshold: "targetHealthyThreshold",
    unhealthyThreshold: "targetUnhealthyThreshold",
    minCount: "minTaskCount",
    maxCount: "maxTaskCount",
    requestsPerTarget: "requestsPerTaskPerMinute",
} as const;

/** The release that stops accepting the old names. */
export const RENAMED_INPUTS_REMOVED_IN = "0.3.0";

/** The deprecation warning for one old name. */
export function renamedInputWarning(oldName: string, newName: string, label: string = `\`${oldName}\``): string {
    return `${label} is deprecated: use \`${newName}\`, the same input under its new name. ` +
        `The old name is accepted until fargate-stack ${RENAMED_INPUTS_REMOVED_IN}.`;
}

/**
 * Moves inputs given under an old name to the new one and returns the warnings to log. An input given under both
 * names is a problem (which one was meant cannot be told), reported in the usual format.
 */
export function applyRenamedInputs<T extends object>(given: T, problems: Problems): { args: T; warnings: string[] } {
    const args = { ...given } as Record<string, unknown>;
    const warnings: string[] = [];
    for (const [oldName, newName] of Object.entries(RENAMED_INPUTS)) {
        if (args[oldName] === undefined) {
            continue;
        }
        if (args[newName] !== undefined) {
            problems.add(oldName, `is the old name of \`${newName}\`, which is also set`, args[oldName],
                `Remove \`${oldName}\` and keep \`${newName}\`.`);
        } else {
            args[newName] = args[oldName];
            warnings.push(renamedInputWarning(oldName, newName));
        }
        delete args[oldName];
    }
    return { args: args as T, warnings };
}
