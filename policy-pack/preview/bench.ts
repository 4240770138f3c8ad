/**
 * `npm run bench:preview [-- --runs N] [preview options]`: times the offline preview of the dev stack end to end
 * (a fresh process each run, as a user or CI starts it) and prints the median and range of wall time and the peak
 * memory of the preview process, of the policy pack process and of both together (each the highest of the runs; the
 * sum adds the two peaks of one run: issue 10's memory target compares it, and `npm run bench:peer` with AWS CDK).
 *
 * `npm run bench:platform [-- --runs N]`: the same for a platform with 1 and with 20 public web services
 * (tests/fixtures/platform-scale), in one run on the same machine load, and the time each added service costs.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";

const CLI = path.join(__dirname, "cli.ts");
const SCALE_PROGRAM = path.join(__dirname, "..", "..", "tests", "fixtures", "platform-scale");

/** What a series of preview runs measured. */
export interface Measurement {
    runs: number;
    /** Wall times in milliseconds, in run order. */
    times: number[];
    previewPeakKiB: number;
    packPeakKiB?: number;
    /** The highest, over the runs, of the preview's and the pack's peaks added up in the same run (KiB). */
    summedPeakKiB: number;
    /** Resources the preview planned (the same every run). */
    resources: number;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs `npm run preview -- --json <previewArgs>` `runs` times, each in a fresh process, with `env` added to this
 * process's environment (`npm run bench:peer` adds its per-process memory hook there).
 */
export function measurePreview(previewArgs: string[], runs: number, env: NodeJS.ProcessEnv = {}): Measurement {
    const rusageDir = fs.mkdtempSync(path.join(os.tmpdir(), "preview-bench-"));
    const rusageFile = path.join(rusageDir, "rusage.json");
    const args = [...process.execArgv, CLI, "--json", ...previewArgs];
    const times: number[] = [];
    const previewRss: number[] = [];
    const packRss: number[] = [];
    const summedRss: number[] = [];
    let resources = 0;
    for (let i = 0; i < runs; i++) {
        const start = process.hrtime.bigint();
        const result = spawnSync(process.execPath, args, {
            env: { ...process.env, ...env, FARGATE_PREVIEW_RUSAGE: rusageFile }, encoding: "utf8", maxBuffer: 256 * 1024 * 1024,
        });
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
        if (result.status === 2 || result.status === null) {
            throw new Error(`the preview failed (${previewArgs.join(" ")}):\n${result.stderr}`);
        }
        resources = JSON.parse(result.stdout).resources.length;
        const usage = JSON.parse(fs.readFileSync(rusageFile, "utf8"));
        previewRss.push(usage.previewMaxRssKiB);
        if (usage.packPeakKiB !== undefined) {
            packRss.push(usage.packPeakKiB);
        }
        summedRss.push(usage.previewMaxRssKiB + (usage.packPeakKiB ?? 0));
    }
    fs.rmSync(rusageDir, { recursive: true, force: true });
    return {
        runs, times, resources, previewPeakKiB: Math.max(...previewRss), summedPeakKiB: Math.max(...summedRss),
        ...(packRss.length ? { packPeakKiB: Math.max(...packRss) } : {}),
    };
}

const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function describeMeasurement(label: string, m: Measurement): string[] {
    return [
        `${label} (${m.resources} resources):`,
        `  wall time:   median ${seconds(median(m.times))}, min ${seconds(Math.min(...m.times))}, max ${seconds(Math.max(...m.times))}`,
        `  peak memory: preview process ${mib(m.previewPeakKiB)}` + (m.packPeakKiB !== undefined
            ? `, policy pack process ${mib(m.packPeakKiB)}, both processes together ${mib(m.summedPeakKiB)}`
            : ""),
    ];
}

function main(argv: string[]): number {
    const { values, positionals } = parseArgs({
        args: argv, options: { runs: { type: "string", default: "5" }, platform: { type: "boolean", default: false } },
        allowPositionals: true, strict: false,
    });
    const runs = Number(values.runs);
    console.log(`offline preview, ${runs} runs each on ${os.cpus().length} cores (node ${process.version})`);
    if (!values.platform) {
        console.log(describeMeasurement("dev stack", measurePreview(positionals as string[], runs)).join("\n"));
        return 0;
    }
    // Alternate the two sizes so both see the same machine load.
    const one: Measurement[] = [];
    const twenty: Measurement[] = [];
    for (let i = 0; i < runs; i++) {
        one.push(measurePreview(["--program", SCALE_PROGRAM, "--stack", "one"], 1));
        twenty.push(measurePreview(["--program", SCALE_PROGRAM, "--stack", "twenty"], 1));
    }
    const merge = (list: Measurement[]): Measurement => ({
        runs, times: list.flatMap(m => m.times), resources: list[0].resources,
        previewPeakKiB: Math.max(...list.map(m => m.previewPeakKiB)), packPeakKiB: Math.max(...list.map(m => m.packPeakKiB ?? 0)),
        summedPeakKiB: Math.max(...list.map(m => m.summedPeakKiB)),
    });
    const [a, b] = [merge(one), merge(twenty)];
    console.log([...describeMeasurement("platform with 1 web service", a), ...describeMeasurement("platform with 20 web services", b)].join("\n"));
    const perService = (median(b.times) - median(a.times)) / 19;
    console.log(`  each added web service: ${(perService / 1000).toFixed(3)} s and ${((b.resources - a.resources) / 19).toFixed(0)} resources (difference of the medians / 19)`);
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
