/**
 * The plugin `pulumi package add` starts: `components/` run by `@pulumi/pulumi/cmd/run-plugin` from the TypeScript
 * sources (no build step), asked the same questions the CLI asks before it generates an SDK.
 */
import * as assert from "assert";
import * as path from "path";
import { ComponentPluginClient, startComponentPlugin } from "./pluginClient";
import { COMPONENTS_DIR, EXAMPLES_DIR, providerIdentity, readSnapshot } from "./schemaSupport";

describe("component plugin over the provider protocol (run-plugin components/)", function () {
    // Startup type-checks the sources with ts-node; GetSchema analyses them.
    this.timeout(120000);

    let plugin: ComponentPluginClient | undefined;

    before(async () => {
        // As the CLI does for `pulumi package add ../../components` run in examples/yaml.
        plugin = await startComponentPlugin({ pluginDir: COMPONENTS_DIR, cwd: path.join(EXAMPLES_DIR, "yaml") });
    });

    after(() => plugin?.close());

    it("answers GetPluginInfo with the version of components/package.json", async () => {
        const info = await plugin!.getPluginInfo();
        assert.strictEqual(info.getVersion(), providerIdentity().version);
    });

    it("answers GetSchema with exactly the committed snapshot", async () => {
        const schema = JSON.parse(await plugin!.getSchema());
        assert.deepStrictEqual(schema, readSnapshot());
    });
});
