// A Graviton (ARM64) Linux service at 2 vCPU and 4 GB, hardened containers, private subnet.
import * as aws from "@pulumi/aws";

const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.121.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.121.1.0/24" });
const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", { assumeRolePolicy: assume, managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy] });
const app = new aws.iam.Role("app", { assumeRolePolicy: assume });
const task = new aws.ecs.TaskDefinition("api", {
    family: "api", cpu: "2048", memory: "4096", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn, taskRoleArn: app.arn,
    runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" },
    containerDefinitions: JSON.stringify([{ name: "api", image: "ghcr.io/example/api:4.0.0-arm64", user: "1000:1000", readonlyRootFilesystem: true }]),
});
new aws.ecs.Service("api", {
    cluster: new aws.ecs.Cluster("api").arn, taskDefinition: task.arn, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id], assignPublicIp: false },
});
