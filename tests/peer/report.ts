/**
 * The arithmetic and the wording of `npm run bench:peer`, apart from the processes it runs (so a spec checks them
 * without the CDK peer installed): reading the per-process peaks the `peakMemory.js` hook records, summarising the
 * runs of one side, the ratios ours/peer against issue 10's targets, and the printout.
 */
import * as fs from "fs";
import * as path from "path";

/** The targets: our wall time and summed peak memory may be at most these fractions of the peer's. */
export const TARGETS = { time: 0.7, memory: 0.75 } as const;

/** The hook that records each node process's peak memory (plain JavaScript: it runs in every measured process). */
export const PEAK_MEMORY_HOOK = path.join(__dirname, "peakMemory.js");

/** One node process's peak resident memory, as the hook wrote it. */
export interface ProcessPeak {
    pid: number;
    ppid: number;
    /** The script the process ran, relative to its working directory ("" for `node -e`). */
    script: string;
    peakKiB: number;
}

/** One run of one side: its wall time and the peak of every node process it started. */
export interface Run {
    wallMs: number;
    /** Each process with the role it plays (e.g. "preview", "policy pack", "cdk CLI", "app"). */
    processes: Array<ProcessPeak & { role: string }>;
}

/** Median and range of a series. */
export interface Spread {
    median: number;
    min: number;
    max: number;
}

/** What the runs of one side measured. */
export interface SideSummary {
    runs: number;
    wallMs: Spread;
    /** Per role, the median over the runs of that process's peak. */
    processes: Array<{ role: string; peakKiB: Spread }>;
    /** Per run, the sum of the peaks of all its processes; median and range over the runs. */
    summedPeakKiB: Spread;
}

/** A ratio ours/peer next to its target. */
export interface Ratio {
    value: number;
    target: number;
    holds: boolean;
}

/**
 * The environment that makes every node process started under it (and under its children) record its peak in `dir`:
 * NODE_OPTIONS gains `--require <hook>`, after whatever NODE_OPTIONS already held.
 */
export function peakMemoryEnv(dir: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
    const require = `--require ${JSON.stringify(PEAK_MEMORY_HOOK)}`;
    return { ...base, PEAK_MEMORY_DIR: dir, NODE_OPTIONS: base.NODE_OPTIONS ? `${base.NODE_OPTIONS} ${require}` : require };
}

/** The peaks the hook recorded in `dir`, by pid. */
export function readPeaks(dir: string): ProcessPeak[] {
    return fs.readdirSync(dir)
        .filter(file => /^\d+\.json$/.test(file))
        .map(file => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as ProcessPeak)
        .sort((a, b) => a.pid - b.pid);
}

/**
 * Names each recorded process by the first role whose pattern matches its script (any other process is still counted,
 * named by its script), and fails when an expected role has no process: a sum that silently missed one would flatter
 * that side.
 */
export function assignRoles(peaks: ProcessPeak[], roles: Array<{ role: string; script: RegExp }>, side: string): Run["processes"] {
    const named = peaks.map(peak => {
        const script = peak.script.split(path.sep).join("/");
        return { ...peak, role: roles.find(r => r.script.test(script))?.role ?? `other (${script || "node -e"})` };
    });
    for (const { role } of roles) {
        if (!named.some(p => p.role === role)) {
            throw new Error(`${side}: no peak memory was recorded for the ${role} process; was it killed with SIGKILL, or started without NODE_OPTIONS?`);
        }
    }
    return named;
}

export function spread(values: number[]): Spread {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Summarises the runs of one side. */
export function summarize(runs: Run[]): SideSummary {
    const roles = [...new Set(runs.flatMap(run => run.processes.map(p => p.role)))];
    return {
        runs: runs.length,
        wallMs: spread(runs.map(run => run.wallMs)),
        processes: roles.map(role => ({
            role,
            peakKiB: spread(runs.map(run => run.processes.filter(p => p.role === role).reduce((sum, p) => sum + p.peakKiB, 0))),
        })),
        summedPeakKiB: spread(runs.map(run => run.processes.reduce((sum, p) => sum + p.peakKiB, 0))),
    };
}

/** Ours/peer for wall time and for summed peak memory (medians), each against its target. */
export function compare(ours: SideSummary, peer: SideSummary): { time: Ratio; memory: Ratio } {
    const ratio = (value: number, target: number): Ratio => ({ value, target, holds: value <= target });
    return {
        time: ratio(ours.wallMs.median / peer.wallMs.median, TARGETS.time),
        memory: ratio(ours.summedPeakKiB.median / peer.summedPeakKiB.median, TARGETS.memory),
    };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
const range = (s: Spread, unit: (n: number) => string) => `${unit(s.median)} (${unit(s.min)}–${unit(s.max)})`;

/** The lines for one side. */
export function describeSide(label: string, side: SideSummary): string[] {
    return [
        `  ${label}:`,
        `    wall time:        median ${range(side.wallMs, seconds)}`,
        `    peak memory:      ${side.processes.map(p => `${p.role} ${mib(p.peakKiB.median)}`).join(", ")}`,
        `    summed peak:      median ${range(side.summedPeakKiB, mib)}`,
    ];
}

/** The verdict line: each ratio with its target and whether it holds. */
export function describeRatios(ratios: { time: Ratio; memory: Ratio }): string {
    const one = (name: string, r: Ratio) =>
        `${name} ${r.value.toFixed(2)} (target ≤ ${r.target}: ${r.holds ? "holds" : "NOT met"})`;
    return `  ours / peer:      ${one("wall time", ratios.time)}, ${one("summed peak memory", ratios.memory)}`;
}
