/**
 * The pack's verdicts, asked for as the engine asks during `pulumi preview`: `GetAnalyzerInfo`, `Configure` and
 * `ConfigureStack` once the pack has started, `Analyze` for each resource as soon as the program registers it (so the
 * pack, in its own process, works while the program goes on), and `AnalyzeStack` once the program has finished.
 * Asking only after the program ended cost a platform of 20 services about 0.7 s more.
 */
import { AnalyzeResult, PolicyPackClient } from "../protocol/client";
import { PolicyPackConfigFile } from "../protocol/config";
import { AnalyzerSummary, Diagnostic, WireResource, fromRegistrations } from "../protocol/wire";
import { RecordedResource } from "./recorder";

export class StreamingAnalysis {
    private readonly ready: Promise<{ pack: PolicyPackClient; info: AnalyzerSummary }>;
    private readonly perResource: Promise<AnalyzeResult>[] = [];

    constructor(packStarting: Promise<PolicyPackClient>, policyConfig: PolicyPackConfigFile, stack: { project: string; stack: string }) {
        this.ready = packStarting.then(async pack => {
            const info = await pack.getAnalyzerInfo();
            await pack.configure(policyConfig);
            await pack.configureStack({ ...stack, dryRun: true });
            return { pack, info };
        });
        this.ready.catch(() => undefined); // a pack that fails to start is reported by finish(), or not needed
    }

    /** Sends a resource the program registered; a read resource reaches the pack in `AnalyzeStack` only, as the engine sends it. */
    add(record: RecordedResource): void {
        if (record.read) {
            return;
        }
        const [wire] = fromRegistrations([record]);
        const result = this.ready.then(({ pack }) => pack.analyze(wire));
        result.catch(() => undefined); // awaited by finish(); after a program failure nobody awaits it
        this.perResource.push(result);
    }

    /** Every per-resource verdict, in registration order, then the stack's (`resources`: every registration and read, as the pack sees them). */
    async finish(resources: WireResource[]): Promise<{ info: AnalyzerSummary; diagnostics: Diagnostic[] }> {
        const { pack, info } = await this.ready;
        const perResource = await Promise.all(this.perResource);
        const stack = await pack.analyzeStack(resources);
        return { info, diagnostics: [...perResource.flatMap(result => result.diagnostics), ...stack.diagnostics] };
    }
}
