/**
 * A resource monitor a plugin can reach over gRPC, for specs that drive a plugin's `Construct` as the engine does:
 * the SDK's own `MockMonitor` (what `pulumi.runtime.setMocks` installs in-process) served as the ResourceMonitor
 * gRPC service. `MockMonitor`'s methods already take the request message and a callback; `supportsFeature` and
 * `registerResourceOutputs` answer with plain objects, which gRPC cannot serialize, so those two are wrapped in the
 * real response messages here.
 */
import * as grpc from "@grpc/grpc-js";
import { ResourceMonitorService } from "@pulumi/pulumi/proto/resource_grpc_pb";
import * as resourcepb from "@pulumi/pulumi/proto/resource_pb";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";

/** A running monitor service. */
export interface MonitorServer {
    /** `127.0.0.1:<port>`, for a `ConstructRequest`'s monitor endpoint. */
    address: string;
    close(): Promise<void>;
}

type Handler = (call: grpc.ServerUnaryCall<any, any>, done: grpc.sendUnaryData<any>) => void;

/** Serves `monitor` (e.g. `AwsMocks.recordingMonitor()`) as the resource monitor on a free local port. */
export async function serveMonitor(monitor: MockMonitor): Promise<MonitorServer> {
    const forward = (method: "invoke" | "readResource" | "registerResource" | "registerResourceOutputs" | "registerPackage"): Handler =>
        (call, done) => void (monitor as any)[method](call.request, done);
    const server = new grpc.Server();
    server.addService(ResourceMonitorService, {
        invoke: forward("invoke"),
        readResource: forward("readResource"),
        registerResource: forward("registerResource"),
        registerResourceOutputs: (call, done) => monitor.registerResourceOutputs(call.request, (error: unknown) =>
            done(error as grpc.ServiceError | null, error ? undefined : new Empty())),
        registerPackage: forward("registerPackage"),
        supportsFeature: (call, done) => monitor.supportsFeature(call.request, (error: unknown, answer: { getHassupport(): boolean }) => {
            const response = new resourcepb.SupportsFeatureResponse();
            response.setHassupport(answer.getHassupport());
            done(error as grpc.ServiceError | null, response);
        }),
    } as Record<string, Handler>);
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound))));
    return {
        address: `127.0.0.1:${port}`,
        close: async () => server.forceShutdown(),
    };
}
