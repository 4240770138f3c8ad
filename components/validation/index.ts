import { Inputs } from "../defaults";
import { INPUT_KEYS, LOAD_BALANCED_KEYS } from "../args/keys";
import { Problems } from "./problems";
import { validateName, validateNetwork } from "./network";
import { validateIam, validateImage, validateLogs, validateTask } from "./task";
import { validateDns, validateScaling, validateService, validateTags, validateTargetGroup } from "./service";
import { validateCapacity, validateScheduledCapacity } from "./capacity";
import { validateAlarmThresholds, validateMonitoring } from "./operations";
import {
    WORKER_TASKS, validateEndpointSwitches, validateKnownInputs, validateNamespace, validatePlatformInput, validateQueue, validateRouting,
    validateSchedule,
} from "./workloads";

export { ComponentLabel, Problems, show } from "./problems";
export { RENAMED_INPUTS, applyRenamedInputs, renamedInputWarning } from "./renamed";
export { checkSubnetList, usesExistingVpc } from "./network";
export { ECS_TASK_EXECUTION_POLICY_ARN, checkSecretArn } from "./task";
export { EgressFacts, validateEgress } from "./workloads";

/**
 * Each component's validation: every input that is a plain value, all problems found, in the order of the inputs.
 * `given` holds the inputs the user set; `resolved` the same with defaults filled in. Inputs that arrive as Outputs
 * are checked where they resolve.
 */
export function validateFargateStackArgs(name: string, given: Inputs, resolved: Inputs): Problems {
    const problems = new Problems();
    validateName(name, problems);
    validateNetwork(given, resolved, problems);
    validateTaskInputs(given, resolved, problems);
    validateTargetGroup(resolved, problems);
    validateDns(given, problems);
    validateService(given, resolved, problems);
    validateScaling(given, resolved, problems);
    validateMonitoring(given, problems);
    validateAlarmThresholds(given, problems);
    validateTags(resolved, problems);
    return problems;
}

/** Validates a {@link Platform}'s inputs. */
export function validatePlatformArgs(name: string, given: Inputs, resolved: Inputs): Problems {
    const problems = new Problems();
    validateKnownInputs("Platform", given, INPUT_KEYS.Platform, problems);
    validateName(name, problems);
    validateNetwork(given, resolved, problems);
    validateDns(given, problems);
    validateNamespace(given, problems);
    validateEndpointSwitches(given, resolved, problems);
    validateMonitoring(given, problems);
    validateTags(resolved, problems);
    return problems;
}

/** Validates a {@link WebService}'s inputs: public ones get a target group, internal ones take none of its settings. */
export function validateWebServiceArgs(name: string, given: Inputs, resolved: Inputs): Problems {
    const problems = new Problems();
    validateKnownInputs("WebService", given, INPUT_KEYS.WebService, problems);
    validateName(name, problems);
    validatePlatformInput(given, problems);
    validateRouting(given, resolved, problems);
    validateTaskInputs(given, resolved, problems);
    if (resolved.internal === true) {
        for (const key of LOAD_BALANCED_KEYS.filter(k => given[k] !== undefined)) {
            problems.add(key, "applies only to a public web service, and `internal` is true", given[key],
                "Remove it, or set `internal` to false to route requests from the load balancer.");
        }
    } else {
        validateTargetGroup(resolved, problems);
    }
    validateService(given, resolved, problems);
    validateScaling(given, resolved, problems);
    validateAlarmThresholds(given, problems);
    validateTags(resolved, problems);
    return problems;
}

/** Validates a {@link WorkerService}'s inputs; it may scale from zero tasks. */
export function validateWorkerServiceArgs(name: string, given: Inputs, resolved: Inputs): Problems {
    const problems = new Problems();
    validateKnownInputs("WorkerService", given, INPUT_KEYS.WorkerService, problems);
    validateName(name, problems);
    validatePlatformInput(given, problems);
    validateQueue(given, problems);
    validateTaskInputs(given, resolved, problems);
    validateService(given, resolved, problems);
    validateScaling(given, resolved, problems, WORKER_TASKS.min);
    validateAlarmThresholds(given, problems);
    validateTags(resolved, problems);
    return problems;
}

/** Validates a {@link ScheduledTask}'s inputs. */
export function validateScheduledTaskArgs(name: string, given: Inputs, resolved: Inputs): Problems {
    const problems = new Problems();
    validateKnownInputs("ScheduledTask", given, INPUT_KEYS.ScheduledTask, problems);
    validateName(name, problems);
    validatePlatformInput(given, problems);
    validateSchedule(given, problems);
    validateTaskInputs(given, resolved, problems);
    problems.checkBoolean("enableExecuteCommand", given.enableExecuteCommand);
    validateAlarmThresholds(given, problems);
    validateTags(resolved, problems);
    return problems;
}

/** The task every workload runs: its roles, image, logs, container and capacity, then scheduled capacity if it has it. */
function validateTaskInputs(given: Inputs, resolved: Inputs, problems: Problems): void {
    validateIam(resolved, problems);
    validateImage(given, resolved, problems);
    validateLogs(resolved, problems);
    validateTask(given, resolved, problems);
    validateCapacity(given, resolved, problems);
    validateScheduledCapacity(given, resolved, problems);
}
