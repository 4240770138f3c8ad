/**
 * Previews corpus programs offline, one after another in this process, against one policy pack process: the offline
 * preview's own runner (`policy-pack/preview/run.ts`) for each program and one `PolicyPackClient` for all of them, so
 * a case costs its program and its analysis, not a pack start. Prints one JSON result per case.
 *
 * `node --conditions=fargate-stack-source -r ts-node/register/transpile-only tests/corpus/run.ts [case …]`
 */
import * as path from "path";
import { loadProject } from "../../policy-pack/preview/project";
import { ProgramError, runProgram } from "../../policy-pack/preview/run";
import { startPolicyPack } from "../../policy-pack/protocol/client";
import { fromRegistrations } from "../../policy-pack/protocol/wire";
import { isUndecided } from "../../policy-pack/lib/policy";
import { CORPUS } from "./cases";

/** What the offline preview said about one case. */
export interface CaseResult {
    name: string;
    /** The preview's exit status: 0 no mandatory violation, 1 a mandatory violation, 2 the program failed. */
    status: number;
    /** Policies with a mandatory finding, sorted, each once. */
    mandatory: string[];
    /** Policies with an advisory finding (decided or not), sorted, each once. */
    advisory: string[];
    /** Policies with a "cannot verify" finding, sorted, each once. */
    undecided: string[];
    /** Every finding, as `[level] policy: message`, for a reader of a failed case. */
    findings: string[];
    /** Resources the program registered or read. */
    resources: number;
    /** The program's error, for status 2. */
    error?: string;
    milliseconds: number;
}

const PROJECT_DIR = __dirname;

/** Previews each case of `names` (every case by default) and returns the results in order. */
export async function previewCorpus(names: readonly string[] = CORPUS.map(c => c.name)): Promise<CaseResult[]> {
    const project = loadProject(PROJECT_DIR);
    const pack = await startPolicyPack();
    try {
        await pack.configure({});
        const results: CaseResult[] = [];
        for (const name of names) {
            results.push(await previewCase(project, pack, name));
        }
        return results;
    } finally {
        await pack.close();
    }
}

async function previewCase(
    project: ReturnType<typeof loadProject>,
    pack: Awaited<ReturnType<typeof startPolicyPack>>,
    name: string,
): Promise<CaseResult> {
    const started = Date.now();
    const config = { ...project.configDefaults, "fargate-corpus:case": name, "aws:region": "us-east-1" };
    const base = { name, mandatory: [], advisory: [], undecided: [], findings: [], resources: 0 };
    let run;
    try {
        run = await runProgram(project, "dev", config, { timeoutMs: 30000 });
    } catch (error) {
        if (error instanceof ProgramError) {
            return { ...base, status: 2, error: error.message, milliseconds: Date.now() - started };
        }
        throw error;
    }
    await pack.configureStack({ project: project.name, stack: "dev", dryRun: true });
    const diagnostics = await pack.analyzeAll(fromRegistrations(run.resources));
    const names = (filter: (d: (typeof diagnostics)[number]) => boolean) =>
        [...new Set(diagnostics.filter(filter).map(d => d.policyName))].sort();
    const mandatory = names(d => d.enforcementLevel === "mandatory");
    return {
        name,
        status: mandatory.length > 0 ? 1 : 0,
        mandatory,
        advisory: names(d => d.enforcementLevel === "advisory"),
        undecided: names(d => isUndecided(d.message)),
        findings: diagnostics.map(d => `[${d.enforcementLevel}] ${d.policyName}: ${d.message.replace(`${d.description}\n`, "")}`),
        resources: run.resources.length,
        milliseconds: Date.now() - started,
    };
}

if (require.main === module) {
    const names = process.argv.slice(2);
    previewCorpus(names.length > 0 ? names : undefined).then(
        results => process.stdout.write(`${JSON.stringify(results, null, 1)}\n`),
        error => {
            process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
            process.exit(2);
        },
    );
}

export { PROJECT_DIR as CORPUS_DIR };
export const RUNNER = path.join(__dirname, "run.ts");
