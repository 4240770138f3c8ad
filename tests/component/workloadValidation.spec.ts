/**
 * Bad input to Platform, WebService, WorkerService and ScheduledTask: each fails before anything of it registers, in
 * the project's error format (`` `arg` problem; got VALUE. How to fix. ``), naming the argument.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { Platform, ScheduledTask, WebService, WorkerService } from "../../components/index";
import { AwsMocks, settle } from "../support/awsMocks";
import { isTimeZone, scheduleExpressionProblem } from "../../components/rules";

const IMAGE = "nginx:1.27";
type Kind = "Platform" | "WebService" | "WorkerService" | "ScheduledTask";
const CLASSES = { Platform, WebService, WorkerService, ScheduledTask } as const;

/**
 * Builds a platform "main", then `kind` named `name` with `args` (the platform's ref filled in unless `args` sets
 * `platform`), expecting exactly `problems`, and nothing of the failed component registered.
 */
async function expectInvalid(kind: Kind, name: string, args: Record<string, unknown>, problems: string[]): Promise<void> {
    const mocks = new AwsMocks().install();
    const platform = new Platform("main", {});
    const withPlatform = kind === "Platform" || "platform" in args ? args : { platform: platform.ref, ...args };
    try {
        assert.throws(() => new (CLASSES[kind] as any)(name, withPlatform), (error: unknown) => {
            assert.ok(pulumi.ResourceError.isInstance(error), `expected a pulumi.ResourceError, got ${String(error)}`);
            const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
            assert.strictEqual(error.message, `${kind} "${name}" has invalid arguments (${count}); nothing was created:\n` +
                problems.map(p => `  - ${p}`).join("\n"));
            return true;
        });
    } finally {
        await settle();
    }
    const own = mocks.resources.filter(r => r.name === name || r.name.startsWith(`${name}-`));
    assert.deepStrictEqual(own.map(r => r.name), [], "nothing of the failed component may be registered");
}

describe("platform components' input validation", () => {
    describe("WebService", () => {
        it("requires a matcher and a priority for a public service", async () => {
            await expectInvalid("WebService", "web", { image: IMAGE }, [
                "`hostHeaders` or `pathPatterns` is required for a public web service; got undefined. Give the host names or paths the load balancer routes to this service, or set `internal` to true.",
                "`priority` is required for a public web service; got undefined. Give the listener rule a priority from 1 to 50000, unique on the platform.",
            ]);
        });

        it("rejects routing and target group settings on an internal service", async () => {
            await expectInvalid("WebService", "api", {
                image: IMAGE, internal: true, hostHeaders: ["a.example.com"], priority: 3, targetHealthCheckPath: "/h",
            }, [
                "`hostHeaders` applies only to a public web service, and `internal` is true; got [\"a.example.com\"]. Remove it, or set `internal` to false to route requests from the load balancer.",
                "`priority` applies only to a public web service, and `internal` is true; got 3. Remove it, or set `internal` to false to route requests from the load balancer.",
                "`targetHealthCheckPath` applies only to a public web service, and `internal` is true; got \"/h\". Remove it, or set `internal` to false to route requests from the load balancer.",
            ]);
        });

        it("rejects bad hosts, paths, priorities, discovery names and more condition values than a rule holds", async () => {
            await expectInvalid("WebService", "web", {
                image: IMAGE, hostHeaders: ["bad host!"], pathPatterns: ["api/*", "/a", "/b", "/c", "/d"], priority: 0, discoveryName: "Bad_Name",
            }, [
                "`priority` must be an integer from 1 to 50000; got 0. Use a value from 1 to 50000.",
                "`hostHeaders[0]` must be a host name of at most 128 characters (wildcards * and ? allowed); got \"bad host!\". Use a value such as \"api.example.com\".",
                "`pathPatterns[0]` must be a path starting with / of at most 128 characters (wildcards * and ? allowed); got \"api/*\". Use a value such as \"/api/*\".",
                "`hostHeaders` and `pathPatterns` may hold 5 values together (an ALB listener rule's limit); got 6. Route fewer hosts or paths to this service, or use wildcards.",
                "`discoveryName` must be 1 to 63 lower-case letters, digits and hyphens, starting and ending with a letter or digit; got \"Bad_Name\". Use a name such as \"orders-api\".",
            ]);
        });

        it("requires the platform", async () => {
            await expectInvalid("WebService", "web", { platform: undefined, image: IMAGE, pathPatterns: ["/"], priority: 1 }, [
                "`platform` is required; got undefined. Pass the `ref` output of a Platform, e.g. `platform: platform.ref`.",
            ]);
        });

        it("reports a second service of one platform with the same priority, and registers nothing of it", async () => {
            const mocks = new AwsMocks().install();
            const platform = new Platform("main", {});
            new WebService("first", { platform: platform.ref, image: IMAGE, pathPatterns: ["/a/*"], priority: 5 });
            assert.throws(() => new WebService("second", { platform: platform.ref, image: IMAGE, pathPatterns: ["/b/*"], priority: 5 }),
                { message: "WebService \"second\" has invalid arguments (1 problem); nothing was created:\n  - `priority` is already " +
                    "used by WebService \"first\" on the same platform; got 5. Give each web service of a platform its own priority." });
            // A priority on another platform is free.
            const other = new Platform("other", {});
            new WebService("third", { platform: other.ref, image: IMAGE, pathPatterns: ["/c/*"], priority: 5 });
            await settle();
            assert.deepStrictEqual(mocks.resources.filter(r => r.name.startsWith("second")).map(r => r.name), []);
            assert.strictEqual(mocks.ofType("aws:lb/listenerRule:ListenerRule").length, 2);
        });

        it("validates the task inputs it shares with FargateStack with FargateStack's messages", async () => {
            await expectInvalid("WebService", "web", { image: IMAGE, pathPatterns: ["/"], priority: 1, cpu: 256, memoryMib: 4096, minTaskCount: 0 }, [
                "`memoryMib` is not a valid Fargate memory size for 256 cpu units; got 4096. Use one of 512, 1024, 2048 MiB.",
                "`minTaskCount` must be an integer from 1 to 5000; got 0. Use a value from 1 to 5000.",
            ]);
        });
    });

    describe("WorkerService", () => {
        it("rejects load balancer, listening, utilization and platform settings, naming why", async () => {
            await expectInvalid("WorkerService", "worker", {
                image: IMAGE, targetHealthCheckPath: "/", containerPort: 80, cpuTargetPercent: 50, vpcId: "vpc-1",
            }, [
                "`targetHealthCheckPath` is a setting of a service that serves requests, and a WorkerService has no load balancer and accepts no inbound traffic; got \"/\". Remove it, or use a WebService for a service that serves requests.",
                "`containerPort` is a setting of a service that serves requests, and a WorkerService has no load balancer and accepts no inbound traffic; got 80. Remove it, or use a WebService for a service that serves requests.",
                "`cpuTargetPercent` is a CPU or memory scaling setting, and a WorkerService scales on its queue's backlog; got 50. Remove it; `messagesPerTask` sets the backlog per task.",
                "`vpcId` is a platform setting, which a workload takes from its `platform`; got \"vpc-1\". Set it on the Platform the workload runs on.",
            ]);
        });

        it("rejects settings of a queue it does not create, and counts out of range", async () => {
            await expectInvalid("WorkerService", "worker", {
                image: IMAGE, queueArn: "arn:aws:sqs:us-east-1:123456789012:q", maxReceiveCount: 3, messagesPerTask: 0, minTaskCount: -1,
            }, [
                "`maxReceiveCount` applies only to a queue the component creates, and `queueArn` is set; got 3. Remove it and set it on your queue, or remove `queueArn`.",
                "`messagesPerTask` must be an integer from 1 to 1000000; got 0. Use a value from 1 to 1000000.",
                "`minTaskCount` must be an integer from 0 to 5000; got -1. Use a value from 0 to 5000.",
            ]);
        });

        it("rejects a queue ARN that is not one", async () => {
            await expectInvalid("WorkerService", "worker", { image: IMAGE, queueArn: "https://sqs.us-east-1.amazonaws.com/123456789012/q" }, [
                "`queueArn` must be the ARN of an SQS queue; got \"https://sqs.us-east-1.amazonaws.com/123456789012/q\". Use arn:aws:sqs:<region>:<account>:<queue name>, or leave it out to create a queue.",
            ]);
        });
    });

    describe("ScheduledTask", () => {
        it("rejects a schedule that does not parse, an unknown time zone, and counts out of range", async () => {
            await expectInvalid("ScheduledTask", "job", {
                image: IMAGE, schedule: "cron(0 3 * * *)", scheduleTimezone: "Mars/Base", maxRetryAttempts: 200, taskCount: 11,
            }, [
                "`schedule` must have six cron fields (minutes hours day-of-month month day-of-week year), not 5; got \"cron(0 3 * * *)\". Use an EventBridge Scheduler expression such as \"cron(0 3 * * ? *)\" or \"rate(6 hours)\".",
                "`scheduleTimezone` must be an IANA time zone name; got \"Mars/Base\". Use a name such as \"Europe/Paris\" or \"UTC\".",
                "`maxRetryAttempts` must be an integer from 0 to 185; got 200. Use a value from 0 to 185.",
                "`taskCount` must be an integer from 1 to 10; got 11. Use a value from 1 to 10.",
            ]);
        });

        for (const [schedule, problem] of [
            ["rate(1 hours)", "must use \"hour\" with 1"],
            ["rate(0 minutes)", "must be rate(<positive whole number> <minutes, hours or days>)"],
            ["cron(0 3 * * MON *)", "must have `?` in exactly one of day-of-month and day-of-week"],
            ["cron(61 3 * * ? *)", "has an invalid minutes field \"61\""],
            ["at(2027-01-01T00:00:00)", "must be cron(...) or rate(...)"],
        ]) {
            it(`rejects ${schedule}`, async () => {
                await expectInvalid("ScheduledTask", "job", { image: IMAGE, schedule }, [
                    `\`schedule\` ${problem}; got ${JSON.stringify(schedule)}. Use an EventBridge Scheduler expression such as "cron(0 3 * * ? *)" or "rate(6 hours)".`,
                ]);
            });
        }

        it("accepts the cron and rate forms EventBridge Scheduler documents", () => {
            const valid = ["cron(0 3 * * ? *)", "cron(0/15 9-17 ? * MON-FRI *)", "cron(0 12 L * ? 2027)", "cron(30 6 ? * 2#1 *)",
                "cron(0 0 1,15 JAN-MAR ? *)", "rate(1 minute)", "rate(5 minutes)", "rate(1 day)", "rate(12 hours)"];
            assert.deepStrictEqual(valid.filter(e => scheduleExpressionProblem(e) !== undefined), []);
            assert.deepStrictEqual(["UTC", "Europe/Paris", "America/Argentina/Buenos_Aires"].filter(z => !isTimeZone(z)), []);
        });

        it("requires its platform and schedule, and rejects service settings", async () => {
            await expectInvalid("ScheduledTask", "job", { platform: undefined, image: IMAGE, desiredCount: 2 }, [
                "`desiredCount` is a service setting, and a ScheduledTask runs on a schedule, not as a service; got 2. Remove it; `taskCount` sets how many tasks each run starts.",
                "`platform` is required; got undefined. Pass the `ref` output of a Platform, e.g. `platform: platform.ref`.",
                "`schedule` is required; got undefined. Give a cron or rate expression, e.g. \"cron(0 3 * * ? *)\" for 03:00 every day.",
            ]);
        });
    });

    describe("Platform", () => {
        it("rejects workload settings and a bad namespace name", async () => {
            await expectInvalid("Platform", "edge", { image: IMAGE, serviceConnectNamespace: "bad name" }, [
                "`image` is a workload setting, and a Platform runs no task itself; got \"nginx:1.27\". Set it on the WebService, WorkerService or ScheduledTask that runs on the platform.",
                "`serviceConnectNamespace` must be a DNS-style name of labels joined by dots; got \"bad name\". Use a name such as \"prod.internal\".",
            ]);
        });

        it("validates its network and DNS inputs with FargateStack's messages", async () => {
            await expectInvalid("Platform", "edge", { vpcCidrBlock: "10.0.0.0/8", domainName: "shop.example.com" }, [
                "`vpcCidrBlock` must be an IPv4 CIDR block from /16 to /24 with no host bits set; got \"10.0.0.0/8\". Use a block such as \"10.0.0.0/16\".",
                "`hostedZoneId` is required with `domainName` unless `certificateArn` is given; got undefined. Set `hostedZoneId` to the Route 53 zone that holds \"shop.example.com\", or give `certificateArn`.",
            ]);
        });
    });
});
