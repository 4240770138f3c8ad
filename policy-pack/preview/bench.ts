/**
 * `npm run bench:preview [-- --runs N] [preview options]`: times the offline preview of the dev stack end to end
 * (a fresh process each run, as a user or CI starts it) and prints the median and range of wall time and the peak
 * memory of the preview process and of the policy pack process.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";

const CLI = path.join(__dirname, "cli.ts");

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function main(): number {
    const { values, positionals } = parseArgs({ options: { runs: { type: "string", default: "5" } }, allowPositionals: true, strict: false });
    const runs = Number(values.runs);
    const rusageFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "preview-bench-")), "rusage.json");
    const previewArgs = [...process.execArgv, CLI, "--json", ...positionals];
    const times: number[] = [];
    const previewRss: number[] = [];
    const packRss: number[] = [];
    for (let i = 0; i < runs; i++) {
        const start = process.hrtime.bigint();
        const result = spawnSync(process.execPath, previewArgs, { env: { ...process.env, FARGATE_PREVIEW_RUSAGE: rusageFile }, encoding: "utf8" });
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
        if (result.status === 2 || result.status === null) {
            process.stderr.write(result.stderr);
            return 2;
        }
        const usage = JSON.parse(fs.readFileSync(rusageFile, "utf8"));
        previewRss.push(usage.previewMaxRssKiB);
        if (usage.packPeakKiB !== undefined) {
            packRss.push(usage.packPeakKiB);
        }
    }
    const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`offline preview, ${runs} runs on ${os.cpus().length} cores (node ${process.version})`);
    console.log(`  wall time:   median ${seconds(median(times))}, min ${seconds(Math.min(...times))}, max ${seconds(Math.max(...times))}`);
    console.log(`  peak memory: preview process ${mib(Math.max(...previewRss))}` +
        (packRss.length ? `, policy pack process ${mib(Math.max(...packRss))}` : ""));
    return 0;
}

process.exit(main());
