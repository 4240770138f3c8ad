// awsx.ecs.FargateService in an awsx VPC's private subnets without public IPs, behind an awsx load balancer.
import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";

const vpc = new awsx.ec2.Vpc("main", { numberOfAvailabilityZones: 2, natGateways: { strategy: "OnePerAz" } });
const lb = new awsx.lb.ApplicationLoadBalancer("web", { subnetIds: vpc.publicSubnetIds });
const cluster = new aws.ecs.Cluster("main", { settings: [{ name: "containerInsights", value: "enabled" }] });
new awsx.ecs.FargateService("web", {
    cluster: cluster.arn,
    networkConfiguration: { subnets: vpc.privateSubnetIds, assignPublicIp: false },
    taskDefinitionArgs: { container: { name: "web", image: "nginx:1.27", cpu: 512, memory: 1024, essential: true, portMappings: [{ containerPort: 80, targetGroup: lb.defaultTargetGroup }] } },
});
export const url = lb.loadBalancer.dnsName;
