/**
 * The pack's policies through the SDK's own request handlers (`makeAnalyzeRpcFun`, `makeAnalyzeStackRpcFun` from
 * `@pulumi/policy/server`), in process: real deserialisation, real proxy, real diagnostics, default config.
 */
import * as assert from "assert";
import * as server from "@pulumi/policy/server";
import { AnalyzeResponse } from "@pulumi/pulumi/proto/analyzer_pb";
import { isUndecided } from "../../policy-pack/lib/policy";
import { allPolicies, POLICY_PACK_NAME } from "../../policy-pack/policies/all";
import {
    Diagnostic,
    fromAnalyzeResponse,
    fromRegistrations,
    toAnalyzeRequest,
    toAnalyzeStackRequest,
    WireResource,
} from "../../policy-pack/protocol/wire";
import { StackFixture, U } from "./support/fixtures";
import { secureStack } from "./support/stacks";

type Handler = (call: { request: unknown }, callback: (error: unknown, response: AnalyzeResponse) => void) => Promise<void>;
const rpc = server as unknown as Record<"makeAnalyzeRpcFun" | "makeAnalyzeStackRpcFun", (...args: unknown[]) => Handler>;
const analyze = rpc.makeAnalyzeRpcFun(POLICY_PACK_NAME, "0.1.0", "advisory", allPolicies);
const analyzeStack = rpc.makeAnalyzeStackRpcFun(POLICY_PACK_NAME, "0.1.0", "advisory", allPolicies);

function call(handler: Handler, request: unknown): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) =>
        handler({ request }, (error, response) => (error ? reject(error) : resolve(fromAnalyzeResponse(response)))),
    );
}

async function preview(stack: StackFixture | WireResource[]): Promise<Diagnostic[]> {
    const resources = Array.isArray(stack) ? stack : stack.wire();
    const perResource = await Promise.all(resources.map(r => call(analyze, toAnalyzeRequest(r))));
    return [...perResource.flat(), ...(await call(analyzeStack, toAnalyzeStackRequest(resources)))];
}

describe("policies through the SDK's analyzer handlers", () => {
    it("decide the secure stack with no diagnostic at all (no \"can't run during preview\")", async () => {
        assert.deepStrictEqual(await preview(secureStack()), []);
    });

    it("report a stack violation with the policy's level, severity and the service's URN", async () => {
        const stack = secureStack().update("app-private-2", p => (p.mapPublicIpOnLaunch = true));
        const [diagnostic, ...rest] = await preview(stack);
        assert.deepStrictEqual(rest, []);
        assert.strictEqual(diagnostic.policyName, "ecs-tasks-in-private-subnets");
        assert.strictEqual(diagnostic.enforcementLevel, "mandatory");
        assert.strictEqual(diagnostic.severity, "high");
        assert.strictEqual(diagnostic.urn, stack.get("app-service").urn);
    });

    it("report a cannot-verify finding at its own level through the object form of reportViolation", async () => {
        const stack = secureStack().update("app-exec-policy", p => (p.policy = U));
        const diagnostics = await preview(stack);
        assert.deepStrictEqual(diagnostics.map(d => [d.policyName, d.enforcementLevel, d.urn]), [
            ["ecs-separate-task-and-execution-roles", "advisory", stack.get("app-exec-policy").urn],
        ]);
        assert.match(diagnostics[0].message, /^Checks that ECS task definitions .*\nCannot verify: IAM role "app-exec-role", used as an ECS execution role, has role policy "app-exec-policy", whose actions cannot be checked/);
        assert.ok(isUndecided(diagnostics[0].message));
    });

    it("accept registrations recorded under mocks, whose unknowns are markers rather than wire sentinels", async () => {
        const marker = Symbol("unknown");
        const swap = (value: unknown): unknown =>
            value === U ? marker : Array.isArray(value) ? value.map(swap)
                : value && typeof value === "object" ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)]))
                : value;
        const records = secureStack().wire().map(r => ({ ...r, inputs: swap(r.properties) as Record<string, unknown> }));
        assert.deepStrictEqual(await preview(fromRegistrations(records)), []);
        const insecure = records.map(r => (r.name === "app-service" ? { ...r, inputs: { ...r.inputs, networkConfiguration: marker } } : r));
        assert.deepStrictEqual((await preview(fromRegistrations(insecure))).map(d => [d.policyName, isUndecided(d.message)]), [
            ["ecs-no-public-ip", true], // subnets and security groups are still known through property dependencies
        ]);
    });
});
