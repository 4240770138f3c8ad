/**
 * An HTTPS web service on ECS Fargate with autoscaling and one secret, from the fargate-stack component.
 *
 * TypeScript imports the component's npm package directly; no Pulumi package or generated SDK is involved.
 */
import * as pulumi from "@pulumi/pulumi";
import { CpuArchitecture, FargateStack } from "fargate-stack";

const config = new pulumi.Config();

const api = new FargateStack("api", {
    image: config.require("image"),
    containerPort: 8080,
    cpu: 512,
    memoryMib: 1024,
    cpuArchitecture: CpuArchitecture.ARM64,
    user: "101:101",
    writablePaths: ["/tmp"],
    targetHealthCheckPath: "/",
    containerHealthCheck: {
        command: ["CMD-SHELL", "wget -q -O /dev/null http://localhost:8080/ || exit 1"],
        startPeriodSeconds: 10,
    },
    environment: { LOG_LEVEL: "info" },
    // The one secret: ECS injects the secret's value as DATABASE_URL; only the execution role can read it.
    secrets: { DATABASE_URL: config.require("databaseUrlSecretArn") },
    // HTTPS: a DNS-validated certificate, an HTTP->HTTPS redirect and an alias record in this zone.
    domainName: config.require("domainName"),
    hostedZoneId: config.require("hostedZoneId"),
    enableAutoscaling: true,
    minTaskCount: 2,
    maxTaskCount: 10,
    cpuTargetPercent: 60,
    requestsPerTaskPerMinute: 500,
    logRetentionDays: 30,
    tags: { app: "api", environment: pulumi.getStack() },
});

export const url = api.url;
export const serviceName = api.serviceName;
export const logGroupName = api.logGroupName;
