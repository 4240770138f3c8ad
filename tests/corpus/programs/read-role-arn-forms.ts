// Literal ARNs in two forms, one with a path, naming one role that is not in the program at all.
import * as aws from "@pulumi/aws";

new aws.ecs.TaskDefinition("billing", {
    family: "billing", cpu: "1024", memory: "3072", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"],
    executionRoleArn: "arn:aws:iam::123456789012:role/service-role/billing",
    taskRoleArn: "arn:aws:iam::123456789012:role/billing",
    containerDefinitions: JSON.stringify([{ name: "billing", image: "ghcr.io/example/billing:5.0.2" }]),
});
