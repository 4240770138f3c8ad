// A blue/green task set under the EXTERNAL deployment controller, with public IPs (Security Hub ECS.16).
import * as aws from "@pulumi/aws";

const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.116.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.116.1.0/24" });
const exec = new aws.iam.Role("exec", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" }),
    managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy],
});
const task = new aws.ecs.TaskDefinition("web", {
    family: "web", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "web", image: "nginx:1.27" }]),
});
const cluster = new aws.ecs.Cluster("web");
const service = new aws.ecs.Service("web", { cluster: cluster.arn, deploymentController: { type: "EXTERNAL" }, desiredCount: 2 });
new aws.ecs.TaskSet("blue", {
    service: service.id, cluster: cluster.id, taskDefinition: task.arn, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id], assignPublicIp: true },
});
