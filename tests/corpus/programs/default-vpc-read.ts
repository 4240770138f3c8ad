// The default VPC read with Vpc.get and a new subnet in its 172.31.0.0/16 range with no route table of its own: on
// the default VPC's main route table, which AWS routes to the internet gateway.
import * as aws from "@pulumi/aws";

const defaultVpc = aws.ec2.Vpc.get("default", "vpc-0a1b2c3d4e5f60030");
const subnet = new aws.ec2.Subnet("jobs", { vpcId: defaultVpc.id, cidrBlock: "172.31.112.0/20" });
const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", { assumeRolePolicy: assume, managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy] });
const task = new aws.ecs.TaskDefinition("nightly", {
    family: "nightly", cpu: "512", memory: "1024", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "nightly", image: "ghcr.io/example/nightly:0.9.0" }]),
});
const rule = new aws.cloudwatch.EventRule("nightly", { scheduleExpression: "cron(0 3 * * ? *)" });
const events = new aws.iam.Role("events", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "events.amazonaws.com" }) });
new aws.cloudwatch.EventTarget("nightly", {
    rule: rule.name, arn: new aws.ecs.Cluster("jobs").arn, roleArn: events.arn,
    ecsTarget: { taskDefinitionArn: task.arn, launchType: "FARGATE", networkConfiguration: { subnets: [subnet.id], assignPublicIp: false } },
});
