import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { LayerContext, childOpts, tagsFor } from "./context";

/** The ECS cluster the service runs in. */
export interface Cluster {
    clusterArn: pulumi.Output<string>;
    clusterName: pulumi.Output<string>;
}

/** The cluster the inputs ask for: the existing one `clusterArn` names, or a new one. */
export function clusterFor(ctx: LayerContext, clusterArn: pulumi.Input<string> | undefined): Cluster {
    return clusterArn !== undefined ? adoptCluster(clusterArn) : createCluster(ctx);
}

/** Adopts an existing cluster by ARN (`arn:aws:ecs:<region>:<account>:cluster/<name>`); nothing is created. */
export function adoptCluster(clusterArn: pulumi.Input<string>): Cluster {
    const arn = pulumi.output(clusterArn);
    return { clusterArn: arn, clusterName: arn.apply(a => a.split("/").pop() ?? a) };
}

/** Creates a cluster with Container Insights and the FARGATE and FARGATE_SPOT capacity providers. */
export function createCluster(ctx: LayerContext): Cluster {
    const cluster = new aws.ecs.Cluster(`${ctx.name}-cluster`, {
        settings: [{ name: "containerInsights", value: "enabled" }],
        tags: tagsFor(ctx, `${ctx.name}-cluster`),
    }, childOpts(ctx));
    new aws.ecs.ClusterCapacityProviders(`${ctx.name}-capacity-providers`, {
        clusterName: cluster.name,
        capacityProviders: ["FARGATE", "FARGATE_SPOT"],
        defaultCapacityProviderStrategies: [{ capacityProvider: "FARGATE", weight: 1, base: 1 }],
    }, childOpts(ctx));
    return { clusterArn: cluster.arn, clusterName: cluster.name };
}
