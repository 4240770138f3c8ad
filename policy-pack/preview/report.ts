/**
 * Prints an offline preview the way `pulumi preview --policy-pack` does: the resource tree with its plan, the
 * policy diagnostics grouped by enforcement level in CrossGuard's format, the known stack outputs and the summary.
 */
import { RecordedResource } from "./recorder";
import { ProgramRun } from "./run";
import { Diagnostic, WireResource } from "../protocol/wire";
import { LogMessage } from "./engine";
import { InvokeRecord } from "./invokes";
import { RemoteComponent, remoteVerdict } from "./remote";
import { CostEstimate, estimateMonthlyCost } from "./cost";
import { RolloutEstimate, estimateRollouts } from "./rollout";

/** Everything a preview found, in one machine-readable document (`--json`). */
export interface PreviewDocument {
    project: string;
    stack: string;
    /** The engine's marker for a value known only after deployment, as it appears in `resources[].inputs`. */
    unknownValue: string;
    resources: Omit<RecordedResource, "ignoreChanges">[];
    outputs: Record<string, { known: boolean; value?: unknown }>;
    /** Warnings and errors the program logged (deprecations, for one), as `pulumi preview` lists them. */
    messages: LogMessage[];
    /** The data sources the program called, with how each was answered (placeholders, or unknowns and why). */
    invokes: InvokeRecord[];
    /** Remote components shown without their children: judged from their inputs, or not checked. */
    remoteComponents: RemoteComponent[];
    policyPack: { name: string; version: string };
    diagnostics: Diagnostic[];
    /** What the planned stack costs per month before traffic, and how long one rolling deployment of each service takes. */
    estimates: PreviewEstimates;
    summary: PreviewSummary;
}

/**
 * The estimates (README "Cost" and "Rollout time"): the monthly cost computed from the planned resources (those to
 * create; read resources exist already) with the stack's region's price file, line by line, and the modelled time of
 * one rolling deployment of each ECS service.
 */
export interface PreviewEstimates extends CostEstimate {
    /** Seconds of one rolling deployment, by ECS service name; null when a setting it depends on is unknown. */
    rolloutSeconds: Record<string, number | null>;
    /** Each service's rollout in parts (waves, and a wave's start, healthy, drain and stop seconds), or why not. */
    rollouts: RolloutEstimate[];
}

/**
 * The cost and rollout estimates of `planned` (the resources to create) in `region`. `rolloutSeconds` is keyed by
 * service name; services whose names repeat (a `WebService` and a `WorkerService` both called `api` each create
 * `api-service`) are keyed by URN instead, so that none hides another.
 */
export function previewEstimates(planned: readonly WireResource[], region: string | undefined): PreviewEstimates {
    const rollouts = estimateRollouts(planned);
    // estimateRollouts keeps the plan's order of ECS services: the n-th estimate is the n-th service.
    const services = planned.filter(r => r.type === "aws:ecs/service:Service");
    const repeated = (name: string) => services.filter(s => s.name === name).length > 1;
    return {
        ...estimateMonthlyCost(planned, region), rollouts,
        rolloutSeconds: Object.fromEntries(rollouts.map((r, i) => [repeated(r.service) ? services[i].urn : r.service, r.seconds ?? null])),
    };
}

/** The counts a CI job gates on. */
export interface PreviewSummary {
    toCreate: number;
    /** Resources the program reads (`aws.<type>.get(name, id)`): they exist already, and the engine only reads them. */
    toRead: number;
    mandatory: number;
    advisory: number;
    /** Policies the SDK could not run because a value they read was unknown ("can't run policy ... during preview"). */
    cannotRunDuringPreview: number;
    /** Data sources (distinct tokens) answered with unknown values, as for an account the preview cannot see. */
    answeredWithUnknowns: number;
    /** Remote components nothing checks: their plugins create resources the preview cannot see (`--strict` fails). */
    notChecked: number;
}

const CANT_RUN = /can't run policy .* during preview/i;

/** True for the SDK's note that a policy could not run because it read an unknown value. */
export function isCantRunNote(diagnostic: Diagnostic): boolean {
    return CANT_RUN.test(diagnostic.message);
}

/** Counts the resources to create, the diagnostics per kind, and what the preview could not see. */
export function summarize(run: ProgramRun, diagnostics: Diagnostic[], remote: readonly RemoteComponent[]): PreviewSummary {
    const violations = diagnostics.filter(d => !isCantRunNote(d));
    return {
        toCreate: run.resources.filter(r => !r.read).length,
        toRead: run.resources.filter(r => r.read).length,
        mandatory: violations.filter(d => d.enforcementLevel === "mandatory").length,
        advisory: violations.filter(d => d.enforcementLevel === "advisory").length,
        cannotRunDuringPreview: diagnostics.length - violations.length,
        answeredWithUnknowns: unknownInvokeTokens(run.invokes).length,
        notChecked: remote.filter(c => !c.checkedFromInputs).length,
    };
}

function unknownInvokeTokens(invokes: readonly InvokeRecord[]): string[] {
    return [...new Set(invokes.filter(i => i.answeredWith === "unknowns").map(i => i.token))];
}

/** The `pulumi preview`-style text report. */
export function formatText(doc: PreviewDocument, packLabel: string): string {
    return [
        `Previewing update (${doc.stack}) offline: Pulumi mock runtime in preview mode, policy pack over the Analyzer protocol`,
        "",
        ...formatTree(doc.resources),
        "",
        ...formatMessages(doc),
        ...formatInvokes(doc.invokes),
        ...formatRemote(doc.remoteComponents),
        ...formatPolicies(doc, packLabel),
        ...formatOutputs(doc.outputs, doc.unknownValue),
        ...formatCost(doc.estimates),
        ...formatRollouts(doc.estimates),
        // As the CLI's summary: reads are marked in the tree and left out of the counts (`summary.toRead` in --json).
        "Resources:",
        `    + ${doc.summary.toCreate} to create`,
        "",
        formatSummaryLine(doc.summary),
    ].join("\n");
}

/** `+ <type>  <name>  create`, indented under each resource's parent, siblings sorted by name. */
export function formatTree(resources: readonly Omit<RecordedResource, "ignoreChanges">[]): string[] {
    const children = new Map<string, typeof resources[number][]>();
    for (const resource of resources) {
        const siblings = children.get(resource.parent) ?? [];
        siblings.push(resource);
        children.set(resource.parent, siblings);
    }
    const rows: [string, string, boolean][] = [];
    const walk = (parent: string, prefix: string) => {
        const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name) || a.type.localeCompare(b.type));
        list.forEach((resource, i) => {
            const last = i === list.length - 1;
            const branch = parent === "" ? "" : last ? "└─ " : "├─ ";
            rows.push([`${prefix}${branch}${resource.type}`, resource.name, resource.read === true]);
            walk(resource.urn, parent === "" ? prefix : prefix + (last ? "   " : "│  "));
        });
    };
    walk("", "");
    const typeWidth = Math.max(4, ...rows.map(([type]) => type.length)) + 2;
    const nameWidth = Math.max(4, ...rows.map(([, name]) => name.length)) + 2;
    // As the CLI marks its steps: `+` a resource to create, `>` one the program reads (`.get`), which the engine reads.
    return [
        `     ${"Type".padEnd(typeWidth)}${"Name".padEnd(nameWidth)}Plan`,
        ...rows.map(([type, name, read]) => ` ${read ? ">" : "+"}   ${type.padEnd(typeWidth)}${name.padEnd(nameWidth)}${read ? "read" : "create"}`),
    ];
}

/** The program's log messages grouped by resource, as the CLI's "Diagnostics" section shows them. */
function formatMessages(doc: PreviewDocument): string[] {
    if (doc.messages.length === 0) {
        return [];
    }
    const stack = `pulumi:pulumi:Stack: ${doc.project}-${doc.stack}`;
    const groups = new Map<string, string[]>();
    for (const m of doc.messages) {
        const label = m.urn === "" || m.urn.includes("::pulumi:pulumi:Stack::") ? stack : resourceLabel(m.urn);
        const lines = groups.get(label) ?? [];
        lines.push(...`${m.severity}: ${m.message}`.split("\n").map(line => `    ${line}`));
        groups.set(label, lines);
    }
    return ["Diagnostics:", ...[...groups].flatMap(([label, lines]) => [`  ${label}`, ...lines]), ""];
}

/** The data sources answered with unknowns, and why: what the plan and the verdicts could not see. */
function formatInvokes(invokes: readonly InvokeRecord[]): string[] {
    const unknown = invokes.filter(i => i.answeredWith === "unknowns");
    if (unknown.length === 0) {
        return [];
    }
    const width = Math.max(...unknown.map(i => i.token.length)) + 2;
    return [
        `Data sources answered with unknowns (${unknownInvokeTokens(unknown).length}): what they return is known only after deployment`,
        ...unknown.map(i => `    ${i.token.padEnd(width)}${i.reason}${i.calls > 1 ? ` (${i.calls} calls)` : ""}`),
        "    (to preview with real values, give their results in a file: --invokes answers.json, token → result object)",
        "",
    ];
}

/** Remote components and what the pack made of them: checked from their inputs, or not checked at all. */
function formatRemote(components: readonly RemoteComponent[]): string[] {
    if (components.length === 0) {
        return [];
    }
    const typeWidth = Math.max(...components.map(c => c.type.length)) + 2;
    const nameWidth = Math.max(...components.map(c => c.name.length)) + 2;
    return [
        `Remote components (${components.length}): their plugins create their resources, which an offline preview does not run`,
        ...components.map(c => `    ${c.type.padEnd(typeWidth)}${c.name.padEnd(nameWidth)}${remoteVerdict(c)}`),
        "",
    ];
}

const dollars = (value: number) => `$${value.toFixed(2)}`;

/** The monthly cost before traffic, line by line with the total; what is billed by use; what could not be priced. */
export function formatCost(estimate: PreviewEstimates): string[] {
    // The price file's source is long: the text names its date, --json carries the source in full.
    const where = estimate.prices
        ? `${estimate.region}, prices of ${estimate.prices.date} compiled offline, their sources in --json`
        : estimate.region ?? "no region";
    const width = Math.max(0, ...estimate.lines.map(l => l.resource.length)) + 2;
    const itemWidth = Math.max(0, ...estimate.lines.map(l => l.item.length)) + 2;
    const lines = [`Estimated monthly cost before traffic (${where}):`];
    lines.push(...estimate.lines.map(l => `    ${l.resource.padEnd(width)}${l.item.padEnd(itemWidth)}${dollars(l.monthlyUsd ?? 0).padStart(9)}`));
    if (estimate.lines.length > 0 || estimate.notPriced.length === 0) {
        lines.push(`    ${"Total".padEnd(width + itemWidth)}${dollars(estimate.monthlyCostUsd).padStart(9)}`);
    } else {
        lines.push("    Not estimated: nothing could be priced (see below)");
    }
    if (estimate.usage.length > 0) {
        lines.push("    Billed by use, not in the total:");
        lines.push(...estimate.usage.map(u => `        ${u.resource}: ${u.item}`));
    }
    if (estimate.notPriced.length > 0) {
        lines.push(`    Not priced (${estimate.notPriced.length}), so not in the total:`);
        lines.push(...estimate.notPriced.map(n => `        ${n.resource} (${n.type}): ${n.reason}`));
    }
    return [...lines, ""];
}

/** Each ECS service's modelled rolling deployment: waves × (start + healthy + drain + stop), or why it cannot be modelled. */
function formatRollouts(estimate: PreviewEstimates): string[] {
    if (estimate.rollouts.length === 0) {
        return [];
    }
    const width = Math.max(...estimate.rollouts.map(r => r.service.length)) + 2;
    return [
        "Estimated rollout, one rolling deployment per service (README \"Rollout time\"):",
        ...estimate.rollouts.map(r => `    ${r.service.padEnd(width)}${r.seconds === undefined || !r.wave
            ? `not modelled: ${r.reason}`
            : `${r.seconds} s: ${r.waves} wave${r.waves === 1 ? "" : "s"} × (${r.wave.start} s start + ${r.wave.healthy} s healthy + ` +
                `${r.wave.drain} s drain + ${r.wave.stop} s stop)`}`),
        "",
    ];
}

function resourceLabel(urn: string): string {
    const parts = urn.split("::");
    const type = (parts[2] ?? "").split("$").pop();
    return `${type}: ${parts[3] ?? urn}`;
}

function formatDiagnostic(d: Diagnostic): string[] {
    // The policy SDK already starts the message with the policy's description, as the CLI prints it.
    const text = d.message.startsWith(d.description) ? d.message : `${d.description}\n${d.message}`;
    return [
        `        - [${d.enforcementLevel}]  ${d.policyName}  (${resourceLabel(d.urn)})`,
        ...text.split("\n").map(line => `          ${line}`),
    ];
}

function formatPolicies(doc: PreviewDocument, packLabel: string): string[] {
    const notes = doc.diagnostics.filter(isCantRunNote);
    const violations = doc.diagnostics.filter(d => !isCantRunNote(d));
    const order = ["mandatory", "remediate", "advisory"];
    violations.sort((a, b) => order.indexOf(a.enforcementLevel) - order.indexOf(b.enforcementLevel)
        || a.policyName.localeCompare(b.policyName) || a.urn.localeCompare(b.urn));
    const mark = doc.summary.mandatory > 0 ? "❌" : violations.length > 0 ? "⚠️" : "✅";
    const lines = ["Policies:", `    ${mark} ${doc.policyPack.name}@v${doc.policyPack.version} (${packLabel})`];
    lines.push(...violations.flatMap(formatDiagnostic));
    if (notes.length > 0) {
        lines.push(`    Could not run during preview (${notes.length}): these policies read a value known only after deployment`);
        lines.push(...notes.flatMap(formatDiagnostic));
    }
    return [...lines, ""];
}

/** The stack outputs known before deployment (a part known only after it shows as `[unknown]`), then the names of the rest. */
function formatOutputs(outputs: PreviewDocument["outputs"], unknownValue: string): string[] {
    const keys = Object.keys(outputs);
    if (keys.length === 0) {
        return [];
    }
    const known = keys.filter(k => outputs[k].known);
    const unknown = keys.filter(k => !outputs[k].known);
    const width = Math.max(...known.map(k => k.length), 0) + 2;
    const show = (value: unknown) => JSON.stringify(value, (_key, member) => (member === unknownValue ? "[unknown]" : member));
    const lines = ["Outputs:", ...known.map(k => `    ${`${k}:`.padEnd(width)}${show((outputs[k] as { value: unknown }).value)}`)];
    if (unknown.length > 0) {
        lines.push(`    (known after deployment: ${unknown.join(", ")})`);
    }
    return [...lines, ""];
}

/** The last line, the one a CI log is read for. */
export function formatSummaryLine(summary: PreviewSummary): string {
    const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    return [
        count(summary.mandatory, "mandatory violation", "mandatory violations"),
        count(summary.advisory, "advisory violation", "advisory violations"),
        `${count(summary.cannotRunDuringPreview, "policy", "policies")} could not run during preview`,
        // Only when there are some: the line CI logs are read for stays as it was for programs that use none.
        ...(summary.answeredWithUnknowns > 0
            ? [`${count(summary.answeredWithUnknowns, "data source", "data sources")} answered with unknowns`] : []),
        ...(summary.notChecked > 0 ? [`${count(summary.notChecked, "resource", "resources")} not checked`] : []),
    ].join(", ");
}
