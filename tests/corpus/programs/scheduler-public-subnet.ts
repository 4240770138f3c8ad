// A Scheduler schedule whose task subnet routes to an internet gateway: a public subnet, even without public IPs.
import * as aws from "@pulumi/aws";

const vpc = new aws.ec2.Vpc("jobs", { cidrBlock: "10.112.0.0/16" });
const igw = new aws.ec2.InternetGateway("jobs", { vpcId: vpc.id });
new aws.ec2.Route("main-default", { routeTableId: vpc.mainRouteTableId, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id });
const subnet = new aws.ec2.Subnet("jobs", { vpcId: vpc.id, cidrBlock: "10.112.1.0/24" });
const exec = new aws.iam.Role("exec", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" }),
    managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy],
});
const task = new aws.ecs.TaskDefinition("sync", {
    family: "sync", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "sync", image: "ghcr.io/example/sync:1.0.0" }]),
});
const schedulerRole = new aws.iam.Role("scheduler", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "scheduler.amazonaws.com" }) });
new aws.scheduler.Schedule("sync", {
    scheduleExpression: "rate(1 hour)", flexibleTimeWindow: { mode: "OFF" },
    target: {
        arn: new aws.ecs.Cluster("jobs").arn, roleArn: schedulerRole.arn,
        ecsParameters: { taskDefinitionArn: task.arn, launchType: "FARGATE", networkConfiguration: { subnets: [subnet.id] } },
    },
});
