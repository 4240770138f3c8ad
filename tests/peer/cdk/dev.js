/**
 * The CDK equivalent of the root project's dev stack (Pulumi.dev.yaml): one FargateStack "web", HTTP only, one NAT
 * gateway, checked by cdk-nag's AwsSolutions pack. Run: `npx cdk synth --app "node dev.js"` (see README.md).
 */
"use strict";
const { App, Aspects, Duration, Stack, Tags } = require("aws-cdk-lib");
const ec2 = require("aws-cdk-lib/aws-ec2");
const elbv2 = require("aws-cdk-lib/aws-elasticloadbalancingv2");
const patterns = require("aws-cdk-lib/aws-ecs-patterns");
const { AwsSolutionsChecks } = require("cdk-nag");
const { dev: settings } = require("./lib/settings");
const shared = require("./lib/shared");
const { suppressDeliberateFindings } = require("./lib/suppressions");

const app = new App();
const stack = new Stack(app, "fargate-stack-dev");

const vpc = shared.network(stack, settings);
const cluster = shared.cluster(stack, vpc);
const task = shared.taskDefinition(stack, settings.name, settings);
const loadBalancer = new elbv2.ApplicationLoadBalancer(stack, "Alb", {
    vpc, internetFacing: true, dropInvalidHeaderFields: true, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
});
const web = new patterns.ApplicationLoadBalancedFargateService(stack, "Web", {
    cluster,
    loadBalancer,
    taskDefinition: task.definition,
    desiredCount: settings.desiredCount,
    listenerPort: 80,
    openListener: true, // HTTP from 0.0.0.0/0, as the dev stack's allowedCidrBlocks default
    protocol: elbv2.ApplicationProtocol.HTTP,
    targetProtocol: elbv2.ApplicationProtocol.HTTP,
    taskSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    ...shared.serviceDefaults(),
});
web.targetGroup.configureHealthCheck({
    path: settings.targetHealthCheckPath, healthyHttpCodes: "200-399", interval: Duration.seconds(10),
    timeout: Duration.seconds(5), healthyThresholdCount: 2, unhealthyThresholdCount: 3,
});
web.targetGroup.setAttribute("deregistration_delay.timeout_seconds", String(settings.deregistrationDelaySeconds));
shared.autoscale(web.service, settings);

const topic = shared.alarmTopic(stack, loadBalancer);
const widgets = shared.serviceAlarms(stack, settings.name, { service: web.service, targetGroup: web.targetGroup, topic, settings });
shared.dashboard(stack, widgets);

for (const [key, value] of Object.entries(settings.tags)) {
    Tags.of(app).add(key, value);
}
suppressDeliberateFindings(stack, ["AwsSolutions-VPC7", "AwsSolutions-ELB2", "AwsSolutions-EC23", "AwsSolutions-ECS2"]);
Aspects.of(app).add(new AwsSolutionsChecks());
app.synth();
