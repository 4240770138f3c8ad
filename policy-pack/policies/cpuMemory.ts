/**
 * `fargate-valid-cpu-memory`: Fargate accepts only certain task cpu/memory pairs, fewer on Windows, and runs Windows
 * only on X86_64. The table lives in the component's shared rules module, so the component's input validation and
 * this policy cannot drift apart.
 */
import { checkTaskSize, TaskSizeProblem } from "../../components/rules";
import { childlessComponents } from "../lib/awsx";
import { fargateRuns } from "../lib/ecs";
import { Reporter, stackPolicy } from "../lib/policy";
import { isReadResource, Resource } from "../lib/stack";
import { describe, mention, T } from "../lib/types";
import { get, isSet, isUnknown, items, str, UNKNOWN } from "../lib/values";

/** Parses task `cpu` as the ECS API accepts it: CPU units (`"256"`, `1024`) or vCPUs (`"1 vCPU"`, `"0.25 vcpu"`). */
export function parseCpuUnits(value: unknown): number | undefined {
    if (typeof value === "number") {
        return value;
    }
    const match = typeof value === "string" ? /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i.exec(value) : null;
    if (!match) {
        return undefined;
    }
    return match[2] ? Math.round(Number(match[1]) * 1024) : Number(match[1]);
}

/** Parses task `memory` as the ECS API accepts it: MiB (`"512"`, `2048`) or GB (`"2GB"`, `"0.5 GB"`). */
export function parseMemoryMiB(value: unknown): number | undefined {
    if (typeof value === "number") {
        return value;
    }
    const match = typeof value === "string" ? /^\s*(\d+(?:\.\d+)?)\s*(gb)?\s*$/i.exec(value) : null;
    if (!match) {
        return undefined;
    }
    return match[2] ? Math.round(Number(match[1]) * 1024) : Number(match[1]);
}

/** The policy. */
export const fargateValidCpuMemory = stackPolicy(
    {
        name: "fargate-valid-cpu-memory",
        title: "Valid Fargate task size",
        description:
            "Checks that Fargate task definitions (those that require FARGATE, and those a Fargate service, task " +
            "set or target runs whatever they declare) set task-level cpu and memory to a pair Fargate supports for " +
            "their operating system family and CPU architecture.",
        severity: "medium",
        enforcementLevel: "mandatory",
        remediationSteps: [
            "1. Pick a cpu value Fargate supports for the platform (Windows: 1024, 2048 or 4096).",
            "2. Pick a memory size listed for that cpu value.",
            "3. Run Windows tasks on X86_64; ARM64 is Linux only.",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
    },
    ({ stack, report }) => {
        const runs = fargateRuns(stack);
        for (const task of stack.ofType(T.ecsTaskDefinition)) {
            if (!isReadResource(task)) {
                checkTask(task, runs.get(task.urn), report);
            }
        }
        // awsx creates the task definition in its plugin: without it in the stack, judge the size the inputs give.
        for (const component of childlessComponents(stack, [T.awsxFargateService, T.awsxFargateTaskDefinition])) {
            checkAwsxTask(component, report);
        }
    },
);

/**
 * The task size an awsx Fargate service (`taskDefinitionArgs`) or task definition asks for. awsx uses `cpu` and
 * `memory` as given and computes a missing one from the containers' needs, choosing from Fargate's Linux sizes.
 */
function checkAwsxTask(component: Resource, report: Reporter): void {
    const service = component.type === T.awsxFargateService;
    const args = service ? get(component.props, "taskDefinitionArgs") : component.props;
    if (!isSet(args)) {
        return; // a service that runs an existing task definition (`taskDefinition`): judged where it is created
    }
    const who = describe(component.type, component.name);
    const path = service ? "taskDefinitionArgs." : "";
    if (isUnknown(args)) {
        report.unverified(
            `${who} has taskDefinitionArgs unknown during preview, so its Fargate task size cannot be verified. ` +
                "Build taskDefinitionArgs from values known at preview.",
            component.urn,
        );
        return;
    }
    const given = ["cpu", "memory"].filter(field => get(args, field) !== undefined);
    const os = str(args, "runtimePlatform", "operatingSystemFamily") ?? "LINUX";
    const setBoth = `Set both ${path}cpu and ${path}memory to a supported pair.`;
    if (given.length === 2) {
        const size = readSize(who, args, component.urn, report, path);
        for (const problem of size ? checkTaskSize(size.cpu, size.memory, size.os, size.arch) : []) {
            report.violation(`${who}: ${subject(problem, size!, path)} ${problem.problem}. ${problem.fix}`, component.urn);
        }
    } else if (given.length === 1) {
        const missing = given[0] === "cpu" ? "memory" : "cpu";
        report.unverified(
            `${who} sets ${path}${given[0]} but not ${path}${missing}, which awsx computes from the containers' needs, ` +
                `so whether the pair is one Fargate supports cannot be verified. ${setBoth}`,
            component.urn,
        );
    } else if (os !== "LINUX") {
        const platform = os === UNKNOWN ? "an operating system family unknown during preview" : os;
        report.unverified(
            `${who} sets neither ${path}cpu nor ${path}memory, which awsx picks from Fargate's Linux sizes, and runs ` +
                `on ${platform}, so whether Fargate supports that size for it cannot be verified. ${setBoth}`,
            component.urn,
        );
    }
    // Neither given on Linux: awsx picks the cheapest Linux size that fits the containers, always a valid pair.
}

function checkTask(task: Resource, launcher: Resource | undefined, report: Reporter): void {
    const who = describe(task.type, task.name);
    const compatibilities = items(task.props, "requiresCompatibilities");
    const declared = Array.isArray(compatibilities) && compatibilities.includes("FARGATE");
    if (!declared && !launcher && (compatibilities === UNKNOWN || (compatibilities ?? []).some(isUnknown))) {
        report.unverified(
            `${who} has requiresCompatibilities unknown during preview, so whether it runs on Fargate cannot ` +
                "be verified. Set it to the literal [\"FARGATE\"].",
            task.urn,
        );
        return;
    }
    if (!declared && !launcher) {
        return; // not a Fargate task definition
    }
    // A task definition a Fargate launcher runs is a Fargate task whatever it declares: ECS checks its size then.
    const subjectOf = declared || !launcher ? who : `${who} (run on Fargate by ${mention(launcher.type, launcher.name)})`;
    const size = readSize(subjectOf, task.props, task.urn, report);
    for (const problem of size ? checkTaskSize(size.cpu, size.memory, size.os, size.arch) : []) {
        report.violation(`${subjectOf}: ${subject(problem, size!)} ${problem.problem}. ${problem.fix}`, task.urn);
    }
}

interface TaskSize {
    cpu: number;
    memory: number;
    os: string;
    arch: string;
}

/**
 * Reads cpu, memory and platform from `props` (`path` prefixes the field names in messages); reports and returns
 * undefined when any is missing, invalid or unknown.
 */
function readSize(who: string, props: unknown, urn: string, report: Reporter, path = ""): TaskSize | undefined {
    const raw: Record<string, unknown> = {
        cpu: get(props, "cpu"),
        memory: get(props, "memory"),
        "runtimePlatform.operatingSystemFamily": str(props, "runtimePlatform", "operatingSystemFamily") ?? "LINUX",
        "runtimePlatform.cpuArchitecture": str(props, "runtimePlatform", "cpuArchitecture") ?? "X86_64",
    };
    const unknown = Object.keys(raw).filter(field => isUnknown(raw[field]));
    if (unknown.length > 0) {
        report.unverified(
            `${who} has ${unknown.map(field => path + field).join(", ")} unknown during preview, so its Fargate task ` +
                "size cannot be verified. Set them to literal values.",
            urn,
        );
        return undefined;
    }
    const cpu = parseCpuUnits(raw.cpu);
    const memory = parseMemoryMiB(raw.memory);
    for (const [field, value, parsed] of [["cpu", raw.cpu, cpu], ["memory", raw.memory, memory]] as const) {
        if (parsed === undefined) {
            const shown = typeof value === "string" ? `"${value}"` : typeof value;
            const got = value === undefined ? "it is not set" : `got ${shown}`;
            report.violation(
                `${who}: Fargate requires task-level ${path}${field} (${got}). Set cpu and memory on the task definition ` +
                    "to a supported pair, for example cpu \"256\" and memory \"512\".",
                urn,
            );
        }
    }
    if (cpu === undefined || memory === undefined) {
        return undefined;
    }
    return {
        cpu,
        memory,
        os: raw["runtimePlatform.operatingSystemFamily"] as string,
        arch: raw["runtimePlatform.cpuArchitecture"] as string,
    };
}

/** Names the field a problem is about, with its value: the shared rules phrase problems to follow that. */
function subject(problem: TaskSizeProblem, size: TaskSize, path = ""): string {
    const fields: Record<string, string> = {
        cpu: `${path}cpu ${size.cpu}`,
        memory: `${path}memory ${size.memory}`,
        cpuArchitecture: `${path}runtimePlatform.cpuArchitecture ${size.arch}`,
        operatingSystemFamily: `${path}runtimePlatform.operatingSystemFamily ${size.os}`,
    };
    return fields[problem.field] ?? problem.field;
}
