import { FargateStackArgs } from "../fargateStackArgs";
import { ResolvedArgs } from "../defaults";
import { Problems } from "./problems";
import { validateName, validateNetwork } from "./network";
import { validateIam, validateImage, validateLogs, validateTask } from "./task";
import { validateLoadBalancer, validateScaling, validateService, validateTags } from "./service";

export { Problems, show } from "./problems";
export { RENAMED_INPUTS, applyRenamedInputs, renamedInputWarning } from "./renamed";
export { checkSubnetList, usesExistingVpc } from "./network";
export { ECS_TASK_EXECUTION_POLICY_ARN, checkSecretArn } from "./task";

/**
 * Validates every input that is a plain value and returns all problems found, in the order of the inputs in
 * `FargateStackArgs`. `given` holds the inputs the user set; `resolved` the same with defaults filled in. Inputs that
 * arrive as Outputs are checked where they resolve.
 */
export function validateFargateStackArgs(name: string, given: FargateStackArgs, resolved: ResolvedArgs): Problems {
    const problems = new Problems();
    validateName(name, problems);
    validateNetwork(given, resolved, problems);
    validateIam(resolved, problems);
    validateImage(given, resolved, problems);
    validateLogs(resolved, problems);
    validateTask(given, resolved, problems);
    validateLoadBalancer(given, resolved, problems);
    validateService(given, resolved, problems);
    validateScaling(given, resolved, problems);
    validateTags(resolved, problems);
    return problems;
}
