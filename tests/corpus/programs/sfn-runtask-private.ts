// A Step Functions workflow whose ecs:runTask state uses the program's private subnets: the definition embeds their
// IDs, unknown until they exist, so the pack follows the subnets it was built from and says what it cannot see.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const vpc = new aws.ec2.Vpc("data", { cidrBlock: "10.115.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.115.1.0/24" });
const cluster = new aws.ecs.Cluster("data");
const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", { assumeRolePolicy: assume, managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy] });
const task = new aws.ecs.TaskDefinition("etl", {
    family: "etl", cpu: "1024", memory: "2048", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "etl", image: "ghcr.io/example/etl:6.0.0" }]),
});
const sfnRole = new aws.iam.Role("sfn", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "states.amazonaws.com" }) });
new aws.sfn.StateMachine("etl", {
    roleArn: sfnRole.arn,
    definition: pulumi.jsonStringify({
        StartAt: "Run ETL",
        States: { "Run ETL": {
            Type: "Task", Resource: "arn:aws:states:::ecs:runTask.sync", End: true,
            Parameters: {
                LaunchType: "FARGATE", Cluster: cluster.arn, TaskDefinition: task.arn,
                NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [subnet.id], AssignPublicIp: "DISABLED" } },
            },
        } },
    }),
});
