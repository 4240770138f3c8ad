// Private registry authentication: the execution role reads the registry credentials secret and decrypts it with
// the secret's customer managed key (ECS developer guide, "Private registry authentication permissions").
import * as aws from "@pulumi/aws";

const key = new aws.kms.Key("registry", { enableKeyRotation: true });
const credentials = new aws.secretsmanager.Secret("dockerhub", { kmsKeyId: key.arn });
const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", { assumeRolePolicy: assume, managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy] });
new aws.iam.RolePolicy("exec-registry", {
    role: exec.id,
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "kms:Decrypt"], Resource: [
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub-*", "arn:aws:kms:us-east-1:123456789012:key/*",
        ] }],
    }),
});
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.102.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.102.1.0/24" });
const task = new aws.ecs.TaskDefinition("app", {
    family: "app", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: credentials.arn.apply(arn => JSON.stringify([{
        name: "app", image: "docker.io/example/private-app:7.1.0", repositoryCredentials: { credentialsParameter: arn },
    }])),
});
new aws.ecs.Service("app", {
    cluster: new aws.ecs.Cluster("app").arn, taskDefinition: task.arn, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id] },
});
