import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { LayerContext, childOpts, tagsFor } from "./context";
import { NAME_RULES, fitName } from "../rules";

/**
 * The log group name: `/ecs/<project>/<stack>/<name>`. Explicit and plain so the task definition's awslogs options
 * and the execution role's policy are known at preview; within CloudWatch's 512 characters via a stable hash.
 */
export function logGroupNameFor(project: string, stack: string, name: string): string {
    return fitName(`/ecs/${project}/${stack}/${name}`, NAME_RULES.logGroup);
}

/** The inputs of the log layer. */
export interface LogInputs {
    logGroupName: string;
    retentionDays: number;
    kmsKeyArn?: pulumi.Input<string> | undefined;
}

/** Creates the CloudWatch log group the container writes to (`<name>-logs`), or another one of the component's. */
export function createLogGroup(ctx: LayerContext, inputs: LogInputs, resourceName: string = `${ctx.name}-logs`): pulumi.Output<string> {
    const logGroup = new aws.cloudwatch.LogGroup(resourceName, {
        name: inputs.logGroupName,
        retentionInDays: inputs.retentionDays,
        kmsKeyId: inputs.kmsKeyArn,
        tags: tagsFor(ctx, resourceName),
    }, childOpts(ctx));
    return logGroup.name;
}

/** How a cluster the component creates logs ECS Exec sessions. */
export interface ExecuteCommandLogging {
    /** `/ecs/<project>/<stack>/<name>/exec`: plain, so task roles can be granted it at preview. */
    logGroupName: string;
    /** Whether the log group is encrypted with a customer managed key (the session log then says so). */
    encrypted: boolean;
}

/** Creates the log group of the ECS Exec sessions on the component's cluster (`<name>-exec-logs`). */
export function createExecuteCommandLogGroup(ctx: LayerContext, inputs: Omit<LogInputs, "logGroupName">): ExecuteCommandLogging {
    const logGroupName = fitName(`/ecs/${pulumi.getProject()}/${pulumi.getStack()}/${ctx.name}/exec`, NAME_RULES.logGroup);
    createLogGroup(ctx, { ...inputs, logGroupName }, `${ctx.name}-exec-logs`);
    return { logGroupName, encrypted: inputs.kmsKeyArn !== undefined };
}
