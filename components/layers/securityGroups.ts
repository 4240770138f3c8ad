import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { LayerContext, childOpts, tagsFor } from "./context";

/** The two security groups of the chain clients → load balancer → tasks. */
export interface SecurityGroups {
    loadBalancerSecurityGroupId: pulumi.Output<string>;
    taskSecurityGroupId: pulumi.Output<string>;
}

/** The inputs of the security group layer. */
export interface SecurityGroupInputs {
    vpcId: pulumi.Input<string>;
    allowedCidrBlocks: string[];
    containerPort: number;
    /** Whether the load balancer listens on 443 (HTTPS) as well as 80. */
    https: boolean;
}

/**
 * Creates the load balancer and task security groups. Rules are separate resources because the two groups refer to
 * each other (load balancer egress to the tasks, task ingress from the load balancer), which inline rules cannot
 * express without a cycle. The tasks accept traffic only from the load balancer, only on the container port.
 */
export function createSecurityGroups(ctx: LayerContext, inputs: SecurityGroupInputs): SecurityGroups {
    const { name } = ctx;
    const opts = childOpts(ctx);
    const albSg = new aws.ec2.SecurityGroup(`${name}-alb-sg`, {
        vpcId: inputs.vpcId,
        description: `Load balancer of ${name}: HTTP(S) from the allowed CIDR blocks`,
        tags: tagsFor(ctx, `${name}-alb-sg`),
    }, opts);
    const taskSg = new aws.ec2.SecurityGroup(`${name}-task-sg`, {
        vpcId: inputs.vpcId,
        description: `Tasks of ${name}: the container port from the load balancer only`,
        tags: tagsFor(ctx, `${name}-task-sg`),
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
    new aws.vpc.SecurityGroupEgressRule(`${name}-alb-to-task-egress`, {
        securityGroupId: albSg.id, referencedSecurityGroupId: taskSg.id, ipProtocol: "tcp",
        fromPort: inputs.containerPort, toPort: inputs.containerPort,
        description: "To the tasks on the container port", tags: tagsFor(ctx, `${name}-alb-to-task-egress`),
    }, opts);
    new aws.vpc.SecurityGroupIngressRule(`${name}-task-from-alb-ingress`, {
        securityGroupId: taskSg.id, referencedSecurityGroupId: albSg.id, ipProtocol: "tcp",
        fromPort: inputs.containerPort, toPort: inputs.containerPort,
        description: "From the load balancer on the container port", tags: tagsFor(ctx, `${name}-task-from-alb-ingress`),
    }, opts);
    // Tasks need outbound HTTPS for image pulls, logs and secrets, and usually databases and APIs: all egress, stated
    // explicitly rather than left to the AWS default.
    new aws.vpc.SecurityGroupEgressRule(`${name}-task-egress`, {
        securityGroupId: taskSg.id, ipProtocol: "-1", cidrIpv4: "0.0.0.0/0",
        description: "All outbound traffic", tags: tagsFor(ctx, `${name}-task-egress`),
    }, opts);
    return { loadBalancerSecurityGroupId: albSg.id, taskSecurityGroupId: taskSg.id };
}
