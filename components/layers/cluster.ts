import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { LayerContext, childOpts, tagsFor } from "./context";
import { ExecuteCommandLogging } from "./logs";

/** The ECS cluster the service runs in. */
export interface Cluster {
    clusterArn: pulumi.Output<string>;
    clusterName: pulumi.Output<string>;
}

/**
 * The cluster the inputs ask for: the existing one `clusterArn` names, or a new one, which logs ECS Exec sessions
 * when `execLogging` is given.
 */
export function clusterFor(ctx: LayerContext, clusterArn: pulumi.Input<string> | undefined, execLogging?: ExecuteCommandLogging): Cluster {
    return clusterArn !== undefined ? adoptCluster(clusterArn) : createCluster(ctx, execLogging);
}

/** Adopts an existing cluster by ARN (`arn:aws:ecs:<region>:<account>:cluster/<name>`); nothing is created. */
export function adoptCluster(clusterArn: pulumi.Input<string>): Cluster {
    const arn = pulumi.output(clusterArn);
    return { clusterArn: arn, clusterName: arn.apply(a => a.split("/").pop() ?? a) };
}

/**
 * Creates a cluster with Container Insights and the FARGATE and FARGATE_SPOT capacity providers; with
 * `execLogging`, every ECS Exec session's input and output is logged to that log group.
 */
export function createCluster(ctx: LayerContext, execLogging?: ExecuteCommandLogging): Cluster {
    const cluster = new aws.ecs.Cluster(`${ctx.name}-cluster`, {
        settings: [{ name: "containerInsights", value: "enabled" }],
        configuration: execLogging && {
            executeCommandConfiguration: {
                logging: "OVERRIDE",
                logConfiguration: {
                    cloudWatchLogGroupName: execLogging.logGroupName,
                    cloudWatchEncryptionEnabled: execLogging.encrypted,
                },
            },
        },
        tags: tagsFor(ctx, `${ctx.name}-cluster`),
    }, childOpts(ctx));
    new aws.ecs.ClusterCapacityProviders(`${ctx.name}-capacity-providers`, {
        clusterName: cluster.name,
        capacityProviders: ["FARGATE", "FARGATE_SPOT"],
        defaultCapacityProviderStrategies: [{ capacityProvider: "FARGATE", weight: 1, base: 1 }],
    }, childOpts(ctx));
    return { clusterArn: cluster.arn, clusterName: cluster.name };
}
