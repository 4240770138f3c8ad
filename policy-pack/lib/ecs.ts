/**
 * Where each kind of ECS task launcher keeps its awsvpc network configuration, its launch type and its task
 * definition. Services, task sets, EventBridge ECS targets, EventBridge Scheduler schedules, EventBridge Pipes ECS
 * targets, Step Functions `ecs:runTask` states and awsx `FargateService` components all place task ENIs into subnets
 * with security groups; only the path to the configuration and the top-level input that carries its property
 * dependencies differ.
 *
 * Not followed (the pack does not check their networks): AWS Batch compute environments and job queues on Fargate,
 * CodePipeline and CodeDeploy ECS deployments (they update a service the stack already declares), and tasks started
 * by code (the RunTask API from a Lambda function or a container).
 */
import { knownIdentifiers, Resource, StackIndex } from "./stack";
import { runTaskStates } from "./stateMachine";
import { T } from "./types";
import { bool, get, isSet, isUnknown, items, Read, str, UNKNOWN } from "./values";

/** One kind of resource that launches ECS tasks. */
export interface LauncherKind {
    type: string;
    /** Top-level input whose property dependencies include the subnets, security groups and task definition. */
    dependencyKey: string;
    /** Path from the resource's properties to the object with `subnets`, `securityGroups` and `assignPublicIp`. */
    networkPath: string[];
    /** The input path as users write it, for messages. */
    networkPathText: string;
    /** Path to the object holding `launchType`, `capacityProviderStrategies` and the task definition reference. */
    launchPath: string[];
    /** Key of the task definition reference in that object. */
    taskDefinitionField: string;
    /** Top-level input whose property dependencies include the task definition. */
    taskDefinitionKey: string;
    /**
     * True for a component whose children (the ECS service it creates) the stack may show: rules that see a child
     * service judge the child instead.
     */
    component?: boolean;
}

/** Every launcher kind the pack follows. */
export const LAUNCHER_KINDS: readonly LauncherKind[] = [
    kind(T.ecsService, "networkConfiguration", [], "taskDefinition"),
    kind(T.ecsTaskSet, "networkConfiguration", [], "taskDefinition"),
    kind(T.eventTarget, "ecsTarget", ["ecsTarget"], "taskDefinitionArn"),
    kind(T.schedule, "target", ["target", "ecsParameters"], "taskDefinitionArn"),
    {
        ...kind(T.pipe, "targetParameters", ["targetParameters", "ecsTaskParameters"], "taskDefinitionArn"),
        networkPath: ["targetParameters", "ecsTaskParameters", "networkConfiguration", "awsVpcConfiguration"],
        networkPathText: "targetParameters.ecsTaskParameters.networkConfiguration.awsVpcConfiguration",
    },
    { ...kind(T.stateMachine, "definition", [], ""), networkPath: [], networkPathText: "definition" },
    { ...kind(T.awsxFargateService, "networkConfiguration", [], "taskDefinition"), component: true },
];

function kind(type: string, dependencyKey: string, launchPath: string[], taskDefinitionField: string): LauncherKind {
    const networkPath = [...launchPath, "networkConfiguration"];
    const taskDefinitionKey = launchPath[0] ?? taskDefinitionField;
    return { type, dependencyKey, networkPath, networkPathText: networkPath.join("."), launchPath, taskDefinitionField, taskDefinitionKey };
}

/** The launcher kind for a type token, if it is one. */
export function launcherKind(type: string): LauncherKind | undefined {
    return LAUNCHER_KINDS.find(kind => kind.type === type);
}

/** One awsvpc network configuration of a launcher, read safely. */
export interface NetworkConfiguration {
    kind: LauncherKind;
    /** The object with `subnets`, `securityGroups` and `assignPublicIp`, or {@link UNKNOWN}. */
    config: Read;
    /** Where it is, for messages (`networkConfiguration`, `definition state "Run report" …`). */
    pathText: string;
    /** The key of `config` that turns public IPs on, as users write it. */
    publicIpText: string;
    /** For an awsx service without `networkConfiguration`: awsx places the tasks in the default VPC's subnets. */
    awsxDefaultVpc?: boolean;
}

/**
 * The awsvpc network configurations of a launcher (a state machine may have several); empty when `type` launches no
 * ECS tasks or its configuration is not set (not awsvpc).
 */
export function networkConfigurations(type: string, props: unknown): NetworkConfiguration[] {
    const kind = launcherKind(type);
    if (!kind) {
        return [];
    }
    if (kind.type === T.stateMachine) {
        return stateMachineNetworks(kind, props);
    }
    const config = get(props, ...kind.networkPath);
    const network = { kind, config, pathText: kind.networkPathText, publicIpText: `${kind.networkPathText}.assignPublicIp` };
    if (kind.type === T.awsxFargateService && !isSet(config)) {
        // awsx's FargateService without networkConfiguration takes the default VPC's subnets (public ones when
        // assignPublicIp is true, private ones otherwise) and passes assignPublicIp on.
        const assign = get(props, "assignPublicIp");
        return [{ ...network, config: { assignPublicIp: assign }, pathText: "assignPublicIp", publicIpText: "assignPublicIp", awsxDefaultVpc: true }];
    }
    return isSet(config) ? [network] : [];
}

function stateMachineNetworks(kind: LauncherKind, props: unknown): NetworkConfiguration[] {
    const states = runTaskStates(get(props, "definition"));
    if (states === UNKNOWN) {
        return [{ kind, config: UNKNOWN, pathText: "definition", publicIpText: "definition" }];
    }
    const path = "Parameters.NetworkConfiguration.AwsvpcConfiguration";
    return (states ?? [])
        .filter(state => isSet(state.network))
        .map(state => ({ kind, config: state.network, pathText: `definition state "${state.name}" ${path}`, publicIpText: `definition state "${state.name}" ${path}.AssignPublicIp` }));
}

/** Whether a network configuration gives tasks public IPs: `true` or `"ENABLED"` (Pipes, Step Functions). */
export function assignsPublicIp(network: NetworkConfiguration): boolean | typeof UNKNOWN | undefined {
    const value = isUnknown(network.config) ? UNKNOWN : get(network.config, "assignPublicIp");
    if (isUnknown(value)) {
        return UNKNOWN;
    }
    if (typeof value === "string" && /^(ENABLED|DISABLED)$/i.test(value)) {
        return value.toUpperCase() === "ENABLED";
    }
    const flag = bool(network.config, "assignPublicIp");
    return flag === UNKNOWN ? UNKNOWN : flag;
}

/** One list of a network configuration (`subnets`, `securityGroups`), read only by the rules that need it. */
export function networkList(network: NetworkConfiguration, key: "subnets" | "securityGroups"): Read[] | typeof UNKNOWN | undefined {
    return isUnknown(network.config) ? UNKNOWN : items(network.config, key);
}

/** A launcher in the stack with one of its network configurations. */
export interface Launcher {
    resource: Resource;
    network: NetworkConfiguration;
}

/**
 * Launchers in the stack that place tasks with an awsvpc network configuration (set or unknown). A component
 * launcher (awsx) is left out when the stack shows the ECS service it creates: that service is judged instead.
 */
export function awsvpcLaunchers(resources: readonly Resource[]): Launcher[] {
    return resources.flatMap(resource => {
        if (launcherKind(resource.type)?.component && hasChildService(resources, resource)) {
            return [];
        }
        return networkConfigurations(resource.type, resource.props).map(network => ({ resource, network }));
    });
}

function hasChildService(resources: readonly Resource[], component: Resource): boolean {
    return resources.some(r => r.type === T.ecsService && r.parent?.urn === component.urn);
}

/** Capacity providers that run tasks on Fargate. */
const FARGATE_PROVIDERS = ["FARGATE", "FARGATE_SPOT"];

/**
 * The task definitions the stack runs on Fargate, each with the launcher that does: a launch type of `FARGATE`, or a
 * capacity provider strategy of Fargate providers only. awsx services always run on Fargate.
 */
export function fargateRuns(stack: StackIndex): Map<string, Resource> {
    const runs = new Map<string, Resource>();
    for (const kind of LAUNCHER_KINDS) {
        for (const launcher of stack.ofType(kind.type)) {
            for (const task of fargateTasksOf(stack, kind, launcher)) {
                if (!runs.has(task.urn)) {
                    runs.set(task.urn, launcher);
                }
            }
        }
    }
    return runs;
}

function fargateTasksOf(stack: StackIndex, kind: LauncherKind, launcher: Resource): Resource[] {
    const tasks = (path: string[]) =>
        resolveLauncherRef(stack, launcher, path, kind.taskDefinitionKey, [T.ecsTaskDefinition], namesTaskFamily).resources;
    if (kind.type === T.stateMachine) {
        const states = runTaskStates(get(launcher.props, "definition"));
        return Array.isArray(states)
            ? states.filter(s => onFargate(s.launchType, s.capacityProviders)).flatMap(s => tasksNamed(stack, s.taskDefinition))
            : [];
    }
    if (kind.component) {
        return tasks([kind.taskDefinitionField]);
    }
    const launch = get(launcher.props, ...kind.launchPath);
    const strategies = items(launch, "capacityProviderStrategies");
    const providers = strategies === UNKNOWN ? UNKNOWN : (strategies ?? []).map(entry => str(entry, "capacityProvider"));
    const fargate = onFargate(str(launch, "launchType"), providers);
    return fargate ? tasks([...kind.launchPath, kind.taskDefinitionField]) : [];
}

function onFargate(launchType: unknown, providers: unknown[] | typeof UNKNOWN): boolean {
    if (launchType === "FARGATE") {
        return true;
    }
    return Array.isArray(providers) && providers.length > 0 && providers.every(p => typeof p === "string" && FARGATE_PROVIDERS.includes(p));
}

function tasksNamed(stack: StackIndex, value: unknown): Resource[] {
    return typeof value === "string" && !isUnknown(value)
        ? stack.ofType(T.ecsTaskDefinition).filter(task => namesTaskFamily(task, value))
        : [];
}

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

