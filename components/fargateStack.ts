import * as pulumi from "@pulumi/pulumi";
import { FargateStackArgs } from "./fargateStackArgs";
import { ResolvedArgs, givenArgs, resolveArgs } from "./defaults";
import { Problems, applyRenamedInputs, usesExistingVpc, validateFargateStackArgs } from "./validation";
import { LayerContext } from "./layers/context";
import { AwsEnvironment, ecrRepositoryArnOf, readEnvironment } from "./layers/environment";
import { Network, adoptNetwork, createNetwork } from "./layers/network";
import { createSecurityGroups } from "./layers/securityGroups";
import { createRoles } from "./layers/iam";
import { Registry, buildImage, createRepository } from "./layers/registry";
import { createLogGroup, logGroupNameFor } from "./layers/logs";
import { adoptCluster, createCluster } from "./layers/cluster";
import { createTaskDefinition } from "./layers/taskDefinition";
import { createLoadBalancer } from "./layers/loadBalancer";
import { createAlias, createCertificate } from "./layers/dns";
import { createScaling, createService } from "./layers/service";

/**
 * A production-grade ECS Fargate web service: VPC (or an existing one), security groups, execution and task roles,
 * optional ECR repository, log group, cluster (or an existing one), task definition, an internet-facing ALB with an
 * `ip` target group and HTTPS when a domain or certificate is given, the service in private subnets without public
 * IPs, and target-tracking autoscaling. Every input is validated before anything is created.
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
        const resolved = resolveArgs(given);
        const problems = validateFargateStackArgs(name, given, resolved);
        problems.prepend(renameProblems);
        problems.throwIfAny(name, opts?.parent);
        super("fargate-stack:index:FargateStack", name, {}, opts);
        warnings.forEach(warning => pulumi.log.warn(warning, this));

        const ctx: LayerContext = {
            name, parent: this, tags: { ...resolved.tags },
            uniqueKey: `${pulumi.getProject()}/${pulumi.getStack()}/${name}`,
        };
        const env = readEnvironment(this);
        const network = buildNetwork(ctx, resolved);
        const { registry, image, imageBuild } = buildImageSource(ctx, resolved, env);
        const logGroupName = logGroupNameFor(pulumi.getProject(), pulumi.getStack(), name);
        const built = buildService(ctx, resolved, { env, network, registry, image, imageBuild, logGroupName });

        this.url = built.url;
        this.loadBalancerDnsName = built.loadBalancerDnsName;
        this.serviceName = built.serviceName;
        this.serviceArn = built.serviceArn;
        this.clusterName = built.clusterName;
        this.clusterArn = built.clusterArn;
        this.taskDefinitionArn = built.taskDefinitionArn;
        this.vpcId = network.vpcId;
        this.privateSubnetIds = pulumi.output(network.privateSubnetIds);
        this.publicSubnetIds = pulumi.output(network.publicSubnetIds);
        this.executionRoleArn = built.executionRoleArn;
        this.taskRoleArn = built.taskRoleArn;
        this.logGroupName = built.logGroupName;
        this.repositoryUrl = registry ? registry.repositoryUrl : pulumi.output("");
        this.registerOutputs({
            url: this.url, loadBalancerDnsName: this.loadBalancerDnsName, serviceName: this.serviceName,
            serviceArn: this.serviceArn, clusterName: this.clusterName, clusterArn: this.clusterArn,
            taskDefinitionArn: this.taskDefinitionArn, vpcId: this.vpcId, privateSubnetIds: this.privateSubnetIds,
            publicSubnetIds: this.publicSubnetIds, executionRoleArn: this.executionRoleArn, taskRoleArn: this.taskRoleArn,
            logGroupName: this.logGroupName, repositoryUrl: this.repositoryUrl,
        });
    }
}

function buildNetwork(ctx: LayerContext, args: ResolvedArgs): Network {
    if (usesExistingVpc(args)) {
        return adoptNetwork(ctx, {
            vpcId: args.vpcId!, publicSubnetIds: args.publicSubnetIds!, privateSubnetIds: args.privateSubnetIds!,
        });
    }
    return createNetwork(ctx, {
        cidrBlock: args.vpcCidrBlock, availabilityZoneCount: args.availabilityZoneCount, natGateways: args.natGateways,
    });
}

/** The image the service runs: a literal reference, or a tag in the created repository (built here or by CI). */
function buildImageSource(ctx: LayerContext, args: ResolvedArgs, env: AwsEnvironment) {
    if (!args.createRepository) {
        return { registry: undefined, image: pulumi.output(args.image!), imageBuild: undefined };
    }
    const registry = createRepository(ctx, env, args.repositoryKeepImageCount);
    if (args.image !== undefined) {
        return { registry, image: pulumi.output(args.image), imageBuild: undefined };
    }
    const imageBuild = args.imageBuildContextPath === undefined ? undefined : buildImage(ctx, {
        registry, contextPath: args.imageBuildContextPath, imageTag: args.imageTag!,
        platform: args.cpuArchitecture === "ARM64" ? "linux/arm64" : "linux/amd64",
    });
    return { registry, image: pulumi.interpolate`${registry.repositoryUrl}:${args.imageTag}`, imageBuild };
}

interface Foundation {
    env: AwsEnvironment;
    network: Network;
    registry?: Registry | undefined;
    image: pulumi.Output<string>;
    imageBuild?: pulumi.Resource | undefined;
    logGroupName: string;
}

/** The per-service layers, in dependency order. */
function buildService(ctx: LayerContext, args: ResolvedArgs, base: Foundation) {
    const { env, network } = base;
    const containerName = ctx.name;
    const https = args.certificateArn !== undefined || (args.domainName !== undefined && args.hostedZoneId !== undefined);
    const securityGroups = createSecurityGroups(ctx, {
        vpcId: network.vpcId, allowedCidrBlocks: args.allowedCidrBlocks, containerPort: args.containerPort, https,
    });
    const logGroupName = createLogGroup(ctx, {
        logGroupName: base.logGroupName, retentionDays: args.logRetentionDays, kmsKeyArn: args.logKmsKeyArn,
    });
    const roles = createRoles(ctx, {
        env, logGroupName: base.logGroupName,
        // The repository the image really comes from: an explicit `image` may live in another repository.
        ecrRepositoryArn: args.image === undefined ? base.registry?.repositoryArn : base.image.apply(ecrRepositoryArnOf),
        secrets: args.secrets, secretsKmsKeyArns: args.secretsKmsKeyArns,
        taskRolePolicyArns: args.taskRolePolicyArns, taskRolePolicyJson: args.taskRolePolicyJson,
        enableExecuteCommand: args.enableExecuteCommand,
    });
    const cluster = args.clusterArn !== undefined ? adoptCluster(args.clusterArn) : createCluster(ctx);
    const taskDefinitionArn = createTaskDefinition(ctx, {
        ...args, image: base.image, imageBuild: base.imageBuild, region: env.region, containerName, logGroupName: base.logGroupName,
        executionRoleArn: roles.executionRoleArn, taskRoleArn: roles.taskRoleArn,
    });
    const certificateArn = args.certificateArn
        ?? (https ? createCertificate(ctx, args.domainName!, args.hostedZoneId!) : undefined);
    const lb = createLoadBalancer(ctx, {
        ...args, vpcId: network.vpcId, publicSubnetIds: network.publicSubnetIds,
        securityGroupId: securityGroups.loadBalancerSecurityGroupId, certificateArn,
    });
    if (args.domainName !== undefined && args.hostedZoneId !== undefined) {
        createAlias(ctx, {
            domainName: args.domainName, hostedZoneId: args.hostedZoneId,
            loadBalancerDnsName: lb.dnsName, loadBalancerZoneId: lb.zoneId,
        });
    }
    const service = createService(ctx, {
        ...args, clusterArn: cluster.clusterArn, taskDefinitionArn, privateSubnetIds: network.privateSubnetIds,
        securityGroupId: securityGroups.taskSecurityGroupId, targetGroupArn: lb.targetGroupArn, containerName,
        autoscaling: args.enableAutoscaling, dependsOn: lb.listeners,
    });
    if (args.enableAutoscaling) {
        createScaling(ctx, {
            ...args, clusterName: cluster.clusterName, serviceName: service.serviceName,
            requestCountResourceLabel: pulumi.interpolate`${lb.arnSuffix}/${lb.targetGroupArnSuffix}`,
        });
    }
    const url = https && args.domainName !== undefined
        ? pulumi.output(`https://${args.domainName}`)
        : pulumi.interpolate`${https ? "https" : "http"}://${lb.dnsName}`;
    return {
        ...service, ...cluster, ...roles, taskDefinitionArn, logGroupName, url, loadBalancerDnsName: lb.dnsName,
    };
}
