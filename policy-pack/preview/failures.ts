/**
 * What the preview says when a program fails: the program's own message when it has one that says what to do, and
 * for the ways a program commonly fails offline (a package that is not installed, a config key the stack does not
 * set), what failed and how to fix it. Never an empty line or a bare stack trace.
 */
import * as fs from "fs";
import * as path from "path";

/** Where the program runs, for the fixes a message suggests. */
export interface FailureContext {
    /** The program's directory (the one holding Pulumi.yaml). */
    dir: string;
    /** The project's name, the namespace of its own config keys. */
    project: string;
    /** The stack's config file name, e.g. `Pulumi.dev.yaml`. */
    stackFile: string;
}

/** The message the preview prints for a program failure. */
export function explainFailure(error: unknown, context: FailureContext): string {
    const message = messageOf(error);
    const missingModule = (error as { code?: string })?.code === "MODULE_NOT_FOUND" ? /^Cannot find module '([^']+)'/.exec(message) : null;
    if (missingModule) {
        return missingModuleMessage(missingModule[1], context);
    }
    const missingConfig = /^Missing required configuration variable '([^']+)'/.exec(message);
    if (missingConfig) {
        return missingConfigMessage(missingConfig[1], (error as { secret?: boolean }).secret === true, context);
    }
    if (message.trim() === "") {
        return emptyMessage(error);
    }
    return message;
}

/** An error's message; the SDK's `error serializing property "x": ` wrapping is dropped (the cause is what matters). */
export function messageOf(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    return message.replace(/^(error serializing property "[^"]*": )+/, "");
}

function missingModuleMessage(specifier: string, context: FailureContext): string {
    if (specifier.startsWith(".") || path.isAbsolute(specifier)) {
        return `The program imports ${specifier}, which does not exist. Fix the import path (it is relative to the ` +
            "file that imports it), or create the module.";
    }
    const pkg = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];
    const where = `in ${context.dir}`;
    if (listedDependencies(context.dir).includes(pkg)) {
        return `The program imports ${pkg}, which its package.json lists but is not installed. Run \`npm install\` ${where}.`;
    }
    return `The program imports ${pkg}, which is not installed. Run \`npm install ${pkg}\` ${where} (it adds the ` +
        "package to the program's package.json).";
}

function listedDependencies(dir: string): string[] {
    try {
        const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
        return [manifest.dependencies, manifest.devDependencies].flatMap(deps => Object.keys(deps ?? {}));
    } catch {
        return [];
    }
}

function missingConfigMessage(key: string, secret: boolean, context: FailureContext): string {
    // A project's own keys are set without their namespace, as the CLI's `pulumi config set` takes them.
    const short = key.startsWith(`${context.project}:`) ? key.slice(context.project.length + 1) : key;
    return [
        `Missing required configuration variable '${key}'`,
        `    set it with \`pulumi config set${secret ? " --secret" : ""} ${short} <value>\`, or, for the offline ` +
            `preview, add \`${key}: <value>\` under \`config:\` in ${path.join(context.dir, context.stackFile)}` +
            (secret ? " (a plain value: the offline preview cannot decrypt secure values)." : "."),
    ].join("\n");
}

/** An error without a message still says what it is and where it was thrown. */
function emptyMessage(error: unknown): string {
    const kind = error instanceof Error ? error.constructor.name : typeof error;
    const frame = error instanceof Error ? error.stack?.split("\n").find(line => /^\s+at /.test(line))?.trim() : undefined;
    return `The program failed with ${/^[AEIOU]/.test(kind) ? "an" : "a"} ${kind} that has no message` +
        (frame ? ` (thrown ${frame})` : "") + ". Give the error a message where it is thrown, or run the program " +
        "under `node --inspect` to see what failed.";
}
