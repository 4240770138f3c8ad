// The console's ecsTaskExecutionRole, read with Role.get and used as both roles: one role for the agent and the
// application (ECS developer guide, task IAM role; CKV_AWS_249).
import * as aws from "@pulumi/aws";

const role = aws.iam.Role.get("ecs-task-execution", "ecsTaskExecutionRole");
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.80.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.80.1.0/24" });
const task = new aws.ecs.TaskDefinition("app", {
    family: "app", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"],
    executionRoleArn: role.arn, taskRoleArn: role.arn,
    containerDefinitions: JSON.stringify([{ name: "app", image: "nginx:1.27" }]),
});
new aws.ecs.Service("app", {
    cluster: new aws.ecs.Cluster("app").arn, taskDefinition: task.arn, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id] },
});
