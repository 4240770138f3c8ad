/**
 * A shop on one platform: a storefront for shop.example.com that scales down at night, a public API under /api/*, an
 * internal catalog API with a persistent volume that the API calls by name, an order worker on Fargate Spot fed by a
 * queue, and a report that runs every night.
 */
import * as pulumi from "@pulumi/pulumi";
import { NatGatewayStrategy, Platform, ScheduledTask, WebService, WorkerService } from "fargate-stack";

const config = new pulumi.Config();
const webImage = config.require("webImage");
const jobImage = config.require("jobImage");
const domainName = config.require("domainName");
// Single (the dev stack) or None (the natless stack: VPC endpoints instead, and private ECR images only).
const natGateways = config.require("natGateways", { allowedValues: Object.values(NatGatewayStrategy) });
// Without NAT gateways the order worker reads its queue through an SQS endpoint (the natless stack sets it).
const enableQueueEndpoint = config.getBoolean("enableQueueEndpoint") ?? false;

// The network, cluster, HTTPS load balancer (shop.example.com and *.shop.example.com) and Service Connect namespace.
const platform = new Platform("shop", {
    domainName,
    hostedZoneId: config.require("hostedZoneId"),
    natGateways,
    enableQueueEndpoint,
    tags: { app: "shop", environment: pulumi.getStack() },
});

// nginx-unprivileged listens on 8080 as UID 101 and writes only under /tmp.
const nginx = { image: webImage, user: "101", writablePaths: ["/tmp"] };

// An internal API: no load balancer rule; the platform's services reach it at http://catalog:8080. Its /data survives
// task replacement: an encrypted EFS file system shared by all its tasks, owned by nginx's UID and GID 101.
const catalog = new WebService("catalog", {
    platform: platform.ref,
    internal: true,
    ...nginx,
    efsVolumes: [{ containerPath: "/data", posixUid: 101, posixGid: 101 }],
    minTaskCount: 2,
    maxTaskCount: 4,
});

// Routed by path, on every host of the platform: https://shop.example.com/api/...
const api = new WebService("api", {
    platform: platform.ref,
    pathPatterns: ["/api/*"],
    priority: 10,
    ...nginx,
    environment: { CATALOG_URL: catalog.serviceConnectUrl },
    targetHealthCheckPath: "/",
    requestsPerTaskPerMinute: 1000,
});

// Routed by host: everything else for shop.example.com. At night (22:00 to 07:00 Paris time) 1 or 2 tasks, by day
// the usual 2 to 10.
const storefront = new WebService("storefront", {
    platform: platform.ref,
    hostHeaders: [domainName],
    priority: 20,
    ...nginx,
    scheduledCapacity: [
        { schedule: "cron(0 22 * * ? *)", minTaskCount: 1, maxTaskCount: 2, scheduleTimezone: "Europe/Paris" },
        { schedule: "cron(0 7 * * ? *)", minTaskCount: 2, maxTaskCount: 10, scheduleTimezone: "Europe/Paris" },
    ],
});

// Consumes the orders queue it creates (URL in QUEUE_URL); no tasks while the queue is empty. On Fargate Spot: an
// interrupted task's messages become visible again after the visibility timeout, and another task takes them.
const orders = new WorkerService("order-worker", {
    platform: platform.ref,
    image: jobImage,
    command: ["sh", "-c", "while true; do sleep 20; done"],
    user: "1000:1000",
    capacityStrategy: "Spot",
    minTaskCount: 0,
    maxTaskCount: 5,
    messagesPerTask: 50,
});

// Every night at 03:00 Paris time.
const report = new ScheduledTask("nightly-report", {
    platform: platform.ref,
    image: jobImage,
    command: ["sh", "-c", "echo report done"],
    user: "1000:1000",
    schedule: "cron(0 3 * * ? *)",
    scheduleTimezone: "Europe/Paris",
});

export const url = platform.url;
export const storefrontUrl = storefront.url;
export const apiUrl = api.url;
export const catalogUrl = catalog.serviceConnectUrl;
export const ordersQueueUrl = orders.queueUrl;
export const reportSchedule = report.scheduleName;
