/**
 * The ECS tasks a Step Functions state machine runs. A `Task` state whose `Resource` is the ECS service integration
 * (`arn:<partition>:states:::ecs:runTask`, with `.sync` or `.waitForTaskToken`) runs a task with the awsvpc settings
 * in its `Parameters` (JSONPath) or `Arguments` (JSONata): `NetworkConfiguration.AwsvpcConfiguration.{Subnets,
 * SecurityGroups, AssignPublicIp}`, plus `LaunchType`, `CapacityProviderStrategy` and `TaskDefinition`. States nest in
 * `Parallel` branches and `Map` item processors. A value chosen at run time (a `.$` key, a `{% … %}` JSONata
 * expression) is unknown here, as a value unknown during preview is.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-ecs.html
 */
import { isUnknown, UNKNOWN } from "./values";

/** One `ecs:runTask` state, its fields read as plain values (or {@link UNKNOWN}). */
export interface RunTaskState {
    /** The state's name, with the names of the states it is nested in (`Fan out/Run report`). */
    name: string;
    /** `{subnets, securityGroups, assignPublicIp}` of `AwsvpcConfiguration`; undefined when it sets none. */
    network: unknown;
    launchType: unknown;
    /** Capacity providers of `CapacityProviderStrategy`, or {@link UNKNOWN}. */
    capacityProviders: string[] | typeof UNKNOWN;
    taskDefinition: unknown;
}

const RUN_TASK = /^arn:aws[a-z-]*:states:::ecs:runTask(\.sync|\.waitForTaskToken)?$/;

/**
 * The `ecs:runTask` states of a state machine `definition` (a JSON string): {@link UNKNOWN} when the definition is
 * unknown during preview, `undefined` when it is not valid JSON.
 */
export function runTaskStates(definition: unknown): RunTaskState[] | typeof UNKNOWN | undefined {
    if (isUnknown(definition)) {
        return UNKNOWN;
    }
    let parsed: unknown;
    try {
        parsed = typeof definition === "string" ? JSON.parse(definition) : definition;
    } catch {
        return undefined;
    }
    const out: RunTaskState[] = [];
    walk(parsed, "", out);
    return out;
}

function walk(machine: unknown, prefix: string, out: RunTaskState[]): void {
    const states = object(object(machine)?.States) ?? {};
    for (const [name, value] of Object.entries(states)) {
        const state = object(value) ?? {};
        const path = `${prefix}${name}`;
        if (state.Type === "Task" && typeof state.Resource === "string" && RUN_TASK.test(state.Resource)) {
            out.push(readRunTask(path, object(state.Parameters) ?? object(state.Arguments) ?? {}));
        }
        for (const branch of Array.isArray(state.Branches) ? state.Branches : []) {
            walk(branch, `${path}/`, out);
        }
        walk(state.ItemProcessor ?? state.Iterator, `${path}/`, out);
    }
}

function readRunTask(name: string, parameters: Record<string, unknown>): RunTaskState {
    const network = field(parameters, "NetworkConfiguration");
    const vpc = isUnknown(network) ? UNKNOWN : field(object(network) ?? {}, "AwsvpcConfiguration");
    const strategy = field(parameters, "CapacityProviderStrategy");
    const providers = Array.isArray(strategy)
        ? strategy.map(entry => field(object(entry) ?? {}, "CapacityProvider"))
        : [];
    return {
        name,
        network: isUnknown(vpc) ? UNKNOWN : vpc === undefined ? undefined : awsvpc(object(vpc) ?? {}),
        launchType: field(parameters, "LaunchType"),
        capacityProviders: isUnknown(strategy) || providers.some(isUnknown) ? UNKNOWN : (providers as string[]),
        taskDefinition: field(parameters, "TaskDefinition"),
    };
}

/** `AwsvpcConfiguration` with the keys the other launchers use. */
function awsvpc(config: Record<string, unknown>): Record<string, unknown> {
    const list = (key: string) => {
        const value = field(config, key);
        return Array.isArray(value) ? value.map(entry => (isExpression(entry) ? UNKNOWN : entry)) : value;
    };
    return { subnets: list("Subnets"), securityGroups: list("SecurityGroups"), assignPublicIp: field(config, "AssignPublicIp") };
}

/** A field of a Parameters/Arguments object; {@link UNKNOWN} when it is chosen at run time. */
function field(parent: Record<string, unknown>, key: string): unknown {
    if (`${key}.$` in parent) {
        return UNKNOWN;
    }
    const value = parent[key];
    return isExpression(value) ? UNKNOWN : value;
}

function isExpression(value: unknown): boolean {
    return typeof value === "string" && /^\{%[\s\S]*%\}$/.test(value.trim());
}

function object(value: unknown): Record<string, unknown> | undefined {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
