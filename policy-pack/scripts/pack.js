/**
 * Compiles the policy pack, for the Pulumi CLI and for `npm pack` (and so `pulumi policy publish`):
 *
 * - `--build` (the root's `npm run build`, which `npm ci` runs through `prepare`) compiles the pack and the shared rules
 *   it imports (`components/rules`) into dist/ and writes the entry the CLI's policy runner loads, index.js (Node finds
 *   it before index.ts). The runner type-checks a TypeScript pack with ts-node on every start (about 3 s here, paid by
 *   every `pulumi preview --policy-pack`); the compiled pack prints its port in under 1 s. The trade-off: after
 *   changing a policy, run `npm run build` (`npm test` does, and the pack's clients refuse a build older than its
 *   sources, naming the file and the command).
 * - `prepack` does the same and writes npm-shrinkwrap.json: the exact versions of the pack's runtime dependencies this
 *   repository tests with (from its package-lock.json), so the published pack installs the same tree (and offline,
 *   from an npm cache holding it).
 * - `postpack` (`--clean`) removes the shrinkwrap again; the compiled pack stays, for the CLI's runs from this folder.
 *
 * Plain JavaScript: npm runs it before anything is compiled.
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const packDir = path.resolve(__dirname, "..");
const SHRINKWRAP = path.join(packDir, "npm-shrinkwrap.json");

/** Removes the previous build, so that nothing compiled from a deleted source survives. */
function cleanBuild() {
    ["index.js", "dist"].forEach(name => fs.rmSync(path.join(packDir, name), { recursive: true, force: true }));
}

function compile() {
    const tsc = require.resolve("typescript/bin/tsc", { paths: [packDir] });
    execFileSync(process.execPath, [tsc, "-p", path.join(packDir, "tsconfig.pack.json")], { stdio: "inherit" });
    fs.writeFileSync(path.join(packDir, "index.js"), [
        "// The compiled pack, written by `npm run build` and `npm pack` (policy-pack/scripts/pack.js).",
        'module.exports = require("./dist/policy-pack/index.js");',
        "",
    ].join("\n"));
}

/**
 * The lockfile entries of everything the pack's `dependencies` need at run time, taken from the workspace lockfile
 * and resolved the way Node does (a package's own node_modules first, then each enclosing one), with the workspace's
 * dev flags dropped: in the pack, each of them is a production dependency.
 */
function shrinkwrap() {
    const manifest = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8"));
    const workspaceLock = JSON.parse(fs.readFileSync(path.join(packDir, "..", "package-lock.json"), "utf8"));
    const entries = workspaceLock.packages;
    const workspace = path.basename(packDir);
    const packages = { "": { name: manifest.name, version: manifest.version, license: manifest.license, dependencies: manifest.dependencies } };
    const resolve = (from, name) => {
        for (let at = from; ; at = at.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, "")) {
            const candidate = `${at ? `${at}/` : ""}node_modules/${name}`;
            if (entries[candidate]) {
                return candidate;
            }
            if (!at || !at.includes("node_modules/")) {
                return entries[`node_modules/${name}`] ? `node_modules/${name}` : undefined;
            }
        }
    };
    const visit = (from, dependencies, optional) => {
        for (const name of Object.keys(dependencies ?? {})) {
            const location = resolve(from, name);
            if (!location) {
                if (optional?.[name] !== undefined) {
                    continue;
                }
                throw new Error(`${name}, a dependency of ${from || manifest.name}, is not in package-lock.json: run npm install at the root.`);
            }
            const key = location.startsWith(`${workspace}/`) ? location.slice(workspace.length + 1) : location;
            if (packages[key]) {
                continue;
            }
            const { dev, devOptional, ...entry } = entries[location];
            packages[key] = entry;
            visit(location, { ...entry.dependencies, ...entry.optionalDependencies }, entry.optionalDependencies);
        }
    };
    visit(workspace, manifest.dependencies);
    const lock = { name: manifest.name, version: manifest.version, lockfileVersion: 3, requires: true, packages };
    fs.writeFileSync(SHRINKWRAP, `${JSON.stringify(lock, null, 2)}\n`);
}

fs.rmSync(SHRINKWRAP, { force: true });
if (!process.argv.includes("--clean")) {
    cleanBuild();
    compile();
    if (!process.argv.includes("--build")) {
        shrinkwrap();
    }
}
