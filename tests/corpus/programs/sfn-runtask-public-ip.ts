// A Step Functions workflow running an ECS task (arn:aws:states:::ecs:runTask.sync) in existing subnets with
// AssignPublicIp ENABLED; the subnet IDs are known, so the whole definition is visible at preview.
import * as aws from "@pulumi/aws";

const subnets = [aws.ec2.Subnet.get("shared-a", "subnet-0a1b2c3d4e5f60040"), aws.ec2.Subnet.get("shared-b", "subnet-0a1b2c3d4e5f60041")];
const exec = new aws.iam.Role("exec", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" }),
    managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy],
});
new aws.ecs.TaskDefinition("etl", {
    family: "etl", cpu: "1024", memory: "2048", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "etl", image: "ghcr.io/example/etl:6.0.0" }]),
});
const sfnRole = new aws.iam.Role("sfn", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "states.amazonaws.com" }) });
new aws.sfn.StateMachine("etl", {
    roleArn: sfnRole.arn,
    definition: JSON.stringify({
        StartAt: "Run ETL",
        States: { "Run ETL": {
            Type: "Task", Resource: "arn:aws:states:::ecs:runTask.sync", End: true,
            Parameters: {
                LaunchType: "FARGATE", Cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/data", TaskDefinition: "etl",
                NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ["subnet-0a1b2c3d4e5f60040", "subnet-0a1b2c3d4e5f60041"], AssignPublicIp: "ENABLED" } },
            },
        } },
    }),
});
export const subnetIds = subnets.map(s => s.id);
