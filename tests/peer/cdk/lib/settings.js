/**
 * What the two peer apps mirror, as plain data (no CDK import, so `tests/peerBench.spec.ts` checks it against the
 * Pulumi stack files and the platform-scale fixture without the peer installed).
 *
 * `dev` mirrors the root project's Pulumi.dev.yaml (with the FargateStack defaults it relies on); `twenty` mirrors
 * tests/fixtures/platform-scale (index.ts and Pulumi.twenty.yaml).
 */
"use strict";

/** What both apps share: the components' defaults they rely on, and what both stacks set alike. */
const common = {
    containerPort: 8080,
    writablePaths: ["/tmp"],
    cpu: 256,
    memoryMib: 512,
    vpcCidrBlock: "10.0.0.0/16",
    availabilityZoneCount: 2,
    natGateways: 1,
    desiredCount: 2,
    minTaskCount: 2,
    targetErrorRatePercent: 5,
    latencyThresholdMs: 1000,
    cpuAlarmPercent: 90,
    memoryAlarmPercent: 90,
    cpuTargetPercent: 70,
    memoryTargetPercent: 75,
};

const dev = {
    ...common,
    name: "web",
    image: "nginxinc/nginx-unprivileged:1.27-alpine",
    user: "101",
    maxTaskCount: 4,
    targetHealthCheckPath: "/",
    deregistrationDelaySeconds: 15,
    logRetentionDays: 7,
    environment: { APP_ENV: "dev", LOG_LEVEL: "debug" },
    tags: { environment: "dev", owner: "platform-team" },
};

const twenty = {
    ...common,
    name: "scale",
    serviceCount: 20,
    domainName: "apps.example.com",
    hostedZoneId: "Z0123456789EXAMPLE",
    image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1.0.0",
    user: "1000:1000",
    maxTaskCount: 10,
    deregistrationDelaySeconds: 30,
    logRetentionDays: 30,
};

module.exports = { dev, twenty };
