import * as pulumi from "@pulumi/pulumi";
import { PlatformArgs, PlatformRef } from "./platformArgs";
import { Resolved, givenArgs, resolveArgs } from "./defaults";
import { INPUT_KEYS } from "./args/keys";
import { EgressFacts, validatePlatformArgs } from "./validation";
import { makePlatformRef } from "./platformRef";
import { LayerContext, layerContext } from "./layers/context";
import { Network, networkFor } from "./layers/network";
import { clusterFor } from "./layers/cluster";
import { createLoadBalancerSecurityGroup, createServicesSecurityGroup } from "./layers/securityGroups";
import { NOT_FOUND } from "./layers/loadBalancer";
import { createPublicEntry, servesHttps } from "./layers/publicEntry";
import { createServiceConnectNamespace } from "./layers/namespace";
import { AwsEnvironment, readEnvironment } from "./layers/environment";
import { createExecuteCommandLogGroup } from "./layers/logs";
import { createAlarmTopic, createDashboard, createLoadBalancerAlarm } from "./layers/monitoring";
import {
    EXECUTE_COMMAND_ENDPOINTS, QUEUE_ENDPOINTS, SECRETS_ENDPOINTS, TASK_START_ENDPOINTS, createVpcEndpoints,
} from "./layers/endpoints";

/**
 * The shared foundation of many workloads: a VPC (or an existing one) with public and private subnets (and, without
 * NAT gateways, the VPC endpoints tasks need), an ECS cluster with Container Insights that logs ECS Exec sessions (or
 * an existing one), one internet-facing ALB whose listener answers 404 until web services add their rules (HTTPS
 * with a redirect when a domain or certificate is given), a security group every workload's tasks join, and a Cloud
 * Map namespace for Service Connect. Pass its `ref` to `WebService`, `WorkerService` and `ScheduledTask`.
 */
export class Platform extends pulumi.ComponentResource {
    /** The platform's URL: `https://<domainName>` with HTTPS, otherwise `http://<load balancer DNS name>`. */
    public readonly url: pulumi.Output<string>;
    /** DNS name of the load balancer. */
    public readonly loadBalancerDnsName: pulumi.Output<string>;
    /** ARN of the load balancer. */
    public readonly loadBalancerArn: pulumi.Output<string>;
    /** ID of the VPC. */
    public readonly vpcId: pulumi.Output<string>;
    /** IDs of the public subnets the load balancer runs in. */
    public readonly publicSubnetIds: pulumi.Output<string[]>;
    /** IDs of the private subnets the workloads run in. */
    public readonly privateSubnetIds: pulumi.Output<string[]>;
    /** Name of the ECS cluster. */
    public readonly clusterName: pulumi.Output<string>;
    /** ARN of the ECS cluster. */
    public readonly clusterArn: pulumi.Output<string>;
    /** ARN of the Service Connect namespace. */
    public readonly serviceConnectNamespaceArn: pulumi.Output<string>;
    /** Name of the Service Connect namespace. */
    public readonly serviceConnectNamespaceName: pulumi.Output<string>;
    /** ARN of the SNS topic every alarm of the platform and its workloads notifies. */
    public readonly alarmTopicArn: pulumi.Output<string>;
    /** Everything a workload needs from the platform, as one value: pass it as a workload's `platform` input. */
    public readonly ref: pulumi.Output<PlatformRef>;

    constructor(name: string, args: PlatformArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before super(): on bad input nothing is registered, not even the component itself.
        const given = givenArgs(args);
        const resolved = resolveArgs(given, INPUT_KEYS.Platform);
        validatePlatformArgs(name, given, resolved).throwIfAny({ kind: "Platform", name }, opts?.parent);
        super("fargate-stack:index:Platform", name, {}, opts);

        const ctx = layerContext("Platform", name, this, resolved.tags);
        const network = networkFor(ctx, resolved);
        // Every workload may enable ECS Exec: a cluster the platform creates logs the sessions.
        const execLogging = resolved.clusterArn === undefined
            ? createExecuteCommandLogGroup(ctx, { retentionDays: resolved.logRetentionDays, kmsKeyArn: resolved.logKmsKeyArn })
            : undefined;
        const cluster = clusterFor(ctx, resolved.clusterArn, execLogging);
        const loadBalancerSecurityGroupId = createLoadBalancerSecurityGroup(ctx, {
            vpcId: network.vpcId, allowedCidrBlocks: resolved.allowedCidrBlocks, https: servesHttps(resolved),
        });
        const servicesSecurityGroupId = createServicesSecurityGroup(ctx, network.vpcId);
        const env = readEnvironment(this);
        const egress = createEndpointsWhereNeeded(ctx, resolved, env, network, servicesSecurityGroupId);
        // The serving listener answers 404 until web services add their rules to it.
        const entry = createPublicEntry(ctx, {
            args: resolved, network, securityGroupId: loadBalancerSecurityGroupId, defaultAction: NOT_FOUND, coverSubdomains: true,
        });
        const namespace = createServiceConnectNamespace(ctx, resolved.serviceConnectNamespace ?? `${name}.internal`);
        const alarmTopicArn = pulumi.output(resolved.alarmTopicArn ?? createAlarmTopic(ctx, env, resolved.alarmEmails));
        createLoadBalancerAlarm(ctx, alarmTopicArn, entry.alb.arnSuffix);
        if (resolved.enableDashboard) {
            createDashboard(ctx, { clusterName: cluster.clusterName, loadBalancerArnSuffix: entry.alb.arnSuffix, region: env.region });
        }

        this.url = entry.url;
        this.loadBalancerDnsName = entry.alb.dnsName;
        this.loadBalancerArn = entry.alb.arn;
        this.vpcId = network.vpcId;
        this.publicSubnetIds = pulumi.output(network.publicSubnetIds);
        this.privateSubnetIds = pulumi.output(network.privateSubnetIds);
        this.clusterName = cluster.clusterName;
        this.clusterArn = cluster.clusterArn;
        this.serviceConnectNamespaceArn = namespace.arn;
        this.serviceConnectNamespaceName = namespace.name;
        this.ref = makePlatformRef({
            platformName: pulumi.output(name), vpcId: this.vpcId, privateSubnetIds: this.privateSubnetIds,
            clusterArn: this.clusterArn, clusterName: this.clusterName, listenerArn: entry.listeners[0].arn,
            loadBalancerArnSuffix: entry.alb.arnSuffix, loadBalancerSecurityGroupId, url: this.url,
            serviceConnectNamespaceArn: namespace.arn, servicesSecurityGroupId,
            executeCommandLogGroupName: pulumi.output(execLogging?.logGroupName ?? ""), alarmTopicArn,
        }, network.privateSubnetIds, egress);
        this.alarmTopicArn = alarmTopicArn;
        this.registerOutputs({
            url: this.url, loadBalancerDnsName: this.loadBalancerDnsName, loadBalancerArn: this.loadBalancerArn,
            vpcId: this.vpcId, publicSubnetIds: this.publicSubnetIds, privateSubnetIds: this.privateSubnetIds,
            clusterName: this.clusterName, clusterArn: this.clusterArn,
            serviceConnectNamespaceArn: this.serviceConnectNamespaceArn,
            serviceConnectNamespaceName: this.serviceConnectNamespaceName, alarmTopicArn: this.alarmTopicArn, ref: this.ref,
        });
    }
}

/**
 * Without NAT gateways, the VPC endpoints every task needs to start, plus the ones the platform was asked for; the
 * platform's services group (which every workload joins) may reach them. Returns what the workloads can reach.
 */
function createEndpointsWhereNeeded(
    ctx: LayerContext, args: Resolved<PlatformArgs>, env: AwsEnvironment, network: Network, servicesSecurityGroupId: pulumi.Output<string>,
): EgressFacts {
    const egress = {
        withoutInternetEgress: network.withoutInternetEgress,
        secretsEndpoints: network.withoutInternetEgress && args.enableSecretsEndpoints,
        executeCommandEndpoint: network.withoutInternetEgress && args.enableExecuteCommandEndpoint,
        queueEndpoint: network.withoutInternetEgress && args.enableQueueEndpoint,
    };
    if (network.withoutInternetEgress) {
        createVpcEndpoints(ctx, {
            env, network, clients: { securityGroupId: servicesSecurityGroupId, label: "services" },
            services: [...TASK_START_ENDPOINTS, ...(egress.secretsEndpoints ? SECRETS_ENDPOINTS : []),
                ...(egress.executeCommandEndpoint ? EXECUTE_COMMAND_ENDPOINTS : []), ...(egress.queueEndpoint ? QUEUE_ENDPOINTS : [])],
        });
    }
    return egress;
}
