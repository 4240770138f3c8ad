/**
 * The plugin `pulumi package add` starts, and that every program in another language starts on each preview and
 * update: `components/` run by `@pulumi/pulumi/cmd/run-plugin`, asked the same questions the CLI asks (GetPluginInfo,
 * GetSchema) and sent the Construct a Python, Go, .NET or YAML program's `FargateStack` becomes, with a resource
 * monitor over gRPC (the SDK's MockMonitor) and the offline engine.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import * as providerpb from "@pulumi/pulumi/proto/provider_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { OfflineEngine, startOfflineEngine } from "../../policy-pack/preview/engine";
import { AwsMocks } from "../support/awsMocks";
import { build } from "../support/fixture";
import { MonitorServer, serveMonitor } from "../support/monitorServer";
import { ComponentPluginClient, startComponentPlugin } from "./pluginClient";
import { COMPONENTS_DIR, EXAMPLES_DIR, FARGATE_STACK_TOKEN, fargateStackOf, providerIdentity, readSnapshot } from "./schemaSupport";

/** Milliseconds since `start`. */
const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** A Construct request as the engine sends it for `new FargateStack(name, inputs)` at the root of a program. */
function constructRequest(monitor: string, name: string, inputs: Record<string, unknown>): providerpb.ConstructRequest {
    return new providerpb.ConstructRequest()
        .setProject("fargate-stack").setStack("test").setDryrun(true).setParallel(4)
        .setMonitorendpoint(monitor).setType(FARGATE_STACK_TOKEN).setName(name)
        .setInputs(Struct.fromJavaScript(inputs as any));
}

describe("component plugin over the provider protocol (run-plugin components/)", function () {
    this.timeout(120000);

    let engine: OfflineEngine;
    let monitor: MonitorServer;
    let mocks: AwsMocks;
    let plugin: ComponentPluginClient | undefined;
    const times = { start: 0, schema: 0, construct: 0 };
    let response: providerpb.ConstructResponse;

    before(async () => {
        engine = await startOfflineEngine();
        // Installed for the project and stack the monitor's URNs carry; the plugin's registrations reach the served one.
        mocks = new AwsMocks(true).install();
        monitor = await serveMonitor(mocks.recordingMonitor());
        const start = process.hrtime.bigint();
        // As the CLI does for `pulumi package add ../../components` run in examples/yaml, or a YAML program's
        // `packages:` entry: the plugin runs in the consumer's directory and gets the engine's address.
        plugin = await startComponentPlugin({ pluginDir: COMPONENTS_DIR, cwd: path.join(EXAMPLES_DIR, "yaml"), engineAddress: engine.address });
        times.start = since(start);
        await plugin.getSchema();
        times.schema = since(start);
        response = await plugin.construct(constructRequest(monitor.address, "api", { image: "nginx:1.27", desiredCount: 3 }));
        times.construct = since(start);
    });

    after(async () => {
        plugin?.close();
        await monitor?.close();
        await engine?.close();
    });

    it("answers GetPluginInfo with the version of components/package.json", async () => {
        const info = await plugin!.getPluginInfo();
        assert.strictEqual(info.getVersion(), providerIdentity().version);
    });

    it("answers GetSchema with exactly the committed snapshot", async () => {
        const schema = JSON.parse(await plugin!.getSchema());
        assert.deepStrictEqual(schema, readSnapshot());
    });

    it("constructs the FargateStack a program in another language asks for: its URN, the schema's outputs as state", () => {
        assert.strictEqual(response.getUrn(), "urn:pulumi:test::fargate-stack::fargate-stack:index:FargateStack::api");
        const state = response.getState()!.toJavaScript();
        assert.deepStrictEqual(Object.keys(state).sort(), Object.keys(fargateStackOf(readSnapshot()).properties).sort());
        assert.deepStrictEqual(engine.messages.filter(m => m.severity === "error"), []);
    });

    it("registers, through the engine's monitor, exactly the children the class registers in-process", async () => {
        const overTheWire = mocks.resources.map(r => `${r.type} ${r.name}`).sort();
        assert.strictEqual(mocks.named("api-service").inputs.desiredCount, 3);
        assert.strictEqual(mocks.named("api-service").inputs.networkConfiguration.assignPublicIp, false);
        const inProcess = await build({ image: "nginx:1.27", desiredCount: 3 }, { name: "api", preview: true });
        assert.deepStrictEqual(overTheWire, inProcess.mocks.resources.map(r => `${r.type} ${r.name}`).sort());
    });

    it("answers GetSchema and Construct about as soon as Node.js has loaded the SDK and @pulumi/aws (measured in the same run)", () => {
        // The floor: a fresh Node.js process that only loads what any Node.js provider of AWS components loads.
        const floorStart = process.hrtime.bigint();
        const floor = spawnSync(process.execPath, ["-e", "require('@pulumi/pulumi/provider'); require('@pulumi/aws')"], { cwd: COMPONENTS_DIR });
        const floorMs = since(floorStart);
        assert.strictEqual(floor.status, 0, String(floor.stderr));
        // Inferring the schema from the TypeScript sources on start (the SDK's componentProviderHost) took more than
        // ten times the floor; serving the committed schema and the compiled JavaScript stays within a few.
        const report = `start ${times.start.toFixed(0)} ms, GetSchema ${times.schema.toFixed(0)} ms, ` +
            `Construct ${times.construct.toFixed(0)} ms after start; floor ${floorMs.toFixed(0)} ms`;
        assert.ok(times.schema <= 3 * floorMs, `GetSchema answered later than 3× the floor: ${report}`);
        assert.ok(times.construct <= 6 * floorMs, `Construct answered later than 6× the floor: ${report}`);
    });
});
