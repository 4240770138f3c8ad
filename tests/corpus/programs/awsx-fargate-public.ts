// awsx.ecs.FargateService with assignPublicIp true in an awsx VPC's public subnets: awsx passes it to the service.
import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";

const vpc = new awsx.ec2.Vpc("main", { numberOfAvailabilityZones: 2 });
const cluster = new aws.ecs.Cluster("main");
new awsx.ecs.FargateService("web", {
    cluster: cluster.arn,
    networkConfiguration: { subnets: vpc.publicSubnetIds, assignPublicIp: true },
    taskDefinitionArgs: { container: { name: "web", image: "nginx:1.27", cpu: 256, memory: 512, essential: true, portMappings: [{ containerPort: 80 }] } },
});
