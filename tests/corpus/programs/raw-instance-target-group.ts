// A target group left at the default target type (instance) in front of a Fargate service: awsvpc tasks register
// by IP address (ECS developer guide, "Use an Application Load Balancer").
import * as aws from "@pulumi/aws";

const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.50.0.0/16" });
const subnets = ["a", "b"].map((z, i) => new aws.ec2.Subnet(`private-${z}`, { vpcId: vpc.id, cidrBlock: `10.50.${i}.0/24`, availabilityZone: `us-east-1${z}` }));
const tg = new aws.lb.TargetGroup("app", { port: 80, protocol: "HTTP", vpcId: vpc.id });
const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", { assumeRolePolicy: assume, managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy] });
const task = new aws.ecs.TaskDefinition("app", {
    family: "app", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "app", image: "nginx:1.27", portMappings: [{ containerPort: 80 }] }]),
});
new aws.ecs.Service("app", {
    cluster: new aws.ecs.Cluster("app").arn, taskDefinition: task.arn, desiredCount: 2, launchType: "FARGATE",
    networkConfiguration: { subnets: subnets.map(s => s.id) },
    loadBalancers: [{ targetGroupArn: tg.arn, containerName: "app", containerPort: 80 }],
});
