import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AwsEnvironment } from "./environment";
import { LayerContext, childOpts, tagsFor } from "./context";
import { Network } from "./network";

/**
 * The AWS services a Fargate task needs to start and run, as interface endpoint service names: image pulls (ECR API
 * and registry; the layers come from S3, through the gateway endpoint) and its awslogs logs.
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html
 */
export const TASK_START_ENDPOINTS = ["ecr.api", "ecr.dkr", "logs"] as const;
/** What tasks with `secrets` or registry credentials need besides: Secrets Manager and SSM Parameter Store. */
export const SECRETS_ENDPOINTS = ["secretsmanager", "ssm"] as const;
/** What `aws ecs execute-command` needs besides: the SSM messages channel. */
export const EXECUTE_COMMAND_ENDPOINTS = ["ssmmessages"] as const;
/** What a queue worker needs besides: SQS. */
export const QUEUE_ENDPOINTS = ["sqs"] as const;

/** The inputs of the endpoint layer. */
export interface EndpointInputs {
    env: AwsEnvironment;
    network: Network;
    /** The interface endpoints, by service name (`ecr.api`, `logs`, …). */
    services: readonly string[];
    /** The security group of the tasks that use the endpoints, and a word for it in the rule's name (`task`, `services`). */
    clients: { securityGroupId: pulumi.Input<string>; label: string };
}

/**
 * Creates the VPC endpoints that let tasks in private subnets without NAT gateways start and run: an S3 gateway
 * endpoint on the private route tables (free) and an interface endpoint per service in every private subnet, with
 * private DNS (the tasks keep using the services' usual names) behind a security group that accepts HTTPS only from
 * the tasks' security group.
 */
export function createVpcEndpoints(ctx: LayerContext, inputs: EndpointInputs): void {
    const { name } = ctx;
    const opts = childOpts(ctx);
    const { env, network } = inputs;
    new aws.ec2.VpcEndpoint(`${name}-s3-endpoint`, {
        vpcId: network.vpcId, vpcEndpointType: "Gateway", serviceName: pulumi.interpolate`com.amazonaws.${env.region}.s3`,
        routeTableIds: network.privateRouteTableIds, tags: tagsFor(ctx, `${name}-s3-endpoint`),
    }, opts);
    const securityGroup = new aws.ec2.SecurityGroup(`${name}-endpoints-sg`, {
        vpcId: network.vpcId, description: `VPC endpoints of ${name}: HTTPS from its tasks only`, egress: [],
        tags: tagsFor(ctx, `${name}-endpoints-sg`),
    }, opts);
    const ruleName = `${name}-endpoints-from-${inputs.clients.label}-ingress`;
    new aws.vpc.SecurityGroupIngressRule(ruleName, {
        securityGroupId: securityGroup.id, referencedSecurityGroupId: inputs.clients.securityGroupId,
        ipProtocol: "tcp", fromPort: 443, toPort: 443, description: "HTTPS from the tasks", tags: tagsFor(ctx, ruleName),
    }, opts);
    for (const service of inputs.services) {
        const endpointName = `${name}-${service.replace(/\./g, "-")}-endpoint`;
        new aws.ec2.VpcEndpoint(endpointName, {
            vpcId: network.vpcId, vpcEndpointType: "Interface", serviceName: pulumi.interpolate`com.amazonaws.${env.region}.${service}`,
            privateDnsEnabled: true, subnetIds: network.privateSubnetIds, securityGroupIds: [securityGroup.id],
            tags: tagsFor(ctx, endpointName),
        }, opts);
    }
}
