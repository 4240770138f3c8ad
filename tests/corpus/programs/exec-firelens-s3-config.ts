// A FireLens log router whose Fluent Bit configuration lives in S3: the execution role reads it (s3:GetObject,
// s3:GetBucketLocation; ECS developer guide, "Example Amazon ECS task definition: Route logs to FireLens").
import * as aws from "@pulumi/aws";

const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", {
    assumeRolePolicy: assume,
    managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy],
    inlinePolicies: [{
        name: "firelens-config",
        policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:GetBucketLocation"], Resource: ["arn:aws:s3:::example-logging", "arn:aws:s3:::example-logging/fluent-bit/extra.conf"] }] }),
    }],
});
const app = new aws.iam.Role("app", { assumeRolePolicy: assume });
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.101.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.101.1.0/24" });
const task = new aws.ecs.TaskDefinition("web", {
    family: "web", cpu: "512", memory: "1024", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"],
    executionRoleArn: exec.arn, taskRoleArn: app.arn,
    containerDefinitions: JSON.stringify([
        {
            name: "log-router", image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4", essential: true,
            firelensConfiguration: { type: "fluentbit", options: { "config-file-type": "s3", "config-file-value": "arn:aws:s3:::example-logging/fluent-bit/extra.conf" } },
        },
        {
            name: "web", image: "nginxinc/nginx-unprivileged:1.27", essential: true,
            logConfiguration: { logDriver: "awsfirelens", options: { Name: "cloudwatch_logs", region: "us-east-1", log_group_name: "/ecs/web", log_stream_prefix: "web/" } },
        },
    ]),
});
new aws.ecs.Service("web", {
    cluster: new aws.ecs.Cluster("web").arn, taskDefinition: task.arn, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id] },
});
