// A task size Fargate does not offer: 512 CPU units need 1-4 GB of memory (task-cpu-memory-error).
import * as aws from "@pulumi/aws";

const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.40.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.40.1.0/24" });
const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", { assumeRolePolicy: assume });
new aws.iam.RolePolicyAttachment("exec", { role: exec.name, policyArn: aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy });
const task = new aws.ecs.TaskDefinition("api", {
    family: "api", cpu: "512", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "api", image: "ghcr.io/example/api:2.4.1", portMappings: [{ containerPort: 3000 }] }]),
});
new aws.ecs.Service("api", {
    cluster: new aws.ecs.Cluster("api").arn, taskDefinition: task.arn, desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id], assignPublicIp: false },
});
