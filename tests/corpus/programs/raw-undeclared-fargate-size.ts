// No requiresCompatibilities on the task definition, launched by a FARGATE service: ECS still requires a Fargate
// size, and 256 CPU units cannot have 4 GB (task-cpu-memory-error).
import * as aws from "@pulumi/aws";

const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.60.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.60.1.0/24" });
const exec = new aws.iam.Role("exec", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" }),
    managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy],
});
const task = new aws.ecs.TaskDefinition("cache", {
    family: "cache", cpu: "256", memory: "4096", networkMode: "awsvpc", executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "cache", image: "redis:7.2", portMappings: [{ containerPort: 6379 }] }]),
});
new aws.ecs.Service("cache", {
    cluster: new aws.ecs.Cluster("cache").arn, taskDefinition: task.arn, desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id] },
});
