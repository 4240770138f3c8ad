/**
 * `ecs-separate-task-and-execution-roles`: the task role (the application's AWS permissions) and the execution role
 * (what the ECS agent needs to start the task) are different roles, the task role does not carry the execution
 * policy, and the execution role carries nothing beyond image pulls, logs and secret reads.
 */
import {
    actionsOutside,
    documentGrants,
    EXECUTION_ROLE_ACTIONS,
    inlineDocumentsOf,
    isAwsManagedPolicy,
    isExecutionManagedPolicy,
    managedPoliciesOf,
    pullOnlyManagedPolicyActions,
    resolveRole,
    roleNameOf,
    RoleRef,
} from "../lib/iam";
import { featureNeeds, FeatureNeeds, featuresOf } from "../lib/executionRole";
import { Reporter, stackPolicy } from "../lib/policy";
import { isReadResource, readLabel, Resource, StackIndex } from "../lib/stack";
import { describe, T } from "../lib/types";
import { get } from "../lib/values";

interface Config {
    additionalExecutionRoleActions: string[];
    allowedExecutionRolePolicyArns: string[];
}

const EXECUTION_ROLE_SCOPE =
    "An execution role needs only ECR image pulls, CloudWatch Logs writes and reads of the task's secrets and " +
    "parameters (with kms:Decrypt for them), plus what AWS documents for the features its task definitions use " +
    "(environment files and FireLens configuration in S3, ECR pull through cache); move every other permission to " +
    "the task role.";

/** The policy. */
export const ecsSeparateTaskAndExecutionRoles = stackPolicy<Config>(
    {
        name: "ecs-separate-task-and-execution-roles",
        title: "Separate, least-privilege task and execution roles",
        description:
            "Checks that ECS task definitions use different IAM roles for the task and for execution (one role, " +
            "whether named by ARN or by name), that the task role does not carry AmazonECSTaskExecutionRolePolicy, " +
            "and that the execution role only pulls images, writes logs, reads secrets and has what AWS documents " +
            "for the features its task definitions use.",
        severity: "high",
        enforcementLevel: "mandatory",
        remediationSteps: [
            "1. Create two roles: an execution role trusted by ecs-tasks.amazonaws.com with ECR pull, log and secret-read permissions, and a task role with only the application's permissions.",
            "2. Set executionRoleArn to the first and taskRoleArn to the second (omit taskRoleArn if the application calls no AWS APIs).",
            "3. Detach AmazonECSTaskExecutionRolePolicy from the task role.",
            "4. Move any other permission from the execution role to the task role.",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html",
        anchors: { checkov: ["CKV_AWS_249"] },
        settings: {
            additionalExecutionRoleActions: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "IAM actions the execution role may hold besides ECR pull, logs, secret and parameter reads and kms:Decrypt.",
            },
            allowedExecutionRolePolicyArns: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Managed policy ARNs, besides AmazonECSTaskExecutionRolePolicy, the execution role may carry.",
            },
        },
    },
    ({ stack, config, report }) => {
        const executionUsers = new Map<Resource, Resource[]>();
        for (const taskDefinition of stack.ofType(T.ecsTaskDefinition)) {
            if (isReadResource(taskDefinition)) {
                continue; // read with .get: an existing revision this stack does not register
            }
            const taskRole = resolveRole(stack, taskDefinition, "taskRoleArn");
            const executionRole = resolveRole(stack, taskDefinition, "executionRoleArn");
            checkDistinct(taskDefinition, taskRole, executionRole, report);
            if (!taskRole.absent && !outsideStack(taskDefinition, taskRole, "taskRoleArn", report)) {
                taskRole.roles.forEach(role => checkTaskRole(stack, role, report));
            }
            if (!executionRole.absent && !outsideStack(taskDefinition, executionRole, "executionRoleArn", report)) {
                for (const role of executionRole.roles) {
                    executionUsers.set(role, [...(executionUsers.get(role) ?? []), taskDefinition]);
                }
            }
        }
        for (const [role, taskDefinitions] of executionUsers) {
            checkExecutionRole(stack, role, taskDefinitions, config, report);
        }
    },
);

function checkDistinct(taskDefinition: Resource, task: RoleRef, execution: RoleRef, report: Reporter): void {
    if (task.absent || execution.absent) {
        return;
    }
    const who = describe(taskDefinition.type, taskDefinition.name);
    const fix =
        "Create a separate task role with only the application's permissions and keep the execution role for " +
        "image pulls, logs and secrets.";
    const shared = task.roles.find(role => execution.roles.includes(role));
    const [t, e] = [task.literal, execution.literal];
    if (shared) {
        const role = isReadResource(shared) ? `IAM role ${readLabel(shared)}` : `IAM role "${shared.name}"`;
        report.violation(`${who} uses ${role} as both its task role and its execution role. ${fix}`, taskDefinition.urn);
    } else if (t !== undefined && t === e) {
        report.violation(`${who} uses role ARN "${t}" as both its task role and its execution role. ${fix}`, taskDefinition.urn);
    } else if (t !== undefined && e !== undefined && roleNameOf(t) === roleNameOf(e)) {
        report.violation(
            `${who} uses one role as both its task role and its execution role: taskRoleArn "${t}" and ` +
                `executionRoleArn "${e}" name the same IAM role. ${fix}`,
            taskDefinition.urn,
        );
    }
    // An untraceable role is reported once, by outsideStack, for both questions.
}

function outsideStack(taskDefinition: Resource, ref: RoleRef, input: string, report: Reporter): boolean {
    if (ref.roles.length > 0) {
        return false;
    }
    const who = describe(taskDefinition.type, taskDefinition.name);
    if (ref.literal) {
        report.unverified(
            `${who} sets ${input} to role "${ref.literal}", which is not created in this stack, so the role's ` +
                "policies cannot be inspected. Create the role in this stack, or review its policies by hand.",
            taskDefinition.urn,
        );
    } else {
        report.unverified(
            `${who} sets ${input} to a value unknown during preview that does not come from an IAM role in this ` +
                "stack, so neither whether its task and execution roles differ nor the role's policies can be " +
                "verified. Pass the ARNs of aws.iam.Role resources in this stack, or known ARNs.",
            taskDefinition.urn,
        );
    }
    return true;
}

/** A role read with `.get`: the policies attached to it outside this stack are not part of the preview. */
function readRoleNotice(role: Resource, use: string, question: string, report: Reporter): void {
    if (isReadResource(role)) {
        report.unverified(
            `IAM role ${readLabel(role)}, used as an ECS ${use} role, is read from the account, and the policies ` +
                `attached to it outside this stack are not part of this preview, so ${question} cannot be verified. ` +
                "Review its policies by hand, or create the role in this stack.",
            role.urn,
        );
    }
}

function checkTaskRole(stack: StackIndex, role: Resource, report: Reporter): void {
    readRoleNotice(role, "task", "whether it carries AmazonECSTaskExecutionRolePolicy", report);
    const subject = `IAM role "${role.name}", used as an ECS task role,`;
    for (const policy of managedPoliciesOf(stack, role)) {
        const via = policy.via === role ? "through managedPolicyArns" : `through "${policy.via.name}"`;
        if (policy.arn && isExecutionManagedPolicy(policy.arn)) {
            report.violation(
                `${subject} has AmazonECSTaskExecutionRolePolicy attached ${via}. Detach it: the task role is ` +
                    "the application's identity and needs only the application's permissions.",
                policy.via.urn,
            );
        } else if (!policy.arn && !policy.policy) {
            report.unverified(
                `${subject} has a managed policy attached ${via} whose ARN is unknown during preview, so ` +
                    "whether it is AmazonECSTaskExecutionRolePolicy cannot be verified. Use a known policy ARN.",
                policy.via.urn,
            );
        }
    }
}

/** What a role's documents are judged against: the base and configured actions, and the features' needs. */
interface Allowance {
    actions: string[];
    needs: FeatureNeeds;
}

function checkExecutionRole(
    stack: StackIndex,
    role: Resource,
    taskDefinitions: Resource[],
    config: Config,
    report: Reporter,
): void {
    readRoleNotice(role, "execution", "whether it grants only what an execution role needs", report);
    const needs = featureNeeds(taskDefinitions);
    const allowance = { actions: [...EXECUTION_ROLE_ACTIONS, ...config.additionalExecutionRoleActions, ...needs.needed], needs };
    const subject = `IAM role "${role.name}", used as an ECS execution role,`;
    for (const policy of managedPoliciesOf(stack, role)) {
        const via = policy.via === role ? "through managedPolicyArns" : `through "${policy.via.name}"`;
        const allowed = (arn: string) => isExecutionManagedPolicy(arn)
            || config.allowedExecutionRolePolicyArns.includes(arn)
            || actionsOutside(pullOnlyManagedPolicyActions(arn) ?? ["*"], allowance.actions).length === 0;
        if (policy.arn && allowed(policy.arn)) {
            continue;
        }
        if (policy.policy) {
            const label = `policy "${policy.policy.name}"`;
            const document = get(policy.policy.props, "policy");
            checkDocument(subject, label, document, policy.policy, allowance, report);
        } else if (policy.arn && isAwsManagedPolicy(policy.arn)) {
            report.violation(
                `${subject} has AWS managed policy "${policy.arn}" attached ${via}, which grants more than an ` +
                    `execution role needs. ${EXECUTION_ROLE_SCOPE}`,
                policy.via.urn,
            );
        } else {
            const what = policy.arn
                ? `policy "${policy.arn}", which is not created in this stack`
                : "a policy whose ARN is unknown during preview";
            report.unverified(
                `${subject} has ${what} attached ${via}, so its permissions cannot be inspected. Review it and ` +
                    "list its ARN in allowedExecutionRolePolicyArns, or create the policy in this stack.",
                policy.via.urn,
            );
        }
    }
    for (const document of inlineDocumentsOf(stack, role)) {
        checkDocument(subject, document.label, document.document, document.via, allowance, report);
    }
}

function checkDocument(
    subject: string,
    label: string,
    document: unknown,
    via: Resource,
    allowance: Allowance,
    report: Reporter,
): void {
    const grants = documentGrants(document);
    const outside = actionsOutside(grants.actions, allowance.actions);
    const featureActions = outside.filter(action => featuresOf(action).length > 0);
    const extra = outside.filter(action => featuresOf(action).length === 0);
    if (grants.notAction) {
        extra.push("every action outside a NotAction list");
    }
    if (extra.length > 0) {
        report.violation(`${subject} is granted ${extra.join(", ")} by ${label}. ${EXECUTION_ROLE_SCOPE}`, via.urn);
    }
    if (featureActions.length > 0) {
        const features = [...new Set(featureActions.flatMap(action => featuresOf(action).map(f => f.feature)))];
        const unread = allowance.needs.unreadable.map(task => `"${task.name}"`);
        const granted = `${subject} is granted ${featureActions.join(", ")} by ${label}, which an execution role ` +
            `needs only for ${features.join(" or for ")}`;
        if (unread.length > 0) {
            report.unverified(
                `${granted}; whether its task definitions use that cannot be verified because the ` +
                    `containerDefinitions of task definition ${unread.join(", ")} are unknown during preview. Build ` +
                    "them from values known at preview.",
                via.urn,
            );
        } else {
            report.violation(`${granted}, and no task definition that uses it as its execution role does. Remove ` +
                "them, or move them to the task role if the application needs them.", via.urn);
        }
    }
    if (grants.unreadable) {
        report.unverified(
            `${subject} has ${label}, whose actions cannot be checked because ${grants.unreadable}. Build the ` +
                "document from values known at preview (compose ARNs from names, partition, region and account ID).",
            via.urn,
        );
    }
}
