/**
 * The corpus (tests/corpus): realistic Fargate programs people write, previewed offline as `npm run preview` does
 * (the preview's own runner), in one process against one policy pack process. Each case must end with the exit
 * status and exactly the mandatory policies its entry names, and no policy may fail to run during preview.
 */
import * as assert from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { CORPUS } from "./corpus/cases";
import type { CaseResult } from "./corpus/run";

const ROOT = path.resolve(__dirname, "..");

/** Runs the corpus runner in a process of its own (the SDK's runtime is process-global) and returns its results. */
function previewCorpus(): Promise<CaseResult[]> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath,
            ["--conditions=fargate-stack-source", "-r", "ts-node/register/transpile-only", path.join(ROOT, "tests", "corpus", "run.ts")],
            { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", chunk => (stdout += chunk));
        child.stderr.on("data", chunk => (stderr += chunk));
        child.on("error", reject);
        child.on("close", code => (code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`the corpus runner exited ${code}:\n${stderr}`))));
    });
}

describe("corpus: realistic Fargate programs through the offline preview", function () {
    this.timeout(180000);
    let results: Map<string, CaseResult>;
    let seconds: number;

    before(async () => {
        const started = Date.now();
        results = new Map((await previewCorpus()).map(result => [result.name, result]));
        seconds = (Date.now() - started) / 1000;
    });

    it("has at least 40 programs, one per case, each with its reason", () => {
        const programs = fs.readdirSync(path.join(__dirname, "corpus", "programs")).map(f => f.replace(/\.ts$/, "")).sort();
        assert.deepStrictEqual(CORPUS.map(c => c.name).sort(), programs);
        assert.ok(CORPUS.length >= 40, `${CORPUS.length} cases`);
        assert.ok(CORPUS.every(c => c.why.length > 30 && c.why.endsWith(".")), "every case says why in a sentence");
        assert.ok(CORPUS.some(c => c.status === 0) && CORPUS.some(c => c.status === 1), "secure and insecure programs");
    });

    it("states its size in the policy pack README, and that every case is right", () => {
        const readme = fs.readFileSync(path.join(ROOT, "policy-pack", "README.md"), "utf8");
        assert.match(readme, new RegExp(`corpus of ${CORPUS.length} realistic programs`));
    });

    for (const expected of CORPUS) {
        const verdict = expected.status === 1 ? `fails ${expected.mandatory.join(", ")}` : "passes";
        it(`${expected.name}: ${verdict}. ${expected.why}`, () => {
            const result = results.get(expected.name);
            assert.ok(result, `no result for ${expected.name}`);
            const shown = `\n${result.error ?? result.findings.join("\n")}`;
            assert.deepStrictEqual([result.status, result.mandatory], [expected.status, [...expected.mandatory].sort()], shown);
            for (const policy of expected.advisory?.includes ?? []) {
                assert.ok(result.advisory.includes(policy), `advisory ${policy} expected:${shown}`);
            }
            for (const policy of expected.advisory?.excludes ?? []) {
                assert.ok(!result.advisory.includes(policy), `advisory ${policy} not expected:${shown}`);
            }
            assert.ok(!result.findings.some(f => /can't run policy/.test(f)), shown);
        });
    }

    it("takes well under a minute for the whole corpus", () => {
        assert.ok(seconds < 60, `${seconds} s`);
    });
});
