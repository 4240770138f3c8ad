// awsx.ecs.FargateService with assignPublicIp true and no networkConfiguration: awsx places the tasks in the default
// VPC's public subnets, with a security group open to the world.
import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";

const cluster = new aws.ecs.Cluster("main");
new awsx.ecs.FargateService("web", {
    cluster: cluster.arn, assignPublicIp: true,
    taskDefinitionArgs: { container: { name: "web", image: "nginx:1.27", cpu: 256, memory: 512, essential: true } },
});
