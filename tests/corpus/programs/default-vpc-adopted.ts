// A subnet created in the adopted default VPC and left on its main route table, which AWS routes to the default
// VPC's internet gateway (VPC user guide, "Default VPC components"): public, whatever assignPublicIp says.
import * as aws from "@pulumi/aws";

const defaultVpc = new aws.ec2.DefaultVpc("default", {});
const subnet = new aws.ec2.Subnet("app", { vpcId: defaultVpc.id, cidrBlock: "172.31.96.0/20", availabilityZone: "us-east-1a" });
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
    networkConfiguration: { subnets: [subnet.id], assignPublicIp: false },
});
