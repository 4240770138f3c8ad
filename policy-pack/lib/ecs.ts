/**
 * Where each kind of ECS task launcher keeps its awsvpc network configuration. Services, task sets, EventBridge ECS
 * targets and EventBridge Scheduler schedules all place task ENIs into subnets with security groups; only the path
 * to `networkConfiguration` and the top-level input that carries its property dependencies differ. The same holds
 * for the ECS Exec switch and the cluster and task definition references of the launchers that can enable ECS Exec.
 */
import { knownIdentifiers, Resource, StackIndex } from "./stack";
import { T } from "./types";
import { get, isSet, isUnknown, items, Read, str, UNKNOWN } from "./values";

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

/**
 * Where a kind of ECS task launcher keeps its ECS Exec switch and the references to the cluster and task definition
 * its tasks run on. Services, EventBridge ECS targets and Scheduler ECS targets can each enable ECS Exec; task sets
 * cannot.
 */
export interface ExecLauncherKind {
    type: string;
    /** Path to `enableExecuteCommand`, and the input path as users write it. */
    execPath: string[];
    execPathText: string;
    /** Path to the cluster ARN (or name), and the top-level input whose property dependencies include the cluster. */
    clusterPath: string[];
    clusterKey: string;
    /** Path to the task definition ARN (or family), and the top-level input carrying its property dependencies. */
    taskDefinitionPath: string[];
    taskDefinitionKey: string;
    taskDefinitionPathText: string;
}

/** Every launcher kind that can enable ECS Exec. */
export const EXEC_LAUNCHER_KINDS: readonly ExecLauncherKind[] = [
    {
        type: T.ecsService,
        execPath: ["enableExecuteCommand"],
        execPathText: "enableExecuteCommand",
        clusterPath: ["cluster"],
        clusterKey: "cluster",
        taskDefinitionPath: ["taskDefinition"],
        taskDefinitionKey: "taskDefinition",
        taskDefinitionPathText: "taskDefinition",
    },
    {
        type: T.eventTarget,
        execPath: ["ecsTarget", "enableExecuteCommand"],
        execPathText: "ecsTarget.enableExecuteCommand",
        clusterPath: ["arn"],
        clusterKey: "arn",
        taskDefinitionPath: ["ecsTarget", "taskDefinitionArn"],
        taskDefinitionKey: "ecsTarget",
        taskDefinitionPathText: "ecsTarget.taskDefinitionArn",
    },
    {
        type: T.schedule,
        execPath: ["target", "ecsParameters", "enableExecuteCommand"],
        execPathText: "target.ecsParameters.enableExecuteCommand",
        clusterPath: ["target", "arn"],
        clusterKey: "target",
        taskDefinitionPath: ["target", "ecsParameters", "taskDefinitionArn"],
        taskDefinitionKey: "target",
        taskDefinitionPathText: "target.ecsParameters.taskDefinitionArn",
    },
];

/** What a launcher's reference to its cluster or task definition resolves to. */
export interface LauncherRef {
    /** Resources of the stack it refers to, by property dependency or by a known identifier. */
    resources: Resource[];
    /** The reference when it is a known string. */
    literal?: string;
    /** True when the reference is not set. */
    absent: boolean;
}

/**
 * Resolves the reference at `path` of `owner` (the cluster or task definition of a launcher) to resources of `types`:
 * those its input `key` was built from, else the one `matches` accepts for a known value.
 */
export function resolveLauncherRef(
    stack: StackIndex,
    owner: Resource,
    path: string[],
    key: string,
    types: readonly string[],
    matches: (candidate: Resource, value: string) => boolean,
): LauncherRef {
    const value = get(owner.props, ...path);
    if (!isSet(value) || value === "") {
        return { resources: [], absent: true };
    }
    const resources = stack.dependenciesOf(owner, key, types);
    if (typeof value === "string" && !isUnknown(value) && resources.length === 0) {
        const match = stack.ofType(...types).find(candidate => matches(candidate, value));
        return { resources: match ? [match] : [], literal: value, absent: false };
    }
    return { resources, literal: typeof value === "string" && !isUnknown(value) ? value : undefined, absent: false };
}

/** Whether a cluster reference (a name or an ARN) names `cluster`. */
export function namesCluster(cluster: Resource, value: string): boolean {
    const name = str(cluster.props, "name");
    const byArn = typeof name === "string" && value.endsWith(`:cluster/${name}`);
    return byArn || knownIdentifiers(cluster).includes(value);
}

/** Whether a task definition reference (`family`, `family:revision` or an ARN) names a revision of `task`'s family. */
export function namesTaskFamily(task: Resource, value: string): boolean {
    const family = str(task.props, "family");
    if (knownIdentifiers(task).includes(value)) {
        return true;
    }
    if (typeof family !== "string") {
        return false;
    }
    const reference = value.includes(":task-definition/") ? value.split(":task-definition/")[1] : value;
    return reference === family || reference.startsWith(`${family}:`);
}
