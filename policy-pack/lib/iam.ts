/**
 * IAM facts for the role rules: which role an ARN input refers to, which managed policies and policy documents a
 * role carries in the stack, and which actions a document allows. Documents are JSON strings or objects; either may
 * be unknown during preview (a document that embeds an ARN of a resource not yet created), which callers must treat
 * as "cannot inspect", never as "grants nothing".
 */
import { knownIdentifiers, Resource, StackIndex, unique } from "./stack";
import { T } from "./types";
import { get, isSet, isUnknown, items, str, UNKNOWN } from "./values";

/** `arn:<partition>:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy`. */
export function isExecutionManagedPolicy(arn: string): boolean {
    return /^arn:aws[a-z-]*:iam::aws:policy\/service-role\/AmazonECSTaskExecutionRolePolicy$/.test(arn);
}

/**
 * AWS managed policies whose whole content an execution role may carry, with the actions they allow (from the AWS
 * Managed Policy Reference). Others are judged unsafe: AWS controls their content and they grant more.
 * @see https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEC2ContainerRegistryPullOnly.html
 */
const PULL_ONLY_AWS_MANAGED_POLICIES: Record<string, readonly string[]> = {
    AmazonEC2ContainerRegistryPullOnly: [
        "ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchImportUpstreamImage",
    ],
};

/** The actions of an AWS managed policy an execution role may carry, or undefined for any other policy. */
export function pullOnlyManagedPolicyActions(arn: string): readonly string[] | undefined {
    const match = /^arn:aws[a-z-]*:iam::aws:policy\/([\w+=,.@-]+)$/.exec(arn);
    return match ? PULL_ONLY_AWS_MANAGED_POLICIES[match[1]] : undefined;
}

/** True for an AWS managed policy ARN (`arn:aws:iam::aws:policy/...`), whose contents AWS controls. */
export function isAwsManagedPolicy(arn: string): boolean {
    return /^arn:aws[a-z-]*:iam::aws:policy\//.test(arn);
}

/** How a task definition's role ARN input resolves. */
export interface RoleRef {
    /** Roles in the stack the input refers to. */
    roles: Resource[];
    /** The ARN (or role name) when it is a known string. */
    literal?: string;
    /** True when no role is set. */
    absent: boolean;
}

/**
 * The role name an ARN or a name refers to: the last segment of `arn:<partition>:iam::<account>:role/<path>/<name>`,
 * lower-cased, since IAM role names are unique in an account whatever their path, and case-insensitively.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-names
 */
export function roleNameOf(value: string): string {
    const match = /^arn:aws[a-z-]*:iam::\d*:role\/(?:.*\/)?([^/]+)$/.exec(value);
    return (match ? match[1] : value).toLowerCase();
}

/** The names a role resource is known by: its `name`, its ID (an IAM role's ID is its name), the name in its ARN. */
export function roleNames(role: Resource): string[] {
    return ["name", "id", "arn"]
        .map(key => str(role.props, key))
        .filter((v): v is string => typeof v === "string" && v !== "")
        .map(roleNameOf);
}

/**
 * Resolves `owner`'s role ARN input `key` to roles in the stack, by property dependency, ARN or role name (an ARN, a
 * name, an ARN with a path: one role). `path` reads a role ARN nested in that input (a Scheduler schedule's
 * `target.roleArn`); the property dependencies are recorded for the whole top-level input.
 */
export function resolveRole(stack: StackIndex, owner: Resource, key: string, path: string[] = [key]): RoleRef {
    const value = get(owner.props, ...path);
    if (!isSet(value) || value === "") {
        return { roles: [], absent: true };
    }
    const roles = stack.dependenciesOf(owner, key, [T.iamRole]);
    if (typeof value === "string" && !isUnknown(value)) {
        const name = roleNameOf(value);
        const matches = stack.ofType(T.iamRole).filter(role => roleNames(role).includes(name));
        return { roles: unique([...roles, ...matches]), literal: value, absent: false };
    }
    return { roles, absent: false };
}

/** One managed policy attached to a role, as far as the stack shows it. */
export interface ManagedPolicyRef {
    /** The ARN when known. */
    arn?: string;
    /** A customer managed policy created in this stack, when the ARN comes from one. */
    policy?: Resource;
    /** The resource that attaches it (an attachment, or the role itself through `managedPolicyArns`). */
    via: Resource;
}

/** Managed policies attached to `role` in the stack: attachments, policy attachments and `managedPolicyArns`. */
export function managedPoliciesOf(stack: StackIndex, role: Resource): ManagedPolicyRef[] {
    const out: ManagedPolicyRef[] = [];
    const attachments = [
        ...stack.referrers(role, [T.iamRolePolicyAttachment], "role"),
        ...policyAttachmentsOf(stack, role),
    ];
    for (const attachment of attachments) {
        const arn = str(attachment.props, "policyArn");
        const policy = stack.dependenciesOf(attachment, "policyArn", [T.iamPolicy])[0]
            ?? (typeof arn === "string" ? stack.findByIdentifier(arn, [T.iamPolicy]) : undefined);
        out.push({ arn: typeof arn === "string" ? arn : undefined, policy, via: attachment });
    }
    const listed = items(role.props, "managedPolicyArns");
    const entries = listed === UNKNOWN ? [UNKNOWN] : (listed ?? []);
    const known = entries.filter((e): e is string => typeof e === "string" && !isUnknown(e));
    for (const arn of known) {
        out.push({ arn, policy: stack.findByIdentifier(arn, [T.iamPolicy]), via: role });
    }
    // Unknown entries are ARNs of policies created in this stack when the input depends on them; any surplus of
    // unknown entries over such policies comes from elsewhere and stays unexplained.
    const unknownEntries = entries.filter(isUnknown).length;
    const inStack = unknownEntries > 0 ? stack.dependenciesOf(role, "managedPolicyArns", [T.iamPolicy]) : [];
    out.push(...inStack.map(policy => ({ policy, via: role })));
    if (unknownEntries > inStack.length) {
        out.push({ via: role });
    }
    return out;
}

function policyAttachmentsOf(stack: StackIndex, role: Resource): Resource[] {
    const ids = knownIdentifiers(role);
    return stack.ofType(T.iamPolicyAttachment).filter(attachment => {
        if ((attachment.propertyDependencies?.roles ?? []).some(dep => dep.urn === role.urn)) {
            return true;
        }
        const roles = items(attachment.props, "roles");
        return Array.isArray(roles) && roles.some(r => typeof r === "string" && ids.includes(r));
    });
}

/** A policy document attached to a role inline, with where it came from. */
export interface DocumentRef {
    document: unknown;
    via: Resource;
    /** "role policy "x"" or "inline policy "y" of role "z"", for messages. */
    label: string;
}

/** Inline policy documents of `role`: `aws.iam.RolePolicy` resources and the role's own `inlinePolicies`. */
export function inlineDocumentsOf(stack: StackIndex, role: Resource): DocumentRef[] {
    const out: DocumentRef[] = stack.referrers(role, [T.iamRolePolicy], "role").map(rolePolicy => ({
        document: get(rolePolicy.props, "policy"),
        via: rolePolicy,
        label: `role policy "${rolePolicy.name}"`,
    }));
    const inline = items(role.props, "inlinePolicies");
    const entries = inline === UNKNOWN ? [UNKNOWN] : (inline ?? []);
    entries.forEach((entry, i) => {
        const name = str(entry, "name");
        out.push({
            document: isUnknown(entry) ? UNKNOWN : get(entry, "policy"),
            via: role,
            label: `inline policy ${typeof name === "string" ? `"${name}"` : `#${i + 1}`} of the role`,
        });
    });
    return out;
}

/** What a policy document allows, as far as it can be read. */
export interface Grants {
    /** Actions of `Allow` statements, as written (may contain wildcards). */
    actions: string[];
    /** True when an `Allow` statement uses `NotAction` (allows everything but a list). */
    notAction: boolean;
    /** Why some or all of the document cannot be read; undefined when fully read. */
    unreadable?: string;
}

/** The statements of a policy document given as a JSON string or an object, or why they cannot be read. */
function statementsOf(document: unknown): { list: unknown[]; unreadable?: string } {
    if (isUnknown(document)) {
        return { list: [], unreadable: "its policy document is unknown during preview" };
    }
    let parsed: unknown = document;
    if (typeof document === "string") {
        try {
            parsed = JSON.parse(document);
        } catch {
            return { list: [], unreadable: "its policy document is not valid JSON" };
        }
    }
    const statements = get(parsed, "Statement");
    return { list: Array.isArray(statements) ? (items(statements) as unknown[]) : [statements] };
}

/** Reads the `Allow` actions of a policy document given as a JSON string or an object. */
export function documentGrants(document: unknown): Grants {
    const { list, unreadable } = statementsOf(document);
    const grants: Grants = { actions: [], notAction: false, unreadable };
    for (const statement of list) {
        readStatement(statement, grants);
    }
    return grants;
}

function readStatement(statement: unknown, grants: Grants): void {
    if (isUnknown(statement)) {
        grants.unreadable = "a statement of its policy document is unknown during preview";
        return;
    }
    const effect = str(statement, "Effect");
    if (effect === "Deny" || statement === undefined || statement === null) {
        return;
    }
    if (effect === UNKNOWN) {
        grants.unreadable = "a statement's Effect is unknown during preview";
        return;
    }
    if (isSet(get(statement, "NotAction"))) {
        grants.notAction = true;
    }
    const action = get(statement, "Action");
    const actions = Array.isArray(action) ? (items(action) as unknown[]) : [action];
    for (const a of actions) {
        if (isUnknown(a)) {
            grants.unreadable = "an Action of its policy document is unknown during preview";
        } else if (typeof a === "string") {
            grants.actions.push(a);
        }
    }
}

/** One `Allow` statement of a policy document, with `Resource` read too (for rules that ask "on what"). */
export interface AllowStatement {
    /** `Action` patterns as written (may contain wildcards); empty for a `NotAction` statement. */
    actions: string[];
    /** `NotAction` patterns, when the statement allows every action except these. */
    notActions?: string[];
    /** `Resource` patterns as written. */
    resources: string[];
    /** True when the statement uses `NotResource` (every resource except a list). */
    notResource: boolean;
    /** True when an `Action` or `NotAction` entry is unknown during preview. */
    unknownAction: boolean;
    /** True when a `Resource` or `NotResource` entry is unknown during preview. */
    unknownResource: boolean;
}

/** The `Allow` statements of a policy document, and why (part of) the document cannot be read. */
export function allowStatements(document: unknown): { statements: AllowStatement[]; unreadable?: string } {
    const { list, unreadable: whole } = statementsOf(document);
    let unreadable = whole;
    const statements: AllowStatement[] = [];
    for (const statement of list) {
        const effect = isUnknown(statement) ? UNKNOWN : str(statement, "Effect");
        if (effect === UNKNOWN) {
            unreadable = "a statement of its policy document is unknown during preview";
        } else if (effect === "Allow") {
            statements.push(readAllow(statement));
        }
    }
    return { statements, unreadable };
}

function readAllow(statement: unknown): AllowStatement {
    const read = (key: string) => {
        const value = get(statement, key);
        const entries = Array.isArray(value) ? (items(value) as unknown[]) : isSet(value) ? [value] : [];
        const known = entries.filter((e): e is string => typeof e === "string" && !isUnknown(e));
        return { set: isSet(value), known, unknown: entries.some(isUnknown) };
    };
    const [action, notAction, resource, notResource] = ["Action", "NotAction", "Resource", "NotResource"].map(read);
    return {
        actions: action.known,
        ...(notAction.set ? { notActions: notAction.known } : {}),
        resources: resource.known,
        notResource: notResource.set,
        unknownAction: action.unknown || notAction.unknown,
        unknownResource: resource.unknown || notResource.unknown,
    };
}

/** True when the IAM pattern `pattern` (`*` any run of characters, `?` one character) matches `value`. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
    const source = [...pattern].map(c => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")));
    return new RegExp(`^${source.join("")}$`, ignoreCase ? "is" : "s").test(value);
}

/** True when `statement` allows `action` (action names are case-insensitive). */
export function allowsAction(statement: AllowStatement, action: string): boolean {
    const matches = (patterns: string[]) => patterns.some(pattern => wildcardMatch(pattern, action, true));
    return statement.notActions ? !matches(statement.notActions) : matches(statement.actions);
}

/**
 * The actions an ECS execution role needs: pull from ECR, write to CloudWatch Logs, read the task's secrets and SSM
 * parameters, and decrypt them.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
 */
export const EXECUTION_ROLE_ACTIONS: readonly string[] = [
    "ecr:GetAuthorizationToken",
    "ecr:BatchCheckLayerAvailability",
    "ecr:GetDownloadUrlForLayer",
    "ecr:BatchGetImage",
    // Pulls through an ECR pull-through cache rule import the upstream image on first use.
    "ecr:BatchImportUpstreamImage",
    "logs:CreateLogStream",
    "logs:PutLogEvents",
    "logs:CreateLogGroup",
    "secretsmanager:GetSecretValue",
    "ssm:GetParameters",
    "kms:Decrypt",
];

/** The actions in `actions` that are not in `allowed` (case-insensitive; a wildcard is allowed only if listed). */
export function actionsOutside(actions: readonly string[], allowed: readonly string[]): string[] {
    const ok = new Set(allowed.map(a => a.toLowerCase()));
    return [...new Set(actions.filter(a => !ok.has(a.toLowerCase())))];
}
