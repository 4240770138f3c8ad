/**
 * The pack as the Pulumi CLI runs it: spawned once with `@pulumi/pulumi/cmd/run-policy-pack` in `policy-pack/`, then
 * driven over the Analyzer gRPC protocol (GetAnalyzerInfo, Configure, Analyze, AnalyzeStack), offline.
 */
import * as assert from "assert";
import { allPolicies } from "../../policy-pack/policies/all";
import { PolicyPackClient, startPolicyPack } from "../../policy-pack/protocol/client";
import { AnalyzerSummary, Diagnostic } from "../../policy-pack/protocol/wire";
import { StackFixture, U } from "./support/fixtures";
import { INSECURE_VARIANTS } from "./support/insecure";
import { secureStack } from "./support/stacks";

/** `[policy, level, resource name]` of each diagnostic, for exact comparison. */
function summary(stack: StackFixture, diagnostics: Diagnostic[]): [string, string, string][] {
    const names = new Map(stack.wire().map(r => [r.urn, r.name]));
    return diagnostics.map(d => [d.policyName, d.enforcementLevel, names.get(d.urn) ?? d.urn]);
}

/** The dev stack's HTTP-only mode: the HTTP listener forwards, there is no HTTPS listener. */
function httpOnlyStack(): StackFixture {
    return secureStack()
        .remove("app-https")
        .update("app-http", p => (p.defaultActions = [{ type: "forward", targetGroupArn: U }]));
}

describe("the pack over the Analyzer protocol", function () {
    this.timeout(60000);
    let pack: PolicyPackClient;
    let info: AnalyzerSummary;

    before(async () => {
        pack = await startPolicyPack();
        info = await pack.getAnalyzerInfo();
    });

    after(async () => {
        await pack?.close();
    });

    afterEach(async () => {
        await pack.configure({}); // back to every policy's defaults
    });

    it("describes itself: name, version, every policy with its type, level, severity and config schema", () => {
        assert.strictEqual(info.name, "fargate-stack-guardrails");
        assert.strictEqual(info.version, "0.1.0");
        assert.ok(info.supportsConfig);
        assert.deepStrictEqual(info.policies.map(p => p.name), allPolicies.map(p => p.name));
        const [subnets] = info.policies;
        assert.deepStrictEqual([subnets.policyType, subnets.enforcementLevel, subnets.severity], ["stack", "mandatory", "high"]);
        assert.deepStrictEqual(Object.keys(subnets.configSchema ?? {}).sort(), ["privateSubnetIds", "unverifiedLevel"]);
        assert.deepStrictEqual(subnets.framework?.reference, "EC2.15");
        assert.ok(info.policies.every(p => p.url && p.remediationSteps && p.description.startsWith("Checks that ")));
    });

    it("passes the secure stack with no diagnostic at all", async () => {
        assert.deepStrictEqual(await pack.analyzeAll(secureStack().wire()), []);
    });

    for (const variant of INSECURE_VARIANTS) {
        it(`fails ${variant.title} with ${variant.policy}, mandatory`, async () => {
            const stack = variant.build();
            const diagnostics = await pack.analyzeAll(stack.wire());
            const mandatory = diagnostics.filter(d => d.enforcementLevel === "mandatory");
            const distinct = [...new Set(summary(stack, mandatory).map(entry => JSON.stringify(entry)))];
            assert.deepStrictEqual(distinct, [JSON.stringify([variant.policy, "mandatory", variant.resource])]);
            assert.ok(mandatory[0].message.includes(variant.message), mandatory[0].message);
        });
    }

    it("flags the dev stack's HTTP-only listener as advisory, so the preview still succeeds", async () => {
        const stack = httpOnlyStack();
        assert.deepStrictEqual(summary(stack, await pack.analyzeAll(stack.wire())), [["alb-listener-https", "advisory", "app-http"]]);
    });

    describe("policy config", () => {
        it("all: mandatory raises the advisory rules", async () => {
            await pack.configure({ all: "mandatory" });
            const stack = httpOnlyStack();
            assert.deepStrictEqual(summary(stack, await pack.analyzeAll(stack.wire())), [["alb-listener-https", "mandatory", "app-http"]]);
        });

        it("a per-policy level overrides the default and all", async () => {
            await pack.configure({ all: "mandatory", "alb-listener-https": "disabled", "ecs-no-public-ip": "advisory" });
            const stack = httpOnlyStack().update("app-service", p => (p.networkConfiguration.assignPublicIp = true));
            assert.deepStrictEqual(summary(stack, await pack.analyzeAll(stack.wire())), [["ecs-no-public-ip", "advisory", "app-service"]]);
        });

        it("settings take effect", async () => {
            await pack.configure({ "cloudwatch-log-group-retention": { enforcementLevel: "mandatory", minimumRetentionDays: 90 } });
            const stack = secureStack();
            const diagnostics = await pack.analyzeAll(stack.wire());
            assert.deepStrictEqual(summary(stack, diagnostics), [["cloudwatch-log-group-retention", "mandatory", "app-logs"]]);
            assert.match(diagnostics[0].message, /keeps logs for 30 days, less than the required 90\./);
        });

        it("decides subnets outside the stack by the allow-list, else at unverifiedLevel", async () => {
            const stack = secureStack().update("app-service", p => (p.networkConfiguration.subnets = ["subnet-0abc"]));
            stack.dependOn("app-service", "networkConfiguration", [stack.get("app-task-sg")]);
            const level = async () => summary(stack, await pack.analyzeAll(stack.wire()));
            assert.deepStrictEqual(await level(), [["ecs-tasks-in-private-subnets", "advisory", "app-service"]]);
            await pack.configure({ "ecs-tasks-in-private-subnets": { unverifiedLevel: "mandatory" } });
            assert.deepStrictEqual(await level(), [["ecs-tasks-in-private-subnets", "mandatory", "app-service"]]);
            await pack.configure({ "ecs-tasks-in-private-subnets": { privateSubnetIds: ["subnet-0abc"] } });
            assert.deepStrictEqual(await level(), []);
        });

        it("rejects a config that names no policy of the pack", async () => {
            await assert.rejects(pack.configure({ "ecs-no-public-ips": "mandatory" }), /unknown policies: ecs-no-public-ips/);
        });
    });
});
