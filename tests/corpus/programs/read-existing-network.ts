// A service dropped into a network another team owns: subnets and a security group read with .get. Their routes
// are not in the program, so the subnet rule asks for them in privateSubnetIds instead of passing them.
import * as aws from "@pulumi/aws";

const subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"].map((id, i) => aws.ec2.Subnet.get(`shared-private-${i + 1}`, id));
const sg = aws.ec2.SecurityGroup.get("shared-app", "sg-0a1b2c3d4e5f60003");
const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", { assumeRolePolicy: assume, managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy] });
const task = new aws.ecs.TaskDefinition("reports", {
    family: "reports", cpu: "256", memory: "1024", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "reports", image: "ghcr.io/example/reports:1.0.0" }]),
});
new aws.ecs.Service("reports", {
    cluster: aws.ecs.Cluster.get("shared", "shared").arn, taskDefinition: task.arn, launchType: "FARGATE",
    networkConfiguration: { subnets: subnets.map(s => s.id), securityGroups: [sg.id] },
});
