// AmazonEC2ContainerRegistryPullOnly plus a log-stream policy: exactly the pulls and log writes the agent makes.
import * as aws from "@pulumi/aws";

const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", {
    assumeRolePolicy: assume,
    managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly"],
    inlinePolicies: [{ name: "logs", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:*" }] }) }],
});
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.108.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.108.1.0/24" });
const task = new aws.ecs.TaskDefinition("app", {
    family: "app", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{
        name: "app", image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.2.3",
        logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/app", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "app" } },
    }]),
});
new aws.ecs.Service("app", {
    cluster: new aws.ecs.Cluster("app").arn, taskDefinition: task.arn, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id] },
});
