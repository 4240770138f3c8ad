/**
 * The instrument of `npm run bench:peer`, checked without the CDK peer installed (npm test never installs or runs
 * CDK): the per-process memory hook sees every node process of a spawned tree and each one's own peak, the report
 * adds and compares what it should against issue 10's targets, and the peer apps mirror the stacks they are compared
 * with (read from the Pulumi stack files, the fixture and the components' defaults rather than restated).
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as yaml from "js-yaml";
import { DEFAULTS } from "../components/defaults";
import {
    assignRoles, compare, describeRatios, peakMemoryEnv, ProcessPeak, readPeaks, Run, summarize, TARGETS,
} from "./peer/report";

const ROOT = path.resolve(__dirname, "..");
const PEER = path.join(ROOT, "tests", "peer", "cdk");
const SCALE = path.join(ROOT, "tests", "fixtures", "platform-scale");

/** Runs `script` with `node -e` under the hook, recording into a fresh directory; returns the records and the run. */
function underHook(script: string, env: NodeJS.ProcessEnv = {}) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "peer-bench-spec-"));
    const run = spawnSync(process.execPath, ["-e", script], { env: { ...peakMemoryEnv(dir), ...env }, encoding: "utf8", timeout: 30000 });
    const peaks = readPeaks(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    return { run, peaks };
}

describe("bench:peer instrument", function () {
    this.timeout(30000);

    describe("the per-process memory hook", () => {
        it("records a peak for every node process of a spawned tree, a SIGTERM-stopped one too, without changing how it ends", () => {
            // GIVEN a parent that starts a child, which starts a grandchild and is then stopped with SIGTERM (as the
            // preview stops its policy pack)
            const { run, peaks } = underHook(`
                const { spawn } = require("child_process");
                const child = spawn(process.execPath, ["-e", \`
                    require("child_process").spawnSync(process.execPath, ["-e", "0"]);
                    console.log("ready");
                    setInterval(() => {}, 1000);
                \`], { stdio: ["ignore", "pipe", "inherit"] });
                child.stdout.once("data", () => child.kill());
                child.on("exit", (code, signal) => console.log(JSON.stringify({ child: child.pid, code, signal })));
            `);
            // THEN all three recorded their peak, the child still ended by the signal, and the pids chain up
            assert.strictEqual(run.status, 0, run.stderr);
            const child = JSON.parse(run.stdout.trim().split("\n").pop()!);
            assert.deepStrictEqual([child.code, child.signal], [null, "SIGTERM"]);
            assert.strictEqual(peaks.length, 3, JSON.stringify(peaks));
            const parent = peaks.find(p => p.pid === run.pid)!;
            const killed = peaks.find(p => p.pid === child.child)!;
            const grandchild = peaks.find(p => p.ppid === killed.pid)!;
            assert.ok(parent && killed && grandchild, JSON.stringify(peaks));
            assert.strictEqual(killed.ppid, parent.pid);
            for (const peak of peaks) {
                assert.ok(peak.peakKiB > 0, JSON.stringify(peak));
            }
        });

        it("records a child's own peak, not the larger parent's that getrusage's maxrss carries over fork and exec", () => {
            const big = 256 * 1024 * 1024;
            const { run, peaks } = underHook(`
                const held = Buffer.alloc(${big}, 1);
                const { spawnSync } = require("child_process");
                const child = spawnSync(process.execPath, ["-e", "console.log(process.resourceUsage().maxRSS)"], { encoding: "utf8" });
                console.log(JSON.stringify({ childMaxRss: Number(child.stdout), held: held.length }));
            `);
            assert.strictEqual(run.status, 0, run.stderr);
            const { childMaxRss } = JSON.parse(run.stdout);
            const parent = peaks.find(p => p.pid === run.pid)!;
            const child = peaks.find(p => p.ppid === run.pid)!;
            assert.ok(parent.peakKiB > big / 1024, `parent ${parent.peakKiB} KiB`);
            assert.ok(child.peakKiB < parent.peakKiB / 2, `child ${child.peakKiB} KiB, parent ${parent.peakKiB} KiB`);
            // Why the hook reads VmHWM: the child's own maxrss includes the parent's memory (Linux).
            if (process.platform === "linux") {
                assert.ok(childMaxRss > big / 1024, `child maxRSS ${childMaxRss} KiB`);
            }
        });

        it("adds itself to NODE_OPTIONS after what is already there", () => {
            const env = peakMemoryEnv("/tmp/peaks", { NODE_OPTIONS: "--max-old-space-size=4096" });
            assert.strictEqual(env.PEAK_MEMORY_DIR, "/tmp/peaks");
            assert.match(env.NODE_OPTIONS!, /^--max-old-space-size=4096 --require ".*peakMemory\.js"$/);
        });
    });

    describe("the report", () => {
        const peak = (pid: number, script: string, peakKiB: number): ProcessPeak => ({ pid, ppid: 1, script, peakKiB });
        const roles = [{ role: "cdk CLI", script: /aws-cdk\/bin\/cdk$/ }, { role: "app", script: /^dev\.js$/ }];

        it("names each process by its role and still counts one it does not expect", () => {
            const named = assignRoles([peak(10, "node_modules/aws-cdk/bin/cdk", 100), peak(11, "dev.js", 200), peak(12, "sender.js", 30)], roles, "cdk");
            assert.deepStrictEqual(named.map(p => p.role), ["cdk CLI", "app", "other (sender.js)"]);
        });

        it("fails when an expected process recorded no peak", () => {
            assert.throws(() => assignRoles([peak(10, "node_modules/aws-cdk/bin/cdk", 100)], roles, "cdk synth dev.js"),
                /^Error: cdk synth dev.js: no peak memory was recorded for the app process; was it killed with SIGKILL, or started without NODE_OPTIONS\?$/);
        });

        it("sums the processes of each run, takes medians over runs, and compares the medians with the targets", () => {
            const run = (wallMs: number, ...kib: number[]): Run =>
                ({ wallMs, processes: kib.map((k, i) => ({ ...peak(i, `p${i}`, k), role: `p${i}` })) });
            const ours = summarize([run(700, 100, 200), run(900, 100, 300), run(800, 150, 200)]);
            const peer = summarize([run(1000, 300, 100), run(1200, 500, 100), run(1100, 400, 100)]);
            assert.deepStrictEqual(ours.wallMs, { median: 800, min: 700, max: 900 });
            assert.deepStrictEqual(ours.summedPeakKiB, { median: 350, min: 300, max: 400 });
            assert.deepStrictEqual(ours.processes, [
                { role: "p0", peakKiB: { median: 100, min: 100, max: 150 } },
                { role: "p1", peakKiB: { median: 200, min: 200, max: 300 } },
            ]);
            const ratios = compare(ours, peer);
            assert.strictEqual(ratios.time.value, 800 / 1100);
            assert.strictEqual(ratios.memory.value, 350 / 500);
            assert.deepStrictEqual([ratios.time.holds, ratios.memory.holds], [false, true]);
            assert.strictEqual(describeRatios(ratios),
                "  ours / peer:      wall time 0.73 (target ≤ 0.7: NOT met), summed peak memory 0.70 (target ≤ 0.75: holds)");
        });

        it("holds a target the ratio meets exactly", () => {
            const side = (wallMs: number, kib: number) => summarize([{ wallMs, processes: [{ ...peak(1, "x", kib), role: "x" }] }]);
            const ratios = compare(side(700, 750), side(1000, 1000));
            assert.deepStrictEqual([ratios.time.holds, ratios.memory.holds], [true, true]);
            assert.deepStrictEqual(TARGETS, { time: 0.7, memory: 0.75 });
        });
    });

    describe("the peer (tests/peer/cdk)", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const settings = require(path.join(PEER, "lib", "settings.js"));
        const pkg = JSON.parse(fs.readFileSync(path.join(PEER, "package.json"), "utf8"));

        it("pins aws-cdk-lib 2.x, constructs 10.x, cdk-nag 2.x and the aws-cdk CLI 2.x, with a lock file that agrees", () => {
            const lock = JSON.parse(fs.readFileSync(path.join(PEER, "package-lock.json"), "utf8"));
            const majors = { "aws-cdk-lib": 2, constructs: 10, "cdk-nag": 2, "aws-cdk": 2 } as Record<string, number>;
            assert.deepStrictEqual(Object.keys(pkg.dependencies).sort(), Object.keys(majors).sort());
            for (const [name, version] of Object.entries(pkg.dependencies as Record<string, string>)) {
                assert.match(version, new RegExp(`^${majors[name]}\\.\\d+\\.\\d+$`), name);
                assert.strictEqual(lock.packages[`node_modules/${name}`].version, version, name);
            }
        });

        it("is not a workspace of the root, so the root's npm ci leaves it out, and bench:peer runs it", () => {
            const root = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
            assert.ok(!root.workspaces.some((w: string) => path.resolve(ROOT, w).startsWith(path.join(ROOT, "tests"))));
            assert.match(root.scripts["bench:peer"], / tests\/peer\/bench\.ts$/);
        });

        it("mirrors the dev stack: Pulumi.dev.yaml's values, and the components' defaults where it sets none", () => {
            const config = (yaml.load(fs.readFileSync(path.join(ROOT, "Pulumi.dev.yaml"), "utf8")) as { config: Record<string, unknown> }).config;
            const value = (key: string) => config[`fargate-stack:${key}`] ?? (DEFAULTS as Record<string, unknown>)[key];
            const natGateways = { None: 0, Single: 1, OnePerAz: value("availabilityZoneCount") }[value("natGateways") as string];
            for (const [key, mirrored] of Object.entries(settings.dev)) {
                assert.deepStrictEqual(mirrored, key === "natGateways" ? natGateways : value(key), key);
            }
        });

        it("mirrors the platform-scale fixture's stack twenty: as many web services, and the same platform and service inputs", () => {
            const config = (yaml.load(fs.readFileSync(path.join(SCALE, "Pulumi.twenty.yaml"), "utf8")) as { config: Record<string, unknown> }).config;
            const program = fs.readFileSync(path.join(SCALE, "index.ts"), "utf8");
            const [, name, domainName, hostedZoneId] = /new Platform\("([^"]+)", \{ domainName: "([^"]+)", hostedZoneId: "([^"]+)" \}\)/.exec(program)!;
            const given: Record<string, unknown> = {
                serviceCount: config["platform-scale:serviceCount"], name, domainName, hostedZoneId,
                image: /image: "([^"]+)"/.exec(program)![1],
                user: /user: "([^"]+)"/.exec(program)![1],
                writablePaths: JSON.parse(/writablePaths: (\[[^\]]*\])/.exec(program)![1]),
            };
            assert.match(program, /\[\.\.\.Array\(count\)\.keys\(\)\]\.map\(i => new WebService\(/, "one WebService per serviceCount");
            const value = (key: string) => given[key] ?? (DEFAULTS as Record<string, unknown>)[key];
            for (const [key, mirrored] of Object.entries(settings.twenty)) {
                assert.deepStrictEqual(mirrored, key === "natGateways" ? 1 : value(key), key);
            }
            assert.strictEqual(settings.twenty.serviceCount, 20);
        });

        it("builds one service per settings.serviceCount in twenty.js and checks both apps with cdk-nag's AwsSolutions", () => {
            const twenty = fs.readFileSync(path.join(PEER, "twenty.js"), "utf8");
            assert.match(twenty, /for \(let n = 1; n <= settings\.serviceCount; n\+\+\)/);
            for (const app of ["dev.js", "twenty.js"]) {
                const source = fs.readFileSync(path.join(PEER, app), "utf8");
                assert.match(source, /Aspects\.of\(app\)\.add\(new AwsSolutionsChecks\(\)\)/, app);
                assert.match(source, /require\("\.\/lib\/settings"\)/, app);
            }
        });
    });
});
