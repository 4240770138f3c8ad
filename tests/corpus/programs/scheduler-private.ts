// An EventBridge Scheduler schedule starting a report task in private subnets behind a NAT gateway, with its own
// scoped scheduler role, retries and a dead-letter queue.
import * as aws from "@pulumi/aws";

const vpc = new aws.ec2.Vpc("jobs", { cidrBlock: "10.111.0.0/16" });
const igw = new aws.ec2.InternetGateway("jobs", { vpcId: vpc.id });
const publicRt = new aws.ec2.RouteTable("public", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }] });
const publicSubnet = new aws.ec2.Subnet("public", { vpcId: vpc.id, cidrBlock: "10.111.0.0/24" });
new aws.ec2.RouteTableAssociation("public", { subnetId: publicSubnet.id, routeTableId: publicRt.id });
const nat = new aws.ec2.NatGateway("nat", { allocationId: new aws.ec2.Eip("nat", { domain: "vpc" }).id, subnetId: publicSubnet.id });
const privateRt = new aws.ec2.RouteTable("private", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }] });
const privateSubnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.111.10.0/24" });
new aws.ec2.RouteTableAssociation("private", { subnetId: privateSubnet.id, routeTableId: privateRt.id });
const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", { assumeRolePolicy: assume, managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy] });
const task = new aws.ecs.TaskDefinition("report", {
    family: "report", cpu: "512", memory: "1024", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "report", image: "ghcr.io/example/report:2.0.0" }]),
});
const cluster = new aws.ecs.Cluster("jobs");
const schedulerRole = new aws.iam.Role("scheduler", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "scheduler.amazonaws.com" }),
    inlinePolicies: [{ name: "run-report", policy: exec.arn.apply(execArn => JSON.stringify({ Version: "2012-10-17", Statement: [
        { Effect: "Allow", Action: "ecs:RunTask", Resource: "arn:aws:ecs:us-east-1:123456789012:task-definition/report:*" },
        { Effect: "Allow", Action: "iam:PassRole", Resource: execArn },
    ] })) }],
});
const dlq = new aws.sqs.Queue("report-dlq", { sqsManagedSseEnabled: true });
new aws.scheduler.Schedule("report", {
    scheduleExpression: "cron(0 6 * * ? *)", flexibleTimeWindow: { mode: "OFF" },
    target: {
        arn: cluster.arn, roleArn: schedulerRole.arn, deadLetterConfig: { arn: dlq.arn }, retryPolicy: { maximumRetryAttempts: 3 },
        ecsParameters: { taskDefinitionArn: task.arn, launchType: "FARGATE", networkConfiguration: { subnets: [privateSubnet.id], assignPublicIp: false } },
    },
});
