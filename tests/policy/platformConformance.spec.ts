/**
 * Conformance of the platform components: every resource a Platform and its WebService, WorkerService and
 * ScheduledTask workloads register at a fresh stack's preview passes every policy of the pack, served over the
 * Analyzer protocol as the CLI serves it, and every rule is decided.
 */
import * as assert from "assert";
import { PlatformArgs } from "../../components/index";
import { Workload, buildPlatform } from "../support/platformFixture";
import { PolicyPackClient, startPolicyPack } from "../../policy-pack/protocol/client";
import { Diagnostic, WireResource, fromRegistrations } from "../../policy-pack/protocol/wire";
import { isUndecided } from "../../policy-pack/lib/policy";

/** A non-root nginx with a writable /tmp: what the container advisories ask of a web image. */
const WEB = { image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.2.0", user: "101", writablePaths: ["/tmp"] };
const JOB = { image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/jobs:v3.0.1", user: "1000:1000" };

/** The examples/platform shape: two public services, an internal API, a worker from zero and a nightly job. */
const SHOP: Workload[] = [
    { kind: "web", name: "storefront", args: { ...WEB, hostHeaders: ["shop.example.com"], priority: 20 } },
    { kind: "web", name: "api", args: { ...WEB, pathPatterns: ["/api/*"], priority: 10, requestsPerTaskPerMinute: 800 } },
    { kind: "web", name: "catalog", args: { ...WEB, internal: true } },
    { kind: "worker", name: "orders", args: { ...JOB, minTaskCount: 0, maxTaskCount: 5 } },
    { kind: "job", name: "report", args: { ...JOB, schedule: "cron(0 3 * * ? *)", scheduleTimezone: "Europe/Paris" } },
];
const HTTPS: PlatformArgs = { domainName: "shop.example.com", hostedZoneId: "Z1" };

const VARIANTS: { title: string; platform: PlatformArgs; workloads: Workload[]; advisories: string[] }[] = [
    { title: "the shop platform with HTTPS and all four workload kinds", platform: HTTPS, workloads: SHOP, advisories: [] },
    {
        title: "an HTTP-only platform without NAT gateways (with the SQS endpoint its worker needs)",
        platform: { natGateways: "None", enableQueueEndpoint: true }, workloads: SHOP,
        advisories: ["alb-listener-https main-http"],
    },
    {
        title: "a worker on an existing queue, ECS Exec and secrets",
        platform: { ...HTTPS, certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc", domainName: undefined, hostedZoneId: undefined },
        workloads: [
            { kind: "worker", name: "jobs", args: { ...JOB, queueArn: "arn:aws:sqs:us-east-1:123456789012:jobs", enableExecuteCommand: true,
                secrets: { TOKEN: "arn:aws:secretsmanager:us-east-1:123456789012:secret:token-AbCdEf" } } },
            { kind: "job", name: "cleanup", args: { ...JOB, schedule: "rate(6 hours)", enableExecuteCommand: true } },
        ],
        advisories: [],
    },
];

function findings(diagnostics: Diagnostic[]): string[] {
    return diagnostics.map(d => `${d.policyName} ${d.urn.split("::").pop()}`).sort();
}

describe("conformance: Platform and its workloads at first preview against the policy pack", function () {
    this.timeout(120000);
    let pack: PolicyPackClient;
    before(async () => {
        pack = await startPolicyPack();
        await pack.configure({});
    });
    after(async () => {
        await pack?.close();
    });

    for (const variant of VARIANTS) {
        it(`decides every rule and passes every mandatory one for ${variant.title}`, async () => {
            const built = await buildPlatform(variant.workloads, variant.platform, { preview: true });
            const diagnostics = await pack.analyzeAll(fromRegistrations(built.mocks.resources));
            assert.deepStrictEqual(diagnostics.filter(d => isUndecided(d.message)).map(d => d.message), [],
                "no rule may be left undecided");
            assert.deepStrictEqual(diagnostics.filter(d => /can't run|during preview/.test(d.message)).map(d => d.message), []);
            assert.deepStrictEqual(findings(diagnostics), variant.advisories);
        });
    }

    it("fails a scheduled task's schedule with a public IP and a worker's service in a public subnet (the pack sees them)", async () => {
        // Guards the conformance above against a pack that never looks at the workloads' launchers.
        const built = await buildPlatform(SHOP, HTTPS, { preview: true });
        const resources: WireResource[] = fromRegistrations(built.mocks.resources).map(r => {
            if (r.name === "report-schedule") {
                const target = r.properties.target as any;
                return { ...r, properties: { ...r.properties, target: { ...target, ecsParameters: {
                    ...target.ecsParameters, networkConfiguration: { ...target.ecsParameters.networkConfiguration, assignPublicIp: true } } } } };
            }
            if (r.name === "orders-service") {
                const publicSubnet = built.urn("main-public-1");
                return { ...r, propertyDependencies: { ...r.propertyDependencies, networkConfiguration: [publicSubnet] } };
            }
            return r;
        });
        const mandatory = (await pack.analyzeAll(resources)).filter(d => d.enforcementLevel === "mandatory");
        assert.deepStrictEqual(findings(mandatory), ["ecs-no-public-ip report-schedule", "ecs-tasks-in-private-subnets orders-service"]);
    });
});
