// The same existing role named two ways: the read role's ARN as execution role, its bare name as task role.
import * as aws from "@pulumi/aws";

const existing = aws.iam.Role.get("shared", "app-runtime");
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.81.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.81.1.0/24" });
new aws.ecs.TaskDefinition("app", {
    family: "app", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"],
    executionRoleArn: existing.arn, taskRoleArn: "app-runtime",
    containerDefinitions: JSON.stringify([{ name: "app", image: "nginx:1.27" }]),
});
export const subnetId = subnet.id;
