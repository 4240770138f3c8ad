/**
 * The pack as `pulumi policy publish` ships it: `npm pack` in policy-pack/ (what publish runs) gives a tarball of the
 * pack's own files, compiled, with the shared rules bundled and its dependency tree locked; extracted alone, as the
 * Pulumi CLI installs a published pack, it installs offline from the npm cache and starts with its own
 * `@pulumi/pulumi/cmd/run-policy-pack`, printing its port, and answers as the pack in this repository does.
 */
import * as assert from "assert";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { allPolicies } from "../../policy-pack/policies/all";
import { PolicyPackClient } from "../../policy-pack/protocol/client";
import { spawnPulumiRunner } from "../../policy-pack/protocol/spawn";
import { INSECURE_VARIANTS } from "./support/insecure";
import { secureStack } from "./support/stacks";

const PACK_DIR = path.resolve(__dirname, "..", "..", "policy-pack");
const manifest = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8"));

function npm(args: string[], cwd: string): string {
    const result = spawnSync("npm", args, { cwd, encoding: "utf8", timeout: 120000 });
    assert.strictEqual(result.status, 0, `npm ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
}

describe("the published pack (npm pack in policy-pack/)", function () {
    this.timeout(180000);
    let work: string;
    let files: string[];
    let installed: string;
    let pack: PolicyPackClient;

    before(async () => {
        work = fs.mkdtempSync(path.join(os.tmpdir(), "guardrails-pack-"));
        npm(["pack", "--pack-destination", work, "--loglevel=error"], PACK_DIR);
        const tarball = path.join(work, `${manifest.name}-${manifest.version}.tgz`);
        files = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).split("\n").filter(Boolean).map(f => f.replace(/^package\//, ""));
        // Where the Pulumi CLI puts a published pack: a folder of its own, far from this repository's node_modules.
        execFileSync("tar", ["xzf", tarball, "-C", work]);
        installed = path.join(work, "package");
        npm(["ci", "--offline", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], installed);
        // The pack's own @pulumi/pulumi/cmd/run-policy-pack, started as the CLI starts it.
        const { child, port } = await spawnPulumiRunner("run-policy-pack", ["127.0.0.1:0", "."], {
            cwd: installed, env: process.env, label: "packed policy pack", timeoutMs: 60000, sdkFrom: installed,
        });
        pack = new PolicyPackClient(child, port);
    });

    after(async () => {
        await pack?.close();
        fs.rmSync(work, { recursive: true, force: true });
    });

    it("ships the compiled pack, the bundled shared rules and the lock of its dependencies, nothing else", () => {
        const unexpected = files.filter(f => !/^dist\/(policy-pack\/(index|policies\/\w+|lib\/\w+)|components\/rules\/\w+)\.js$/.test(f)
            && !["index.js", "npm-shrinkwrap.json", "package.json", "PulumiPolicy.yaml", "README.md", "policy-config.json"].includes(f));
        assert.deepStrictEqual(unexpected, []);
        assert.ok(files.includes("dist/components/rules/taskSize.js"), "the Fargate size table is bundled");
        assert.ok(!files.some(f => /preview|protocol|\.ts$/.test(f)), "no offline preview, protocol client or TypeScript source");
    });

    it("leaves the pack folder with the compiled pack the CLI runs from this repository, and no shrinkwrap", () => {
        assert.deepStrictEqual(["index.js", "dist", "npm-shrinkwrap.json"].filter(f => fs.existsSync(path.join(PACK_DIR, f))),
            ["index.js", "dist"]);
    });

    it("locks only runtime dependencies, at the versions this repository tests with", () => {
        const lock = JSON.parse(fs.readFileSync(path.join(installed, "npm-shrinkwrap.json"), "utf8"));
        const workspace = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "..", "package-lock.json"), "utf8"));
        assert.strictEqual(lock.packages["node_modules/@pulumi/pulumi"].version, workspace.packages["node_modules/@pulumi/pulumi"].version);
        assert.ok(!Object.keys(lock.packages).some(key => /typescript|ts-node|mocha|@pulumi\/aws\b/.test(key)), "no dev tooling and no AWS SDK");
    });

    it("starts from its own install and describes every policy of the pack", async () => {
        assert.ok(!fs.existsSync(path.join(installed, "node_modules", "fargate-stack")), "no component package installed");
        const info = await pack.getAnalyzerInfo();
        assert.deepStrictEqual([info.name, info.version], [manifest.name, manifest.version]);
        assert.deepStrictEqual(info.policies.map(p => p.name), allPolicies.map(p => p.name));
    });

    it("passes the secure stack and fails each insecure variant with its mandatory policy", async () => {
        await pack.configure({});
        assert.deepStrictEqual(await pack.analyzeAll(secureStack().wire()), []);
        for (const variant of INSECURE_VARIANTS) {
            const mandatory = (await pack.analyzeAll(variant.build().wire())).filter(d => d.enforcementLevel === "mandatory");
            assert.deepStrictEqual([...new Set(mandatory.map(d => d.policyName))], [variant.policy], variant.title);
        }
    });
});
