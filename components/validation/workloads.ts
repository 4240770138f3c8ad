/**
 * Validation of what only the platform components have: a workload's `platform` and routing, a worker's queue, a
 * scheduled task's schedule, a platform's namespace, and inputs a component does not take at all.
 */
import * as pulumi from "@pulumi/pulumi";
import { Inputs } from "../defaults";
import {
    LISTENER_RULE, MAX_TASKS_PER_SERVICE, SCHEDULED_TASK_LIMITS, SQS_LIMITS, isTimeZone, scheduleExpressionProblem,
} from "../rules";
import { Problems, described, isPlainMap } from "./problems";
import {
    CLUSTER_KEYS, CONTAINER_PORT_KEYS, INPUT_KEYS, LOAD_BALANCED_KEYS, LOAD_BALANCER_KEYS, NETWORK_KEYS, TASK_COUNT_KEYS,
    UTILIZATION_KEYS,
} from "../args/keys";

const PLATFORM_FIX = "Pass the `ref` output of a Platform, e.g. `platform: platform.ref`.";

/** A workload's `platform`: required, and a `Platform`'s `ref` (or an Output of one). */
export function validatePlatformInput(given: Inputs, problems: Problems): void {
    const platform: unknown = given.platform;
    if (platform === undefined) {
        problems.add("platform", "is required", undefined, PLATFORM_FIX);
    } else if (!pulumi.Output.isInstance(platform) && !(platform instanceof Promise) && !isPlainMap(platform)) {
        problems.add("platform", "must be a Platform's `ref`", platform, PLATFORM_FIX);
    }
}

const HOST_HEADER = /^[A-Za-z0-9*?]([A-Za-z0-9*?.-]{0,126}[A-Za-z0-9*?])?$/;
const PATH_PATTERN = /^\/[A-Za-z0-9_\-.$/~"'@:+&*?]*$/;
const DISCOVERY_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** How a web service is reached: public (host/path rule with a priority) or internal (Service Connect only). */
export function validateRouting(given: Inputs, resolved: Inputs, problems: Problems): void {
    problems.checkBoolean("internal", given.internal);
    const lists = [["hostHeaders", given.hostHeaders, HOST_HEADER, "api.example.com"], ["pathPatterns", given.pathPatterns, PATH_PATTERN, "/api/*"]] as const;
    if (resolved.internal === true) {
        for (const key of ["hostHeaders", "pathPatterns", "priority"] as const) {
            if (given[key] !== undefined) {
                problems.add(key, "applies only to a public web service, and `internal` is true", given[key],
                    "Remove it, or set `internal` to false to route requests from the load balancer.");
            }
        }
    } else {
        if (given.hostHeaders === undefined && given.pathPatterns === undefined) {
            problems.add("hostHeaders", "or `pathPatterns` is required for a public web service", undefined,
                "Give the host names or paths the load balancer routes to this service, or set `internal` to true.");
        }
        if (given.priority === undefined) {
            problems.add("priority", "is required for a public web service", undefined,
                `Give the listener rule a priority from ${LISTENER_RULE.priority.min} to ${LISTENER_RULE.priority.max}, unique on the platform.`);
        }
        problems.checkRange("priority", given.priority, LISTENER_RULE.priority);
    }
    let values = 0;
    for (const [key, list, pattern, example] of lists) {
        if (list === undefined) {
            continue;
        }
        if (!Array.isArray(list) || list.length === 0) {
            problems.add(key, "must be a non-empty list", list, `Use a list such as ["${example}"].`);
            continue;
        }
        values += list.length;
        list.forEach((value: unknown, i: number) => {
            if (typeof value !== "string" || value.length > LISTENER_RULE.valueMaxLength || !pattern.test(value)) {
                problems.add(`${key}[${i}]`, `must be ${key === "hostHeaders" ? "a host name" : "a path starting with /"} of at most ` +
                    `${LISTENER_RULE.valueMaxLength} characters (wildcards * and ? allowed)`, value, `Use a value such as "${example}".`);
            }
        });
    }
    if (values > LISTENER_RULE.maxConditionValues) {
        problems.add("hostHeaders", `and \`pathPatterns\` may hold ${LISTENER_RULE.maxConditionValues} values together ` +
            "(an ALB listener rule's limit)", values, "Route fewer hosts or paths to this service, or use wildcards.");
    }
    const name = given.discoveryName;
    if (name !== undefined && !(typeof name === "string" && DISCOVERY_NAME.test(name))) {
        problems.add("discoveryName", "must be 1 to 63 lower-case letters, digits and hyphens, starting and ending " +
            "with a letter or digit", name, `Use a name such as "orders-api".`);
    }
}

const QUEUE_ARN = /^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,80}(\.fifo)?$/;

/** A worker's queue: its own (with a dead-letter queue), or an existing one by ARN; and the backlog it scales on. */
export function validateQueue(given: Inputs, problems: Problems): void {
    const arn: unknown = given.queueArn;
    if (arn !== undefined && !pulumi.Output.isInstance(arn) && !(typeof arn === "string" && QUEUE_ARN.test(arn))) {
        problems.add("queueArn", "must be the ARN of an SQS queue", arn,
            "Use arn:aws:sqs:<region>:<account>:<queue name>, or leave it out to create a queue.");
    }
    for (const key of ["maxReceiveCount", "queueVisibilityTimeoutSeconds"] as const) {
        if (arn !== undefined && given[key] !== undefined) {
            problems.add(key, "applies only to a queue the component creates, and `queueArn` is set", given[key],
                "Remove it and set it on your queue, or remove `queueArn`.");
        }
    }
    problems.checkRange("maxReceiveCount", given.maxReceiveCount, SQS_LIMITS.maxReceiveCount);
    problems.checkRange("queueVisibilityTimeoutSeconds", given.queueVisibilityTimeoutSeconds, SQS_LIMITS.visibilityTimeoutSeconds);
    problems.checkRange("messagesPerTask", given.messagesPerTask, { min: 1, max: 1000000 });
}

/** A worker may scale from zero: `minTaskCount` 0 is allowed there (checked here, not with the services' 1+). */
export const WORKER_TASKS = { min: 0, max: MAX_TASKS_PER_SERVICE };

/** A scheduled task's schedule, time zone, retries and task count. */
export function validateSchedule(given: Inputs, problems: Problems): void {
    const schedule: unknown = given.schedule;
    if (schedule === undefined) {
        problems.add("schedule", "is required", undefined, `Give a cron or rate expression, e.g. "cron(0 3 * * ? *)" for 03:00 every day.`);
    } else if (typeof schedule !== "string") {
        problems.add("schedule", "must be a cron(...) or rate(...) expression", schedule, `Use an expression such as "rate(6 hours)".`);
    } else {
        const problem = scheduleExpressionProblem(schedule);
        if (problem !== undefined) {
            problems.add("schedule", problem, schedule,
                `Use an EventBridge Scheduler expression such as "cron(0 3 * * ? *)" or "rate(6 hours)".`);
        }
    }
    const zone = given.scheduleTimezone;
    if (zone !== undefined && !(typeof zone === "string" && isTimeZone(zone))) {
        problems.add("scheduleTimezone", "must be an IANA time zone name", zone, `Use a name such as "Europe/Paris" or "UTC".`);
    }
    problems.checkRange("maxRetryAttempts", given.maxRetryAttempts, SCHEDULED_TASK_LIMITS.maxRetryAttempts);
    problems.checkRange("taskCount", given.taskCount, SCHEDULED_TASK_LIMITS.taskCount);
}

const NAMESPACE = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** A platform's Service Connect namespace name. */
export function validateNamespace(given: Inputs, problems: Problems): void {
    const name = given.serviceConnectNamespace;
    if (name !== undefined && !(typeof name === "string" && NAMESPACE.test(name))) {
        problems.add("serviceConnectNamespace", "must be a DNS-style name of labels joined by dots", name,
            `Use a name such as "prod.internal".`);
    }
}

/** Why an input another component takes does not apply to `kind`: [problem, fix], or undefined when unknown. */
function misplaced(kind: string, key: string): [string, string] | undefined {
    const has = (...keys: string[]) => keys.includes(key);
    if (kind === "Platform" && has(...INPUT_KEYS.WebService, ...INPUT_KEYS.WorkerService, ...INPUT_KEYS.ScheduledTask)) {
        return ["is a workload setting, and a Platform runs no task itself",
            "Set it on the WebService, WorkerService or ScheduledTask that runs on the platform."];
    }
    if (has(...NETWORK_KEYS, ...LOAD_BALANCER_KEYS, ...CLUSTER_KEYS, "serviceConnectNamespace") && kind !== "Platform") {
        return ["is a platform setting, which a workload takes from its `platform`", "Set it on the Platform the workload runs on."];
    }
    if (has(...LOAD_BALANCED_KEYS, "hostHeaders", "pathPatterns", "priority", "internal", "discoveryName", ...CONTAINER_PORT_KEYS)) {
        return [`is a setting of a service that serves requests, and a ${kind} has no load balancer and accepts no inbound traffic`,
            "Remove it, or use a WebService for a service that serves requests."];
    }
    if (has(...UTILIZATION_KEYS) && kind === "WorkerService") {
        return ["is a CPU or memory scaling setting, and a WorkerService scales on its queue's backlog",
            "Remove it; `messagesPerTask` sets the backlog per task."];
    }
    if (has(...TASK_COUNT_KEYS, ...UTILIZATION_KEYS) && kind === "ScheduledTask") {
        return ["is a service setting, and a ScheduledTask runs on a schedule, not as a service",
            "Remove it; `taskCount` sets how many tasks each run starts."];
    }
    return undefined;
}

/**
 * Inputs `kind` does not take. Other languages' SDKs cannot send them (the schema has no such property), but a
 * JavaScript program, or TypeScript through `any`, can: silently ignoring a load balancer setting on a worker would
 * hide a misunderstanding.
 */
export function validateKnownInputs(kind: string, given: object, inputKeys: readonly string[], problems: Problems): void {
    for (const [key, value] of Object.entries(given)) {
        if (inputKeys.includes(key)) {
            continue;
        }
        const [problem, fix] = misplaced(kind, key) ?? [`is not an input of ${kind}`, `Remove it; the ${kind} inputs are listed in the README.`];
        problems.add(key, problem, value, fix);
    }
}

/** What a workload's tasks can reach without internet egress, as far as the program knows its platform. */
export interface EgressFacts {
    /** The private subnets have no route to the internet (a new VPC with `natGateways` `None`). */
    withoutInternetEgress: boolean;
    /** Secrets Manager and SSM endpoints exist. */
    secretsEndpoints: boolean;
    /** The SSM messages endpoint exists. */
    executeCommandEndpoint: boolean;
    /** The SQS endpoint exists. */
    queueEndpoint: boolean;
}

const PRIVATE_ECR_IMAGE = /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

/**
 * A workload on a network without internet egress must get everything through the VPC endpoints: its image from ECR,
 * its secrets through the Secrets Manager and SSM endpoints, ECS Exec through the SSM messages endpoint.
 */
export function validateEgress(facts: EgressFacts | undefined, given: Inputs, problems: Problems, consumesQueue: boolean = false): void {
    if (!facts?.withoutInternetEgress) {
        return;
    }
    const image = given.image;
    if (typeof image === "string" && given.createRepository !== true && !PRIVATE_ECR_IMAGE.test(image)) {
        problems.add("image", "cannot be pulled without internet egress (`natGateways` is None): only private ECR images " +
            "are reachable through the VPC endpoints", image,
            "Push the image to ECR, or reach it through an ECR pull-through cache rule, and use its ECR reference.");
    }
    const secretCount = isPlainMap(given.secrets) ? Object.keys(given.secrets).length : 0;
    if ((secretCount > 0 || given.repositoryCredentialsSecretArn !== undefined) && !facts.secretsEndpoints) {
        problems.add(secretCount > 0 ? "secrets" : "repositoryCredentialsSecretArn",
            "needs the Secrets Manager and SSM endpoints, and the platform has no NAT gateway and no such endpoints",
            described(secretCount > 0 ? `${secretCount} secret${secretCount === 1 ? "" : "s"}` : "a secret ARN"),
            "Set `enableSecretsEndpoints` to true on the Platform.");
    }
    if (consumesQueue && !facts.queueEndpoint) {
        problems.add("platform", "has no NAT gateway and no SQS endpoint, so the worker cannot reach its queue",
            described("a platform without internet egress"), "Set `enableQueueEndpoint` to true on the Platform.");
    }
    if (given.enableExecuteCommand === true && !facts.executeCommandEndpoint) {
        problems.add("enableExecuteCommand", "needs the SSM messages endpoint, and the platform has no NAT gateway and no such endpoint",
            true, "Set `enableExecuteCommandEndpoint` to true on the Platform.");
    }
}

/** The platform's endpoint switches: they apply to a VPC the platform creates without NAT gateways. */
export function validateEndpointSwitches(given: Inputs, resolved: Inputs, problems: Problems): void {
    const natless = resolved.natGateways === "None" && given.vpcId === undefined;
    for (const key of ["enableSecretsEndpoints", "enableExecuteCommandEndpoint", "enableQueueEndpoint"] as const) {
        problems.checkBoolean(key, given[key]);
        if (given[key] === true && !natless) {
            problems.add(key, "applies only to a VPC the platform creates with `natGateways` None", true,
                "Remove it: with NAT gateways (or your own VPC) the tasks reach these services already.");
        }
    }
}
