// AmazonEC2ContainerRegistryReadOnly on the execution role: it also lists and describes repositories and images,
// beyond the pulls the agent makes; AmazonEC2ContainerRegistryPullOnly is the pull-only managed policy.
import * as aws from "@pulumi/aws";

const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", {
    assumeRolePolicy: assume,
    managedPolicyArns: [aws.iam.ManagedPolicy.AmazonEC2ContainerRegistryReadOnly, aws.iam.ManagedPolicy.CloudWatchLogsFullAccess],
});
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.107.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.107.1.0/24" });
const task = new aws.ecs.TaskDefinition("app", {
    family: "app", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "app", image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.2.3" }]),
});
new aws.ecs.Service("app", {
    cluster: new aws.ecs.Cluster("app").arn, taskDefinition: task.arn, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id] },
});
