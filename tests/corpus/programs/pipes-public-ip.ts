// An EventBridge pipe from an SQS queue to an ECS task with AssignPublicIp ENABLED
// (targetParameters.ecsTaskParameters.networkConfiguration.awsVpcConfiguration).
import * as aws from "@pulumi/aws";

const queue = new aws.sqs.Queue("orders", { sqsManagedSseEnabled: true });
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.113.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.113.1.0/24" });
const exec = new aws.iam.Role("exec", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" }),
    managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy],
});
const task = new aws.ecs.TaskDefinition("fulfil", {
    family: "fulfil", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "fulfil", image: "ghcr.io/example/fulfil:1.3.0" }]),
});
const pipeRole = new aws.iam.Role("pipe", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "pipes.amazonaws.com" }) });
new aws.pipes.Pipe("orders", {
    roleArn: pipeRole.arn, source: queue.arn, target: new aws.ecs.Cluster("orders").arn,
    targetParameters: { ecsTaskParameters: {
        taskDefinitionArn: task.arn, launchType: "FARGATE",
        networkConfiguration: { awsVpcConfiguration: { subnets: [subnet.id], assignPublicIp: "ENABLED" } },
    } },
});
