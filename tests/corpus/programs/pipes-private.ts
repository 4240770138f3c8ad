// An EventBridge pipe starting ECS tasks in a private subnet with AssignPublicIp DISABLED.
import * as aws from "@pulumi/aws";

const queue = new aws.sqs.Queue("events", { sqsManagedSseEnabled: true });
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.114.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.114.1.0/24" });
const sg = new aws.ec2.SecurityGroup("task", { vpcId: vpc.id, egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] });
const exec = new aws.iam.Role("exec", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" }),
    managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy],
});
const task = new aws.ecs.TaskDefinition("handler", {
    family: "handler", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "handler", image: "ghcr.io/example/handler:1.0.0" }]),
});
const pipeRole = new aws.iam.Role("pipe", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "pipes.amazonaws.com" }) });
new aws.pipes.Pipe("events", {
    roleArn: pipeRole.arn, source: queue.arn, target: new aws.ecs.Cluster("events").arn,
    targetParameters: { ecsTaskParameters: {
        taskDefinitionArn: task.arn, launchType: "FARGATE",
        networkConfiguration: { awsVpcConfiguration: { subnets: [subnet.id], securityGroups: [sg.id], assignPublicIp: "DISABLED" } },
    } },
});
