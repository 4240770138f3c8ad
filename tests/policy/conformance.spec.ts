/**
 * Conformance: every resource FargateStack registers at a fresh stack's preview (unknown IDs and ARNs) passes every
 * policy of the pack, served over the Analyzer protocol exactly as the CLI serves it, and every rule is decided.
 */
import * as assert from "assert";
import { FargateStackArgs } from "../../components/index";
import { build } from "../support/fixture";
import { PolicyPackClient, startPolicyPack } from "../../policy-pack/protocol/client";
import { Diagnostic, fromRegistrations } from "../../policy-pack/protocol/wire";
import { isUndecided } from "../../policy-pack/lib/policy";
import { PolicyPackConfigFile } from "../../policy-pack/protocol/config";

const SECURE: FargateStackArgs = {
    image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:v1.4.2", user: "1000:1000", writablePaths: ["/tmp"],
    domainName: "api.example.com", hostedZoneId: "Z123",
    secrets: { DB_PASSWORD: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf" },
};

const VARIANTS: { title: string; args: FargateStackArgs; config?: PolicyPackConfigFile; advisories: string[] }[] = [
    {
        title: "the issue's minimal stack (nginx as root, HTTP only)",
        args: { image: "nginx:1.27" },
        advisories: ["alb-listener-https web-http", "ecs-container-non-root-user web-task"],
    },
    { title: "an HTTPS service with a non-root user and a secret", args: SECURE, advisories: [] },
    { title: "one NAT gateway per AZ across three AZs", args: { ...SECURE, natGateways: "OnePerAz", availabilityZoneCount: 3 }, advisories: [] },
    { title: "no NAT gateway", args: { ...SECURE, natGateways: "None" }, advisories: [] },
    {
        title: "a created repository with an image built by awsx, on ARM64",
        args: { ...SECURE, image: undefined, createRepository: true, imageTag: "v7", imageBuildContextPath: "./app",
            cpuArchitecture: "ARM64", cpu: 1024, memoryMib: 2048 },
        advisories: [],
    },
    {
        title: "execute-command, request scaling and a given certificate",
        args: { ...SECURE, domainName: undefined, hostedZoneId: undefined, enableExecuteCommand: true,
            certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc", requestsPerTaskPerMinute: 300 },
        advisories: [],
    },
    {
        title: "an existing VPC whose private subnets are on the policy's allow-list",
        args: { ...SECURE, vpcId: "vpc-1", publicSubnetIds: ["subnet-pa", "subnet-pb"], privateSubnetIds: ["subnet-a", "subnet-b"] },
        config: { "ecs-tasks-in-private-subnets": { privateSubnetIds: ["subnet-a", "subnet-b"] } },
        advisories: [],
    },
];

/** `policy resource-name` for each diagnostic, sorted. */
function findings(diagnostics: Diagnostic[]): string[] {
    return diagnostics.map(d => `${d.policyName} ${d.urn.split("::").pop()}`).sort();
}

describe("conformance: FargateStack at first preview against the policy pack", function () {
    this.timeout(120000);
    let pack: PolicyPackClient;
    before(async () => {
        pack = await startPolicyPack();
    });
    after(async () => {
        await pack?.close();
    });

    for (const variant of VARIANTS) {
        it(`decides every rule and passes every mandatory one for ${variant.title}`, async () => {
            const built = await build(variant.args, { preview: true });
            await pack.configure(variant.config ?? {});
            const diagnostics = await pack.analyzeAll(fromRegistrations(built.mocks.resources));
            assert.deepStrictEqual(diagnostics.filter(d => isUndecided(d.message)).map(d => d.message), [],
                "no rule may be left undecided");
            assert.deepStrictEqual(diagnostics.filter(d => /can't run|during preview/.test(d.message)).map(d => d.message), []);
            assert.deepStrictEqual(findings(diagnostics.filter(d => d.enforcementLevel === "mandatory")), []);
            assert.deepStrictEqual(findings(diagnostics), variant.advisories);
        });
    }

    it("fails the mandatory subnet rule, once per subnet, when subnets outside the stack cannot be proven private", async () => {
        // Guards the conformance above against a pack that passes everything: an existing VPC whose "private"
        // subnets are not on the allow-list cannot be proven private.
        const built = await build({ ...SECURE, vpcId: "vpc-1", publicSubnetIds: ["subnet-pa", "subnet-pb"], privateSubnetIds: ["subnet-a", "subnet-b"] }, { preview: true });
        await pack.configure({ "ecs-tasks-in-private-subnets": { unverifiedLevel: "mandatory" } });
        const diagnostics = await pack.analyzeAll(fromRegistrations(built.mocks.resources));
        const mandatory = diagnostics.filter(d => d.enforcementLevel === "mandatory");
        assert.deepStrictEqual(findings(mandatory), ["ecs-tasks-in-private-subnets web-service", "ecs-tasks-in-private-subnets web-service"]);
        assert.ok(mandatory.every(d => isUndecided(d.message)));
    });
});
