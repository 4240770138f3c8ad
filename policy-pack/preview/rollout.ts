/**
 * How long one rolling deployment of each ECS service takes, modelled from its settings (see "Rollout time" in the
 * README for the formula): tasks are replaced in waves that `deploymentMinimumHealthyPercent` and
 * `deploymentMaximumPercent` allow, and each wave takes a task's start, its way to healthy behind the load balancer,
 * the old task's drain from the target group and its stop.
 */
import { WireResource } from "../protocol/wire";
import { UNKNOWN_WIRE_VALUE } from "../lib/values";

/**
 * Seconds from a task's placement to its container running: Fargate provisioning plus the image pull (the whole image
 * is pulled every time, no layer cache). AWS reports 30 to 45 s or more for a normal start; the model uses 45 s.
 */
export const TASK_START_SECONDS = 45;

/** AWS's defaults where a setting is left out (ECS and ELB documentation). */
export const AWS_DEFAULTS = {
    minimumHealthyPercent: 100, maximumPercent: 200, healthCheckIntervalSeconds: 30, healthyThreshold: 5,
    deregistrationDelaySeconds: 300, stopTimeoutSeconds: 30,
} as const;

/** One service's modelled rollout. */
export interface RolloutEstimate {
    service: string;
    /** Seconds for one rolling deployment; undefined when a setting it depends on is unknown (see `reason`). */
    seconds?: number;
    waves?: number;
    /** The parts of one wave, in seconds. */
    wave?: { start: number; healthy: number; drain: number; stop: number };
    reason?: string;
}

const known = (value: unknown) => value !== UNKNOWN_WIRE_VALUE && value !== undefined;
const num = (value: unknown, fallback: number) => (typeof value === "number" ? value : fallback);

/** The rollout of every ECS service in `resources`. */
export function estimateRollouts(resources: readonly WireResource[]): RolloutEstimate[] {
    const byUrn = new Map(resources.map(r => [r.urn, r]));
    return resources.filter(r => r.type === "aws:ecs/service:Service").map(service => estimateRollout(service, byUrn));
}

function estimateRollout(service: WireResource, byUrn: Map<string, WireResource>): RolloutEstimate {
    const props = service.properties;
    const desired = props.desiredCount;
    if (!known(desired) || typeof desired !== "number") {
        return { service: service.name, reason: "its desired task count is unknown during preview" };
    }
    const min = num(props.deploymentMinimumHealthyPercent, AWS_DEFAULTS.minimumHealthyPercent);
    const max = num(props.deploymentMaximumPercent, AWS_DEFAULTS.maximumPercent);
    // Tasks replaced at once: the room above the desired count, plus the tasks that may be stopped first.
    const batch = Math.floor(desired * max / 100) - Math.ceil(desired * min / 100);
    if (desired > 0 && batch <= 0) {
        return { service: service.name, reason: `its ${min}% / ${max}% limits let no task be replaced: raise deploymentMaximumPercent` };
    }
    const waves = desired === 0 ? 0 : Math.ceil(desired / batch);
    const targetGroup = dependency(service, "loadBalancers", "aws:lb/targetGroup:TargetGroup", byUrn);
    const healthCheck = (targetGroup?.properties.healthCheck ?? {}) as Record<string, unknown>;
    const behindLoadBalancer = Array.isArray(props.loadBalancers) && props.loadBalancers.length > 0;
    const wave = {
        start: TASK_START_SECONDS,
        healthy: behindLoadBalancer
            ? num(healthCheck.healthyThreshold, AWS_DEFAULTS.healthyThreshold) * num(healthCheck.interval, AWS_DEFAULTS.healthCheckIntervalSeconds)
            : 0,
        drain: behindLoadBalancer ? num(targetGroup?.properties.deregistrationDelay, AWS_DEFAULTS.deregistrationDelaySeconds) : 0,
        stop: stopTimeoutOf(dependency(service, "taskDefinition", "aws:ecs/taskDefinition:TaskDefinition", byUrn)),
    };
    const perWave = wave.start + wave.healthy + wave.drain + wave.stop;
    return { service: service.name, seconds: waves * perWave, waves, wave };
}

function dependency(resource: WireResource, input: string, type: string, byUrn: Map<string, WireResource>): WireResource | undefined {
    return (resource.propertyDependencies?.[input] ?? []).map(urn => byUrn.get(urn)).find(r => r?.type === type);
}

/** The longest `stopTimeout` of the task's containers: how long ECS waits after SIGTERM, at most. */
function stopTimeoutOf(definition: WireResource | undefined): number {
    const text = definition?.properties.containerDefinitions;
    if (typeof text !== "string" || text === UNKNOWN_WIRE_VALUE) {
        return AWS_DEFAULTS.stopTimeoutSeconds;
    }
    try {
        const containers = JSON.parse(text) as { stopTimeout?: number }[];
        return Math.max(...containers.map(c => c.stopTimeout ?? AWS_DEFAULTS.stopTimeoutSeconds));
    } catch {
        return AWS_DEFAULTS.stopTimeoutSeconds;
    }
}
