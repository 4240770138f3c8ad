/**
 * Records this Node.js process's peak resident memory when it ends, for `npm run bench:peer`: loaded into every node
 * process of a measured tree with `NODE_OPTIONS=--require <this file>` (child processes inherit the environment, so
 * the preview's policy pack and the app the `cdk` CLI starts are covered as well as the process the bench spawns).
 * With PEAK_MEMORY_DIR set, it writes `<PEAK_MEMORY_DIR>/<pid>.json`: `{ pid, ppid, script, peakKiB }`.
 *
 * The peak is the kernel's high-water mark of this process's own address space (`VmHWM` in /proc/self/status), not
 * `process.resourceUsage().maxRSS`: Linux carries a parent's maxrss over fork and exec, so a node process spawned by a
 * large parent reports the parent's peak as its own (see tests/peerBench.spec.ts). maxRSS is the fallback where
 * /proc is missing.
 *
 * It writes at `exit` and, for a process stopped by a signal (the preview stops its policy pack with SIGTERM), in a
 * handler that then re-raises the signal so the process still ends as it would have; a process that handles the
 * signal itself keeps its own behaviour. SIGKILL cannot be observed. Plain JavaScript, so that it costs every measured
 * process the same (no TypeScript compiler).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { isMainThread } = require("worker_threads");

const dir = process.env.PEAK_MEMORY_DIR;

function peakKiB() {
    try {
        const match = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync("/proc/self/status", "utf8"));
        if (match) {
            return Number(match[1]);
        }
    } catch {
        // no /proc: fall back to getrusage
    }
    return process.resourceUsage().maxRSS;
}

function record() {
    try {
        const script = process.argv[1] === undefined ? "" : path.relative(process.cwd(), process.argv[1]);
        fs.writeFileSync(
            path.join(dir, `${process.pid}.json`),
            JSON.stringify({ pid: process.pid, ppid: process.ppid, script, peakKiB: peakKiB() }),
        );
    } catch {
        // never change how the measured process ends
    }
}

if (dir && isMainThread) {
    process.on("exit", record);
    for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
        const onSignal = () => {
            record();
            if (process.listenerCount(signal) === 1) {
                process.removeListener(signal, onSignal);
                process.kill(process.pid, signal);
            }
        };
        process.on(signal, onSignal);
    }
}
