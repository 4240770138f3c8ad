// A worker on Fargate Spot through a capacity provider strategy, with no requiresCompatibilities: valid size,
// private subnet, separate roles.
import * as aws from "@pulumi/aws";

const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.70.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.70.1.0/24" });
const cluster = new aws.ecs.Cluster("batch");
new aws.ecs.ClusterCapacityProviders("batch", { clusterName: cluster.name, capacityProviders: ["FARGATE", "FARGATE_SPOT"] });
const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", { assumeRolePolicy: assume, managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy] });
const app = new aws.iam.Role("app", { assumeRolePolicy: assume });
const task = new aws.ecs.TaskDefinition("worker", {
    family: "worker", cpu: "2048", memory: "4096", networkMode: "awsvpc", executionRoleArn: exec.arn, taskRoleArn: app.arn,
    containerDefinitions: JSON.stringify([{ name: "worker", image: "ghcr.io/example/worker:1.8.0" }]),
});
new aws.ecs.Service("worker", {
    cluster: cluster.arn, taskDefinition: task.arn, desiredCount: 3,
    capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT", weight: 4 }, { capacityProvider: "FARGATE", weight: 1, base: 1 }],
    networkConfiguration: { subnets: [subnet.id], assignPublicIp: false },
});
