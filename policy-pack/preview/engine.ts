/**
 * The part of the Pulumi engine a program talks to besides the resource monitor: its log stream and its root
 * resource. Under the mock runtime there is no engine, and the SDK prints `pulumi.log.warn` and friends to the
 * console instead; serving the SDK's own Engine gRPC service in-process (the address goes where the language host
 * puts it, the SDK's `engineAddr` option) lets the offline preview collect those messages per resource and print
 * them the way `pulumi preview` prints its "Diagnostics" section.
 */
import * as grpc from "@grpc/grpc-js";
import * as enginepb from "@pulumi/pulumi/proto/engine_pb";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";

/** One message the program logged. */
export interface LogMessage {
    severity: "debug" | "info" | "warning" | "error";
    message: string;
    /** The resource it was logged against; empty for the stack itself. */
    urn: string;
}

const SEVERITIES: Record<number, LogMessage["severity"]> = {
    [enginepb.LogSeverity.DEBUG]: "debug",
    [enginepb.LogSeverity.INFO]: "info",
    [enginepb.LogSeverity.WARNING]: "warning",
    [enginepb.LogSeverity.ERROR]: "error",
};

/** A running in-process engine service. */
export interface OfflineEngine {
    /** `127.0.0.1:<port>`, for the SDK's `engineAddr` option. */
    address: string;
    /** Every message logged so far, in order; debug messages are kept out, as the CLI does without `--debug`. */
    messages: LogMessage[];
    close(): Promise<void>;
}

type Call<Req> = grpc.ServerUnaryCall<Req, unknown>;
type Callback = grpc.sendUnaryData<unknown>;

/** Starts the engine service on a free local port. */
export async function startOfflineEngine(): Promise<OfflineEngine> {
    const messages: LogMessage[] = [];
    let rootResource = "";
    const server = new grpc.Server();
    server.addService(EngineService, {
        log: (call: Call<enginepb.LogRequest>, done: Callback) => {
            const severity = SEVERITIES[call.request.getSeverity()] ?? "info";
            if (severity !== "debug") {
                messages.push({ severity, message: call.request.getMessage(), urn: call.request.getUrn() });
            }
            done(null, new Empty());
        },
        getRootResource: (_call: Call<enginepb.GetRootResourceRequest>, done: Callback) => {
            const response = new enginepb.GetRootResourceResponse();
            response.setUrn(rootResource);
            done(null, response);
        },
        setRootResource: (call: Call<enginepb.SetRootResourceRequest>, done: Callback) => {
            rootResource = call.request.getUrn();
            done(null, new enginepb.SetRootResourceResponse());
        },
        startDebugging: (_call: Call<unknown>, done: Callback) => done(null, new Empty()),
        requirePulumiVersion: (_call: Call<unknown>, done: Callback) => done(null, new enginepb.RequirePulumiVersionResponse()),
    } as unknown as grpc.UntypedServiceImplementation);
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound))));
    return {
        address: `127.0.0.1:${port}`,
        messages,
        close: () => new Promise(resolve => server.tryShutdown(() => resolve())),
    };
}
