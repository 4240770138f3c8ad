/**
 * Reads a Pulumi project the way the Pulumi CLI does for a Node.js program: `Pulumi.yaml` (name, runtime, `main`,
 * `stackConfigDir`) and `Pulumi.<stack>.yaml`, whose values reach the program as strings in the `PULUMI_CONFIG`
 * map (`project:key` → value), structured values (lists, maps) as JSON.
 */
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";

/** A project ready to run. */
export interface PulumiProject {
    name: string;
    /** The directory holding `Pulumi.yaml`. */
    dir: string;
    /** The program's entry: `main` resolved against `dir` (a directory means its `index.ts`/`index.js`). */
    entry: string;
    /** The `default` values of the project's config declarations, as `project:key` → string. */
    configDefaults: Record<string, string>;
    /** Project keys declared without a `default` or `value`: every stack must set them (`project:key`). */
    requiredConfigKeys: string[];
}

/** A problem with the project or stack files: reported as a config error (exit status 2), without a stack trace. */
export class ProjectError extends Error {}

/** Loads `<dir>/Pulumi.yaml`; only Node.js projects can run here. */
export function loadProject(dir: string): PulumiProject {
    const file = path.join(dir, "Pulumi.yaml");
    if (!fs.existsSync(file)) {
        throw new ProjectError(`${file} does not exist: give --program the directory that holds Pulumi.yaml.`);
    }
    const project = yaml.load(fs.readFileSync(file, "utf8")) as {
        name?: string; runtime?: unknown; main?: string; config?: Record<string, { default?: unknown; value?: unknown }>;
    };
    const runtime = typeof project.runtime === "string" ? project.runtime : (project.runtime as { name?: string })?.name;
    if (!project.name) {
        throw new ProjectError(`${file} has no \`name\`: give the project a name (\`name: my-project\`), as the Pulumi CLI requires.`);
    }
    if (runtime !== "nodejs") {
        throw new ProjectError(notNodeMessage(file, dir, runtime));
    }
    return {
        name: project.name, dir, entry: resolveEntry(path.resolve(dir, project.main ?? ".")),
        configDefaults: configDefaults(project.name, project.config ?? {}),
        requiredConfigKeys: requiredConfigKeys(project.name, project.config ?? {}),
    };
}

const LANGUAGES: Record<string, string> = { python: "Python", go: "Go", dotnet: ".NET", java: "Java", yaml: "YAML" };

/** Only Node.js programs run here: say so, and how to check the stack with the pack under the real CLI instead. */
function notNodeMessage(file: string, dir: string, runtime: string | undefined): string {
    const what = runtime === undefined ? "has no `runtime`" : `is a ${LANGUAGES[runtime] ?? runtime} program (runtime: ${runtime})`;
    const pack = path.relative(dir, path.resolve(__dirname, "..")) || ".";
    return `${file} ${what}; the offline preview runs Node.js programs (TypeScript or JavaScript, runtime: nodejs) only. ` +
        `Check this stack with the policy pack under the Pulumi CLI instead: in ${dir}, run ` +
        `\`pulumi preview --policy-pack ${pack}\` (the pack runs the same rules for programs in every language).`;
}

function requiredConfigKeys(projectName: string, declarations: Record<string, { default?: unknown; value?: unknown }>): string[] {
    return Object.entries(declarations)
        .filter(([, d]) => d?.default === undefined && d?.value === undefined)
        .map(([key]) => namespaced(projectName, key))
        .filter(key => key.startsWith(`${projectName}:`)) // other namespaces' keys are not required (as in the CLI)
        .sort();
}

/**
 * Fails as the CLI does when the stack leaves out a key the project declares without a default (the CLI stops
 * before the program runs, with this message).
 */
export function checkRequiredConfig(project: PulumiProject, stack: string, config: Record<string, string>): void {
    const missing = project.requiredConfigKeys.filter(key => !(key in config)).map(key => `'${key.split(":")[1]}'`);
    if (missing.length > 0) {
        const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing[missing.length - 1]}`;
        throw new ProjectError(`Stack '${stack}' is missing configuration ${missing.length === 1 ? "value" : "values"} ${list}`);
    }
}

/**
 * Project config declarations with a `default` (or a fixed `value`) apply to every stack that does not set the key,
 * as the CLI applies them. A key without a namespace belongs to the project.
 */
function configDefaults(projectName: string, declarations: Record<string, { default?: unknown; value?: unknown }>): Record<string, string> {
    const defaults: Record<string, string> = {};
    for (const [key, declaration] of Object.entries(declarations)) {
        const value = declaration?.value ?? declaration?.default;
        if (value !== undefined) {
            defaults[namespaced(projectName, key)] = asConfigString(value);
        }
    }
    return defaults;
}

/** A config key as the runtime sees it: a key without a namespace belongs to the project. */
function namespaced(projectName: string, key: string): string {
    return key.includes(":") ? key : `${projectName}:${key}`;
}

function asConfigString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

function resolveEntry(main: string): string {
    if (fs.existsSync(main) && fs.statSync(main).isDirectory()) {
        const candidates = ["index.ts", "index.js"].map(f => path.join(main, f));
        const found = candidates.find(c => fs.existsSync(c));
        if (!found) {
            throw new ProjectError(`${main} has no index.ts or index.js.`);
        }
        return found;
    }
    return main;
}

/** The stack's config file; a missing file means empty config, as for a new stack. */
export function stackConfigFile(project: PulumiProject, stack: string): string {
    return path.join(project.dir, `Pulumi.${stack}.yaml`);
}

/**
 * Loads the `config:` section of a stack file as the flat string map `pulumi.runtime.setAllConfig` takes, on top of
 * `defaults` (the project's config defaults).
 */
export function loadStackConfig(file: string, defaults: Record<string, string> = {}): Record<string, string> {
    if (!fs.existsSync(file)) {
        return { ...defaults };
    }
    const document = (yaml.load(fs.readFileSync(file, "utf8")) ?? {}) as { config?: Record<string, unknown> };
    const config: Record<string, string> = { ...defaults };
    for (const [key, value] of Object.entries(document.config ?? {})) {
        if (value !== null && typeof value === "object" && "secure" in value) {
            throw new ProjectError(`${file}: \`${key}\` is encrypted ({secure: …}); the offline preview cannot decrypt it.`);
        }
        config[key] = asConfigString(value);
    }
    return config;
}

/**
 * The region of the stack's default AWS provider, as the provider finds it: the `aws:region` config, else the
 * `AWS_REGION` or `AWS_DEFAULT_REGION` environment variable; undefined when none is set.
 */
export function stackRegion(config: Record<string, string>): string | undefined {
    return config["aws:region"] || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined;
}
