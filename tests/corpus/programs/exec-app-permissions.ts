// The application's DynamoDB access put on the execution role: the agent never needs it, and the containers do not
// even get those credentials (ECS developer guide, task execution role vs task role).
import * as aws from "@pulumi/aws";

const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", { assumeRolePolicy: assume, managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy] });
new aws.iam.RolePolicy("exec-dynamodb", {
    role: exec.id,
    policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "dynamodb:*", Resource: "arn:aws:dynamodb:us-east-1:123456789012:table/orders" }] }),
});
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.105.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.105.1.0/24" });
const task = new aws.ecs.TaskDefinition("orders", {
    family: "orders", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "orders", image: "ghcr.io/example/orders:3.1.0" }]),
});
new aws.ecs.Service("orders", {
    cluster: new aws.ecs.Cluster("orders").arn, taskDefinition: task.arn, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id] },
});
