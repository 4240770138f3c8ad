/**
 * Reads a `Pulumi.<stack>.yaml` the way the Pulumi CLI hands it to a program: every value becomes a string in the
 * `PULUMI_CONFIG` map (`project:key` → value), with structured values (lists, maps) as JSON.
 */
import * as fs from "fs";
import * as yaml from "js-yaml";

/** Loads the `config:` section of a stack file as the flat string map `pulumi.runtime.setAllConfig` takes. */
export function loadStackConfig(file: string): Record<string, string> {
    const document = (yaml.load(fs.readFileSync(file, "utf8")) ?? {}) as { config?: Record<string, unknown> };
    const config: Record<string, string> = {};
    for (const [key, value] of Object.entries(document.config ?? {})) {
        if (value !== null && typeof value === "object" && "secure" in value) {
            throw new Error(`${file}: \`${key}\` is encrypted ({secure: …}); offline runs cannot decrypt it.`);
        }
        config[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return config;
}

/** The project name declared in a `Pulumi.yaml`. */
export function loadProjectName(file: string): string {
    return (yaml.load(fs.readFileSync(file, "utf8")) as { name: string }).name;
}
