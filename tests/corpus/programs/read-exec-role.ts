// The account's existing execution role (read with Role.get) beside a task role of its own: distinct roles; the
// read role's policies are outside the program, so the pack says it cannot inspect them.
import * as aws from "@pulumi/aws";

const executionRole = aws.iam.Role.get("execution", "ecsTaskExecutionRole");
const taskRole = new aws.iam.Role("orders", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" }) });
new aws.iam.RolePolicy("orders", {
    role: taskRole.id,
    policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage"], Resource: "arn:aws:sqs:us-east-1:123456789012:orders" }] }),
});
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.82.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.82.1.0/24" });
const task = new aws.ecs.TaskDefinition("orders", {
    family: "orders", cpu: "512", memory: "1024", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"],
    executionRoleArn: executionRole.arn, taskRoleArn: taskRole.arn,
    containerDefinitions: JSON.stringify([{ name: "orders", image: "ghcr.io/example/orders:3.1.0" }]),
});
new aws.ecs.Service("orders", {
    cluster: new aws.ecs.Cluster("orders").arn, taskDefinition: task.arn, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id], assignPublicIp: false },
});
