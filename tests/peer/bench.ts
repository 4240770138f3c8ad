/**
 * `npm run bench:peer [-- --runs N] [--json]`: the offline preview side by side with its peer, AWS CDK synthesizing
 * the equivalent app with cdk-nag's AwsSolutions checks (tests/peer/cdk, installed on demand), for the dev stack and
 * for the 20-service platform (tests/fixtures/platform-scale, stack `twenty`).
 *
 * For each app it alternates N runs (default 5) of (a) `npm run preview -- --json [...]` and (b) `cdk synth` exactly
 * as a CDK user runs it (the peer's own `cdk` CLI, `--app "node <app>.js"`, output to a fresh directory, `--quiet`),
 * each a fresh process, so both sides see the same machine load. Reported: median and range of wall time (spawn to
 * exit, as a user waits), the peak memory of each process of each side and, per run, their sum (ours: the preview
 * process and the policy pack process it starts; CDK: the `cdk` CLI process and the app process it starts), and the
 * ratios ours/peer with issue 10's targets (wall time ≤ 0.7, summed peak memory ≤ 0.75).
 *
 * How memory is measured, the same way on both sides: NODE_OPTIONS makes every node process of the tree load
 * `peakMemory.js`, which writes the process's own peak (VmHWM) to a per-run directory when it ends (see that file for
 * why not getrusage). A run that misses an expected process fails; a node process the bench does not expect is still
 * counted, under its script. A process that is not node is not seen: the `/bin/sh -c` the CDK CLI starts its app
 * with (about 2 MiB) is left out of the peer's sum.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import { measurePreview } from "../../policy-pack/preview/bench";
import { assignRoles, compare, describeRatios, describeSide, peakMemoryEnv, readPeaks, Run, summarize } from "./report";

const ROOT = path.resolve(__dirname, "..", "..");
const PEER_DIR = path.join(__dirname, "cdk");
const CDK_CLI = path.join(PEER_DIR, "node_modules", "aws-cdk", "bin", "cdk");

/** Each app: the preview's arguments and the peer app that mirrors it. */
const APPS = [
    { name: "dev", label: "dev stack", previewArgs: [] as string[], peerApp: "dev.js" },
    {
        name: "twenty", label: "platform with 20 web services",
        previewArgs: ["--program", path.join(ROOT, "tests", "fixtures", "platform-scale"), "--stack", "twenty"], peerApp: "twenty.js",
    },
];

const OUR_ROLES = [
    { role: "preview", script: /policy-pack\/preview\/cli\.ts$/ },
    { role: "policy pack", script: /@pulumi\/pulumi\/cmd\/run-policy-pack$/ },
];
const PEER_ROLES = [
    { role: "cdk CLI", script: /aws-cdk\/bin\/cdk$/ },
    { role: "app", script: /^(dev|twenty)\.js$/ },
];

/** Runs `measure` with fresh temporary directories, removed afterwards whatever happens. */
function withTempDirs<T>(prefixes: string[], measure: (...dirs: string[]) => T): T {
    const dirs = prefixes.map(prefix => fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
    try {
        return measure(...dirs);
    } finally {
        dirs.forEach(dir => fs.rmSync(dir, { recursive: true, force: true }));
    }
}

/** One offline preview run. */
function runOurs(previewArgs: string[]): Run & { resources: number } {
    return withTempDirs(["bench-peer-peaks-"], peaks => {
        const result = measurePreview(previewArgs, 1, peakMemoryEnv(peaks));
        const processes = assignRoles(readPeaks(peaks), OUR_ROLES, "offline preview");
        return { wallMs: result.times[0], processes, resources: result.resources };
    });
}

/** What one `cdk synth` produced: resources in the template and cdk-nag's rule results (its NagReport CSV). */
interface Synthesized {
    resources: number;
    nagResults: number;
    nagSuppressed: number;
}

/** One `cdk synth` run of the peer app, into a fresh output directory. */
function runPeer(app: string): Run & Synthesized {
    return withTempDirs(["bench-peer-cdk-out-", "bench-peer-peaks-"], (out, peaks) => synthesize(app, out, peaks));
}

function synthesize(app: string, out: string, peaks: string): Run & Synthesized {
    // The app command uses this bench's node so that both sides run on the same Node.js. AWS_EC2_METADATA_DISABLED
    // stops the CLI's credential chain from probing the EC2 instance metadata address for a default account (synth of
    // an environment-agnostic stack needs none); cdk.json turns off notices and CLI telemetry (no network either).
    const env = { ...peakMemoryEnv(peaks, process.env), AWS_EC2_METADATA_DISABLED: "true" };
    const args = [CDK_CLI, "synth", "--app", `${JSON.stringify(process.execPath)} ${app}`, "--output", out, "--quiet"];
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: PEER_DIR, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) {
        throw new Error(`cdk synth of ${app} failed (exit ${result.status ?? result.signal}):\n${result.stderr}${result.stdout}`);
    }
    return { wallMs, processes: assignRoles(readPeaks(peaks), PEER_ROLES, `cdk synth ${app}`), ...readSynthesized(out) };
}

function readSynthesized(out: string): Synthesized {
    const files = fs.readdirSync(out);
    const template = files.find(f => f.endsWith(".template.json"));
    const report = files.find(f => /^AwsSolutions-.*NagReport\.csv$/.test(f));
    if (!template || !report) {
        throw new Error(`cdk synth wrote no template or no cdk-nag AwsSolutions report in ${out} (${files.join(", ")}).`);
    }
    const rows = fs.readFileSync(path.join(out, report), "utf8").trim().split("\n").slice(1);
    return {
        resources: Object.keys(JSON.parse(fs.readFileSync(path.join(out, template), "utf8")).Resources).length,
        nagResults: rows.length,
        nagSuppressed: rows.filter(row => row.includes(`,"Suppressed",`)).length,
    };
}

/** Installs the peer when it is missing (it is not a workspace of the root: `npm ci` leaves it out). */
function ensurePeer(): void {
    if (fs.existsSync(CDK_CLI)) {
        return;
    }
    process.stderr.write("bench:peer: the CDK peer is not installed; running npm ci --prefix tests/peer/cdk\n");
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const result = spawnSync(npm, ["ci", "--prefix", PEER_DIR, "--no-audit", "--no-fund"], { stdio: ["ignore", 2, 2] });
    if (result.status !== 0) {
        throw new Error("npm ci --prefix tests/peer/cdk failed; see its output above.");
    }
}

function peerVersions(): Record<string, string> {
    const version = (name: string) =>
        JSON.parse(fs.readFileSync(path.join(PEER_DIR, "node_modules", name, "package.json"), "utf8")).version as string;
    return Object.fromEntries(["aws-cdk-lib", "aws-cdk", "cdk-nag", "constructs"].map(name => [name, version(name)]));
}

function main(argv: string[]): number {
    const { values } = parseArgs({
        args: argv, options: { runs: { type: "string", default: "5" }, json: { type: "boolean", default: false } },
    });
    const runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1) {
        throw new Error(`--runs must be a whole number of at least 1; got ${values.runs}.`);
    }
    ensurePeer();
    const versions = peerVersions();
    const machine = { cores: os.cpus().length, node: process.version };
    const results = APPS.map(app => {
        const ours: ReturnType<typeof runOurs>[] = [];
        const peer: ReturnType<typeof runPeer>[] = [];
        for (let i = 0; i < runs; i++) {
            ours.push(runOurs(app.previewArgs));
            peer.push(runPeer(app.peerApp));
        }
        const [o, p] = [summarize(ours), summarize(peer)];
        return {
            app: app.name, label: app.label,
            ours: { ...o, resources: ours[0].resources },
            peer: { ...p, resources: peer[0].resources, nagResults: peer[0].nagResults, nagSuppressed: peer[0].nagSuppressed },
            ratios: compare(o, p),
        };
    });
    if (values.json) {
        process.stdout.write(`${JSON.stringify({ runs, machine, versions, apps: results }, null, 2)}\n`);
        return 0;
    }
    const lines = [
        `offline preview vs AWS CDK synth + cdk-nag AwsSolutions, ${runs} alternating runs each on ${machine.cores} cores (node ${machine.node})`,
        `peer: ${Object.entries(versions).map(([name, v]) => `${name} ${v}`).join(", ")}`,
    ];
    for (const r of results) {
        lines.push(
            "",
            `${r.label}:`,
            ...describeSide(`ours: npm run preview (${r.ours.resources} resources)`, r.ours),
            ...describeSide(`peer: cdk synth (${r.peer.resources} resources, ${r.peer.nagResults} cdk-nag results, ${r.peer.nagSuppressed} suppressed)`, r.peer),
            describeRatios(r.ratios),
        );
    }
    console.log(lines.join("\n"));
    return 0;
}

if (require.main === module) {
    try {
        process.exit(main(process.argv.slice(2)));
    } catch (error) {
        process.stderr.write(`${(error as Error).message}\n`);
        process.exit(2);
    }
}
