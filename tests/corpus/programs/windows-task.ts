// A Windows Server 2022 task on Fargate (1 vCPU, 2 GB): ECS supports neither readonlyRootFilesystem nor user for
// Windows containers, so those advisories do not apply (ECS API reference, ContainerDefinition).
import * as aws from "@pulumi/aws";

const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.120.0.0/16" });
const subnet = new aws.ec2.Subnet("private", { vpcId: vpc.id, cidrBlock: "10.120.1.0/24" });
const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", { assumeRolePolicy: assume, managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy] });
const task = new aws.ecs.TaskDefinition("iis", {
    family: "iis", cpu: "1024", memory: "2048", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE", cpuArchitecture: "X86_64" },
    containerDefinitions: JSON.stringify([{
        name: "iis", image: "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022", portMappings: [{ containerPort: 80 }],
        logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/iis", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "iis" } },
    }]),
});
new aws.ecs.Service("iis", {
    cluster: new aws.ecs.Cluster("windows").arn, taskDefinition: task.arn, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id] },
});
