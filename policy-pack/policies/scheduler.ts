/**
 * EventBridge Scheduler practices for scheduled ECS tasks, advisory by default: a run that cannot be started is
 * retried and then kept in a dead-letter queue, and the role the scheduler assumes may start only the task family
 * it runs and pass only the roles that family needs.
 */
import {
    AllowStatement,
    allowsAction,
    allowStatements,
    inlineDocumentsOf,
    isAwsManagedPolicy,
    managedPoliciesOf,
    resolveRole,
    wildcardMatch,
} from "../lib/iam";
import { Reporter, stackPolicy } from "../lib/policy";
import { deadLetterUses } from "../lib/queues";
import { Resource, StackIndex } from "../lib/stack";
import { describe, T } from "../lib/types";
import { get, isSet, isUnknown, num, UNKNOWN } from "../lib/values";

/** `scheduler-schedule-retry-and-dead-letter`: failed runs are retried, then kept in a dead-letter queue. */
export const schedulerScheduleRetryAndDeadLetter = stackPolicy(
    {
        name: "scheduler-schedule-retry-and-dead-letter",
        title: "Scheduler schedules retry and keep failed runs",
        description:
            "Checks that EventBridge Scheduler schedules retry a target invocation that fails " +
            "(target.retryPolicy.maximumRetryAttempts is not 0; unset means AWS's default of up to 185 retries " +
            "within 24 hours) and send invocations that still fail to a dead-letter queue (target.deadLetterConfig.arn).",
        severity: "medium",
        enforcementLevel: "advisory",
        remediationSteps: [
            "1. Create a standard (not FIFO) SQS queue, encrypted, keeping messages up to 14 days.",
            "2. Set target.deadLetterConfig.arn on the schedule to its ARN, and allow the schedule's role sqs:SendMessage on it.",
            "3. Keep target.retryPolicy.maximumRetryAttempts above 0, with a maximumEventAgeInSeconds that bounds how late a run may start.",
            "4. Alarm on the dead-letter queue's ApproximateNumberOfMessagesVisible.",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html",
    },
    ({ stack, report }) => {
        const uses = deadLetterUses(stack);
        for (const schedule of stack.withSettings(T.schedule)) {
            const who = describe(schedule.type, schedule.name);
            checkRetries(schedule, who, report);
            const arn = get(schedule.props, "target", "deadLetterConfig", "arn");
            const use = uses.find(u => u.owner === schedule);
            if (!isSet(arn) || arn === "") {
                report.violation(
                    `${who} has no target.deadLetterConfig, so a run the scheduler cannot start is dropped without ` +
                        "a trace once its retries are spent. Create an SQS queue and set target.deadLetterConfig.arn " +
                        "to its ARN (the schedule's role needs sqs:SendMessage on it).",
                    schedule.urn,
                );
            } else if (isUnknown(arn) && use && use.queues.length + use.possible.length === 0) {
                report.unverified(
                    `${who} has a target.deadLetterConfig.arn unknown during preview that comes from no SQS queue ` +
                        "in this stack, so whether failed runs reach a dead-letter queue cannot be verified. Pass " +
                        "the ARN of an aws.sqs.Queue in this stack, or a known ARN.",
                    schedule.urn,
                );
            }
        }
    },
);

function checkRetries(schedule: Resource, who: string, report: Reporter): void {
    const policy = get(schedule.props, "target", "retryPolicy");
    const attempts = isUnknown(policy) ? UNKNOWN : num(policy, "maximumRetryAttempts");
    if (attempts === 0) {
        report.violation(
            `${who} sets target.retryPolicy.maximumRetryAttempts to 0, so a run that fails to start (throttling, ` +
                "no Fargate capacity) is not retried. Set it to 1 or more, with a maximumEventAgeInSeconds that " +
                "bounds how late a run may start.",
            schedule.urn,
        );
    } else if (attempts === UNKNOWN) {
        report.unverified(
            `${who} has a target.retryPolicy unknown during preview, so whether it retries failed runs cannot be ` +
                "verified. Set maximumRetryAttempts to a literal number.",
            schedule.urn,
        );
    }
}

/**
 * AWS managed policies known to let a scheduler role start any task or pass any role, and what they allow (from the
 * AWS Managed Policy Reference).
 * @see https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEventBridgeSchedulerFullAccess.html
 */
const BROAD_MANAGED_POLICIES = new Map<string, string>([
    ["AdministratorAccess", "allows every action on every resource"],
    ["PowerUserAccess", "allows every action outside IAM, Organizations and Account on every resource, ecs:RunTask included"],
    ["AmazonECS_FullAccess", "allows every ECS action on every resource"],
    ["service-role/AmazonEC2ContainerServiceEventsRole", "allows ecs:RunTask on every task definition and iam:PassRole on every role"],
    ["AmazonEventBridgeSchedulerFullAccess", "allows every EventBridge Scheduler action and iam:PassRole on every role"],
]);

const SCOPE_FIX =
    "Allow ecs:RunTask on arn:<partition>:ecs:<region>:<account>:task-definition/<family>:* and iam:PassRole on the " +
    "task's execution and task role ARNs only.";

/** `scheduler-role-scoped-to-task-family`: the scheduler's role starts one task family and passes its roles only. */
export const schedulerRoleScopedToTaskFamily = stackPolicy(
    {
        name: "scheduler-role-scoped-to-task-family",
        title: "Scheduler roles scoped to one task family",
        description:
            "Checks that the IAM role an EventBridge Scheduler schedule uses to start ECS tasks allows ecs:RunTask " +
            "only on named task definition families (not on * or task-definition/*) and iam:PassRole only on named " +
            "roles (not on *), and carries no AWS managed policy that allows more.",
        severity: "high",
        enforcementLevel: "advisory",
        remediationSteps: [
            "1. Give each scheduled task its own role, trusted by scheduler.amazonaws.com (with an aws:SourceAccount condition).",
            "2. Allow ecs:RunTask on arn:<partition>:ecs:<region>:<account>:task-definition/<family>:* (or one revision) only.",
            "3. Allow iam:PassRole on the task definition's execution and task role ARNs only, with iam:PassedToService ecs-tasks.amazonaws.com.",
            "4. Detach AmazonEventBridgeSchedulerFullAccess, AmazonEC2ContainerServiceEventsRole and other broad AWS managed policies.",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role",
    },
    ({ stack, report }) => {
        const checked = new Set<string>();
        for (const schedule of stack.withSettings(T.schedule)) {
            if (!isSet(get(schedule.props, "target", "ecsParameters"))) {
                continue; // not an ECS target
            }
            for (const role of schedulerRoles(stack, schedule, report)) {
                if (!checked.has(role.urn)) {
                    checked.add(role.urn);
                    const user = describe(schedule.type, schedule.name);
                    checkRole(stack, role, `IAM role "${role.name}", which ${user} uses to start ECS tasks,`, report);
                }
            }
        }
    },
);

/** The roles in the stack a schedule's `target.roleArn` refers to; reports a role it cannot inspect. */
function schedulerRoles(stack: StackIndex, schedule: Resource, report: Reporter): Resource[] {
    // The engine records dependencies for the whole `target`: every role it was built from is checked.
    const ref = resolveRole(stack, schedule, "target", ["target", "roleArn"]);
    const who = describe(schedule.type, schedule.name);
    if (ref.roles.length === 0 && ref.literal) {
        report.unverified(
            `${who} sets target.roleArn to role "${ref.literal}", which is not created in this stack, so the ` +
                "role's policies cannot be inspected. Create the role in this stack, or review its policies by hand.",
            schedule.urn,
        );
    } else if (ref.roles.length === 0 && !ref.absent) {
        report.unverified(
            `${who} sets target.roleArn to a value unknown during preview that does not come from an IAM role in ` +
                "this stack, so the role's policies cannot be verified. Pass the ARN of an aws.iam.Role in this " +
                "stack, or a known ARN.",
            schedule.urn,
        );
    }
    return ref.roles;
}

function checkRole(stack: StackIndex, role: Resource, subject: string, report: Reporter): void {
    for (const policy of managedPoliciesOf(stack, role)) {
        const via = policy.via === role ? "through managedPolicyArns" : `through "${policy.via.name}"`;
        const name = policy.arn && /^arn:aws[a-z-]*:iam::aws:policy\/(.+)$/.exec(policy.arn)?.[1];
        const broad = name ? BROAD_MANAGED_POLICIES.get(name) : undefined;
        if (policy.policy) {
            const document = get(policy.policy.props, "policy");
            checkDocument(subject, `policy "${policy.policy.name}"`, document, policy.policy, report);
        } else if (broad) {
            report.violation(
                `${subject} has AWS managed policy "${policy.arn}" attached ${via}, which ${broad}. Detach it. ` +
                    SCOPE_FIX,
                policy.via.urn,
            );
        } else {
            const what = !policy.arn
                ? "a policy whose ARN is unknown during preview"
                : isAwsManagedPolicy(policy.arn)
                  ? `AWS managed policy "${policy.arn}", whose permissions this rule does not know`
                  : `policy "${policy.arn}", which is not created in this stack`;
            report.unverified(
                `${subject} has ${what} attached ${via}, so whether it allows ecs:RunTask or iam:PassRole too ` +
                    "broadly cannot be verified. Review it, or grant the scheduler's permissions in a policy in this " +
                    `stack. ${SCOPE_FIX}`,
                policy.via.urn,
            );
        }
    }
    for (const document of inlineDocumentsOf(stack, role)) {
        checkDocument(subject, document.label, document.document, document.via, report);
    }
}

/** A probe that only a pattern with a wildcard in its place matches. */
const ANY = "\u0000";

/** Field `i` of an ARN pattern when it is literal, else `fill` (to build a probe ARN the pattern should not match). */
function literalField(pattern: string, i: number, fill: string): string {
    const field = pattern.split(":")[i];
    return field && !/[*?]/.test(field) ? field : fill;
}

/** Whether `resource` lets ecs:RunTask start task definitions of any family (`*`, `task-definition/*`, …). */
function anyTaskFamily(resource: string): boolean {
    const family = /^arn:[^:]+:ecs:[^:]*:[^:]*:task-definition\/([^:]+)(:[^:]*)?$/.exec(resource)?.[1];
    if (family !== undefined) {
        return /[*?]/.test(family);
    }
    const partition = literalField(resource, 1, "aws");
    const [region, account] = [literalField(resource, 3, "us-east-1"), literalField(resource, 4, "123456789012")];
    return wildcardMatch(resource, `arn:${partition}:ecs:${region}:${account}:task-definition/${ANY}:1`);
}

/** Whether `resource` lets iam:PassRole pass any role (`*`, `arn:aws:iam::*:role/*`, …). */
function anyRole(resource: string): boolean {
    const [partition, account] = [literalField(resource, 1, "aws"), literalField(resource, 4, "123456789012")];
    return wildcardMatch(resource, `arn:${partition}:iam::${account}:role/${ANY}`);
}

const CHECKS: { action: string; broad: (resource: string) => boolean; risk: string }[] = [
    { action: "ecs:RunTask", broad: anyTaskFamily, risk: "which lets it start any task definition in the account" },
    { action: "iam:PassRole", broad: anyRole, risk: "which lets it hand any role to the tasks it starts" },
];

function checkDocument(subject: string, label: string, document: unknown, via: Resource, report: Reporter): void {
    const { statements, unreadable } = allowStatements(document);
    let reason = unreadable;
    for (const { action, broad, risk } of CHECKS) {
        const granting = statements.filter(statement => allowsAction(statement, action));
        const wide = granting.flatMap(statement => broadResources(statement, broad));
        for (const resource of [...new Set(wide)]) {
            report.violation(`${subject} is allowed ${action} on ${resource} by ${label}, ${risk}. ${SCOPE_FIX}`, via.urn);
        }
        if (granting.some(statement => statement.unknownResource)) {
            reason ??= `a Resource of a statement allowing ${action} is unknown during preview`;
        }
    }
    if (statements.some(statement => statement.unknownAction)) {
        reason ??= "an Action of its policy document is unknown during preview";
    }
    if (reason) {
        report.unverified(
            `${subject} has ${label}, whose ecs:RunTask and iam:PassRole scope cannot be checked because ${reason}. ` +
                "Build the document from values known at preview (compose ARNs from names, partition, region and " +
                "account ID).",
            via.urn,
        );
    }
}

function broadResources(statement: AllowStatement, broad: (resource: string) => boolean): string[] {
    if (statement.notResource) {
        return ["every resource outside a NotResource list"];
    }
    return statement.resources.filter(broad).map(resource => `"${resource}"`);
}
