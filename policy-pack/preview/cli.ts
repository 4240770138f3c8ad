/**
 * `npm run preview [-- --stack dev] [--json] [--policy-pack-config file] [--program dir] [--timeout seconds]
 * [--strict] [--invokes answers.json]`: an offline `pulumi preview --policy-pack policy-pack` for a Pulumi TypeScript program. Exit status 0
 * when no mandatory policy failed, 1 when one did (or, with --strict, when a remote component was not checked), 2 on
 * a program or config error, or when the preview ran out of time.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { ProjectError, checkRequiredConfig, loadProject, loadStackConfig, stackConfigFile, stackRegion } from "./project";
import { ProgramError, runProgram } from "./run";
import { InvokeAnswers, parseInvokeAnswers } from "./invokes";
import { PreviewDocument, formatText, previewEstimates, summarize } from "./report";
import { StreamingAnalysis } from "./analysis";
import { remoteComponents } from "./remote";
import { assertBuildIsCurrent, assertComponentBuildIsCurrent } from "../protocol/build";
import { DEFAULT_PACK_DIR, PolicyPackClient, startPolicyPack } from "../protocol/client";
import { PolicyPackConfigFile } from "../protocol/config";
import { fromRegistrations } from "../protocol/wire";
import { UNKNOWN_WIRE_VALUE } from "../lib/values";

/** Exit statuses, as `pulumi preview --policy-pack` uses them for CI. */
export const EXIT = { ok: 0, mandatoryViolation: 1, error: 2 } as const; // 1 also: --strict and an unchecked resource

/** The default --timeout: far beyond any real program of ours (the 20-service platform previews in seconds). */
export const DEFAULT_TIMEOUT_SECONDS = 300;

/** What a wrong option is answered with. */
const USAGE = "Usage: npm run preview -- [--program <dir>] [--stack <name>] [--json] [--policy-pack-config <file>] " +
    "[--invokes <file>] [--timeout <seconds>] [--strict] (see the README's \"Offline preview\").";

interface Options {
    stack: string;
    json: boolean;
    programDir: string;
    policyPackConfig?: string;
    timeoutMs: number;
    /** Fail (exit 1) when a remote component's resources were not checked. */
    strict: boolean;
    /** A file of answers to invokes (token → result object). */
    invokes?: string;
}

function parseOptions(argv: string[]): Options {
    const { values } = parseArgs({
        args: argv,
        options: {
            stack: { type: "string", short: "s", default: "dev" },
            json: { type: "boolean", default: false },
            "policy-pack-config": { type: "string" },
            program: { type: "string", default: "." },
            timeout: { type: "string", default: String(DEFAULT_TIMEOUT_SECONDS) },
            strict: { type: "boolean", default: false },
            invokes: { type: "string" },
        },
        strict: true,
    });
    const timeout = Number(values.timeout);
    if (!(timeout > 0)) {
        throw new ProjectError(`--timeout must be a number of seconds greater than 0; got ${JSON.stringify(values.timeout)}.`);
    }
    return {
        stack: values.stack as string,
        json: values.json as boolean,
        programDir: path.resolve(values.program as string),
        policyPackConfig: values["policy-pack-config"] as string | undefined,
        timeoutMs: timeout * 1000,
        strict: values.strict as boolean,
        invokes: values.invokes as string | undefined,
    };
}

function readInvokeAnswers(file: string | undefined): InvokeAnswers | undefined {
    if (file === undefined) {
        return undefined;
    }
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (error) {
        throw new ProjectError(`--invokes ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): give the path of a JSON file of answers.`);
    }
    try {
        return parseInvokeAnswers(file, text);
    } catch (error) {
        throw new ProjectError((error as Error).message);
    }
}

function readPolicyConfig(file: string | undefined): PolicyPackConfigFile {
    if (file === undefined) {
        return {};
    }
    try {
        return JSON.parse(fs.readFileSync(file, "utf8")) as PolicyPackConfigFile;
    } catch (error) {
        throw new ProjectError(`--policy-pack-config ${file}: ${(error as Error).message}. Give a JSON file such as ` +
            'policy-pack/policy-config.json: {"all": "mandatory"} or {"<policy>": {"enforcementLevel": "…", "<setting>": …}}.');
    }
}

/**
 * For `npm run bench:preview`: when FARGATE_PREVIEW_RUSAGE names a file, write this process's and the policy pack
 * process's peak memory there (KiB).
 */
function writeResourceUsage(pack: PolicyPackClient): void {
    const file = process.env.FARGATE_PREVIEW_RUSAGE;
    if (file) {
        fs.writeFileSync(file, JSON.stringify({ previewMaxRssKiB: process.resourceUsage().maxRSS, packPeakKiB: pack.peakMemoryKiB() }));
    }
}

/** Runs one preview and returns the exit status; prints the report (or the JSON document) to stdout. */
export async function preview(argv: string[], out: (text: string) => void = text => process.stdout.write(text)): Promise<number> {
    let pack: PolicyPackClient | undefined;
    try {
        const options = parseOptions(argv);
        const policyConfig = readPolicyConfig(options.policyPackConfig);
        const invokeAnswers = readInvokeAnswers(options.invokes);
        const project = loadProject(options.programDir);
        const config = loadStackConfig(stackConfigFile(project, options.stack), project.configDefaults);
        checkRequiredConfig(project, options.stack, config);
        // The runner loads the compiled pack, and programs the compiled component package (as under the CLI): refuse
        // either when older than its sources, before anything runs.
        try {
            assertBuildIsCurrent(DEFAULT_PACK_DIR);
            assertComponentBuildIsCurrent(path.join(DEFAULT_PACK_DIR, "..", "components"));
        } catch (error) {
            throw new ProjectError((error as Error).message);
        }
        // The pack takes a few seconds to start: start it while the program runs, as the CLI does.
        const stopPack = new AbortController();
        const packStarting = startPolicyPack({ signal: stopPack.signal });
        packStarting.catch(() => undefined);
        const analysis = new StreamingAnalysis(packStarting, policyConfig, { project: project.name, stack: options.stack });
        const deadline = Date.now() + options.timeoutMs;
        const run = await runProgram(project, options.stack, config, {
            timeoutMs: options.timeoutMs, invokeAnswers, onResource: record => analysis.add(record),
        }).catch(async error => {
            stopPack.abort(); // the program failed: the pack is not needed, and need not finish starting
            await packStarting.then(p => p.close(), () => undefined);
            throw error;
        });
        pack = await packStarting;
        const wires = fromRegistrations(run.resources);
        const { info, diagnostics } = await withinDeadline(analysis.finish(wires), deadline, options.timeoutMs);
        const remote = remoteComponents(run.resources);
        const doc: PreviewDocument = {
            project: project.name, stack: options.stack, unknownValue: UNKNOWN_WIRE_VALUE,
            resources: wires.map((wire, i) => ({
                type: wire.type, name: wire.name, urn: wire.urn, parent: run.resources[i].parent,
                custom: run.resources[i].custom, ...(run.resources[i].remote ? { remote: true } : {}),
                ...(wire.read ? { read: true } : {}), inputs: wire.properties,
                dependencies: wire.dependencies ?? [], propertyDependencies: wire.propertyDependencies ?? {},
            })),
            outputs: run.outputs,
            messages: run.messages,
            invokes: run.invokes,
            remoteComponents: remote,
            policyPack: { name: info.name, version: info.version },
            diagnostics,
            estimates: previewEstimates(wires.filter(wire => !wire.read), stackRegion(config)),
            summary: summarize(run, diagnostics, remote),
        };
        const packLabel = `local: ${path.relative(process.cwd(), DEFAULT_PACK_DIR) || "."}`;
        out(options.json ? `${JSON.stringify(doc, null, 2)}\n` : `${formatText(doc, packLabel)}\n`);
        writeResourceUsage(pack);
        const failed = doc.summary.mandatory > 0 || (options.strict && doc.summary.notChecked > 0);
        return failed ? EXIT.mandatoryViolation : EXIT.ok;
    } catch (error) {
        if ((error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
            process.stderr.write(`error: ${(error as Error).message}. ${USAGE}\n`);
            return EXIT.error;
        }
        if (error instanceof ProgramError || error instanceof ProjectError) {
            process.stderr.write(`error: ${(error as Error).message}\n`);
            return EXIT.error;
        }
        throw error;
    } finally {
        await pack?.close();
    }
}

/** `work`, or a ProgramError when the --timeout deadline passes first (the program ran; the pack did not answer). */
async function withinDeadline<T>(work: Promise<T>, deadline: number, timeoutMs: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new ProgramError(
        `The policy pack did not answer within ${timeoutMs / 1000} s (--timeout) after the program ran. Check that ` +
            "`policy-pack/` starts on its own (`npm test` runs its specs), or give it more time with --timeout <seconds>.",
    )), Math.max(0, deadline - Date.now()))));
    try {
        return await Promise.race([work, late]);
    } finally {
        clearTimeout(timer);
    }
}

/**
 * Exits with `status` once stdout and stderr have handed everything written to the system: on POSIX, writes to a pipe
 * are asynchronous, and exiting at once cuts a large `--json` document short when the reader is slower than the
 * preview (`npm run preview -- --json | jq`). A write's callback runs after every earlier write on the stream.
 */
function exitWhenWritten(status: number): void {
    if (process.stdout.destroyed) {
        process.exit(status); // the reader closed the pipe (below): nothing more can be written
    }
    process.stdout.write("", () => process.stderr.write("", () => process.exit(status)));
}

if (require.main === module) {
    // A reader that stops early (`npm run preview -- --json | head`) closes the pipe: what is left has nowhere to go,
    // and the preview ends with its status, without an error of its own.
    process.stdout.on("error", error => {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== "EPIPE" && code !== "ERR_STREAM_DESTROYED") {
            throw error;
        }
    });
    preview(process.argv.slice(2)).then(
        status => exitWhenWritten(status),
        error => {
            // Not a program or config error: a fault of the preview itself, which the user cannot fix from here.
            process.stderr.write(`error: the offline preview itself failed (a bug in policy-pack/preview; please report ` +
                `it with this output): ${error instanceof Error ? error.stack : error}\n`);
            exitWhenWritten(EXIT.error);
        },
    );
}
