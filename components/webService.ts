import * as pulumi from "@pulumi/pulumi";
import { WebServiceArgs } from "./webServiceArgs";
import { Resolved, givenArgs, resolveArgs } from "./defaults";
import { INPUT_KEYS } from "./args/keys";
import { Problems, validateEgress, validateWebServiceArgs } from "./validation";
import {
    PlatformRefFields, holdPriority, platformEgress, platformFields, platformSubnets, priorityHolder,
} from "./platformRef";
import { allowExecuteCommandLogging } from "./layers/iam";
import { LayerContext, layerContext } from "./layers/context";
import { AwsEnvironment, readEnvironment } from "./layers/environment";
import { WorkloadTask, afterTaskStarts, buildWorkloadTask } from "./layers/workload";
import { admitLoadBalancer, admitPlatformServices } from "./layers/securityGroups";
import { createListenerRule, createTargetGroup } from "./layers/loadBalancer";
import { Service, createService, placementFor } from "./layers/service";
import { createScaling } from "./layers/scaling";
import { createServiceAlarms, createTargetAlarms } from "./layers/alarms";

/**
 * One service on a `Platform`. Public by default: its own `ip` target group and a listener rule on the platform's
 * load balancer for its host names and/or paths. With `internal: true` an internal API instead, reached only by the
 * platform's services through Service Connect at `http://<discoveryName>:<containerPort>`. Either way it publishes
 * itself in the platform's namespace, runs in the private subnets without public IPs, and scales on CPU and memory
 * (and, when public, on requests per task).
 */
export class WebService extends pulumi.ComponentResource {
    /** Where clients reach it: `https://<first host>` or the platform's URL plus the first path; internal services' Service Connect URL. */
    public readonly url: pulumi.Output<string>;
    /** `http://<discoveryName>:<containerPort>`: how the platform's other services reach it. */
    public readonly serviceConnectUrl: pulumi.Output<string>;
    /** Name of the ECS service. */
    public readonly serviceName: pulumi.Output<string>;
    /** ARN of the ECS service. */
    public readonly serviceArn: pulumi.Output<string>;
    /** ARN of the task definition revision the service runs. */
    public readonly taskDefinitionArn: pulumi.Output<string>;
    /** ARN of the target group, or an empty string for an internal service. */
    public readonly targetGroupArn: pulumi.Output<string>;
    /** ARN of the execution role (image pull, logs, secrets). */
    public readonly executionRoleArn: pulumi.Output<string>;
    /** ARN of the task role (the application's permissions). */
    public readonly taskRoleArn: pulumi.Output<string>;
    /** Name of the CloudWatch log group of the container (and its Service Connect proxy). */
    public readonly logGroupName: pulumi.Output<string>;
    /** URL of the created ECR repository, or an empty string when none was created. */
    public readonly repositoryUrl: pulumi.Output<string>;

    constructor(name: string, args: WebServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before super(): on bad input nothing is registered, not even the component itself.
        const given = givenArgs(args);
        const resolved = resolveArgs(given, INPUT_KEYS.WebService);
        const problems = validateWebServiceArgs(name, given, resolved);
        validateEgress(platformEgress(given.platform), given, problems);
        checkPriority(resolved, problems);
        problems.throwIfAny({ kind: "WebService", name }, opts?.parent);
        if (!resolved.internal) {
            holdPriority(given.platform, resolved.priority!, name);
        }
        super("fargate-stack:index:WebService", name, {}, opts);

        const ctx = layerContext("WebService", name, this, resolved.tags);
        const platform = platformFields(resolved.platform);
        const discoveryName = resolved.discoveryName ?? name;
        const env = readEnvironment(this);
        const task = buildWorkloadTask(ctx, resolved, {
            env, privateSubnetIds: platformSubnets(resolved.platform, platform), vpcId: platform.vpcId, containerPort: resolved.containerPort, declaresHttp: true,
            securityGroupDescription: resolved.internal
                ? `Tasks of ${name}: the container port from the platform's services only`
                : `Tasks of ${name}: the container port from the load balancer and the platform's services only`,
        });
        admitPlatformServices(ctx, platform.servicesSecurityGroupId, task.taskSecurityGroupId, resolved.containerPort);
        if (resolved.enableExecuteCommand) {
            allowExecuteCommandLogging(ctx, task.taskRole, env, platform.executeCommandLogGroupName);
        }
        const routed = resolved.internal ? undefined : routeFromLoadBalancer(ctx, resolved, platform, task);
        const service = runService(ctx, resolved, { env, platform, task, routed, discoveryName });

        this.serviceConnectUrl = pulumi.output(`http://${discoveryName}:${resolved.containerPort}`);
        this.url = routed ? publicUrl(resolved, platform.url) : this.serviceConnectUrl;
        this.serviceName = service.serviceName;
        this.serviceArn = service.serviceArn;
        this.taskDefinitionArn = task.taskDefinitionArn;
        this.targetGroupArn = routed ? routed.targetGroup.arn : pulumi.output("");
        this.executionRoleArn = task.executionRoleArn;
        this.taskRoleArn = task.taskRoleArn;
        this.logGroupName = task.logGroupName;
        this.repositoryUrl = task.repositoryUrl;
        this.registerOutputs({
            url: this.url, serviceConnectUrl: this.serviceConnectUrl, serviceName: this.serviceName,
            serviceArn: this.serviceArn, taskDefinitionArn: this.taskDefinitionArn, targetGroupArn: this.targetGroupArn,
            executionRoleArn: this.executionRoleArn, taskRoleArn: this.taskRoleArn, logGroupName: this.logGroupName,
            repositoryUrl: this.repositoryUrl,
        });
    }
}

/** A second public service of one platform with the same priority: known for platforms made in this process. */
function checkPriority(args: Resolved<WebServiceArgs>, problems: Problems): void {
    const holder = args.internal ? undefined : priorityHolder(args.platform, args.priority!);
    if (holder !== undefined) {
        problems.add("priority", `is already used by WebService "${holder}" on the same platform`, args.priority,
            "Give each web service of a platform its own priority.");
    }
}

/** What the service and its scaling are wired to. */
interface ServiceWiring {
    env: AwsEnvironment;
    platform: PlatformRefFields;
    task: WorkloadTask;
    routed: ReturnType<typeof routeFromLoadBalancer> | undefined;
    discoveryName: string;
}

/**
 * The ECS service in the platform's private subnets, in its namespace publishing `discoveryName:containerPort`,
 * behind its listener rule when public; and its scaling on CPU, memory and (when public) requests per task.
 */
function runService(ctx: LayerContext, args: Resolved<WebServiceArgs>, wiring: ServiceWiring): Service {
    const { platform, task, routed } = wiring;
    const alarms = args.enableAlarms;
    const deploymentAlarms = alarms && routed ? createTargetAlarms(ctx, {
        ...args, topicArn: platform.alarmTopicArn, loadBalancerArnSuffix: platform.loadBalancerArnSuffix,
        targetGroupArnSuffix: routed.targetGroup.arnSuffix,
    }) : undefined;
    const service = createService(ctx, {
        ...args, placement: placementFor(args), clusterArn: platform.clusterArn, taskDefinitionArn: task.taskDefinitionArn,
        privateSubnetIds: platform.privateSubnetIds, securityGroupIds: [task.taskSecurityGroupId, platform.servicesSecurityGroupId],
        containerName: task.containerName, autoscaling: args.enableAutoscaling, deploymentAlarms,
        dependsOn: afterTaskStarts(task, routed ? [routed.rule] : []),
        loadBalancing: routed && {
            targetGroupArn: routed.targetGroup.arn, containerPort: args.containerPort,
            healthCheckGracePeriodSeconds: args.healthCheckGracePeriodSeconds,
        },
        serviceConnect: {
            namespaceArn: platform.serviceConnectNamespaceArn, logGroupName: task.logGroupNameValue,
            region: wiring.env.region, publish: { discoveryName: wiring.discoveryName, port: args.containerPort },
        },
    });
    if (args.enableAutoscaling) {
        createScaling(ctx, {
            ...args, clusterName: platform.clusterName, serviceName: service.serviceName,
            // Request-count scaling needs the target group; an internal service has none and scales on CPU and memory.
            requestsPerTaskPerMinute: routed ? args.requestsPerTaskPerMinute : undefined,
            requestCountResourceLabel: routed ? pulumi.interpolate`${platform.loadBalancerArnSuffix}/${routed.targetGroup.arnSuffix}` : "",
        });
    }
    if (alarms) {
        createServiceAlarms(ctx, { ...args, topicArn: platform.alarmTopicArn, clusterName: platform.clusterName, serviceName: service.serviceName });
    }
    return service;
}

/** A public service's target group, the listener rule that routes to it, and the load balancer's way to its tasks. */
function routeFromLoadBalancer(ctx: LayerContext, args: Resolved<WebServiceArgs>, platform: PlatformRefFields, task: WorkloadTask) {
    admitLoadBalancer(ctx, {
        loadBalancerSecurityGroupId: platform.loadBalancerSecurityGroupId, taskSecurityGroupId: task.taskSecurityGroupId,
        containerPort: args.containerPort,
    });
    const targetGroup = createTargetGroup(ctx, { ...args, vpcId: platform.vpcId });
    const rule = createListenerRule(ctx, {
        listenerArn: platform.listenerArn, priority: args.priority!, hostHeaders: args.hostHeaders,
        pathPatterns: args.pathPatterns, targetGroupArn: targetGroup.arn,
    });
    return { targetGroup, rule };
}

/** `https://<first host>` when the first host header is a plain name; the platform's URL otherwise; plus the first path. */
function publicUrl(args: Resolved<WebServiceArgs>, platformUrl: pulumi.Output<string>): pulumi.Output<string> {
    const host = args.hostHeaders?.[0];
    const path = (args.pathPatterns?.[0] ?? "/").replace(/[*?].*$/, "");
    return platformUrl.apply(base => {
        const scheme = base.startsWith("https:") ? "https" : "http";
        const origin = host !== undefined && !/[*?]/.test(host) ? `${scheme}://${host}` : base;
        return `${origin}${path === "/" ? "" : path}`;
    });
}
