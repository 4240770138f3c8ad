// Environment files in S3: the execution role needs s3:GetObject on the file and s3:GetBucketLocation on its
// bucket (ECS developer guide, "Pass environment variables to a container", task execution role S3 permissions).
import * as aws from "@pulumi/aws";

const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", { assumeRolePolicy: assume });
new aws.iam.RolePolicyAttachment("exec", { role: exec.name, policyArn: aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy });
new aws.iam.RolePolicy("exec-env-file", {
    role: exec.id,
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::example-config/api/prod.env" },
            { Effect: "Allow", Action: "s3:GetBucketLocation", Resource: "arn:aws:s3:::example-config" },
        ],
    }),
});
const app = new aws.iam.Role("api", { assumeRolePolicy: assume });
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.100.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.100.1.0/24" });
const task = new aws.ecs.TaskDefinition("api", {
    family: "api", cpu: "512", memory: "1024", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"],
    executionRoleArn: exec.arn, taskRoleArn: app.arn,
    containerDefinitions: JSON.stringify([{
        name: "api", image: "ghcr.io/example/api:4.2.0",
        environmentFiles: [{ value: "arn:aws:s3:::example-config/api/prod.env", type: "s3" }],
    }]),
});
new aws.ecs.Service("api", {
    cluster: new aws.ecs.Cluster("api").arn, taskDefinition: task.arn, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id] },
});
