// s3:GetObject on the execution role of a task that uses neither environment files nor a FireLens configuration in
// S3: the documented reasons for it do not apply, so it belongs on the task role.
import * as aws from "@pulumi/aws";

const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", { assumeRolePolicy: assume, managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy] });
new aws.iam.RolePolicy("exec-assets", {
    role: exec.id,
    policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::example-assets/*" }] }),
});
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.106.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.106.1.0/24" });
const task = new aws.ecs.TaskDefinition("thumbnails", {
    family: "thumbnails", cpu: "1024", memory: "2048", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "thumbnails", image: "ghcr.io/example/thumbnails:0.4.0" }]),
});
new aws.ecs.Service("thumbnails", {
    cluster: new aws.ecs.Cluster("media").arn, taskDefinition: task.arn, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id] },
});
