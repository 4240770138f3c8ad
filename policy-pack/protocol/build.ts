/**
 * The compiled pack (`npm run build`: index.js and dist/, see scripts/pack.js) is what the policy runner loads when
 * it exists. A build older than the sources would answer with yesterday's policies, silently: the pack's clients
 * (the offline preview, the specs) refuse it instead, naming the newer source and the command that fixes it. The same
 * holds for the component package's build (components/bin), which programs importing `fargate-stack` load, under the
 * Pulumi CLI and in the offline preview alike.
 */
import * as fs from "fs";
import * as path from "path";

/** The TypeScript sources (no declarations) below `dir`, leaving out folders named in `skip`; none when `dir` is missing. */
function typeScriptSources(dir: string, skip: readonly string[] = []): string[] {
    return fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            return skip.includes(entry.name) ? [] : typeScriptSources(full, skip);
        }
        return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
    }) : [];
}

/** The TypeScript files the pack compiles (tsconfig.pack.json): its entry, policies and library, and the shared rules. */
function packSources(packDir: string): string[] {
    return [path.join(packDir, "index.ts"), ...typeScriptSources(path.join(packDir, "policies")),
        ...typeScriptSources(path.join(packDir, "lib")), ...typeScriptSources(path.join(packDir, "..", "components", "rules"))]
        .filter(file => fs.existsSync(file));
}

/**
 * Throws when `packDir` holds a compiled pack older than one of its sources. A folder without a compiled pack (a
 * published pack has no sources; a fresh clone before `npm ci` has no build) passes: the runner loads what is there.
 */
export function assertBuildIsCurrent(packDir: string): void {
    const entry = path.join(packDir, "index.js");
    if (!fs.existsSync(entry) || !fs.existsSync(path.join(packDir, "index.ts"))) {
        return;
    }
    const builtAt = fs.statSync(entry).mtimeMs;
    const newer = packSources(packDir).filter(source => fs.statSync(source).mtimeMs > builtAt);
    if (newer.length > 0) {
        const names = newer.map(source => path.relative(path.join(packDir, ".."), source));
        throw new Error(`The compiled policy pack (${path.relative(process.cwd(), entry) || entry}) is older than ` +
            `${names.slice(0, 3).join(", ")}${names.length > 3 ? ` and ${names.length - 3} more` : ""}: the Pulumi ` +
            "policy runner would load the old build. Run `npm run build` at the repository root.");
    }
}

/**
 * The component package's TypeScript sources, which `npm run build` compiles to bin/ (components/tsconfig.build.json):
 * everything but the root project's program and build output.
 */
export function componentSources(componentsDir: string): string[] {
    return typeScriptSources(componentsDir, ["node_modules", "bin", "program"]);
}

/** The component package's sources whose compiled file in bin/ is missing or older than they are. */
export function staleComponentSources(componentsDir: string): string[] {
    const bin = path.join(componentsDir, "bin");
    return componentSources(componentsDir).filter(source => {
        const built = path.join(bin, path.relative(componentsDir, source).replace(/\.ts$/, ".js"));
        return !fs.existsSync(built) || fs.statSync(built).mtimeMs < fs.statSync(source).mtimeMs;
    });
}

/**
 * Throws when the component package's build (`componentsDir`/bin) holds a file older than its source, or lacks one:
 * a program importing `fargate-stack` would run yesterday's component. A folder without a build (a fresh clone before
 * `npm ci`) or without sources (an installed package) passes.
 */
export function assertComponentBuildIsCurrent(componentsDir: string): void {
    const bin = path.join(componentsDir, "bin");
    if (!fs.existsSync(path.join(bin, "index.js")) || !fs.existsSync(path.join(componentsDir, "index.ts"))) {
        return;
    }
    const stale = staleComponentSources(componentsDir);
    if (stale.length > 0) {
        const names = stale.map(source => path.relative(path.join(componentsDir, ".."), source));
        throw new Error(`The compiled component package (${path.relative(process.cwd(), bin) || bin}) is older than ` +
            `${names.slice(0, 3).join(", ")}${names.length > 3 ? ` and ${names.length - 3} more` : ""}: programs ` +
            "importing fargate-stack would run the old build. Run `npm run build` at the repository root.");
    }
}
