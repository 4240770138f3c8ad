import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CapacityStrategy } from "../args/enums";
import { LayerContext, childOpts, tagsFor } from "./context";
import { DeploymentAlarms } from "./alarms";

/** Where a workload's tasks run, as ECS takes it: a launch type, or capacity provider strategies (never both). */
export interface Placement {
    launchType?: "FARGATE";
    capacityProviderStrategies?: { capacityProvider: string; base?: number; weight: number }[];
}

/** The inputs of {@link placementFor}. */
export interface CapacityInputs {
    capacityStrategy: CapacityStrategy;
    onDemandBaseCount: number;
    spotWeight: number;
}

/**
 * On demand keeps the `FARGATE` launch type (what `FargateStack` has always set); Spot uses the FARGATE_SPOT
 * capacity provider, and an on-demand base adds FARGATE with `base` tasks. ECS rejects a service or RunTask that sets
 * both a launch type and a strategy, so a strategy comes without one. The cluster must offer both providers: the
 * components' clusters do.
 */
export function placementFor(inputs: CapacityInputs): Placement {
    switch (inputs.capacityStrategy) {
        case "Spot":
            return { capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }] };
        case "SpotWithOnDemandBase":
            return {
                capacityProviderStrategies: [
                    { capacityProvider: "FARGATE", base: inputs.onDemandBaseCount, weight: 1 },
                    { capacityProvider: "FARGATE_SPOT", weight: inputs.spotWeight },
                ],
            };
        default:
            return { launchType: "FARGATE" };
    }
}

/** The running service. */
export interface Service {
    serviceName: pulumi.Output<string>;
    serviceArn: pulumi.Output<string>;
}

/** How the service sits behind a load balancer. */
export interface ServiceLoadBalancing {
    targetGroupArn: pulumi.Input<string>;
    containerPort: number;
    healthCheckGracePeriodSeconds: number;
}

/** How the service joins its platform's Service Connect namespace. */
export interface ServiceConnectInputs {
    namespaceArn: pulumi.Input<string>;
    /** The name and port it publishes; a service that only calls others publishes nothing. */
    publish?: { discoveryName: string; port: number } | undefined;
    /** The Service Connect proxy logs to the workload's log group, under the `service-connect` prefix. */
    logGroupName: string;
    region: pulumi.Input<string>;
}

/** Where a workload's tasks get their network interface. */
export interface TaskNetwork {
    privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    securityGroupIds: pulumi.Input<string>[];
}

/**
 * The awsvpc network configuration of every task this package launches (services and scheduled runs alike): the
 * workload's private subnets and task security groups, never a public IP.
 */
export function privateTaskNetwork(network: TaskNetwork) {
    return { subnets: network.privateSubnetIds, securityGroups: network.securityGroupIds, assignPublicIp: false };
}

/** The inputs of the service layer. */
export interface ServiceInputs extends TaskNetwork {
    clusterArn: pulumi.Input<string>;
    taskDefinitionArn: pulumi.Input<string>;
    containerName: string;
    desiredCount: number;
    enableExecuteCommand: boolean;
    placement: Placement;
    loadBalancing?: ServiceLoadBalancing | undefined;
    serviceConnect?: ServiceConnectInputs | undefined;
    /** Alarms that, when they fire during a deployment, roll it back (on top of the circuit breaker). */
    deploymentAlarms?: DeploymentAlarms | undefined;
    /** When autoscaling owns the task count, later deployments must not reset it to `desiredCount`. */
    autoscaling: boolean;
    /** What must exist first: the listeners or rule the target group is attached through, EFS mount targets. */
    dependsOn: pulumi.Input<pulumi.Resource[]>;
}

/**
 * Runs the service in the private subnets without public IPs, with a deployment circuit breaker that rolls a failed
 * deployment back, and rolling updates that never drop below the desired count.
 */
export function createService(ctx: LayerContext, inputs: ServiceInputs): Service {
    const lb = inputs.loadBalancing;
    const service = new aws.ecs.Service(`${ctx.name}-service`, {
        cluster: inputs.clusterArn,
        taskDefinition: inputs.taskDefinitionArn,
        desiredCount: inputs.desiredCount,
        ...inputs.placement,
        platformVersion: "LATEST",
        networkConfiguration: privateTaskNetwork(inputs),
        loadBalancers: lb && [{
            targetGroupArn: lb.targetGroupArn,
            containerName: inputs.containerName,
            containerPort: lb.containerPort,
        }],
        serviceConnectConfiguration: inputs.serviceConnect && serviceConnectConfiguration(inputs.serviceConnect),
        deploymentCircuitBreaker: { enable: true, rollback: true },
        alarms: inputs.deploymentAlarms && { alarmNames: inputs.deploymentAlarms.alarmNames, enable: true, rollback: true },
        deploymentMinimumHealthyPercent: 100,
        deploymentMaximumPercent: 200,
        healthCheckGracePeriodSeconds: lb?.healthCheckGracePeriodSeconds,
        enableExecuteCommand: inputs.enableExecuteCommand,
        enableEcsManagedTags: true,
        propagateTags: "SERVICE",
        tags: tagsFor(ctx, `${ctx.name}-service`),
    }, childOpts(ctx, {
        dependsOn: inputs.deploymentAlarms
            ? pulumi.output(inputs.dependsOn).apply(deps => [...deps, ...inputs.deploymentAlarms!.alarms]) : inputs.dependsOn,
        ignoreChanges: inputs.autoscaling ? ["desiredCount"] : [],
    }));
    return { serviceName: service.name, serviceArn: service.arn };
}

function serviceConnectConfiguration(sc: ServiceConnectInputs): aws.types.input.ecs.ServiceServiceConnectConfiguration {
    return {
        enabled: true,
        namespace: sc.namespaceArn,
        services: sc.publish && [{
            portName: "http",
            discoveryName: sc.publish.discoveryName,
            clientAlias: [{ port: sc.publish.port, dnsName: sc.publish.discoveryName }],
        }],
        logConfiguration: {
            logDriver: "awslogs",
            options: {
                "awslogs-group": sc.logGroupName,
                "awslogs-region": sc.region,
                "awslogs-stream-prefix": "service-connect",
            },
        },
    };
}
