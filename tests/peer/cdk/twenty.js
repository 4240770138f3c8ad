/**
 * The CDK equivalent of tests/fixtures/platform-scale, stack `twenty`: one HTTPS platform (VPC, cluster with Service
 * Connect, one shared load balancer, certificate, alias records, alarm topic, dashboard) and 20 public web services,
 * each routed by its own host name through a listener rule, checked by cdk-nag's AwsSolutions pack.
 * Run: `npx cdk synth --app "node twenty.js"` (see README.md).
 */
"use strict";
const { App, Aspects, Duration, Stack } = require("aws-cdk-lib");
const acm = require("aws-cdk-lib/aws-certificatemanager");
const ec2 = require("aws-cdk-lib/aws-ec2");
const ecr = require("aws-cdk-lib/aws-ecr");
const ecs = require("aws-cdk-lib/aws-ecs");
const elbv2 = require("aws-cdk-lib/aws-elasticloadbalancingv2");
const logs = require("aws-cdk-lib/aws-logs");
const route53 = require("aws-cdk-lib/aws-route53");
const targets = require("aws-cdk-lib/aws-route53-targets");
const cloudmap = require("aws-cdk-lib/aws-servicediscovery");
const { AwsSolutionsChecks } = require("cdk-nag");
const { twenty: settings } = require("./lib/settings");
const shared = require("./lib/shared");
const { suppressDeliberateFindings } = require("./lib/suppressions");

const app = new App();
const stack = new Stack(app, "platform-scale-twenty");

// The platform: network, cluster (Container Insights, logged ECS Exec, Service Connect namespace), HTTPS entry.
const vpc = shared.network(stack, settings);
const execLogs = new logs.LogGroup(stack, "ExecLogs", { retention: settings.logRetentionDays });
const cluster = shared.cluster(stack, vpc, {
    executeCommandConfiguration: {
        logging: ecs.ExecuteCommandLogging.OVERRIDE,
        logConfiguration: { cloudWatchLogGroup: execLogs, cloudWatchEncryptionEnabled: false },
    },
    defaultCloudMapNamespace: { name: `${settings.name}.internal`, type: cloudmap.NamespaceType.HTTP, useForServiceConnect: true },
});
const zone = route53.HostedZone.fromHostedZoneAttributes(stack, "Zone", {
    hostedZoneId: settings.hostedZoneId, zoneName: settings.domainName,
});
const certificate = new acm.Certificate(stack, "Certificate", {
    domainName: settings.domainName,
    subjectAlternativeNames: [`*.${settings.domainName}`],
    validation: acm.CertificateValidation.fromDns(zone),
});
const loadBalancer = new elbv2.ApplicationLoadBalancer(stack, "Alb", {
    vpc, internetFacing: true, dropInvalidHeaderFields: true, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
});
loadBalancer.addRedirect({ sourcePort: 80, targetPort: 443 });
const https = loadBalancer.addListener("Https", {
    port: 443,
    certificates: [certificate],
    sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
    defaultAction: elbv2.ListenerAction.fixedResponse(404, { contentType: "text/plain", messageBody: "Not found" }),
});
for (const [id, recordName] of [["Alias", undefined], ["WildcardAlias", `*.${settings.domainName}`]]) {
    new route53.ARecord(stack, id, { zone, recordName, target: route53.RecordTarget.fromAlias(new targets.LoadBalancerTarget(loadBalancer)) });
}
const servicesSecurityGroup = new ec2.SecurityGroup(stack, "ServicesSg", {
    vpc, allowAllOutbound: false, description: `Services of ${settings.name}: admitted by the internal services of the platform`,
});
const topic = shared.alarmTopic(stack, loadBalancer);

// The workloads: the fixture's `new WebService("app-<n>", { hostHeaders: ["app-<n>.<domain>"], priority: n })`.
const [, repositoryName, tag] = /^[^/]+\/([^:]+):(.+)$/.exec(settings.image);
const repository = ecr.Repository.fromRepositoryName(stack, "Repository", repositoryName);
const widgets = [];
for (let n = 1; n <= settings.serviceCount; n++) {
    const name = `app-${n}`;
    const task = shared.taskDefinition(stack, name, settings, {
        image: ecs.ContainerImage.fromEcrRepository(repository, tag),
        portMapping: { appProtocol: ecs.AppProtocol.http },
    });
    const taskSecurityGroup = new ec2.SecurityGroup(stack, `${name}-task-sg`, {
        vpc, description: `Tasks of ${name}: the container port from the load balancer and the platform services only`,
    });
    taskSecurityGroup.addIngressRule(servicesSecurityGroup, ec2.Port.tcp(settings.containerPort), "From the platform services");
    const service = new ecs.FargateService(stack, `${name}-service`, {
        cluster,
        taskDefinition: task.definition,
        desiredCount: settings.desiredCount,
        securityGroups: [taskSecurityGroup, servicesSecurityGroup],
        vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        ...shared.serviceDefaults(),
        serviceConnectConfiguration: {
            services: [{ portMappingName: "http", dnsName: name, port: settings.containerPort }],
            logDriver: ecs.LogDrivers.awsLogs({ logGroup: task.logGroup, streamPrefix: "service-connect" }),
        },
    });
    const targetGroup = https.addTargets(name, {
        priority: n,
        conditions: [elbv2.ListenerCondition.hostHeaders([`${name}.${settings.domainName}`])],
        port: settings.containerPort,
        protocol: elbv2.ApplicationProtocol.HTTP,
        targets: [service],
        deregistrationDelay: Duration.seconds(settings.deregistrationDelaySeconds),
        healthCheck: {
            path: "/", healthyHttpCodes: "200-399", interval: Duration.seconds(10), timeout: Duration.seconds(5),
            healthyThresholdCount: 2, unhealthyThresholdCount: 3,
        },
    });
    shared.autoscale(service, settings);
    widgets.push(...shared.serviceAlarms(stack, name, { service, targetGroup, topic, settings }));
}
shared.dashboard(stack, widgets);

suppressDeliberateFindings(stack, ["AwsSolutions-VPC7", "AwsSolutions-ELB2", "AwsSolutions-EC23", "AwsSolutions-IAM5"]);
Aspects.of(app).add(new AwsSolutionsChecks());
app.synth();
