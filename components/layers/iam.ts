import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AwsEnvironment } from "./environment";
import { LayerContext, childOpts, tagsFor } from "./context";
import { NAME_RULES, stableName } from "../rules";
import { Problems, checkSecretArn } from "../validation";

/** The two roles of a task. */
export interface TaskRoles {
    executionRoleArn: pulumi.Output<string>;
    taskRoleArn: pulumi.Output<string>;
    /** The roles' names: explicit, so known at preview (other policies build the roles' ARNs from them). */
    executionRoleName: string;
    taskRoleName: string;
    /** The task role, for policies a component adds to it (a worker's queue access). */
    taskRole: aws.iam.Role;
}

/** The inputs of the IAM layer. */
export interface IamInputs {
    env: AwsEnvironment;
    /** The log group the execution role may write to. */
    logGroupName: string;
    /** The ECR repository the execution role may pull from; undefined when the image is not in ECR. */
    ecrRepositoryArn: pulumi.Input<string | undefined>;
    /** The container's secrets (name → Secrets Manager secret or SSM parameter ARN) the execution role may read. */
    secrets: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Customer managed KMS keys that encrypt those secrets: the execution role may decrypt with them. */
    secretsKmsKeyArns: pulumi.Input<string>[];
    /** The Secrets Manager secret with a private registry's credentials, which the execution role may read. */
    repositoryCredentialsSecretArn?: pulumi.Input<string> | undefined;
    taskRolePolicyArns: pulumi.Input<string>[];
    taskRolePolicyJson?: pulumi.Input<string> | undefined;
    enableExecuteCommand: boolean;
}

/**
 * Creates the execution role (used by ECS to pull the image, write logs and fetch secrets) and a separate task role
 * (used by the application, with only the permissions the user gives). Both trust only ECS tasks of this account.
 */
export function createRoles(ctx: LayerContext, inputs: IamInputs): TaskRoles {
    const { name } = ctx;
    const opts = childOpts(ctx);
    const assumeRolePolicy = trustPolicy(inputs.env);
    // Explicit, stable names within IAM's 64 characters: an autoname (`<child name>-<7 random>`) would fail for
    // component names over 46 characters instead of being truncated.
    const executionRoleName = stableName(`${name}-exec`, `${ctx.uniqueKey}/exec-role`, NAME_RULES.iamRole);
    const taskRoleName = stableName(`${name}-task`, `${ctx.uniqueKey}/task-role`, NAME_RULES.iamRole);
    const executionRole = new aws.iam.Role(`${name}-exec-role`, {
        name: executionRoleName,
        description: `ECS execution role of ${name}: image pull, logs and secrets only`,
        assumeRolePolicy, tags: tagsFor(ctx, `${name}-exec-role`),
    }, opts);
    new aws.iam.RolePolicy(`${name}-exec-policy`, {
        role: executionRole.name,
        policy: executionPolicy(ctx, inputs),
    }, opts);

    const taskRole = new aws.iam.Role(`${name}-task-role`, {
        name: taskRoleName,
        description: `ECS task role of ${name}: the application's own permissions`,
        assumeRolePolicy, tags: tagsFor(ctx, `${name}-task-role`),
    }, opts);
    inputs.taskRolePolicyArns.forEach((policyArn, i) => {
        new aws.iam.RolePolicyAttachment(`${name}-task-policy-${i + 1}`, { role: taskRole.name, policyArn }, opts);
    });
    if (inputs.taskRolePolicyJson !== undefined) {
        new aws.iam.RolePolicy(`${name}-task-inline-policy`, { role: taskRole.name, policy: inputs.taskRolePolicyJson }, opts);
    }
    if (inputs.enableExecuteCommand) {
        new aws.iam.RolePolicy(`${name}-task-exec-command-policy`, { role: taskRole.name, policy: EXECUTE_COMMAND_POLICY }, opts);
    }
    return { executionRoleArn: executionRole.arn, taskRoleArn: taskRole.arn, executionRoleName, taskRoleName, taskRole };
}

/** The ARN of a role the component names itself, known at preview (no path: the component sets none). */
export function roleArnOf(env: AwsEnvironment, roleName: string): pulumi.Output<string> {
    return pulumi.interpolate`arn:${env.partition}:iam::${env.accountId}:role/${roleName}`;
}

function trustPolicy(env: AwsEnvironment): pulumi.Output<string> {
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{
            Effect: "Allow",
            Principal: { Service: "ecs-tasks.amazonaws.com" },
            Action: "sts:AssumeRole",
            // Confused-deputy protection: only ECS acting for this account may assume the role.
            Condition: {
                StringEquals: { "aws:SourceAccount": env.accountId },
                ArnLike: { "aws:SourceArn": pulumi.interpolate`arn:${env.partition}:ecs:${env.region}:${env.accountId}:*` },
            },
        }],
    });
}

/**
 * The IAM resources for one secret reference. A Secrets Manager reference may carry `:json-key:version-stage:
 * version-id`; IAM wants the secret's own ARN. A partial ARN (without the 6-character suffix Secrets Manager adds)
 * matches the real ARN only with `-??????` appended, as the Secrets Manager guide recommends.
 */
function secretResourceArns(arn: string): string[] {
    if (!arn.includes(":secretsmanager:")) {
        return [arn];
    }
    const secretArn = arn.split(":").slice(0, 7).join(":");
    return /-[A-Za-z0-9]{6}$/.test(secretArn) ? [secretArn] : [secretArn, `${secretArn}-??????`];
}

function executionPolicy(ctx: LayerContext, inputs: IamInputs): pulumi.Output<string> {
    const { env } = inputs;
    const logStreams = pulumi.interpolate`arn:${env.partition}:logs:${env.region}:${env.accountId}:log-group:${inputs.logGroupName}:log-stream:*`;
    const secretArns = pulumi.output(inputs.secrets).apply(secrets => checkedSecretArns(ctx, secrets));
    return pulumi.all([inputs.ecrRepositoryArn, logStreams, secretArns, pulumi.output(inputs.secretsKmsKeyArns),
        inputs.repositoryCredentialsSecretArn])
        .apply(([repositoryArn, logStreamArn, secretArns, kmsKeyArns, registryCredentialsArn]) => {
            const statements: object[] = [];
            if (repositoryArn) {
                // GetAuthorizationToken has no resource-level permissions; it is the only "*" this role gets.
                statements.push({ Sid: "EcrAuth", Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: "*" });
                statements.push({
                    Sid: "EcrPull", Effect: "Allow", Resource: repositoryArn,
                    Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                });
            }
            statements.push({ Sid: "Logs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: logStreamArn });
            const unique = (arns: string[]) => [...new Set(arns)].sort();
            const secrets = unique(secretArns.filter(a => a.includes(":secretsmanager:")).flatMap(secretResourceArns));
            const parameters = unique(secretArns.filter(a => a.includes(":ssm:")));
            if (secrets.length > 0) {
                statements.push({ Sid: "Secrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: secrets });
            }
            if (parameters.length > 0) {
                statements.push({ Sid: "Parameters", Effect: "Allow", Action: ["ssm:GetParameters"], Resource: parameters });
            }
            if (registryCredentialsArn) {
                statements.push({
                    Sid: "RegistryCredentials", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"],
                    Resource: secretResourceArns(registryCredentialsArn),
                });
            }
            if (kmsKeyArns.length > 0) {
                statements.push({ Sid: "SecretsKms", Effect: "Allow", Action: ["kms:Decrypt"], Resource: unique(kmsKeyArns) });
            }
            return JSON.stringify({ Version: "2012-10-17", Statement: statements });
        });
}

/** Secret values that arrived as Outputs are validated here, where they resolve (plain ones were checked up front). */
function checkedSecretArns(ctx: LayerContext, secrets: Record<string, string>): string[] {
    const problems = new Problems();
    for (const key of Object.keys(secrets).sort()) {
        checkSecretArn(key, secrets[key], problems);
    }
    problems.throwIfAny(ctx, ctx.parent, false);
    return Object.values(secrets);
}

/** `aws ecs execute-command` needs the SSM message channels; they have no resource-level permissions. */
const EXECUTE_COMMAND_POLICY = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{
        Sid: "ExecuteCommand",
        Effect: "Allow",
        Action: ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"],
        Resource: "*",
    }],
});

/**
 * ECS Exec sessions logged to CloudWatch are written by the SSM agent in the task, with the task role: it must find
 * the log group (`logs:DescribeLogGroups` has no resource-level permission) and write to that one group. An empty
 * name (a platform that adopted its cluster, whose logging is the cluster owner's) grants the lookup only.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
 */
export function allowExecuteCommandLogging(
    ctx: LayerContext, taskRole: aws.iam.Role, env: AwsEnvironment, logGroupName: pulumi.Input<string>,
): void {
    const policy = pulumi.all([env.partition, env.region, env.accountId, logGroupName]).apply(([partition, region, account, name]) =>
        JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Sid: "FindLogGroups", Effect: "Allow", Action: ["logs:DescribeLogGroups"], Resource: "*" },
                ...(name ? [{
                    Sid: "WriteSessionLogs", Effect: "Allow",
                    Action: ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
                    Resource: `arn:${partition}:logs:${region}:${account}:log-group:${name}:*`,
                }] : []),
            ],
        }));
    new aws.iam.RolePolicy(`${ctx.name}-task-exec-logs-policy`, { role: taskRole.name, policy }, childOpts(ctx));
}
