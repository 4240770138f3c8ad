// A subnet added to an existing VPC (read with Vpc.get) without a route table association: it uses that VPC's main
// route table, which the program does not manage, so the rule cannot tell (advisory), rather than passing it.
import * as aws from "@pulumi/aws";

const vpc = aws.ec2.Vpc.get("shared", "vpc-0a1b2c3d4e5f60020");
const subnet = new aws.ec2.Subnet("app", { vpcId: vpc.id, cidrBlock: "10.91.200.0/24" });
const exec = new aws.iam.Role("exec", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" }),
    managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy],
});
const task = new aws.ecs.TaskDefinition("app", {
    family: "app", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "app", image: "nginx:1.27" }]),
});
new aws.ecs.Service("app", {
    cluster: new aws.ecs.Cluster("app").arn, taskDefinition: task.arn, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id] },
});
