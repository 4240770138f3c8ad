// The default VPC found with getVpc({default: true}) (a data source: only its ID reaches the stack) and a new subnet
// in its 172.31.0.0/16 range, left on its main route table, which AWS routes to the internet gateway.
import * as aws from "@pulumi/aws";

const defaultVpc = aws.ec2.getVpcOutput({ default: true });
const subnet = new aws.ec2.Subnet("workers", { vpcId: defaultVpc.id, cidrBlock: "172.31.128.0/20" });
const exec = new aws.iam.Role("exec", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" }),
    managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy],
});
const task = new aws.ecs.TaskDefinition("worker", {
    family: "worker", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "worker", image: "ghcr.io/example/worker:1.0.0" }]),
});
new aws.ecs.Service("worker", {
    cluster: new aws.ecs.Cluster("workers").arn, taskDefinition: task.arn, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id], assignPublicIp: false },
});
