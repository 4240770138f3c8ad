import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { NAME_RULES, stableName } from "../rules";
import { LayerContext, childOpts, tagsFor } from "./context";

/** TLS 1.3 and 1.2 only: the ELB policy AWS recommends for new HTTPS listeners. */
export const TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** The load balancer and the target group the service registers its tasks in. */
export interface LoadBalancer {
    dnsName: pulumi.Output<string>;
    zoneId: pulumi.Output<string>;
    arnSuffix: pulumi.Output<string>;
    targetGroupArn: pulumi.Output<string>;
    targetGroupArnSuffix: pulumi.Output<string>;
    /** The listeners: the service must wait for them, or ECS rejects a target group with no load balancer. */
    listeners: aws.lb.Listener[];
}

/** The inputs of the load balancer layer. */
export interface LoadBalancerInputs {
    vpcId: pulumi.Input<string>;
    publicSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    securityGroupId: pulumi.Input<string>;
    containerPort: number;
    targetHealthCheckPath: string;
    targetHealthCheckMatcher: string;
    targetHealthCheckIntervalSeconds: number;
    targetHealthCheckTimeoutSeconds: number;
    targetHealthyThreshold: number;
    targetUnhealthyThreshold: number;
    deregistrationDelaySeconds: number;
    enableDeletionProtection: boolean;
    /** HTTPS on 443 with an HTTP→HTTPS redirect when set; HTTP only otherwise. */
    certificateArn?: pulumi.Input<string> | undefined;
}

/**
 * Creates an internet-facing ALB in the public subnets and an `ip` target group on the container port (awsvpc tasks
 * register by IP address). The health check defaults make a new task healthy in about 20 s instead of AWS's 150 s.
 */
export function createLoadBalancer(ctx: LayerContext, inputs: LoadBalancerInputs): LoadBalancer {
    const { name } = ctx;
    const opts = childOpts(ctx);
    const albName = stableName(name.replace(/^internal-/i, "alb-"), `${ctx.uniqueKey}/alb`, NAME_RULES.loadBalancer);
    const alb = new aws.lb.LoadBalancer(`${name}-alb`, {
        name: albName,
        loadBalancerType: "application",
        internal: false,
        subnets: inputs.publicSubnetIds,
        securityGroups: [inputs.securityGroupId],
        dropInvalidHeaderFields: true,
        enableDeletionProtection: inputs.enableDeletionProtection,
        tags: tagsFor(ctx, `${name}-alb`),
    }, opts);
    // Settings that force a replacement are part of the hashed name, so a replacement gets a new name and can be
    // created before the old group is deleted.
    const tgKey = `${ctx.uniqueKey}/tg/HTTP/${inputs.containerPort}/ip`;
    const targetGroup = new aws.lb.TargetGroup(`${name}-tg`, {
        name: stableName(name, tgKey, NAME_RULES.targetGroup),
        vpcId: inputs.vpcId,
        port: inputs.containerPort,
        protocol: "HTTP",
        targetType: "ip",
        deregistrationDelay: inputs.deregistrationDelaySeconds,
        healthCheck: {
            enabled: true,
            path: inputs.targetHealthCheckPath,
            matcher: inputs.targetHealthCheckMatcher,
            protocol: "HTTP",
            port: "traffic-port",
            interval: inputs.targetHealthCheckIntervalSeconds,
            timeout: inputs.targetHealthCheckTimeoutSeconds,
            healthyThreshold: inputs.targetHealthyThreshold,
            unhealthyThreshold: inputs.targetUnhealthyThreshold,
        },
        tags: tagsFor(ctx, `${name}-tg`),
    }, opts);
    return {
        dnsName: alb.dnsName,
        zoneId: alb.zoneId,
        arnSuffix: alb.arnSuffix,
        targetGroupArn: targetGroup.arn,
        targetGroupArnSuffix: targetGroup.arnSuffix,
        listeners: createListeners(ctx, alb, targetGroup, inputs.certificateArn),
    };
}

function createListeners(
    ctx: LayerContext, alb: aws.lb.LoadBalancer, targetGroup: aws.lb.TargetGroup, certificateArn?: pulumi.Input<string>,
): aws.lb.Listener[] {
    const opts = childOpts(ctx);
    const forward = [{ type: "forward", targetGroupArn: targetGroup.arn }];
    if (certificateArn === undefined) {
        return [new aws.lb.Listener(`${ctx.name}-http`, {
            loadBalancerArn: alb.arn, port: 80, protocol: "HTTP", defaultActions: forward,
            tags: tagsFor(ctx, `${ctx.name}-http`),
        }, opts)];
    }
    const https = new aws.lb.Listener(`${ctx.name}-https`, {
        loadBalancerArn: alb.arn, port: 443, protocol: "HTTPS", sslPolicy: TLS_POLICY, certificateArn,
        defaultActions: forward, tags: tagsFor(ctx, `${ctx.name}-https`),
    }, opts);
    const redirect = new aws.lb.Listener(`${ctx.name}-http`, {
        loadBalancerArn: alb.arn, port: 80, protocol: "HTTP",
        defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
        tags: tagsFor(ctx, `${ctx.name}-http`),
    }, opts);
    return [https, redirect];
}
