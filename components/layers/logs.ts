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

/** Creates the CloudWatch log group the container writes to. */
export function createLogGroup(ctx: LayerContext, inputs: LogInputs): pulumi.Output<string> {
    const logGroup = new aws.cloudwatch.LogGroup(`${ctx.name}-logs`, {
        name: inputs.logGroupName,
        retentionInDays: inputs.retentionDays,
        kmsKeyId: inputs.kmsKeyArn,
        tags: tagsFor(ctx, `${ctx.name}-logs`),
    }, childOpts(ctx));
    return logGroup.name;
}
