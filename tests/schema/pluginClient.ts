/**
 * Starts `components/` the way the Pulumi CLI starts a source-based Node.js plugin (`pulumi package add`, or a
 * program whose Pulumi.yaml lists it under `packages:`): `node <@pulumi/pulumi>/cmd/run-plugin <plugin dir> <engine>`
 * in the consumer's working directory. The runner requires the package's main (the compiled `bin/plugin.js`), which
 * prints its gRPC port and serves the ResourceProvider protocol. `GetPluginInfo` and `GetSchema` need no engine;
 * `Construct` needs the engine's address (given at start) and a resource monitor (given in the request).
 */
import { ChildProcess } from "child_process";
import * as grpc from "@grpc/grpc-js";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerpb from "@pulumi/pulumi/proto/provider_pb";
import * as pluginpb from "@pulumi/pulumi/proto/plugin_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { spawnPulumiRunner } from "../../policy-pack/protocol/spawn";

/** Options of {@link startComponentPlugin}. */
export interface StartPluginOptions {
    /** The plugin directory. */
    pluginDir: string;
    /** The consumer's working directory (the CLI runs plugins there, not in the plugin directory). */
    cwd: string;
    /** How long to wait for the port. @default 60000 */
    startTimeoutMs?: number;
    /** The engine's address, which the CLI passes to every plugin it starts; `Construct` logs there. */
    engineAddress?: string;
}

/** Starts the plugin host on `pluginDir` and connects to it. Call {@link ComponentPluginClient.close} when done. */
export async function startComponentPlugin(options: StartPluginOptions): Promise<ComponentPluginClient> {
    const { child, port } = await spawnPulumiRunner("run-plugin", [options.pluginDir, ...(options.engineAddress ? [options.engineAddress] : [])], {
        cwd: options.cwd, label: "component plugin", timeoutMs: options.startTimeoutMs ?? 60000,
    });
    return new ComponentPluginClient(child, port);
}

/** A connection to a running component plugin. */
export class ComponentPluginClient {
    private readonly client: ResourceProviderClient;

    constructor(
        private readonly child: ChildProcess,
        /** The gRPC port the plugin printed. */
        readonly port: number,
    ) {
        this.client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": 64 * 1024 * 1024,
        });
    }

    /** `GetPluginInfo`: the plugin's version. */
    async getPluginInfo(): Promise<pluginpb.PluginInfo> {
        return this.call<Empty, pluginpb.PluginInfo>("getPluginInfo", new Empty());
    }

    /** `GetSchema` (version 0, no subpackage): the schema as JSON text, as `pulumi package add` requests it. */
    async getSchema(): Promise<string> {
        const response = await this.call<providerpb.GetSchemaRequest, providerpb.GetSchemaResponse>(
            "getSchema",
            new providerpb.GetSchemaRequest(),
        );
        return response.getSchema();
    }

    /** `Construct`: what the engine sends when another language's program creates one of the components. */
    async construct(request: providerpb.ConstructRequest): Promise<providerpb.ConstructResponse> {
        return this.call<providerpb.ConstructRequest, providerpb.ConstructResponse>("construct", request);
    }

    /** Closes the connection and stops the plugin process. */
    close(): void {
        this.client.close();
        this.child.kill();
    }

    private call<Req, Res>(method: "getPluginInfo" | "getSchema" | "construct", request: Req): Promise<Res> {
        return new Promise((resolve, reject) => {
            const fn = (this.client as any)[method].bind(this.client);
            fn(request, (err: grpc.ServiceError | null, response: Res) => (err ? reject(err) : resolve(response)));
        });
    }
}
