import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { allPolicies } from "../../policy-pack/policies/all";

const packDir = path.join(__dirname, "../../policy-pack");

describe("policy metadata", () => {
    it("names every policy once, in kebab case, with the five documented practices mandatory first", () => {
        const names = allPolicies.map(p => p.name);
        assert.strictEqual(new Set(names).size, names.length);
        names.forEach(name => assert.match(name, /^[a-z0-9]+(-[a-z0-9]+)*$/));
        assert.deepStrictEqual(
            allPolicies.filter(p => p.enforcementLevel === "mandatory").map(p => p.name),
            ["ecs-tasks-in-private-subnets", "ecs-no-public-ip", "ecs-separate-task-and-execution-roles", "alb-target-group-ip-target-type", "fargate-valid-cpu-memory"],
        );
        assert.ok(allPolicies.slice(5).every(p => p.enforcementLevel === "advisory"));
    });

    it("gives every policy a description, severity, remediation steps, an AWS link and a config schema with defaults", () => {
        for (const policy of allPolicies) {
            assert.match(policy.description, /^Checks that .+\.$/, policy.name);
            assert.ok(policy.severity, policy.name);
            assert.match(policy.remediationSteps ?? "", /^1\. /, policy.name);
            assert.match(policy.url ?? "", /^https:\/\/docs\.aws\.amazon\.com\//, policy.name);
            const settings = Object.entries(policy.configSchema?.properties ?? {});
            assert.ok(settings.some(([key]) => key === "unverifiedLevel"), policy.name);
            for (const [key, schema] of settings) {
                assert.ok(schema.default !== undefined && schema.description, `${policy.name}.${key}`);
            }
        }
    });

    it("gives each policy the level, severity and anchors in its README row that its metadata has", () => {
        const readme = fs.readFileSync(path.join(packDir, "README.md"), "utf8");
        const rows = new Map(readme.split("\n").filter(line => /^\| `[a-z0-9-]+` \| (mandatory|advisory) \|/.test(line))
            .map(line => line.split(" | ").map(cell => cell.replace(/^\| |`| \|$/g, "")))
            .map(cells => [cells[0], cells] as const));
        for (const policy of allPolicies) {
            const anchors = (policy.tags ?? []).map(tag => tag.split(":")[1]).join(", ") || "AWS docs only";
            assert.deepStrictEqual([rows.get(policy.name)?.[1], rows.get(policy.name)?.[2], rows.get(policy.name)?.[4]],
                [policy.enforcementLevel, policy.severity, anchors], policy.name);
        }
        assert.strictEqual(rows.size, allPolicies.length);
    });

    it("lists every policy in the README table and only known policies in the sample config", () => {
        const readme = fs.readFileSync(path.join(packDir, "README.md"), "utf8");
        const sample = JSON.parse(fs.readFileSync(path.join(packDir, "policy-config.json"), "utf8"));
        const names = allPolicies.map(p => p.name);
        names.forEach(name => assert.ok(readme.includes(`| \`${name}\``), `README lacks ${name}`));
        Object.keys(sample).forEach(key => assert.ok(key === "all" || names.includes(key), `unknown ${key}`));
    });
});
