/**
 * Where each kind of ECS task launcher keeps its awsvpc network configuration. Services, task sets, EventBridge ECS
 * targets and EventBridge Scheduler schedules all place task ENIs into subnets with security groups; only the path
 * to `networkConfiguration` and the top-level input that carries its property dependencies differ.
 */
import { Resource } from "./stack";
import { T } from "./types";
import { get, isUnknown, items, Read, UNKNOWN } from "./values";

/** One kind of resource that launches ECS tasks. */
export interface LauncherKind {
    type: string;
    /** Top-level input whose property dependencies include the subnets and security groups. */
    dependencyKey: string;
    /** Path from the resource's properties to the `networkConfiguration` object. */
    networkPath: string[];
    /** The input path as users write it, for messages. */
    networkPathText: string;
}

/** Every launcher kind the pack follows. */
export const LAUNCHER_KINDS: readonly LauncherKind[] = [
    {
        type: T.ecsService,
        dependencyKey: "networkConfiguration",
        networkPath: ["networkConfiguration"],
        networkPathText: "networkConfiguration",
    },
    {
        type: T.ecsTaskSet,
        dependencyKey: "networkConfiguration",
        networkPath: ["networkConfiguration"],
        networkPathText: "networkConfiguration",
    },
    {
        type: T.eventTarget,
        dependencyKey: "ecsTarget",
        networkPath: ["ecsTarget", "networkConfiguration"],
        networkPathText: "ecsTarget.networkConfiguration",
    },
    {
        type: T.schedule,
        dependencyKey: "target",
        networkPath: ["target", "ecsParameters", "networkConfiguration"],
        networkPathText: "target.ecsParameters.networkConfiguration",
    },
];

/** The launcher kind for a type token, if it is one. */
export function launcherKind(type: string): LauncherKind | undefined {
    return LAUNCHER_KINDS.find(kind => kind.type === type);
}

/** A launcher's network configuration, read safely. */
export interface NetworkConfiguration {
    kind: LauncherKind;
    /** The configuration object, {@link UNKNOWN}, or `undefined` when the launcher sets none (not awsvpc). */
    config: Read;
}

/** Reads the network configuration of a launcher, or `undefined` when `type` launches no ECS tasks. */
export function networkConfiguration(type: string, props: unknown): NetworkConfiguration | undefined {
    const kind = launcherKind(type);
    return kind ? { kind, config: get(props, ...kind.networkPath) } : undefined;
}

/** One list of a network configuration (`subnets`, `securityGroups`), read only by the rules that need it. */
export function networkList(network: NetworkConfiguration, key: "subnets" | "securityGroups"): Read[] | typeof UNKNOWN | undefined {
    return isUnknown(network.config) ? UNKNOWN : items(network.config, key);
}

/** A launcher in the stack with its network configuration. */
export interface Launcher {
    resource: Resource;
    network: NetworkConfiguration;
}

/** Launchers in the stack that place tasks with an awsvpc network configuration (set or unknown). */
export function awsvpcLaunchers(resources: readonly Resource[]): Launcher[] {
    const out: Launcher[] = [];
    for (const resource of resources) {
        const network = networkConfiguration(resource.type, resource.props);
        if (network && network.config !== undefined && network.config !== null) {
            out.push({ resource, network });
        }
    }
    return out;
}
