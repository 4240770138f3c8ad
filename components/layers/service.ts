import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { LayerContext, childOpts, tagsFor } from "./context";

/** The running service. */
export interface Service {
    serviceName: pulumi.Output<string>;
    serviceArn: pulumi.Output<string>;
}

/** The inputs of the service layer. */
export interface ServiceInputs {
    clusterArn: pulumi.Input<string>;
    taskDefinitionArn: pulumi.Input<string>;
    privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    securityGroupId: pulumi.Input<string>;
    targetGroupArn: pulumi.Input<string>;
    containerName: string;
    containerPort: number;
    desiredCount: number;
    healthCheckGracePeriodSeconds: number;
    enableExecuteCommand: boolean;
    /** When autoscaling owns the task count, later deployments must not reset it to `desiredCount`. */
    autoscaling: boolean;
    /** The listeners the target group is attached through. */
    dependsOn: pulumi.Resource[];
}

/**
 * Runs the service in the private subnets without public IPs, behind the load balancer, with a deployment circuit
 * breaker that rolls a failed deployment back, and rolling updates that never drop below the desired count.
 */
export function createService(ctx: LayerContext, inputs: ServiceInputs): Service {
    const service = new aws.ecs.Service(`${ctx.name}-service`, {
        cluster: inputs.clusterArn,
        taskDefinition: inputs.taskDefinitionArn,
        desiredCount: inputs.desiredCount,
        launchType: "FARGATE",
        platformVersion: "LATEST",
        networkConfiguration: {
            subnets: inputs.privateSubnetIds,
            securityGroups: [inputs.securityGroupId],
            assignPublicIp: false,
        },
        loadBalancers: [{
            targetGroupArn: inputs.targetGroupArn,
            containerName: inputs.containerName,
            containerPort: inputs.containerPort,
        }],
        deploymentCircuitBreaker: { enable: true, rollback: true },
        deploymentMinimumHealthyPercent: 100,
        deploymentMaximumPercent: 200,
        healthCheckGracePeriodSeconds: inputs.healthCheckGracePeriodSeconds,
        enableExecuteCommand: inputs.enableExecuteCommand,
        enableEcsManagedTags: true,
        propagateTags: "SERVICE",
        tags: tagsFor(ctx, `${ctx.name}-service`),
    }, childOpts(ctx, {
        dependsOn: inputs.dependsOn,
        ignoreChanges: inputs.autoscaling ? ["desiredCount"] : [],
    }));
    return { serviceName: service.name, serviceArn: service.arn };
}

/** The inputs of the scaling layer. */
export interface ScalingInputs {
    clusterName: pulumi.Input<string>;
    serviceName: pulumi.Input<string>;
    minTaskCount: number;
    maxTaskCount: number;
    cpuTargetPercent: number;
    memoryTargetPercent: number;
    requestsPerTaskPerMinute?: number | undefined;
    /** `app/<alb>/<id>/targetgroup/<tg>/<id>`: what ALBRequestCountPerTarget is measured on. */
    requestCountResourceLabel: pulumi.Input<string>;
}

/** Adds Application Auto Scaling with target tracking on CPU, memory and, when asked, requests per task. */
export function createScaling(ctx: LayerContext, inputs: ScalingInputs): void {
    const opts = childOpts(ctx);
    const target = new aws.appautoscaling.Target(`${ctx.name}-scaling-target`, {
        serviceNamespace: "ecs",
        scalableDimension: "ecs:service:DesiredCount",
        resourceId: pulumi.interpolate`service/${inputs.clusterName}/${inputs.serviceName}`,
        minCapacity: inputs.minTaskCount,
        maxCapacity: inputs.maxTaskCount,
        tags: tagsFor(ctx, `${ctx.name}-scaling-target`),
    }, opts);
    const policy = (suffix: string, metric: string, targetValue: number, resourceLabel?: pulumi.Input<string>) =>
        new aws.appautoscaling.Policy(`${ctx.name}-${suffix}-scaling`, {
            policyType: "TargetTrackingScaling",
            serviceNamespace: target.serviceNamespace,
            scalableDimension: target.scalableDimension,
            resourceId: target.resourceId,
            targetTrackingScalingPolicyConfiguration: {
                predefinedMetricSpecification: { predefinedMetricType: metric, resourceLabel },
                targetValue,
                // Scale out fast, scale in slowly: a burst should not flap the task count.
                scaleOutCooldown: 60,
                scaleInCooldown: 300,
            },
        }, opts);
    policy("cpu", "ECSServiceAverageCPUUtilization", inputs.cpuTargetPercent);
    policy("memory", "ECSServiceAverageMemoryUtilization", inputs.memoryTargetPercent);
    if (inputs.requestsPerTaskPerMinute !== undefined) {
        policy("requests", "ALBRequestCountPerTarget", inputs.requestsPerTaskPerMinute, inputs.requestCountResourceLabel);
    }
}
