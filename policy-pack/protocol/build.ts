/**
 * The compiled pack (`npm run build`: index.js and dist/, see scripts/pack.js) is what the policy runner loads when
 * it exists. A build older than the sources would answer with yesterday's policies, silently: the pack's clients
 * (the offline preview, the specs) refuse it instead, naming the newer source and the command that fixes it.
 */
import * as fs from "fs";
import * as path from "path";

/** The TypeScript files the pack compiles (tsconfig.pack.json): its entry, policies and library, and the shared rules. */
function packSources(packDir: string): string[] {
    const walk = (dir: string): string[] => fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? walk(full) : entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
    }) : [];
    return [path.join(packDir, "index.ts"), ...walk(path.join(packDir, "policies")), ...walk(path.join(packDir, "lib")),
        ...walk(path.join(packDir, "..", "components", "rules"))].filter(file => fs.existsSync(file));
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
