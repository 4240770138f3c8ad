/**
 * The root Pulumi project: the program in components/program/ runs under mocks with each committed stack config,
 * and bad stack config fails with the program's own message.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { AwsMocks, settle } from "./support/awsMocks";
import { loadProject, loadStackConfig } from "../policy-pack/preview/project";
import { json, resolve } from "./support/fixture";
import { CONFIG_KEYS, DEFAULT_NAME, readStackConfig } from "../components/program/stackConfig";
import { DEFAULTS } from "../components/defaults";
import * as yaml from "js-yaml";

const ROOT = path.resolve(__dirname, "..");
const { name: PROJECT, entry: PROGRAM } = loadProject(ROOT);
const STACK_FILES = fs.readdirSync(ROOT).filter(f => /^Pulumi\.[\w-]+\.yaml$/.test(f)).sort();

/** Runs the program once with `config` (as the CLI passes it) under fresh mocks and returns its exports. */
async function runProgram(stack: string, config: Record<string, string>, preview = false) {
    const mocks = new AwsMocks(preview, PROJECT, stack).install();
    pulumi.runtime.setAllConfig(config);
    delete require.cache[require.resolve(PROGRAM)];
    const exports = require(PROGRAM) as Record<string, pulumi.Output<unknown>>;
    await settle();
    return { mocks, exports };
}

/** Runs the program expecting it to fail, and returns the error. */
function programError(config: Record<string, string>): Error {
    new AwsMocks(false, PROJECT, "dev").install();
    pulumi.runtime.setAllConfig(config);
    delete require.cache[require.resolve(PROGRAM)];
    try {
        require(PROGRAM);
    } catch (e) {
        return e as Error;
    }
    throw new Error("the program did not fail");
}

describe("root program", () => {
    it("is the program Pulumi.yaml points to, and has committed stack configs", () => {
        assert.strictEqual(PROJECT, "fargate-stack");
        assert.strictEqual(PROGRAM, path.join(ROOT, "components", "program", "index.ts"));
        assert.ok(STACK_FILES.includes("Pulumi.dev.yaml"));
    });

    it("declares every scalar and list key with a component default, typed and with that default, and nothing else", () => {
        const text = fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8");
        const declared = (yaml.load(text) as any).config;
        const schemaType = { string: "string", number: "integer", boolean: "boolean", stringArray: "array" } as Record<string, string>;
        const defaults: Record<string, unknown> = { ...DEFAULTS, name: DEFAULT_NAME };
        const expected = Object.entries(CONFIG_KEYS).filter(([key, kind]) => kind in schemaType && key in defaults)
            .map(([key, kind]) => [key, schemaType[kind], defaults[key]]).sort();
        const actual = Object.entries(declared).map(([key, decl]: [string, any]) => [key, decl.type, decl.default]).sort();
        assert.deepStrictEqual(actual, expected);
        for (const [key, decl] of Object.entries(declared) as [string, any][]) {
            assert.ok(typeof decl.description === "string" && decl.description.length > 10, `${key} has a description`);
        }
        // A declaration without a default would make the key required on every stack: the others are only listed.
        const comments = text.split("\n").filter(line => line.startsWith("#")).join("\n");
        for (const key of Object.keys(CONFIG_KEYS).filter(k => !(k in declared))) {
            assert.match(comments, new RegExp(`\\b${key}\\b`), `${key} is listed in the comments of Pulumi.yaml`);
        }
    });

    it("leaves values equal to the component's defaults unset, so project defaults do not count as given", () => {
        const config = { ...loadProject(ROOT).configDefaults, "fargate-stack:image": "nginx:1.27" };
        pulumi.runtime.setAllConfig(config);
        const { args } = readStackConfig(PROJECT, config);
        assert.deepStrictEqual(args, { image: "nginx:1.27" });
    });

    for (const file of STACK_FILES) {
        it(`builds one FargateStack from ${file} and exports its outputs`, async () => {
            const stack = file.split(".")[1];
            const { mocks, exports } = await runProgram(stack, loadStackConfig(path.join(ROOT, file), loadProject(ROOT).configDefaults));
            assert.strictEqual(mocks.ofType("fargate-stack:index:FargateStack").length, 1);
            assert.deepStrictEqual(Object.keys(exports).sort(), [
                "clusterArn", "clusterName", "executionRoleArn", "loadBalancerDnsName", "logGroupName",
                "privateSubnetIds", "publicSubnetIds", "repositoryUrl", "serviceArn", "serviceName", "taskDefinitionArn",
                "taskRoleArn", "url", "vpcId",
            ]);
            assert.match(await resolve(exports.url as pulumi.Output<string>), /^https?:\/\//);
        });
    }

    it("builds the dev stack as Pulumi.dev.yaml describes: HTTP only, one NAT gateway, two tasks", async () => {
        const { mocks, exports } = await runProgram("dev", loadStackConfig(path.join(ROOT, "Pulumi.dev.yaml"), loadProject(ROOT).configDefaults));
        assert.strictEqual(mocks.resources.length, 49);
        assert.strictEqual(mocks.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").length, 7);
        assert.deepStrictEqual(mocks.ofType("aws:lb/listener:Listener").map(l => [l.name, l.inputs.protocol]), [["web-http", "HTTP"]]);
        assert.deepStrictEqual(mocks.ofType("aws:ec2/natGateway:NatGateway").map(n => n.name), ["web-nat-1"]);
        const service = mocks.named("web-service").inputs;
        assert.strictEqual(service.desiredCount, 2);
        assert.strictEqual(service.networkConfiguration.assignPublicIp, false);
        const container = json(mocks.named("web-task").inputs.containerDefinitions)[0];
        assert.strictEqual(container.image, "nginxinc/nginx-unprivileged:1.27-alpine");
        assert.strictEqual(container.user, "101");
        assert.deepStrictEqual(container.environment, [{ name: "APP_ENV", value: "dev" }, { name: "LOG_LEVEL", value: "debug" }]);
        assert.strictEqual(mocks.named("web-logs").inputs.retentionInDays, 7);
        assert.strictEqual(mocks.named("web-logs").inputs.name, "/ecs/fargate-stack/dev/web");
        assert.deepStrictEqual(mocks.named("web-vpc").inputs.tags, { environment: "dev", owner: "platform-team", Name: "web-vpc" });
        assert.strictEqual(mocks.named("web-scaling-target").inputs.maxCapacity, 4);
        assert.strictEqual(await resolve(exports.url as pulumi.Output<string>), "http://web-alb.us-east-1.elb.amazonaws.com");
    });

    it("rejects an unknown key with a suggestion, and a value of the wrong type, in one error", () => {
        const error = programError({
            "aws:region": "us-east-1", "fargate-stack:image": "nginx:1.27", "fargate-stack:cpus": "512",
            "fargate-stack:desiredCount": "two", "fargate-stack:frobnicate": "yes",
        });
        assert.ok(error instanceof pulumi.RunError);
        assert.strictEqual(error.message, [
            `Stack config of project "fargate-stack" is invalid (3 problems):`,
            "  - `fargate-stack:cpus` is not a config key of this project; got \"512\". Did you mean `fargate-stack:cpu`?",
            "  - `fargate-stack:desiredCount` must be a number; got \"two\". Set a number with `pulumi config set desiredCount <number>`.",
            "  - `fargate-stack:frobnicate` is not a config key of this project; got \"yes\". Use one of the keys listed in Pulumi.yaml.",
        ].join("\n"));
    });

    it("rejects a list key given as a plain string", () => {
        const error = programError({ "fargate-stack:image": "nginx:1.27", "fargate-stack:allowedCidrBlocks": "10.0.0.0/8" });
        assert.strictEqual(error.message, [
            `Stack config of project "fargate-stack" is invalid (1 problem):`,
            "  - `fargate-stack:allowedCidrBlocks` must be a list of strings; got \"10.0.0.0/8\". " +
            "Set list items with `pulumi config set --path 'allowedCidrBlocks[0]' <value>`.",
        ].join("\n"));
    });

    it("passes the component's validation error through for a bad cpu/memory pair", () => {
        const error = programError({ "fargate-stack:image": "nginx:1.27", "fargate-stack:cpu": "256", "fargate-stack:memoryMib": "4096" });
        assert.ok(error instanceof pulumi.ResourceError);
        assert.strictEqual(error.message, [
            `FargateStack "web" has invalid arguments (1 problem); nothing was created:`,
            "  - `memoryMib` is not a valid Fargate memory size for 256 cpu units; got 4096. Use one of 512, 1024, 2048 MiB.",
        ].join("\n"));
    });

    it("reads a key renamed in 0.2.0 under its old name, and rejects it next to the new one", () => {
        const config = { "fargate-stack:image": "nginx:1.27", "fargate-stack:minCount": "3", "fargate-stack:memoryMib": "512" };
        pulumi.runtime.setAllConfig(config);
        const { args, warnings } = readStackConfig("fargate-stack", config);
        assert.deepStrictEqual(args, { image: "nginx:1.27", minTaskCount: 3 });
        assert.deepStrictEqual(warnings, ["Stack config key `fargate-stack:minCount` is deprecated: rename it to " +
            "`fargate-stack:minTaskCount`, the same input under its new name. The old name is accepted until fargate-stack 0.3.0."]);
        const error = programError({ "fargate-stack:image": "nginx:1.27", "fargate-stack:minCount": "3", "fargate-stack:minTaskCount": "4" });
        assert.strictEqual(error.message, [
            `Stack config of project "fargate-stack" is invalid (1 problem):`,
            "  - `fargate-stack:minCount` is the old name of `fargate-stack:minTaskCount`, which is also set; got 3. " +
            "Remove `fargate-stack:minCount` from the stack config.",
        ].join("\n"));
    });
});
