import * as pulumi from "@pulumi/pulumi";
import { FargateStackArgs } from "./fargateStackArgs";
import { Resolved, givenArgs, resolveArgs } from "./defaults";
import { INPUT_KEYS } from "./args/keys";
import { Problems, applyRenamedInputs, usesExistingVpc, validateEgress, validateFargateStackArgs } from "./validation";
import { createExecuteCommandLogGroup } from "./layers/logs";
import { allowExecuteCommandLogging } from "./layers/iam";
import {
    EXECUTE_COMMAND_ENDPOINTS, SECRETS_ENDPOINTS, TASK_START_ENDPOINTS, createVpcEndpoints,
} from "./layers/endpoints";
import { LayerContext, layerContext } from "./layers/context";
import { AwsEnvironment, readEnvironment } from "./layers/environment";
import { networkFor } from "./layers/network";
import { clusterFor } from "./layers/cluster";
import { admitLoadBalancer, createLoadBalancerSecurityGroup } from "./layers/securityGroups";
import { createTargetGroup, forwardTo } from "./layers/loadBalancer";
import { createPublicEntry, servesHttps } from "./layers/publicEntry";
import { createAlarmTopic, createDashboard, createLoadBalancerAlarm } from "./layers/monitoring";
import { createServiceAlarms, createTargetAlarms } from "./layers/alarms";
import { afterTaskStarts, buildWorkloadTask } from "./layers/workload";
import { createService, placementFor } from "./layers/service";
import { createScaling } from "./layers/scaling";

/**
 * A production-grade ECS Fargate web service: VPC (or an existing one), security groups, execution and task roles,
 * optional ECR repository, log group, cluster (or an existing one), task definition, an internet-facing ALB with an
 * `ip` target group and HTTPS when a domain or certificate is given, the service in private subnets without public
 * IPs, and target-tracking autoscaling. Every input is validated before anything is created.
 *
 * It is a `Platform` and one public `WebService` built from the same layers, with the load balancer forwarding every
 * request to its one service. Its children keep the names, parents and inputs of release 0.1.0, so upgrading a
 * stack changes nothing that runs.
 */
export class FargateStack extends pulumi.ComponentResource {
    /** The service's URL: `https://<domainName>` with HTTPS, otherwise `http://<load balancer DNS name>`. */
    public readonly url: pulumi.Output<string>;
    /** DNS name of the load balancer. */
    public readonly loadBalancerDnsName: pulumi.Output<string>;
    /** Name of the ECS service. */
    public readonly serviceName: pulumi.Output<string>;
    /** ARN of the ECS service. */
    public readonly serviceArn: pulumi.Output<string>;
    /** Name of the ECS cluster the service runs in. */
    public readonly clusterName: pulumi.Output<string>;
    /** ARN of the ECS cluster the service runs in. */
    public readonly clusterArn: pulumi.Output<string>;
    /** ARN of the task definition revision the service runs. */
    public readonly taskDefinitionArn: pulumi.Output<string>;
    /** ID of the VPC. */
    public readonly vpcId: pulumi.Output<string>;
    /** IDs of the private subnets the tasks run in. */
    public readonly privateSubnetIds: pulumi.Output<string[]>;
    /** IDs of the public subnets the load balancer runs in. */
    public readonly publicSubnetIds: pulumi.Output<string[]>;
    /** ARN of the execution role (image pull, logs, secrets). */
    public readonly executionRoleArn: pulumi.Output<string>;
    /** ARN of the task role (the application's permissions). */
    public readonly taskRoleArn: pulumi.Output<string>;
    /** Name of the CloudWatch log group of the container. */
    public readonly logGroupName: pulumi.Output<string>;
    /** URL of the created ECR repository, or an empty string when none was created. */
    public readonly repositoryUrl: pulumi.Output<string>;

    constructor(name: string, args: FargateStackArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before super(): on bad input nothing is registered, not even the component itself.
        const renameProblems = new Problems();
        const { args: given, warnings } = applyRenamedInputs(givenArgs(args), renameProblems);
        const resolved = resolveArgs(given, INPUT_KEYS.FargateStack);
        const problems = validateFargateStackArgs(name, given, resolved);
        problems.prepend(renameProblems);
        // Without NAT gateways FargateStack creates every endpoint its task needs; the image must come from ECR.
        validateEgress(resolved.natGateways === "None" && !usesExistingVpc(given)
            ? { withoutInternetEgress: true, secretsEndpoints: true, executeCommandEndpoint: true, queueEndpoint: true } : undefined,
        given, problems);
        problems.throwIfAny({ kind: "FargateStack", name }, opts?.parent);
        super("fargate-stack:index:FargateStack", name, {}, opts);
        warnings.forEach(warning => pulumi.log.warn(warning, this));

        const ctx = layerContext("FargateStack", name, this, resolved.tags);
        const env = readEnvironment(this);
        const platform = platformLayers(ctx, resolved);
        const { task, service, entry } = webServiceLayers(ctx, resolved, env, platform);

        this.url = entry.url;
        this.loadBalancerDnsName = entry.alb.dnsName;
        this.serviceName = service.serviceName;
        this.serviceArn = service.serviceArn;
        this.clusterName = platform.cluster.clusterName;
        this.clusterArn = platform.cluster.clusterArn;
        this.taskDefinitionArn = task.taskDefinitionArn;
        this.vpcId = platform.network.vpcId;
        this.privateSubnetIds = pulumi.output(platform.network.privateSubnetIds);
        this.publicSubnetIds = pulumi.output(platform.network.publicSubnetIds);
        this.executionRoleArn = task.executionRoleArn;
        this.taskRoleArn = task.taskRoleArn;
        this.logGroupName = task.logGroupName;
        this.repositoryUrl = task.repositoryUrl;
        this.registerOutputs({
            url: this.url, loadBalancerDnsName: this.loadBalancerDnsName, serviceName: this.serviceName,
            serviceArn: this.serviceArn, clusterName: this.clusterName, clusterArn: this.clusterArn,
            taskDefinitionArn: this.taskDefinitionArn, vpcId: this.vpcId, privateSubnetIds: this.privateSubnetIds,
            publicSubnetIds: this.publicSubnetIds, executionRoleArn: this.executionRoleArn, taskRoleArn: this.taskRoleArn,
            logGroupName: this.logGroupName, repositoryUrl: this.repositoryUrl,
        });
    }
}

/** The platform's layers: network, the load balancer's security group, and the cluster. */
function platformLayers(ctx: LayerContext, args: Resolved<FargateStackArgs>) {
    const network = networkFor(ctx, args);
    const loadBalancerSecurityGroupId = createLoadBalancerSecurityGroup(ctx, {
        vpcId: network.vpcId, allowedCidrBlocks: args.allowedCidrBlocks, https: servesHttps(args),
    });
    // A cluster created here logs the sessions of the service's ECS Exec, when it has it.
    const execLogging = args.enableExecuteCommand && args.clusterArn === undefined
        ? createExecuteCommandLogGroup(ctx, { retentionDays: args.logRetentionDays, kmsKeyArn: args.logKmsKeyArn })
        : undefined;
    const cluster = clusterFor(ctx, args.clusterArn, execLogging);
    return { network, loadBalancerSecurityGroupId, execLogging, cluster };
}

/** The one web service's layers, with the load balancer forwarding every request to it. */
function webServiceLayers(ctx: LayerContext, args: Resolved<FargateStackArgs>, env: AwsEnvironment, platform: ReturnType<typeof platformLayers>) {
    const { network, cluster } = platform;
    const task = buildWorkloadTask(ctx, args, {
        env, privateSubnetIds: network.privateSubnetIds, vpcId: network.vpcId, containerPort: args.containerPort,
        securityGroupDescription: `Tasks of ${ctx.name}: the container port from the load balancer only`,
    });
    admitLoadBalancer(ctx, {
        loadBalancerSecurityGroupId: platform.loadBalancerSecurityGroupId, taskSecurityGroupId: task.taskSecurityGroupId,
        containerPort: args.containerPort,
    });
    if (platform.execLogging) {
        allowExecuteCommandLogging(ctx, task.taskRole, env, platform.execLogging.logGroupName);
    }
    if (network.withoutInternetEgress) {
        const usesSecrets = pulumi.Output.isInstance(args.secrets) || Object.keys(args.secrets).length > 0
            || args.repositoryCredentialsSecretArn !== undefined;
        createVpcEndpoints(ctx, {
            env, network, clients: { securityGroupId: task.taskSecurityGroupId, label: "task" },
            services: [...TASK_START_ENDPOINTS, ...(usesSecrets ? SECRETS_ENDPOINTS : []),
                ...(args.enableExecuteCommand ? EXECUTE_COMMAND_ENDPOINTS : [])],
        });
    }
    const targetGroup = createTargetGroup(ctx, { ...args, vpcId: network.vpcId });
    const entry = createPublicEntry(ctx, {
        args, network, securityGroupId: platform.loadBalancerSecurityGroupId, defaultAction: forwardTo(targetGroup), coverSubdomains: false,
    });
    const topicArn = pulumi.output(args.alarmTopicArn ?? createAlarmTopic(ctx, env, args.alarmEmails));
    createLoadBalancerAlarm(ctx, topicArn, entry.alb.arnSuffix);
    if (args.enableDashboard) {
        createDashboard(ctx, { clusterName: cluster.clusterName, loadBalancerArnSuffix: entry.alb.arnSuffix, region: env.region });
    }
    const deploymentAlarms = args.enableAlarms ? createTargetAlarms(ctx, {
        ...args, topicArn, loadBalancerArnSuffix: entry.alb.arnSuffix, targetGroupArnSuffix: targetGroup.arnSuffix,
    }) : undefined;
    const service = createService(ctx, {
        ...args, placement: placementFor(args), clusterArn: cluster.clusterArn, taskDefinitionArn: task.taskDefinitionArn,
        privateSubnetIds: network.privateSubnetIds, securityGroupIds: [task.taskSecurityGroupId],
        containerName: task.containerName, autoscaling: args.enableAutoscaling, dependsOn: afterTaskStarts(task, entry.listeners),
        deploymentAlarms,
        loadBalancing: {
            targetGroupArn: targetGroup.arn, containerPort: args.containerPort, healthCheckGracePeriodSeconds: args.healthCheckGracePeriodSeconds,
        },
    });
    if (args.enableAutoscaling) {
        createScaling(ctx, {
            ...args, clusterName: cluster.clusterName, serviceName: service.serviceName,
            requestCountResourceLabel: pulumi.interpolate`${entry.alb.arnSuffix}/${targetGroup.arnSuffix}`,
        });
    }
    if (args.enableAlarms) {
        createServiceAlarms(ctx, { ...args, topicArn, clusterName: cluster.clusterName, serviceName: service.serviceName });
    }
    return { task, service, entry };
}
