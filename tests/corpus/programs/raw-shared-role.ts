// One role for everything: the execution policy and the application's S3 access on the same role, set as both
// the task role and the execution role (Checkov CKV_AWS_249).
import * as aws from "@pulumi/aws";

const role = new aws.iam.Role("ecs", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" }) });
new aws.iam.RolePolicyAttachment("ecs-exec", { role: role.name, policyArn: aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy });
new aws.iam.RolePolicyAttachment("ecs-s3", { role: role.name, policyArn: aws.iam.ManagedPolicy.AmazonS3ReadOnlyAccess });
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.30.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.30.1.0/24" });
const task = new aws.ecs.TaskDefinition("worker", {
    family: "worker", cpu: "1024", memory: "2048", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"],
    executionRoleArn: role.arn, taskRoleArn: role.arn,
    containerDefinitions: JSON.stringify([{ name: "worker", image: "python:3.12-slim", command: ["python", "-m", "worker"] }]),
});
const cluster = new aws.ecs.Cluster("jobs");
new aws.ecs.Service("worker", {
    cluster: cluster.arn, taskDefinition: task.arn, desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id] },
});
