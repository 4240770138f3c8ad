/**
 * Fargate task sizes: which task-level `cpu` / `memory` pairs AWS accepts for each operating system and CPU
 * architecture. The table is data and the functions are pure, so the component (validation before anything is
 * registered) and the policy pack (`fargate-valid-cpu-memory`) share one source of truth.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html
 */

/** Operating system families Fargate runs, as the ECS API spells them in `runtimePlatform`. */
export const FARGATE_OPERATING_SYSTEM_FAMILIES = [
    "LINUX",
    "WINDOWS_SERVER_2019_FULL",
    "WINDOWS_SERVER_2019_CORE",
    "WINDOWS_SERVER_2022_FULL",
    "WINDOWS_SERVER_2022_CORE",
] as const;

/** CPU architectures Fargate runs, as the ECS API spells them in `runtimePlatform`. */
export const FARGATE_CPU_ARCHITECTURES = ["X86_64", "ARM64"] as const;

interface CpuRow {
    cpu: number;
    memoryMiB: number[];
    /** Windows containers run only on 1, 2 and 4 vCPU. */
    windows: boolean;
}

function range(from: number, to: number, step: number): number[] {
    const out: number[] = [];
    for (let v = from; v <= to; v += step) {
        out.push(v);
    }
    return out;
}

/**
 * The Linux table. 8 and 16 vCPU step by 4 GiB and 8 GiB (not 1 GiB, as some libraries assume). The 32 vCPU row
 * is left out on purpose: it is reported by third parties only and no AWS page confirms it yet.
 */
const CPU_ROWS: readonly CpuRow[] = [
    { cpu: 256, memoryMiB: [512, 1024, 2048], windows: false },
    { cpu: 512, memoryMiB: range(1024, 4096, 1024), windows: false },
    { cpu: 1024, memoryMiB: range(2048, 8192, 1024), windows: true },
    { cpu: 2048, memoryMiB: range(4096, 16384, 1024), windows: true },
    { cpu: 4096, memoryMiB: range(8192, 30720, 1024), windows: true },
    { cpu: 8192, memoryMiB: range(16384, 61440, 4096), windows: false },
    { cpu: 16384, memoryMiB: range(32768, 122880, 8192), windows: false },
];

/** True when `family` is a Windows Server family (anything but `LINUX`). */
export function isWindowsFamily(family: string): boolean {
    return String(family).toUpperCase().startsWith("WINDOWS");
}

/** The task cpu units Fargate accepts for an operating system family. */
export function validCpuUnits(operatingSystemFamily: string): number[] {
    const windows = isWindowsFamily(operatingSystemFamily);
    return CPU_ROWS.filter(row => !windows || row.windows).map(row => row.cpu);
}

/** The memory sizes (MiB) Fargate accepts for `cpu` units; empty when the cpu value itself is not valid. */
export function validMemoryMiB(cpu: number, operatingSystemFamily: string): number[] {
    if (!validCpuUnits(operatingSystemFamily).includes(cpu)) {
        return [];
    }
    return [...(CPU_ROWS.find(row => row.cpu === cpu)?.memoryMiB ?? [])];
}

/**
 * A problem with a task size, phrased without an argument path so each caller can name its own field: the problem
 * reads after the field's name ("`memoryMiB` is not a valid ...").
 */
export interface TaskSizeProblem {
    /** Which part is wrong: task cpu, task memory, the CPU architecture or the operating system family. */
    field: "cpu" | "memory" | "cpuArchitecture" | "operatingSystemFamily";
    /** What is wrong, e.g. `is not a valid Fargate memory size for 256 cpu units`. */
    problem: string;
    /** How to fix it, one sentence ending in a period. */
    fix: string;
}

/**
 * Checks one task size against the Fargate table for its platform. Returns the problems found (none when valid).
 * `cpu` and `memoryMiB` are numbers of cpu units and MiB, as in the task definition's `cpu` and `memory` fields.
 */
export function checkTaskSize(
    cpu: number,
    memoryMiB: number,
    operatingSystemFamily: string = "LINUX",
    cpuArchitecture: string = "X86_64",
): TaskSizeProblem[] {
    const problems: TaskSizeProblem[] = [];
    const listed = (values: readonly string[], value: string) => values.includes(String(value).toUpperCase());
    if (!listed(FARGATE_OPERATING_SYSTEM_FAMILIES, operatingSystemFamily)) {
        problems.push({
            field: "operatingSystemFamily",
            problem: "is not an operating system family Fargate runs",
            fix: `Use one of ${FARGATE_OPERATING_SYSTEM_FAMILIES.join(", ")}.`,
        });
    }
    if (!listed(FARGATE_CPU_ARCHITECTURES, cpuArchitecture)) {
        problems.push({
            field: "cpuArchitecture",
            problem: "is not a CPU architecture Fargate runs",
            fix: `Use ${FARGATE_CPU_ARCHITECTURES.join(" or ")}.`,
        });
    }
    if (problems.length > 0) {
        return problems; // the valid sizes depend on the platform
    }
    const windows = isWindowsFamily(operatingSystemFamily);
    if (windows && String(cpuArchitecture).toUpperCase() === "ARM64") {
        problems.push({
            field: "cpuArchitecture",
            problem: "must be X86_64 for Windows containers (Fargate runs Windows only on X86_64)",
            fix: "Use X86_64 for Windows, or the LINUX operating system family for ARM64.",
        });
    }
    const cpus = validCpuUnits(operatingSystemFamily);
    if (!cpus.includes(cpu)) {
        problems.push({
            field: "cpu",
            problem: `is not a valid Fargate cpu value${windows ? " for Windows" : ""}`,
            fix: `Use one of ${cpus.join(", ")}.`,
        });
        return problems;
    }
    const memories = validMemoryMiB(cpu, operatingSystemFamily);
    if (!memories.includes(memoryMiB)) {
        problems.push({
            field: "memory",
            problem: `is not a valid Fargate memory size for ${cpu} cpu units`,
            fix: `Use one of ${memories.join(", ")} MiB.`,
        });
    }
    return problems;
}
