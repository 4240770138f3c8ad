// A Windows task at 0.5 vCPU: Fargate runs Windows containers only at 1, 2 or 4 vCPU (ECS developer guide, Fargate
// task sizes for Windows).
import * as aws from "@pulumi/aws";

const exec = new aws.iam.Role("exec", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" }),
    managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy],
});
new aws.ecs.TaskDefinition("legacy", {
    family: "legacy", cpu: "512", memory: "1024", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2019_FULL", cpuArchitecture: "X86_64" },
    containerDefinitions: JSON.stringify([{ name: "legacy", image: "mcr.microsoft.com/dotnet/framework/aspnet:4.8" }]),
});
