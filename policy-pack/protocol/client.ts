/**
 * Runs the policy pack the way the Pulumi CLI does and talks to it over the Analyzer gRPC protocol, with no CLI and
 * no network access: `node <@pulumi/pulumi>/cmd/run-policy-pack <engine-address> .` in the pack directory, read the
 * port it prints, then `GetAnalyzerInfo`, `Configure`, `Analyze` and `AnalyzeStack`. Used by the protocol specs and
 * by tools that check recorded resources (the offline preview). No test framework dependency.
 */
import { ChildProcess } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { PolicyPackConfigFile, resolvePolicyConfig } from "./config";
import { assertBuildIsCurrent } from "./build";
import { spawnPulumiRunner } from "./spawn";
import {
    AnalyzerSummary,
    Diagnostic,
    fromAnalyzeResponse,
    fromAnalyzerInfo,
    levelToProto,
    toAnalyzeRequest,
    toAnalyzeStackRequest,
    WireResource,
} from "./wire";

/** Options for {@link startPolicyPack}. */
export interface StartOptions {
    /** The pack directory. @default the directory holding this module's pack (`policy-pack/`) */
    packDir?: string;
    /** How long to wait for the port. @default 60000 */
    startTimeoutMs?: number;
    /** Extra environment variables for the pack process. @default none */
    env?: Record<string, string>;
    /** Stops a pack that is still starting (the start then fails) when the caller no longer needs it. @default none */
    signal?: AbortSignal;
}

/** The pack's directory in this repository. */
export const DEFAULT_PACK_DIR = path.resolve(__dirname, "..");

/** Starts the pack as the CLI does and connects to it. Call {@link PolicyPackClient.close} when done. */
export async function startPolicyPack(options: StartOptions = {}): Promise<PolicyPackClient> {
    const packDir = options.packDir ?? DEFAULT_PACK_DIR;
    assertBuildIsCurrent(packDir);
    // The engine address is ignored by the policy runner; the CLI always passes one.
    const { child, port } = await spawnPulumiRunner("run-policy-pack", ["127.0.0.1:0", "."], {
        cwd: packDir, env: { ...process.env, ...options.env }, label: "policy pack", timeoutMs: options.startTimeoutMs ?? 60000,
        signal: options.signal,
    });
    return new PolicyPackClient(child, port);
}

/** Both diagnostics and, per resource policy, the policies that reported themselves not applicable. */
export interface AnalyzeResult {
    diagnostics: Diagnostic[];
    notApplicable: string[];
}

/** A connection to a running pack. */
export class PolicyPackClient {
    private readonly client: AnalyzerClient;
    private info?: AnalyzerSummary;

    constructor(
        private readonly child: ChildProcess,
        /** The gRPC port the pack printed. */
        readonly port: number,
    ) {
        this.client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": 400 * 1024 * 1024,
        });
    }

    /** `GetAnalyzerInfo`: the pack's name, version and policies. */
    async getAnalyzerInfo(): Promise<AnalyzerSummary> {
        const info = await this.call<Empty, analyzerpb.AnalyzerInfo>("getAnalyzerInfo", new Empty());
        this.info = fromAnalyzerInfo(info);
        return this.info;
    }

    /**
     * `Configure` with a `--policy-pack-config` file's contents, resolved the way the CLI resolves it (schema
     * defaults, then `all`, then per-policy entries). An empty file resets every policy to its defaults.
     */
    async configure(file: PolicyPackConfigFile = {}): Promise<void> {
        const info = this.info ?? (await this.getAnalyzerInfo());
        const request = new analyzerpb.ConfigureAnalyzerRequest();
        const map = request.getPolicyconfigMap();
        for (const [name, config] of Object.entries(resolvePolicyConfig(info, file))) {
            const entry = new analyzerpb.PolicyConfig();
            entry.setEnforcementlevel(levelToProto(config.enforcementLevel));
            entry.setProperties(Struct.fromJavaScript(config.properties as Record<string, never>));
            map.set(name, entry);
        }
        await this.call<analyzerpb.ConfigureAnalyzerRequest, Empty>("configure", request);
    }

    /** `ConfigureStack`: tells the pack which stack it is analysing, as the CLI does before analysing. */
    async configureStack(stack: { project: string; stack: string; organization?: string; dryRun: boolean }): Promise<void> {
        const request = new analyzerpb.AnalyzerStackConfigureRequest();
        request.setProject(stack.project);
        request.setStack(stack.stack);
        request.setOrganization(stack.organization ?? "organization");
        request.setDryRun(stack.dryRun);
        await this.call<analyzerpb.AnalyzerStackConfigureRequest, analyzerpb.AnalyzerStackConfigureResponse>("configureStack", request);
    }

    /** `Analyze`: runs the resource policies on one resource's inputs. */
    async analyze(resource: WireResource): Promise<AnalyzeResult> {
        const response = await this.call<analyzerpb.AnalyzeRequest, analyzerpb.AnalyzeResponse>(
            "analyze",
            toAnalyzeRequest(resource),
        );
        return toResult(response);
    }

    /** `AnalyzeStack`: runs the stack policies on all resources. */
    async analyzeStack(resources: readonly WireResource[]): Promise<AnalyzeResult> {
        const response = await this.call<analyzerpb.AnalyzeStackRequest, analyzerpb.AnalyzeResponse>(
            "analyzeStack",
            toAnalyzeStackRequest(resources),
        );
        return toResult(response);
    }

    /**
     * What a preview does: `Analyze` for every resource the program registers (not for those it reads with `.get`),
     * then `AnalyzeStack` with all of them; all diagnostics in that order.
     */
    async analyzeAll(resources: readonly WireResource[]): Promise<Diagnostic[]> {
        const perResource = await Promise.all(resources.filter(r => !r.read).map(resource => this.analyze(resource)));
        const stack = await this.analyzeStack(resources);
        return [...perResource.flatMap(result => result.diagnostics), ...stack.diagnostics];
    }

    /**
     * The pack process's peak resident memory in KiB (Linux `VmHWM`), for benchmarks; undefined where /proc is not
     * available or the process has exited.
     */
    peakMemoryKiB(): number | undefined {
        try {
            const status = fs.readFileSync(`/proc/${this.child.pid}/status`, "utf8");
            const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
            return match ? Number(match[1]) : undefined;
        } catch {
            return undefined;
        }
    }

    /** Closes the connection and stops the pack process. */
    async close(): Promise<void> {
        this.client.close();
        if (this.child.exitCode === null && this.child.signalCode === null) {
            const exited = new Promise(resolve => this.child.once("exit", resolve));
            this.child.kill();
            await exited;
        }
    }

    private call<Req, Res>(method: string, request: Req): Promise<Res> {
        const fn = (this.client as unknown as Record<string, Function>)[method].bind(this.client);
        return new Promise((resolve, reject) =>
            fn(request, (error: grpc.ServiceError | null, response: Res) =>
                error ? reject(error) : resolve(response),
            ),
        );
    }
}

function toResult(response: analyzerpb.AnalyzeResponse): AnalyzeResult {
    return {
        diagnostics: fromAnalyzeResponse(response),
        notApplicable: response.getNotApplicableList().map(entry => entry.getPolicyName()),
    };
}
