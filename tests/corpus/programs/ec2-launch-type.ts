// An EC2-backed service (launch type EC2, bridge networking) with a task size Fargate would refuse: not a Fargate
// task, so the Fargate rules do not apply.
import * as aws from "@pulumi/aws";

const exec = new aws.iam.Role("exec", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" }),
    managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy],
});
const task = new aws.ecs.TaskDefinition("legacy", {
    family: "legacy", cpu: "384", memory: "700", networkMode: "bridge", requiresCompatibilities: ["EC2"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "legacy", image: "ghcr.io/example/legacy:1.0.0", portMappings: [{ containerPort: 8080, hostPort: 0 }] }]),
});
new aws.ecs.Service("legacy", { cluster: new aws.ecs.Cluster("ec2").arn, taskDefinition: task.arn, launchType: "EC2", desiredCount: 2 });
