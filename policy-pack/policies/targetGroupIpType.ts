/**
 * `alb-target-group-ip-target-type`: awsvpc tasks (every Fargate task) register with a load balancer by the IP of
 * their own ENI, so the target groups they attach to must use `targetType: "ip"`; with `instance` registration fails.
 */
import { AWSX_LOAD_BALANCER_TYPES, childlessSources, defaultTargetGroup } from "../lib/awsx";
import { stackPolicy } from "../lib/policy";
import { readLabel, Resource, resolveReferences, StackIndex, unique } from "../lib/stack";
import { describe, T, TARGET_GROUP_TYPES } from "../lib/types";
import { get, isSet, isUnknown, items, str, UNKNOWN } from "../lib/values";

/** The policy. */
export const albTargetGroupIpTargetType = stackPolicy(
    {
        name: "alb-target-group-ip-target-type",
        title: "Target groups for Fargate use IP targets",
        description:
            "Checks that every target group an awsvpc (Fargate) ECS service, task set or awsx Fargate service " +
            "attaches to through loadBalancers uses targetType \"ip\".",
        severity: "medium",
        enforcementLevel: "mandatory",
        remediationSteps: [
            "1. Set targetType: \"ip\" on the target group (this replaces it; create the new one before switching the listener).",
            "2. Keep the port and health check settings; ECS registers each task's ENI IP on the container port.",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb.html",
    },
    ({ stack, report }) => {
        // An awsx FargateService is judged by its inputs only when the stack does not show the service it creates.
        const awsx = stack.ofType(T.awsxFargateService)
            .filter(component => !stack.resources.some(r => r.type === T.ecsService && r.parent?.urn === component.urn));
        for (const launcher of [...stack.ofType(T.ecsService, T.ecsTaskSet), ...awsx]) {
            if (launcher.type !== T.awsxFargateService && !isAwsvpc(stack, launcher)) {
                continue;
            }
            const who = describe(launcher.type, launcher.name);
            const arns = targetGroupArns(launcher);
            const groups = resolveReferences(stack, launcher, "loadBalancers", arns, TARGET_GROUP_TYPES);
            for (const group of groups.resources) {
                const targetType = str(group.props, "targetType");
                const name = describe(group.type, group.name);
                if (targetType === UNKNOWN) {
                    report.unverified(
                        `${name}, used by awsvpc ${who}, has a targetType unknown during preview. Set targetType ` +
                            "to the literal \"ip\".",
                        group.urn,
                    );
                } else if (targetType !== "ip") {
                    const current =
                        targetType === undefined
                            ? 'no targetType (AWS defaults to "instance")'
                            : `targetType "${targetType}"`;
                    report.violation(
                        `${name} has ${current} but fronts awsvpc ${who}, whose tasks register by IP address. ` +
                            "Set targetType to \"ip\" (this replaces the target group).",
                        group.urn,
                    );
                }
            }
            for (const group of groups.read) {
                report.unverified(
                    `${who} attaches to target group ${readLabel(group)}, whose settings this preview does not show, ` +
                        "so its targetType cannot be verified. Make sure it uses targetType \"ip\".",
                    launcher.urn,
                );
            }
            for (const arn of groups.external) {
                report.unverified(
                    `${who} attaches to target group "${arn}", which is not created in this stack, so its ` +
                        "targetType cannot be verified. Make sure it uses targetType \"ip\".",
                    launcher.urn,
                );
            }
            // Target groups an awsx load balancer creates in its plugin: judged by its inputs when the stack does
            // not show them (loadBalancers entries, or an awsx service's container portMappings[].targetGroup).
            const balancers = awsxBalancersOf(stack, launcher);
            for (const balancer of balancers) {
                const group = defaultTargetGroup(balancer);
                if (group.targetType === UNKNOWN) {
                    report.unverified(
                        `${capitalized(group.label)}, used by awsvpc ${who}, has a targetType unknown during preview ` +
                            "(defaultTargetGroup.targetType). Set it to the literal \"ip\", or leave it unset (awsx's default).",
                        balancer.urn,
                    );
                } else if (group.targetType !== "ip") {
                    report.violation(
                        `${capitalized(group.label)} has targetType "${group.targetType}" (defaultTargetGroup.targetType) but ` +
                            `fronts awsvpc ${who}, whose tasks register by IP address. Set it to "ip", or leave it ` +
                            "unset (awsx's default is \"ip\").",
                        balancer.urn,
                    );
                }
            }
            // Unknown ARNs that an awsx load balancer's default target group accounts for are traced, not untraceable.
            if (groups.untraceable && childlessSources(stack, launcher, "loadBalancers", AWSX_LOAD_BALANCER_TYPES).length === 0) {
                report.unverified(
                    `${who} attaches to target groups whose ARNs are unknown during preview and do not come from ` +
                        "target groups in this stack, so their targetType cannot be verified.",
                    launcher.urn,
                );
            }
        }
    },
);

/**
 * The awsx load balancers, with no children in the stack, whose default target group `launcher` attaches to: through
 * its `loadBalancers` entries, or (an awsx service) a container port mapping's `targetGroup`.
 */
function awsxBalancersOf(stack: StackIndex, launcher: Resource): Resource[] {
    const fromEntries = childlessSources(stack, launcher, "loadBalancers", AWSX_LOAD_BALANCER_TYPES);
    const mapsToGroups = launcher.type === T.awsxFargateService && containerPortMappings(get(launcher.props, "taskDefinitionArgs"))
        .some(mapping => isSet(get(mapping, "targetGroup")));
    const fromContainers = mapsToGroups ? childlessSources(stack, launcher, "taskDefinitionArgs", AWSX_LOAD_BALANCER_TYPES) : [];
    return unique([...fromEntries, ...fromContainers]);
}

/** The port mappings of the containers of awsx task definition args (`container`, or each of `containers`). */
function containerPortMappings(args: unknown): unknown[] {
    const containers = get(args, "containers");
    const list = [get(args, "container"), ...(containers && typeof containers === "object" && !isUnknown(containers)
        ? Object.keys(containers).map(key => get(containers, key)) : [])];
    return list.flatMap(container => {
        const mappings = items(container, "portMappings");
        return Array.isArray(mappings) ? mappings : [];
    });
}

function capitalized(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The `targetGroupArn` of every `loadBalancers` entry (classic ELB entries have none and are skipped). */
function targetGroupArns(launcher: Resource): unknown[] | typeof UNKNOWN | undefined {
    const entries = items(launcher.props, "loadBalancers");
    if (!Array.isArray(entries)) {
        return entries;
    }
    return entries
        .map(entry => (isUnknown(entry) ? UNKNOWN : get(entry, "targetGroupArn")))
        .filter(arn => arn !== undefined);
}

/** True when the launcher's tasks use awsvpc networking (Fargate always does). */
function isAwsvpc(stack: StackIndex, launcher: Resource): boolean {
    if (isSet(get(launcher.props, "networkConfiguration"))) {
        return true;
    }
    if (str(launcher.props, "launchType") === "FARGATE") {
        return true;
    }
    const strategies = items(launcher.props, "capacityProviderStrategies");
    if (Array.isArray(strategies) && strategies.some(s => /^FARGATE/.test(String(str(s, "capacityProvider"))))) {
        return true;
    }
    return stack.dependenciesOf(launcher, "taskDefinition", [T.ecsTaskDefinition]).some(definition => {
        const compatibilities = items(definition.props, "requiresCompatibilities");
        return (
            str(definition.props, "networkMode") === "awsvpc" ||
            (Array.isArray(compatibilities) && compatibilities.includes("FARGATE"))
        );
    });
}
