/**
 * Inputs of the shared foundation: the network, the internet-facing load balancer and the cluster. `Platform` and
 * `FargateStack` take them with the same names, defaults and validation.
 */
import * as pulumi from "@pulumi/pulumi";
import { NatGatewayStrategy } from "./enums";

/** A new VPC, or an existing one. */
export interface NetworkArgs {
    /**
     * CIDR block of the new VPC, /16 to /24. Subnets split it evenly between private and public subnets, each at
     * least the /27 a load balancer needs. Rejected when an existing VPC is given with `vpcId`.
     * Default: `"10.0.0.0/16"`.
     * @default "10.0.0.0/16"
     */
    vpcCidrBlock?: string;
    /**
     * Number of availability zones the new VPC spans, 2 to 6. The ALB needs at least two.
     * Default: `2`.
     * @default 2
     */
    availabilityZoneCount?: number;
    /**
     * NAT gateways for the new VPC's private subnets: `None`, `Single` or `OnePerAz`.
     * Default: `"Single"`.
     * @default "Single"
     */
    natGateways?: NatGatewayStrategy;
    /**
     * ID of an existing VPC to deploy into instead of creating one. Requires `publicSubnetIds` and `privateSubnetIds`.
     * Default: a new VPC is created.
     * @default - a new VPC is created
     */
    vpcId?: pulumi.Input<string>;
    /**
     * Existing public subnets (routed to an internet gateway) for the ALB, in at least two AZs. Only with `vpcId`.
     * Default: the new VPC's public subnets.
     * @default - the new VPC's public subnets
     */
    publicSubnetIds?: pulumi.Input<string>[];
    /**
     * Existing private subnets (no route to an internet gateway) for the tasks, in at least two AZs. Only with `vpcId`.
     * Default: the new VPC's private subnets.
     * @default - the new VPC's private subnets
     */
    privateSubnetIds?: pulumi.Input<string>[];
}

/** Who may reach the internet-facing load balancer, and how: HTTP, or HTTPS with a certificate. */
export interface LoadBalancerArgs {
    /**
     * IPv4 CIDR blocks allowed to reach the load balancer on ports 80 and 443.
     * Default: `["0.0.0.0/0"]`.
     * @default ["0.0.0.0/0"]
     */
    allowedCidrBlocks?: string[];
    /**
     * A DNS name for the load balancer, e.g. `app.example.com`. With `hostedZoneId`: an ACM certificate validated by
     * DNS, an HTTPS listener, an HTTP→HTTPS redirect and an alias record. A `Platform` also covers
     * `*.<domainName>` (certificate and alias), so web services routed by host under it need no DNS work.
     * Default: no DNS name; the load balancer's own name is used.
     * @default - no DNS name; the load balancer's own name is used
     */
    domainName?: string;
    /**
     * The Route 53 hosted zone that holds `domainName`; required with `domainName` unless `certificateArn` is set.
     * Default: none.
     * @default - none
     */
    hostedZoneId?: pulumi.Input<string>;
    /**
     * ARN of an existing ACM certificate: HTTPS with HTTP→HTTPS redirect, and no certificate or validation records
     * are created. With `domainName` and `hostedZoneId` as well, the alias record is still created.
     * Default: a new certificate when `domainName` and `hostedZoneId` are set; otherwise HTTP only.
     * @default - a new certificate when `domainName` and `hostedZoneId` are set; otherwise HTTP only
     */
    certificateArn?: pulumi.Input<string>;
    /**
     * Protect the load balancer from deletion (remove the protection before `pulumi destroy`).
     * Default: `false`.
     * @default false
     */
    enableDeletionProtection?: boolean;
}

/** The ECS cluster: a new one, or an existing one. */
export interface ClusterArgs {
    /**
     * ARN of an existing ECS cluster to run the service in instead of creating one.
     * Default: a new cluster with Container Insights and FARGATE / FARGATE_SPOT capacity providers.
     * @default - a new cluster with Container Insights and FARGATE / FARGATE_SPOT capacity providers
     */
    clusterArn?: pulumi.Input<string>;
}

/** Tags for every taggable resource a component creates. */
export interface TagsArgs {
    /**
     * Tags applied to every taggable resource the component creates.
     * Default: `{}`.
     * @default {}
     */
    tags?: Record<string, string>;
}
