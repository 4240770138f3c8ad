// A Platform with one public web service and one scheduled job from this repository's components.
import { Platform, ScheduledTask, WebService } from "fargate-stack";

const platform = new Platform("apps", { domainName: "apps.example.com", hostedZoneId: "Z0123456789EXAMPLE" });
const web = new WebService("site", {
    platform: platform.ref,
    image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/site:v3.2.0",
    user: "1000:1000",
    writablePaths: ["/tmp"],
    hostHeaders: ["www.apps.example.com"],
    priority: 10,
});
new ScheduledTask("cleanup", {
    platform: platform.ref,
    image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/cleanup:v1.0.0",
    user: "1000:1000",
    schedule: "cron(0 4 * * ? *)",
});

export const url = web.url;
