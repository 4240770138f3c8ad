// Secrets from Secrets Manager and Parameter Store, encrypted with a customer managed key: the execution role gets
// secretsmanager:GetSecretValue, ssm:GetParameters and kms:Decrypt (ECS developer guide, "Secrets Manager or
// Systems Manager permissions").
import * as aws from "@pulumi/aws";

const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", { assumeRolePolicy: assume });
const readSecrets = new aws.iam.Policy("read-secrets", {
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            { Effect: "Allow", Action: ["ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "logs:CreateLogStream", "logs:PutLogEvents"], Resource: "*" },
            { Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "ssm:GetParameters", "kms:Decrypt"], Resource: [
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-*", "arn:aws:ssm:us-east-1:123456789012:parameter/app/*", "arn:aws:kms:us-east-1:123456789012:key/*",
            ] },
        ],
    }),
});
new aws.iam.RolePolicyAttachment("exec", { role: exec.name, policyArn: readSecrets.arn });
const app = new aws.iam.Role("app", { assumeRolePolicy: assume });
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.104.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.104.1.0/24" });
const task = new aws.ecs.TaskDefinition("app", {
    family: "app", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn, taskRoleArn: app.arn,
    containerDefinitions: JSON.stringify([{
        name: "app", image: "ghcr.io/example/app:1.0.0",
        secrets: [
            { name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf" },
            { name: "FEATURE_FLAGS", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/app/flags" },
        ],
    }]),
});
new aws.ecs.Service("app", {
    cluster: new aws.ecs.Cluster("app").arn, taskDefinition: task.arn, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id] },
});
