import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { NAME_RULES, stableName } from "../rules";
import { LayerContext, childOpts, tagsFor } from "./context";

/** TLS 1.3 and 1.2 only: the ELB policy AWS recommends for new HTTPS listeners. */
export const TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** The inputs of the load balancer. */
export interface LoadBalancerInputs {
    publicSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    securityGroupId: pulumi.Input<string>;
    enableDeletionProtection: boolean;
}

/** Creates an internet-facing ALB in the public subnets that drops invalid header fields. */
export function createLoadBalancer(ctx: LayerContext, inputs: LoadBalancerInputs): aws.lb.LoadBalancer {
    const { name } = ctx;
    return new aws.lb.LoadBalancer(`${name}-alb`, {
        name: stableName(name.replace(/^internal-/i, "alb-"), `${ctx.uniqueKey}/alb`, NAME_RULES.loadBalancer),
        loadBalancerType: "application",
        internal: false,
        subnets: inputs.publicSubnetIds,
        securityGroups: [inputs.securityGroupId],
        dropInvalidHeaderFields: true,
        enableDeletionProtection: inputs.enableDeletionProtection,
        tags: tagsFor(ctx, `${name}-alb`),
    }, childOpts(ctx));
}

/** The inputs of a service's target group. */
export interface TargetGroupInputs {
    vpcId: pulumi.Input<string>;
    containerPort: number;
    targetHealthCheckPath: string;
    targetHealthCheckMatcher: string;
    targetHealthCheckIntervalSeconds: number;
    targetHealthCheckTimeoutSeconds: number;
    targetHealthyThreshold: number;
    targetUnhealthyThreshold: number;
    deregistrationDelaySeconds: number;
}

/**
 * Creates an `ip` target group on the container port (awsvpc tasks register by IP address). The health check
 * defaults make a new task healthy in about 20 s instead of AWS's 150 s.
 */
export function createTargetGroup(ctx: LayerContext, inputs: TargetGroupInputs): aws.lb.TargetGroup {
    const { name } = ctx;
    // Settings that force a replacement are part of the hashed name, so a replacement gets a new name and can be
    // created before the old group is deleted.
    const tgKey = `${ctx.uniqueKey}/tg/HTTP/${inputs.containerPort}/ip`;
    return new aws.lb.TargetGroup(`${name}-tg`, {
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
    }, childOpts(ctx));
}

/** What a listener does with a request no rule matches. */
export type DefaultAction = aws.types.input.lb.ListenerDefaultAction;

/** Forward to one target group: a `FargateStack`'s only service. */
export function forwardTo(targetGroup: aws.lb.TargetGroup): DefaultAction {
    return { type: "forward", targetGroupArn: targetGroup.arn };
}

/** Answer 404: a platform's load balancer routes only what a web service's rule matches. */
export const NOT_FOUND: DefaultAction = {
    type: "fixed-response",
    fixedResponse: { contentType: "text/plain", messageBody: "Not found", statusCode: "404" },
};

/**
 * Creates the listeners: HTTP only without a certificate; with one, HTTPS on 443 (TLS 1.2+) plus HTTP on 80 that
 * redirects to it. Returns them with the one that serves requests first: a service must wait for them, or ECS
 * rejects a target group with no load balancer.
 */
export function createListeners(
    ctx: LayerContext, alb: aws.lb.LoadBalancer, defaultAction: DefaultAction, certificateArn?: pulumi.Input<string>,
): aws.lb.Listener[] {
    const opts = childOpts(ctx);
    if (certificateArn === undefined) {
        return [new aws.lb.Listener(`${ctx.name}-http`, {
            loadBalancerArn: alb.arn, port: 80, protocol: "HTTP", defaultActions: [defaultAction],
            tags: tagsFor(ctx, `${ctx.name}-http`),
        }, opts)];
    }
    const https = new aws.lb.Listener(`${ctx.name}-https`, {
        loadBalancerArn: alb.arn, port: 443, protocol: "HTTPS", sslPolicy: TLS_POLICY, certificateArn,
        defaultActions: [defaultAction], tags: tagsFor(ctx, `${ctx.name}-https`),
    }, opts);
    const redirect = new aws.lb.Listener(`${ctx.name}-http`, {
        loadBalancerArn: alb.arn, port: 80, protocol: "HTTP",
        defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
        tags: tagsFor(ctx, `${ctx.name}-http`),
    }, opts);
    return [https, redirect];
}

/** The inputs of a web service's listener rule. */
export interface ListenerRuleInputs {
    listenerArn: pulumi.Input<string>;
    priority: number;
    hostHeaders?: string[] | undefined;
    pathPatterns?: string[] | undefined;
    targetGroupArn: pulumi.Input<string>;
}

/** Routes requests matching the host headers and/or path patterns (both, when both are given) to the target group. */
export function createListenerRule(ctx: LayerContext, inputs: ListenerRuleInputs): aws.lb.ListenerRule {
    const conditions: aws.types.input.lb.ListenerRuleCondition[] = [];
    if (inputs.hostHeaders !== undefined) {
        conditions.push({ hostHeader: { values: inputs.hostHeaders } });
    }
    if (inputs.pathPatterns !== undefined) {
        conditions.push({ pathPattern: { values: inputs.pathPatterns } });
    }
    return new aws.lb.ListenerRule(`${ctx.name}-rule`, {
        listenerArn: inputs.listenerArn,
        priority: inputs.priority,
        actions: [{ type: "forward", targetGroupArn: inputs.targetGroupArn }],
        conditions,
        tags: tagsFor(ctx, `${ctx.name}-rule`),
    }, childOpts(ctx));
}
