// A nightly job from an EventBridge rule, with public IPs in a public subnet: the same rules as a service apply to
// an ecsTarget (Security Hub ECS.2; ECS best practices, networking).
import * as aws from "@pulumi/aws";

const vpc = new aws.ec2.Vpc("jobs", { cidrBlock: "10.110.0.0/16" });
const igw = new aws.ec2.InternetGateway("jobs", { vpcId: vpc.id });
const rt = new aws.ec2.RouteTable("jobs", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }] });
const subnet = new aws.ec2.Subnet("jobs", { vpcId: vpc.id, cidrBlock: "10.110.1.0/24" });
new aws.ec2.RouteTableAssociation("jobs", { subnetId: subnet.id, routeTableId: rt.id });
const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", { assumeRolePolicy: assume, managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy] });
const task = new aws.ecs.TaskDefinition("cleanup", {
    family: "cleanup", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "cleanup", image: "ghcr.io/example/cleanup:1.1.0" }]),
});
const rule = new aws.cloudwatch.EventRule("nightly", { scheduleExpression: "cron(0 2 * * ? *)" });
const events = new aws.iam.Role("events", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "events.amazonaws.com" }) });
new aws.cloudwatch.EventTarget("nightly", {
    rule: rule.name, arn: new aws.ecs.Cluster("jobs").arn, roleArn: events.arn,
    ecsTarget: { taskDefinitionArn: task.arn, launchType: "FARGATE", taskCount: 1, networkConfiguration: { subnets: [subnet.id], assignPublicIp: true } },
});
