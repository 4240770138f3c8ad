// The adopted default subnets, with public IPs so tasks can pull images: the default-VPC quick start.
import * as aws from "@pulumi/aws";

const subnets = ["us-east-1a", "us-east-1b"].map((az, i) => new aws.ec2.DefaultSubnet(`default-${i}`, { availabilityZone: az }));
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
    networkConfiguration: { subnets: subnets.map(s => s.id), assignPublicIp: true },
});
