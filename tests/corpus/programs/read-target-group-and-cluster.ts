// A service joining an existing cluster and an existing target group, both read with .get: their settings are not in
// the program, so the target-type rule says it cannot verify instead of assuming the instance default.
import * as aws from "@pulumi/aws";

const cluster = aws.ecs.Cluster.get("platform", "arn:aws:ecs:us-east-1:123456789012:cluster/platform");
const tg = aws.lb.TargetGroup.get("api", "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/0123456789abcdef");
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.92.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.92.1.0/24" });
const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", { assumeRolePolicy: assume, managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy] });
const task = new aws.ecs.TaskDefinition("api", {
    family: "api", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "api", image: "ghcr.io/example/api:2.0.0", portMappings: [{ containerPort: 8080 }] }]),
});
new aws.ecs.Service("api", {
    cluster: cluster.arn, taskDefinition: task.arn, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id] },
    loadBalancers: [{ targetGroupArn: tg.arn, containerName: "api", containerPort: 8080 }],
});
