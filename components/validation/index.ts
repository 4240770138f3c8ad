import { FargateStackArgs } from "../fargateStackArgs";
import { ResolvedArgs } from "../defaults";
import { Problems } from "./problems";
import { validateName, validateNetwork } from "./network";
import { validateImage, validateLogs, validateTask } from "./task";
import { validateLoadBalancer, validateService, validateTags } from "./service";

export { Problems, show } from "./problems";
export { usesExistingVpc } from "./network";
export { ECS_TASK_EXECUTION_POLICY_ARN } from "./task";

/**
 * Validates every input that is a plain value, in the order of the inputs, and returns all problems found. Inputs
 * that arrive as Outputs are checked where they resolve.
 */
export function validateFargateStackArgs(name: string, args: FargateStackArgs, resolved: ResolvedArgs): Problems {
    const problems = new Problems();
    validateName(name, problems);
    validateNetwork(args, resolved, problems);
    validateImage(args, resolved, problems);
    validateLogs(resolved, problems);
    validateTask(args, resolved, problems);
    validateLoadBalancer(args, resolved, problems);
    validateService(args, resolved, problems);
    validateTags(resolved, problems);
    return problems;
}
