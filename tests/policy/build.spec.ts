/**
 * The compiled pack the policy runner loads (`npm run build`: policy-pack/index.js and dist/): current after the
 * build `npm test` runs, and refused, with the file and the command, once a source is newer.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { assertBuildIsCurrent, assertComponentBuildIsCurrent } from "../../policy-pack/protocol/build";
import { DEFAULT_PACK_DIR } from "../../policy-pack/protocol/client";

/** A copy of the pack's layout: entry, one policy, one shared rule, and a build written at `builtAt`. */
function fakePack(builtAt: Date): { packDir: string; policy: string } {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "pack-build-"));
    const packDir = path.join(root, "policy-pack");
    fs.mkdirSync(path.join(packDir, "policies"), { recursive: true });
    fs.mkdirSync(path.join(root, "components", "rules"), { recursive: true });
    const policy = path.join(packDir, "policies", "noPublicIp.ts");
    for (const file of [path.join(packDir, "index.ts"), policy, path.join(root, "components", "rules", "taskSize.ts")]) {
        fs.writeFileSync(file, "export {};\n");
        fs.utimesSync(file, new Date(builtAt.getTime() - 60000), new Date(builtAt.getTime() - 60000));
    }
    fs.writeFileSync(path.join(packDir, "index.js"), "module.exports = {};\n");
    fs.utimesSync(path.join(packDir, "index.js"), builtAt, builtAt);
    return { packDir, policy };
}

describe("the compiled policy pack", () => {
    it("is current in this repository after the build (what run-policy-pack loads is what the specs check)", () => {
        assert.ok(fs.existsSync(path.join(DEFAULT_PACK_DIR, "index.js")), "policy-pack/index.js exists: run `npm run build`");
        assert.ok(fs.existsSync(path.join(DEFAULT_PACK_DIR, "dist", "policy-pack", "policies", "all.js")));
        assert.doesNotThrow(() => assertBuildIsCurrent(DEFAULT_PACK_DIR));
    });

    it("is refused once a policy or a shared rule is newer than the build, naming the file and the command", () => {
        const { packDir, policy } = fakePack(new Date(Date.now() - 3600000));
        assert.doesNotThrow(() => assertBuildIsCurrent(packDir));
        fs.utimesSync(policy, new Date(), new Date());
        const rule = path.join(packDir, "..", "components", "rules", "taskSize.ts");
        fs.utimesSync(rule, new Date(), new Date());
        assert.throws(() => assertBuildIsCurrent(packDir), (error: Error) => {
            assert.match(error.message, /^The compiled policy pack \(.*index\.js\) is older than policy-pack\/policies\/noPublicIp\.ts, components\/rules\/taskSize\.ts: the Pulumi policy runner would load the old build\. Run `npm run build` at the repository root\.$/);
            return true;
        });
    });

    it("passes a folder without a build (a fresh clone) or without sources (a published pack)", () => {
        const { packDir, policy } = fakePack(new Date(Date.now() - 3600000));
        fs.utimesSync(policy, new Date(), new Date());
        fs.rmSync(path.join(packDir, "index.ts"));
        assert.doesNotThrow(() => assertBuildIsCurrent(packDir));
        const fresh = fakePack(new Date(Date.now() - 3600000));
        fs.utimesSync(fresh.policy, new Date(), new Date());
        fs.rmSync(path.join(fresh.packDir, "index.js"));
        assert.doesNotThrow(() => assertBuildIsCurrent(fresh.packDir));
    });
});

/** A copy of the component package's layout: two sources (one in a subfolder), the program, and their build at `builtAt`. */
function fakeComponents(builtAt: Date): { componentsDir: string; source: string } {
    const componentsDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "components-build-")), "components");
    const before = new Date(builtAt.getTime() - 60000);
    for (const file of ["index.ts", "layers/network.ts", "program/index.ts", "bin/index.js", "bin/layers/network.js"]) {
        const full = path.join(componentsDir, file);
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, "export {};\n");
        const at = file.startsWith("bin/") ? builtAt : before;
        fs.utimesSync(full, at, at);
    }
    return { componentsDir, source: path.join(componentsDir, "layers", "network.ts") };
}

describe("the compiled component package", () => {
    it("is current in this repository after the build (what programs importing fargate-stack load)", () => {
        assert.doesNotThrow(() => assertComponentBuildIsCurrent(path.join(DEFAULT_PACK_DIR, "..", "components")));
    });

    it("is refused once a source is newer than its build, or has none, naming the file and the command", () => {
        const { componentsDir, source } = fakeComponents(new Date(Date.now() - 3600000));
        assert.doesNotThrow(() => assertComponentBuildIsCurrent(componentsDir));
        // The root program (program/) is not part of the package: a newer one is not a stale build.
        fs.utimesSync(path.join(componentsDir, "program", "index.ts"), new Date(), new Date());
        assert.doesNotThrow(() => assertComponentBuildIsCurrent(componentsDir));
        fs.utimesSync(source, new Date(), new Date());
        fs.writeFileSync(path.join(componentsDir, "layers", "dns.ts"), "export {};\n");
        assert.throws(() => assertComponentBuildIsCurrent(componentsDir), (error: Error) => {
            assert.match(error.message, /^The compiled component package \(.*bin\) is older than components\/layers\/(dns|network)\.ts, components\/layers\/(dns|network)\.ts: programs importing fargate-stack would run the old build\. Run `npm run build` at the repository root\.$/);
            return true;
        });
    });

    it("passes a folder without a build (a fresh clone) or without sources (an installed package)", () => {
        const { componentsDir, source } = fakeComponents(new Date(Date.now() - 3600000));
        fs.utimesSync(source, new Date(), new Date());
        fs.rmSync(path.join(componentsDir, "bin"), { recursive: true });
        assert.doesNotThrow(() => assertComponentBuildIsCurrent(componentsDir));
        const installed = fakeComponents(new Date(Date.now() - 3600000));
        fs.utimesSync(installed.source, new Date(), new Date());
        fs.rmSync(path.join(installed.componentsDir, "index.ts"));
        assert.doesNotThrow(() => assertComponentBuildIsCurrent(installed.componentsDir));
    });
});
