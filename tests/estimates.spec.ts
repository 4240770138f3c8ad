/**
 * The offline preview's estimates: monthly cost before traffic, line by line from the price file, and the modelled
 * time of one rolling deployment per ECS service. Computed from the planned resources (registrations under the mock
 * runtime in preview mode), so a raw @pulumi/aws program is estimated as the components are. Figures below are
 * worked out by hand from policy-pack/preview/prices/us-east-1.json.
 */
import * as assert from "assert";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { AwsMocks, settle } from "./support/awsMocks";
import { build } from "./support/fixture";
import { fromRegistrations, WireResource } from "../policy-pack/protocol/wire";
import * as fs from "fs";
import { CostEstimate, costTable, estimateMonthlyCost, loadPrices, pricedRegions } from "../policy-pack/preview/cost";
import { estimateRollouts, TASK_START_SECONDS } from "../policy-pack/preview/rollout";
import { loadProject, loadStackConfig } from "../policy-pack/preview/project";
import { formatCost, previewEstimates } from "../policy-pack/preview/report";

const ROOT = path.resolve(__dirname, "..");

/** Runs a program under fresh preview-mode mocks and returns its plan as the pack and the estimates see it. */
async function plan(programDir: string, stack: string, config: Record<string, string> = {}): Promise<WireResource[]> {
    const project = loadProject(programDir);
    const mocks = new AwsMocks(true, project.name, stack).install();
    pulumi.runtime.setAllConfig(config);
    delete require.cache[require.resolve(project.entry)];
    require(project.entry);
    await settle();
    return fromRegistrations(mocks.resources);
}

/** `resource: item = amount` for each priced line, as the specs compare them. */
const lines = (estimate: CostEstimate) => estimate.lines.map(l => `${l.resource}: ${l.item} = ${l.monthlyUsd}`);

describe("estimates in the offline preview", () => {
    it("has a dated, sourced price file for each region it prices", () => {
        assert.deepStrictEqual(pricedRegions(), ["ap-southeast-1", "eu-central-1", "eu-west-1", "us-east-1", "us-west-2"]);
        for (const region of pricedRegions()) {
            const prices = loadPrices(region)!;
            assert.strictEqual(prices.region, region);
            assert.match(prices.date, /^\d{4}-\d{2}-\d{2}$/);
            assert.ok(prices.source.length > 40, `${region} names its source`);
        }
    });

    describe("the dev stack", () => {
        let resources: WireResource[];
        before(async () => {
            const project = loadProject(ROOT);
            resources = await plan(ROOT, "dev", loadStackConfig(path.join(ROOT, "Pulumi.dev.yaml"), project.configDefaults));
        });

        it("costs what the price file says, line by line", () => {
            const estimate = estimateMonthlyCost(resources, "us-east-1");
            assert.deepStrictEqual(lines(estimate).sort(), [
                // 2 × (0.25 × 0.04048 + 0.5 × 0.004445) × 730 = 18.02005
                "web-service: 2 × 0.25 vCPU / 0.5 GB Linux X86_64 tasks, on demand = 18.02",
                "web-nat-1-eip: public IPv4 address ($0.005/h) = 3.65",
                "web-nat-1: NAT gateway ($0.045/h, plus $0.045 per GB processed) = 32.85",
                "web-alb: application load balancer ($0.0225/h, plus $0.008 per LCU-hour) = 16.43",
                "web-alb: 2 public IPv4 addresses, one per subnet ($0.005/h each) = 7.3",
                "web-alarms-key: KMS key ($1/month, plus requests) = 1",
                "web-alb-5xx-alarm: alarm on 1 metric ($0.1 each) = 0.1",
                "web-dashboard: dashboard ($3/month; an account's first 3 are free) = 3",
                "web-target-5xx-alarm: alarm on 2 metrics ($0.1 each) = 0.2",
                "web-unhealthy-targets-alarm: alarm on 1 metric ($0.1 each) = 0.1",
                "web-latency-p99-alarm: alarm on 1 metric ($0.1 each) = 0.1",
                "web-running-tasks-alarm: alarm on 2 metrics ($0.1 each) = 0.2",
                "web-cpu-high-alarm: alarm on 1 metric ($0.1 each) = 0.1",
                "web-memory-high-alarm: alarm on 1 metric ($0.1 each) = 0.1",
            ].sort());
            assert.strictEqual(lines(estimate).length, 14);
            assert.strictEqual(estimate.monthlyCostUsd, 83.15);
            assert.deepStrictEqual(estimate.usage.map(u => u.resource).sort(), ["web-alarms", "web-logs"]);
            assert.deepStrictEqual(estimate.notPriced, []);
        });

        it("is the README's cost table", () => {
            const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
            const table = readme.slice(readme.indexOf("<!-- cost-table"), readme.indexOf("<!-- /cost-table -->")).split("\n").slice(1, -1);
            assert.deepStrictEqual(table, costTable(estimateMonthlyCost(resources, "us-east-1")));
        });

        it("names a region without a price file instead of guessing", () => {
            const estimate = estimateMonthlyCost(resources, "sa-east-1");
            assert.strictEqual(estimate.monthlyCostUsd, 0);
            assert.deepStrictEqual(estimate.lines, []);
            assert.strictEqual(estimate.notPriced.find(n => n.resource === "web-service")?.reason,
                "no price file for region sa-east-1 (prices exist for ap-southeast-1, eu-central-1, eu-west-1, us-east-1, us-west-2)");
        });

        it("rolls one wave out in 110 s: start 45 + healthy 2 × 10 + drain 15 + stop 30", () => {
            assert.deepStrictEqual(estimateRollouts(resources), [{
                service: "web-service", seconds: 110, waves: 1, wave: { start: TASK_START_SECONDS, healthy: 20, drain: 15, stop: 30 },
            }]);
        });
    });

    it("rolls the component's defaults out in at most 150 s, where AWS's defaults take about 9 minutes", async () => {
        const built = await build({ image: "nginx:1.27" }, { preview: true });
        const [web] = estimateRollouts(fromRegistrations(built.mocks.resources));
        assert.deepStrictEqual([web.seconds, web.wave], [125, { start: 45, healthy: 20, drain: 30, stop: 30 }]);
        assert.ok(web.seconds! <= 150);
    });

    it("prices Fargate Spot at its typical discount and ARM64 at its own rate, splitting tasks by the strategy", async () => {
        const built = await build({
            image: "nginx:1.27", cpuArchitecture: "ARM64", capacityStrategy: "SpotWithOnDemandBase", onDemandBaseCount: 1,
            spotWeight: 3, desiredCount: 5, minTaskCount: 5, enableAlarms: false, enableDashboard: false,
        }, { preview: true });
        const estimate = estimateMonthlyCost(fromRegistrations(built.mocks.resources), "us-east-1");
        // One task per hour on ARM64: 0.25 × 0.03238 + 0.5 × 0.00356 = 0.009875; × 730 = 7.20875.
        // Base 1 on demand; the other 4 split 1 : 3, so 2 on demand and 3 on Spot at 70% off.
        assert.deepStrictEqual(lines(estimate).filter(l => l.startsWith("web-service")), [
            "web-service: 2 × 0.25 vCPU / 0.5 GB Linux ARM64 tasks, on demand = 14.42",
            "web-service: 3 × 0.25 vCPU / 0.5 GB Linux ARM64 tasks, Fargate Spot (70% off: typical, the price floats) = 6.49",
        ]);
    });

    describe("a raw @pulumi/aws program (no component)", () => {
        let resources: WireResource[];
        before(async () => {
            resources = await plan(path.join(ROOT, "tests", "fixtures", "raw-cost-program"), "dev");
        });

        it("prices it from its resources, and names what it cannot price", () => {
            const estimate = estimateMonthlyCost(resources, "us-east-1");
            assert.deepStrictEqual(lines(estimate).sort(), [
                "app-alb: 3 public IPv4 addresses, one per subnet ($0.005/h each) = 10.95",
                "app-alb: application load balancer ($0.0225/h, plus $0.008 per LCU-hour) = 16.43",
                "app-ecr-endpoint: interface endpoint in 2 AZs ($0.01 per AZ-hour, plus $0.01 per GB) = 14.6",
                "app-nat-eip: public IPv4 address ($0.005/h) = 3.65",
                "app-nat: NAT gateway ($0.045/h, plus $0.045 per GB processed) = 32.85",
                // 3 × (1 × 0.04048 + 2 × 0.004445) × 730 = 108.1203
                "app-service: 3 × 1 vCPU / 2 GB Linux X86_64 tasks, on demand = 108.12",
            ]);
            assert.strictEqual(estimate.monthlyCostUsd, 186.6);
            assert.deepStrictEqual(estimate.notPriced, [{ resource: "app-events", type: "aws:kinesis/stream:Stream", reason: "no price for this resource type" }]);
        });

        it("models its rollout from its own settings: 3 waves of 45 + 3 × 15 + 60 + 20 s", () => {
            assert.deepStrictEqual(estimateRollouts(resources), [{
                service: "app-service", seconds: 510, waves: 3, wave: { start: 45, healthy: 45, drain: 60, stop: 20 },
            }]);
        });

        it("keys rolloutSeconds by service name, and by URN where two services share a name", () => {
            const service = resources.find(r => r.type === "aws:ecs/service:Service")!;
            const twin = { ...service, urn: service.urn.replace("::app-service", "$fargate-stack:index:WorkerService::app-service") };
            assert.deepStrictEqual(previewEstimates(resources, "us-east-1").rolloutSeconds, { "app-service": 510 });
            assert.deepStrictEqual(previewEstimates([...resources, twin], "us-east-1").rolloutSeconds, { [service.urn]: 510, [twin.urn]: 510 });
        });

        it("prices nothing for a stack with no region, says how to set one, and prints no total", () => {
            const estimate = previewEstimates(resources, undefined);
            assert.strictEqual(estimate.region, undefined);
            assert.deepStrictEqual(estimate.lines, []);
            assert.deepStrictEqual(estimate.notPriced.find(n => n.resource === "app-nat"), {
                resource: "app-nat", type: "aws:ec2/natGateway:NatGateway",
                reason: "the stack sets no AWS region: set aws:region (pulumi config set aws:region us-east-1)",
            });
            const text = formatCost(estimate);
            assert.deepStrictEqual(text.slice(0, 3), [
                "Estimated monthly cost before traffic (no region):",
                "    Not estimated: nothing could be priced (see below)",
                `    Not priced (${estimate.notPriced.length}), so not in the total:`,
            ]);
        });
    });
});
