/**
 * components/ is installed and started on its own by `pulumi package add` (a git URL brings only that folder's
 * package.json), and imported compiled by npm users: its manifest must say so, and its sources may import only what
 * that manifest installs.
 */
import * as assert from "assert";
import * as fs from "fs";
import { builtinModules } from "module";
import * as path from "path";
import { COMPONENTS_DIR } from "./schemaSupport";
import { componentSources, staleComponentSources } from "../../policy-pack/protocol/build";

const manifest = JSON.parse(fs.readFileSync(path.join(COMPONENTS_DIR, "package.json"), "utf8"));
const buildConfig = JSON.parse(fs.readFileSync(path.join(COMPONENTS_DIR, "tsconfig.build.json"), "utf8")
    .replace(/^\s*\/\/.*$/gm, ""));

/** The TypeScript files of the package: everything but the root project's program and build output. */
const packageSources = () => componentSources(COMPONENTS_DIR);

/** The package each bare import specifier names (`@scope/name` or `name`). */
function importedPackages(file: string): string[] {
    const text = fs.readFileSync(file, "utf8");
    const specifiers = [...text.matchAll(/(?:from\s+|require\(|import\s+)["']([^"'.][^"']*)["']/g)].map(m => m[1]);
    return specifiers.map(s => (s.startsWith("@") ? s.split("/").slice(0, 2) : s.split("/").slice(0, 1)).join("/"));
}

describe("the fargate-stack package (components/package.json)", () => {
    it("has the compiled plugin entry as main, built whenever the package is installed from source", () => {
        // Only a directory require reaches `main`: run-plugin's. Importing "fargate-stack" goes through `exports`.
        assert.strictEqual(manifest.main, "./bin/plugin.js");
        assert.ok(fs.existsSync(path.join(COMPONENTS_DIR, "plugin.ts")));
        // `pulumi package add <git URL>/components` installs the folder on its own: `prepare` builds bin/ then. In this
        // repository the root's `prepare` (run by `npm ci`) builds it, and `npm test` rebuilds it before the specs.
        assert.strictEqual(manifest.scripts.prepare, "npm run build");
        assert.ok(manifest.devDependencies.typescript, "the build needs TypeScript");
    });

    it("has a build as new as its sources (what run-plugin serves is what the specs test)", () => {
        assert.strictEqual(buildConfig.compilerOptions.outDir, "bin", "the build compiles to bin/, where the check looks");
        const stale = staleComponentSources(COMPONENTS_DIR).map(source => path.relative(COMPONENTS_DIR, source));
        assert.deepStrictEqual(stale, [], "components/bin is older than these sources: run `npm run build`");
    });

    it("points npm users at the compiled build, types included for every moduleResolution", () => {
        const outDir = buildConfig.compilerOptions.outDir;
        assert.strictEqual(outDir, "bin");
        assert.deepStrictEqual(manifest.exports["."], {
            types: "./bin/index.d.ts", "fargate-stack-source": "./index.ts", default: "./bin/index.js",
        });
        // `moduleResolution: node` (pulumi new aws-typescript) ignores `exports`: it needs the top-level field.
        assert.strictEqual(manifest.types, "./bin/index.d.ts");
        assert.ok(manifest.files.includes("bin/**/*.d.ts") && manifest.files.includes("bin/**/*.js"));
    });

    it("lists every package its sources import among its dependencies (built-ins aside)", () => {
        const dependencies = Object.keys(manifest.dependencies);
        const missing = packageSources().flatMap(file => importedPackages(file)
            .filter(name => !builtinModules.includes(name.replace(/^node:/, "")) && !dependencies.includes(name))
            .map(name => `${path.relative(COMPONENTS_DIR, file)} imports ${name}`));
        assert.deepStrictEqual(missing, []);
        assert.ok(packageSources().length > 20, "the source walk found the package's files");
    });

    it("imports nothing from outside components/ by relative path", () => {
        const escaping = packageSources().flatMap(file => {
            const text = fs.readFileSync(file, "utf8");
            return [...text.matchAll(/from\s+["'](\.[^"']*)["']/g)]
                .map(m => path.resolve(path.dirname(file), m[1]))
                .filter(target => !target.startsWith(COMPONENTS_DIR + path.sep))
                .map(target => `${path.relative(COMPONENTS_DIR, file)} imports ${target}`);
        });
        assert.deepStrictEqual(escaping, []);
    });

    it("declares the plugin runtime for pulumi package add", () => {
        assert.match(fs.readFileSync(path.join(COMPONENTS_DIR, "PulumiPlugin.yaml"), "utf8"), /^runtime: nodejs$/m);
    });
});
