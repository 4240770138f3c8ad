/**
 * A shop on one platform: a storefront for shop.example.com, a public API under /api/*, an internal catalog API that
 * the API calls by name, an order worker fed by a queue, and a report that runs every night.
 */
import * as pulumi from "@pulumi/pulumi";
import { Platform, ScheduledTask, WebService, WorkerService } from "fargate-stack";

const config = new pulumi.Config();
const webImage = config.require("webImage");
const jobImage = config.require("jobImage");
const domainName = config.require("domainName");

// The network, cluster, HTTPS load balancer (shop.example.com and *.shop.example.com) and Service Connect namespace.
const platform = new Platform("shop", {
    domainName,
    hostedZoneId: config.require("hostedZoneId"),
    natGateways: "Single",
    tags: { app: "shop", environment: pulumi.getStack() },
});

// nginx-unprivileged listens on 8080 as UID 101 and writes only under /tmp.
const nginx = { image: webImage, user: "101", writablePaths: ["/tmp"] };

// An internal API: no load balancer rule; the platform's services reach it at http://catalog:8080.
const catalog = new WebService("catalog", {
    platform: platform.ref,
    internal: true,
    ...nginx,
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

// Routed by host: everything else for shop.example.com.
const storefront = new WebService("storefront", {
    platform: platform.ref,
    hostHeaders: [domainName],
    priority: 20,
    ...nginx,
});

// Consumes the orders queue it creates (URL in QUEUE_URL); no tasks while the queue is empty.
const orders = new WorkerService("order-worker", {
    platform: platform.ref,
    image: jobImage,
    command: ["sh", "-c", "while true; do sleep 20; done"],
    user: "1000:1000",
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
