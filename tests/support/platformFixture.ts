/**
 * The shared fixture of the platform specs: one `Platform` and the workloads a test adds to it, built under fresh
 * mocks (set before any component is created), waiting until every child is registered.
 */
import * as pulumi from "@pulumi/pulumi";
import {
    Platform, PlatformArgs, ScheduledTask, ScheduledTaskArgs, WebService, WebServiceArgs, WorkerService,
    WorkerServiceArgs,
} from "../../components/index";
import { AwsMocks, RecordedResource, settle } from "./awsMocks";

/** The arguments of one workload, by component: the platform input is filled in by the fixture. */
export type Workload =
    | { kind: "web"; name: string; args: Omit<WebServiceArgs, "platform"> }
    | { kind: "worker"; name: string; args: Omit<WorkerServiceArgs, "platform"> }
    | { kind: "job"; name: string; args: Omit<ScheduledTaskArgs, "platform"> };

export interface BuiltPlatform {
    mocks: AwsMocks;
    platform: Platform;
    /** The workload components, by name. */
    workloads: Record<string, WebService | WorkerService | ScheduledTask>;
    /** Every registration under the named component (its children), not the component itself. */
    childrenOf(componentName: string): RecordedResource[];
    /** Inputs of the one resource with this name. */
    inputs(name: string): Record<string, any>;
    /** The URN of the one resource with this name. */
    urn(name: string): string;
}

export const IMAGE = "nginxinc/nginx-unprivileged:1.27-alpine";

/** Builds `new Platform(platformName, platformArgs)` and each workload on it, under fresh mocks. */
export async function buildPlatform(
    workloads: Workload[] = [], platformArgs: PlatformArgs = {}, options: { preview?: boolean; platformName?: string } = {},
): Promise<BuiltPlatform> {
    const mocks = new AwsMocks(options.preview ?? false).install();
    const platform = new Platform(options.platformName ?? "main", platformArgs);
    const built: Record<string, WebService | WorkerService | ScheduledTask> = {};
    for (const workload of workloads) {
        const platformInput = { platform: platform.ref };
        built[workload.name] = workload.kind === "web" ? new WebService(workload.name, { ...workload.args, ...platformInput })
            : workload.kind === "worker" ? new WorkerService(workload.name, { ...workload.args, ...platformInput })
                : new ScheduledTask(workload.name, { ...workload.args, ...platformInput });
    }
    await settle();
    const urnOf = (name: string) => mocks.named(name).urn;
    return {
        mocks, platform, workloads: built,
        childrenOf: (componentName: string) => {
            const parent = mocks.resources.find(r => !r.custom && r.name === componentName)!.urn;
            return mocks.resources.filter(r => r.parent === parent);
        },
        inputs: (name: string) => mocks.named(name).inputs,
        urn: urnOf,
    };
}

/** Resolves an Output in a deployed (non-preview) mock run. */
export function resolve<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise(done => output.apply(value => done(value)));
}
