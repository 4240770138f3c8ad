/**
 * The building blocks both peer apps share, written as a CDK user would write them: the network, the cluster, a
 * hardened task definition, autoscaling, and the alarm topic with each service's alarms (what fargate-stack's
 * operations layer creates for every workload).
 */
"use strict";
const { Duration, RemovalPolicy, Stack } = require("aws-cdk-lib");
const cloudwatch = require("aws-cdk-lib/aws-cloudwatch");
const actions = require("aws-cdk-lib/aws-cloudwatch-actions");
const ec2 = require("aws-cdk-lib/aws-ec2");
const ecs = require("aws-cdk-lib/aws-ecs");
const elbv2 = require("aws-cdk-lib/aws-elasticloadbalancingv2");
const iam = require("aws-cdk-lib/aws-iam");
const kms = require("aws-cdk-lib/aws-kms");
const logs = require("aws-cdk-lib/aws-logs");
const sns = require("aws-cdk-lib/aws-sns");

/** A VPC with a public and a private subnet per AZ and `natGateways` NAT gateways (FargateStack's network layer). */
function network(scope, settings) {
    return new ec2.Vpc(scope, "Vpc", {
        ipAddresses: ec2.IpAddresses.cidr(settings.vpcCidrBlock),
        maxAzs: settings.availabilityZoneCount,
        natGateways: settings.natGateways,
        subnetConfiguration: [
            { name: "public", subnetType: ec2.SubnetType.PUBLIC, cidrMask: 18, mapPublicIpOnLaunch: false },
            { name: "private", subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 18 },
        ],
        // fargate-stack leaves the VPC's default security group alone (CDK would add a custom resource and a Lambda).
        restrictDefaultSecurityGroup: false,
    });
}

/** An ECS cluster with Container Insights and the Fargate and Fargate Spot capacity providers. */
function cluster(scope, vpc, extra = {}) {
    return new ecs.Cluster(scope, "Cluster", {
        vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED, enableFargateCapacityProviders: true, ...extra,
    });
}

/** Separate execution and task roles, each assumable by ECS tasks of this account only. */
function taskRoles(scope, id) {
    const principal = () => new iam.ServicePrincipal("ecs-tasks.amazonaws.com", {
        conditions: { StringEquals: { "aws:SourceAccount": Stack.of(scope).account } },
    });
    return {
        executionRole: new iam.Role(scope, `${id}ExecRole`, { assumedBy: principal(), description: `ECS execution role of ${id}` }),
        taskRole: new iam.Role(scope, `${id}TaskRole`, { assumedBy: principal(), description: `ECS task role of ${id}` }),
    };
}

/**
 * A Fargate task definition with one container as fargate-stack hardens it: read-only root filesystem with writable
 * scratch volumes, a non-root user, logs to a log group with retention, a pinned image.
 */
function taskDefinition(scope, id, settings, extra = {}) {
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
        retention: settings.logRetentionDays, removalPolicy: RemovalPolicy.DESTROY,
    });
    const definition = new ecs.FargateTaskDefinition(scope, `${id}Task`, {
        cpu: settings.cpu,
        memoryLimitMiB: settings.memoryMib,
        runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.X86_64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
        ...taskRoles(scope, id),
    });
    const container = definition.addContainer(id, {
        image: extra.image ?? ecs.ContainerImage.fromRegistry(settings.image),
        portMappings: [{ name: "http", containerPort: settings.containerPort, ...extra.portMapping }],
        readonlyRootFilesystem: true,
        user: settings.user,
        environment: settings.environment,
        stopTimeout: Duration.seconds(30),
        logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: id }),
    });
    settings.writablePaths.forEach((containerPath, i) => {
        definition.addVolume({ name: `writable-${i + 1}` });
        container.addMountPoints({ sourceVolume: `writable-${i + 1}`, containerPath, readOnly: false });
    });
    return { definition, container, logGroup };
}

/**
 * How fargate-stack runs every service: private subnets without public IPs, the circuit breaker with rollback, a
 * rolling deployment that keeps all tasks up, ECS managed tags propagated from the service.
 */
function serviceDefaults() {
    return {
        assignPublicIp: false,
        circuitBreaker: { enable: true, rollback: true },
        healthCheckGracePeriod: Duration.seconds(60),
        minHealthyPercent: 100,
        maxHealthyPercent: 200,
        enableECSManagedTags: true,
        propagateTags: ecs.PropagatedTagSource.SERVICE,
    };
}

/** Target-tracking autoscaling on CPU and memory between the min and max task counts. */
function autoscale(service, settings) {
    const scaling = service.autoScaleTaskCount({ minCapacity: settings.minTaskCount, maxCapacity: settings.maxTaskCount });
    const cooldowns = { scaleInCooldown: Duration.seconds(300), scaleOutCooldown: Duration.seconds(60) };
    scaling.scaleOnCpuUtilization("Cpu", { targetUtilizationPercent: settings.cpuTargetPercent, ...cooldowns });
    scaling.scaleOnMemoryUtilization("Memory", { targetUtilizationPercent: settings.memoryTargetPercent, ...cooldowns });
}

/** The alarm topic, encrypted with a customer managed key CloudWatch may use, and the load balancer's 5xx alarm. */
function alarmTopic(scope, loadBalancer) {
    const key = new kms.Key(scope, "AlarmsKey", { enableKeyRotation: true, description: "Encrypts the alarm topic" });
    key.addToResourcePolicy(new iam.PolicyStatement({
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        resources: ["*"],
        principals: [new iam.ServicePrincipal("cloudwatch.amazonaws.com")],
        conditions: { StringEquals: { "aws:SourceAccount": Stack.of(scope).account } },
    }));
    const topic = new sns.Topic(scope, "Alarms", { masterKey: key, enforceSSL: true });
    const albErrors = new cloudwatch.Alarm(scope, "Alb5xxAlarm", {
        alarmName: `${Stack.of(scope).stackName}-alb-5xx`,
        metric: loadBalancer.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { period: Duration.minutes(1), statistic: "Sum" }),
        threshold: 10, evaluationPeriods: 3,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    notify(albErrors, topic);
    return topic;
}

function notify(alarm, topic) {
    alarm.addAlarmAction(new actions.SnsAction(topic));
    alarm.addOkAction(new actions.SnsAction(topic));
    return alarm;
}

/**
 * One service's six alarms (unhealthy targets, p99 latency, target 5xx rate, CPU, memory, running tasks), its
 * deployment alarms with rollback, and the dashboard widgets that show it.
 */
function serviceAlarms(scope, id, { service, targetGroup, topic, settings }) {
    const minute = { period: Duration.minutes(1) };
    // Named alarms, as fargate-stack names them: a deployment alarm named by a token would make a dependency cycle.
    const alarmName = suffix => `${Stack.of(scope).stackName}-${id}-${suffix}`;
    const alarm = (suffix, props) => notify(new cloudwatch.Alarm(scope, `${id}-${suffix}-alarm`, {
        alarmName: alarmName(suffix), treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING, ...props,
    }), topic);
    alarm("unhealthy-targets", {
        metric: targetGroup.metrics.unhealthyHostCount({ ...minute, statistic: "Maximum" }),
        threshold: 1, evaluationPeriods: 2,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    alarm("latency-p99", {
        metric: targetGroup.metrics.targetResponseTime({ ...minute, statistic: "p99" }),
        threshold: settings.latencyThresholdMs / 1000, evaluationPeriods: 5,
    });
    const errorRate = new cloudwatch.MathExpression({
        expression: "IF(requests > 0, 100 * errors / requests, 0)", label: "Target 5xx (%)", ...minute,
        usingMetrics: {
            errors: targetGroup.metrics.httpCodeTarget("HTTPCode_Target_5XX_Count", { ...minute, statistic: "Sum" }),
            requests: targetGroup.metrics.requestCount({ ...minute, statistic: "Sum" }),
        },
    });
    alarm("target-5xx", { metric: errorRate, threshold: settings.targetErrorRatePercent, evaluationPeriods: 2 });
    alarm("cpu-high", { metric: service.metricCpuUtilization(minute), threshold: settings.cpuAlarmPercent, evaluationPeriods: 5 });
    alarm("memory-high", { metric: service.metricMemoryUtilization(minute), threshold: settings.memoryAlarmPercent, evaluationPeriods: 5 });
    const dimensionsMap = { ClusterName: service.cluster.clusterName, ServiceName: service.serviceName };
    const insight = metricName => new cloudwatch.Metric({ namespace: "ECS/ContainerInsights", metricName, dimensionsMap, ...minute, statistic: "Average" });
    alarm("running-tasks", {
        metric: new cloudwatch.MathExpression({
            expression: "desired - running", label: "Tasks missing", ...minute,
            usingMetrics: { desired: insight("DesiredTaskCount"), running: insight("RunningTaskCount") },
        }),
        threshold: 0, evaluationPeriods: 5, treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
    service.enableDeploymentAlarms([alarmName("target-5xx"), alarmName("unhealthy-targets")], {
        behavior: ecs.AlarmBehavior.ROLLBACK_ON_ALARM,
    });
    return [
        new cloudwatch.GraphWidget({ title: `${id}: requests and 5xx (%)`, left: [errorRate.with({})], right: [targetGroup.metrics.requestCount(minute)] }),
        new cloudwatch.GraphWidget({ title: `${id}: p99 latency`, left: [targetGroup.metrics.targetResponseTime({ ...minute, statistic: "p99" })] }),
        new cloudwatch.GraphWidget({ title: `${id}: CPU and memory`, left: [service.metricCpuUtilization(minute), service.metricMemoryUtilization(minute)] }),
        new cloudwatch.GraphWidget({ title: `${id}: tasks`, left: [insight("RunningTaskCount"), insight("DesiredTaskCount")] }),
    ];
}

/** One dashboard of all the widgets. */
function dashboard(scope, widgets) {
    const board = new cloudwatch.Dashboard(scope, "Dashboard");
    for (let i = 0; i < widgets.length; i += 4) {
        board.addWidgets(...widgets.slice(i, i + 4));
    }
    return board;
}

module.exports = { network, cluster, taskDefinition, serviceDefaults, autoscale, alarmTopic, serviceAlarms, dashboard };
