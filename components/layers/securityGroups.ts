import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { LayerContext, childOpts, tagsFor } from "./context";

/*
 * The security-group chain clients → load balancer → tasks, and platform services → internal services. Rules are
 * separate resources because the groups refer to each other (load balancer egress to the tasks, task ingress from
 * the load balancer), which inline rules cannot express without a cycle. Tasks accept traffic only on their
 * container port, only from the groups named here; no task group ever admits a CIDR block.
 */

/** The inputs of the load balancer's security group. */
export interface LoadBalancerSecurityGroupInputs {
    vpcId: pulumi.Input<string>;
    allowedCidrBlocks: string[];
    /** Whether the load balancer listens on 443 (HTTPS) as well as 80. */
    https: boolean;
}

/** Creates the load balancer's security group, admitting HTTP (and HTTPS) from the allowed CIDR blocks only. */
export function createLoadBalancerSecurityGroup(ctx: LayerContext, inputs: LoadBalancerSecurityGroupInputs): pulumi.Output<string> {
    const { name } = ctx;
    const opts = childOpts(ctx);
    const albSg = new aws.ec2.SecurityGroup(`${name}-alb-sg`, {
        vpcId: inputs.vpcId,
        description: `Load balancer of ${name}: HTTP(S) from the allowed CIDR blocks`,
        tags: tagsFor(ctx, `${name}-alb-sg`),
    }, opts);
    const ports = inputs.https ? [["http", 80], ["https", 443]] as const : [["http", 80]] as const;
    for (const [protocol, port] of ports) {
        inputs.allowedCidrBlocks.forEach((cidrIpv4, i) => {
            const ruleName = `${name}-alb-${protocol}-ingress-${i + 1}`;
            new aws.vpc.SecurityGroupIngressRule(ruleName, {
                securityGroupId: albSg.id, ipProtocol: "tcp", fromPort: port, toPort: port, cidrIpv4,
                description: `${protocol.toUpperCase()} from ${cidrIpv4}`, tags: tagsFor(ctx, ruleName),
            }, opts);
        });
    }
    return albSg.id;
}

/**
 * Creates the group every task of a platform's services joins. It has no rules of its own: internal services admit
 * it on their container port, which is how only the platform's own services reach them.
 */
export function createServicesSecurityGroup(ctx: LayerContext, vpcId: pulumi.Input<string>): pulumi.Output<string> {
    const sg = new aws.ec2.SecurityGroup(`${ctx.name}-services-sg`, {
        vpcId,
        description: `Services of ${ctx.name}: admitted by the platform's internal services`,
        // Explicitly none: the tasks' own groups carry their egress.
        egress: [],
        tags: tagsFor(ctx, `${ctx.name}-services-sg`),
    }, childOpts(ctx));
    return sg.id;
}

/** Creates a workload's task security group: no inbound rule yet, and all outbound traffic, stated explicitly. */
export function createTaskSecurityGroup(ctx: LayerContext, vpcId: pulumi.Input<string>, description: string): pulumi.Output<string> {
    const { name } = ctx;
    const opts = childOpts(ctx);
    const taskSg = new aws.ec2.SecurityGroup(`${name}-task-sg`, {
        vpcId, description, tags: tagsFor(ctx, `${name}-task-sg`),
    }, opts);
    // Tasks need outbound HTTPS for image pulls, logs and secrets, and usually databases and APIs: all egress, stated
    // explicitly rather than left to the AWS default.
    new aws.vpc.SecurityGroupEgressRule(`${name}-task-egress`, {
        securityGroupId: taskSg.id, ipProtocol: "-1", cidrIpv4: "0.0.0.0/0",
        description: "All outbound traffic", tags: tagsFor(ctx, `${name}-task-egress`),
    }, opts);
    return taskSg.id;
}

/** The inputs of the rules that let a load balancer reach a service's tasks. */
export interface AdmitLoadBalancerInputs {
    loadBalancerSecurityGroupId: pulumi.Input<string>;
    taskSecurityGroupId: pulumi.Input<string>;
    containerPort: number;
}

/** Lets the load balancer reach the tasks on the container port, and nothing else: egress there, ingress here. */
export function admitLoadBalancer(ctx: LayerContext, inputs: AdmitLoadBalancerInputs): void {
    const { name } = ctx;
    const opts = childOpts(ctx);
    const port = { ipProtocol: "tcp", fromPort: inputs.containerPort, toPort: inputs.containerPort };
    new aws.vpc.SecurityGroupEgressRule(`${name}-alb-to-task-egress`, {
        securityGroupId: inputs.loadBalancerSecurityGroupId, referencedSecurityGroupId: inputs.taskSecurityGroupId, ...port,
        description: "To the tasks on the container port", tags: tagsFor(ctx, `${name}-alb-to-task-egress`),
    }, opts);
    new aws.vpc.SecurityGroupIngressRule(`${name}-task-from-alb-ingress`, {
        securityGroupId: inputs.taskSecurityGroupId, referencedSecurityGroupId: inputs.loadBalancerSecurityGroupId, ...port,
        description: "From the load balancer on the container port", tags: tagsFor(ctx, `${name}-task-from-alb-ingress`),
    }, opts);
}

/** Lets the platform's services reach this service's tasks on the container port (Service Connect). */
export function admitPlatformServices(
    ctx: LayerContext, servicesSecurityGroupId: pulumi.Input<string>, taskSecurityGroupId: pulumi.Input<string>, containerPort: number,
): void {
    new aws.vpc.SecurityGroupIngressRule(`${ctx.name}-task-from-services-ingress`, {
        securityGroupId: taskSecurityGroupId, referencedSecurityGroupId: servicesSecurityGroupId,
        ipProtocol: "tcp", fromPort: containerPort, toPort: containerPort,
        description: "From the platform's services on the container port",
        tags: tagsFor(ctx, `${ctx.name}-task-from-services-ingress`),
    }, childOpts(ctx));
}
