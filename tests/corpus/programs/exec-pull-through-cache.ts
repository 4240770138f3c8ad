// Images pulled through an ECR pull through cache rule: the execution role may create the cache repository and
// import the upstream image (ECR user guide, "IAM permissions required to sync an upstream registry").
import * as aws from "@pulumi/aws";

new aws.ecr.PullThroughCacheRule("ecr-public", { ecrRepositoryPrefix: "ecr-public", upstreamRegistryUrl: "public.ecr.aws" });
const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", { assumeRolePolicy: assume, managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy] });
new aws.iam.RolePolicy("exec-pull-through", {
    role: exec.id,
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["ecr:CreateRepository", "ecr:BatchImportUpstreamImage"], Resource: "arn:aws:ecr:us-east-1:123456789012:repository/ecr-public/*" }],
    }),
});
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.103.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.103.1.0/24" });
const task = new aws.ecs.TaskDefinition("proxy", {
    family: "proxy", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "proxy", image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/ecr-public/nginx/nginx:1.27" }]),
});
new aws.ecs.Service("proxy", {
    cluster: new aws.ecs.Cluster("proxy").arn, taskDefinition: task.arn, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id] },
});
