/**
 * What the plugin does when another language's program creates a FargateStack: `ComponentProvider.construct` with the
 * inputs that program sends (the YAML example's properties with its config filled in, then with outputs of other
 * resources where the schema allows them), under Pulumi's mocks.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { AwsMocks, settle, valueOf } from "../support/awsMocks";
import { readProjectFile, resolveYamlInputs } from "./exampleSupport";
import { componentProvider, fargateStackOf, FARGATE_STACK_TOKEN, readSnapshot } from "./schemaSupport";

const CONFIG = {
    domainName: "api.example.com",
    hostedZoneId: "Z0123456789ABCDEFGHIJ",
    databaseUrlSecretArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:api/database-url-AbCdEf",
};

/** Installs fresh mocks for the YAML example's project and returns the inputs its `api` resource sends. */
function yamlExampleInputs(): { mocks: AwsMocks; inputs: Record<string, unknown> } {
    const project = readProjectFile("yaml");
    const mocks = new AwsMocks(false, project.name, "dev").install();
    const inputs = resolveYamlInputs(project.resources!.api.properties!, project.config ?? {}, CONFIG,
        { stack: "dev", project: project.name });
    return { mocks, inputs };
}

describe("ComponentProvider.construct (the plugin's Construct) under mocks", function () {
    // The first construct analyses the schema unless another spec already did.
    this.timeout(120000);

    let mocks: AwsMocks;
    let state: Record<string, unknown>;
    let urn: string;

    before(async () => {
        const example = yamlExampleInputs();
        mocks = example.mocks;
        const result = await componentProvider().construct("api", FARGATE_STACK_TOKEN, example.inputs, {});
        state = result.state as Record<string, unknown>;
        urn = await valueOf(result.urn as pulumi.Output<string>);
        await settle();
    });

    it("registers the FargateStack component under its type token", () => {
        assert.match(urn, /::fargate-stack:index:FargateStack::api$/);
        const component = mocks.named("api");
        assert.strictEqual(component.type, FARGATE_STACK_TOKEN);
        assert.strictEqual(component.custom, false);
    });

    it("returns exactly the schema's outputs as state", () => {
        assert.deepStrictEqual(Object.keys(state).sort(), Object.keys(fargateStackOf(readSnapshot()).properties).sort());
        for (const [name, value] of Object.entries(state)) {
            assert.ok(pulumi.Output.isInstance(value), `${name} is an Output`);
        }
    });

    it("builds the HTTPS service the inputs describe: URL, listener, the one secret and request-count scaling", async () => {
        assert.strictEqual(await valueOf(state.url as pulumi.Output<string>), "https://api.example.com");
        assert.strictEqual(mocks.named("api-https").type, "aws:lb/listener:Listener");
        const [container] = JSON.parse(mocks.named("api-task").inputs.containerDefinitions);
        assert.deepStrictEqual(container.secrets, [{ name: "DATABASE_URL", valueFrom: CONFIG.databaseUrlSecretArn }]);
        assert.strictEqual(mocks.named("api-requests-scaling").type, "aws:appautoscaling/policy:Policy");
    });
});

describe("ComponentProvider.construct with outputs of other resources as inputs", function () {
    this.timeout(120000);

    let mocks: AwsMocks;

    before(async () => {
        const example = yamlExampleInputs();
        mocks = example.mocks;
        const inputs = example.inputs;
        // As the provider host deserializes them when a program passes resource outputs: Outputs in place of values
        // wherever the schema does not mark the property plain.
        inputs.hostedZoneId = pulumi.output(CONFIG.hostedZoneId);
        inputs.secrets = { DATABASE_URL: pulumi.secret(CONFIG.databaseUrlSecretArn) };
        await componentProvider().construct("api", FARGATE_STACK_TOKEN, inputs, {});
        await settle();
    });

    it("accepts them and wires them into the children, keeping the secret secret", () => {
        const definitions = mocks.named("api-task").inputs.containerDefinitions;
        assert.strictEqual(definitions[specialSigKey], specialSecretSig, "a secret input makes the definitions secret");
        const [container] = JSON.parse(definitions.value);
        assert.deepStrictEqual(container.secrets, [{ name: "DATABASE_URL", valueFrom: CONFIG.databaseUrlSecretArn }]);
        assert.strictEqual(mocks.named("api-alias").inputs.zoneId, CONFIG.hostedZoneId);
    });
});


describe("ComponentProvider.construct of a Platform and its workloads, as another language's program sends them", function () {
    this.timeout(120000);

    let mocks: AwsMocks;
    let ref: Record<string, unknown>;

    before(async () => {
        mocks = new AwsMocks(false, "shop", "dev").install();
        const provider = componentProvider();
        const platform = await provider.construct("main", "fargate-stack:index:Platform", { natGateways: "None" }, {});
        ref = await valueOf((platform.state as Record<string, pulumi.Output<Record<string, unknown>>>).ref);
        // The ref arrives in a workload's Construct as a deserialized value of its own, not the Output this process
        // made: the workloads read it field by field.
        const platformInput = pulumi.output(ref);
        await provider.construct("api", "fargate-stack:index:WebService",
            { platform: platformInput, image: "nginx:1.27", pathPatterns: ["/api/*"], priority: 10 }, {});
        await provider.construct("orders", "fargate-stack:index:WorkerService", { platform: platformInput, image: "nginx:1.27" }, {});
        await provider.construct("report", "fargate-stack:index:ScheduledTask",
            { platform: platformInput, image: "nginx:1.27", schedule: "rate(1 day)" }, {});
        await settle();
    });

    it("returns the platform's ref with every field a workload reads", () => {
        assert.deepStrictEqual(Object.keys(ref).sort(), Object.keys(readSnapshot().types["fargate-stack:index:PlatformRef"].properties!).sort());
    });

    it("runs each workload in the platform's private subnets, on its cluster, behind its listener", () => {
        const subnets = ["main-private-1-id", "main-private-2-id"];
        assert.deepStrictEqual(mocks.named("api-service").inputs.networkConfiguration.subnets, subnets);
        assert.deepStrictEqual(mocks.named("orders-service").inputs.networkConfiguration.subnets, subnets);
        assert.deepStrictEqual(mocks.named("report-schedule").inputs.target.ecsParameters.networkConfiguration.subnets, subnets);
        assert.strictEqual(mocks.named("api-rule").inputs.listenerArn, ref.listenerArn);
        assert.strictEqual(mocks.named("orders-service").inputs.cluster, ref.clusterArn);
    });
});
