/**
 * `ecs-task-sg-no-world-ingress`: security groups attached to ECS tasks accept no traffic from 0.0.0.0/0 or ::/0.
 * Tasks should be reachable only from their load balancer's security group. Rules are found inline on the group,
 * as `aws.vpc.SecurityGroupIngressRule` and as `aws.ec2.SecurityGroupRule` (type ingress), matched by URN.
 */
import { awsvpcLaunchers, networkList } from "../lib/ecs";
import { ALL_ADDRESSES } from "../lib/network";
import { stackPolicy } from "../lib/policy";
import { readLabel, Resource, resolveReferences, StackIndex } from "../lib/stack";
import { describe, T } from "../lib/types";
import { get, isUnknown, items, str, UNKNOWN } from "../lib/values";

interface IngressFinding {
    decided: boolean;
    reason: string;
}

/** The policy. */
export const ecsTaskSgNoWorldIngress = stackPolicy(
    {
        name: "ecs-task-sg-no-world-ingress",
        title: "No internet ingress to ECS tasks",
        description:
            "Checks that security groups attached to ECS services, task sets, EventBridge, Scheduler and Pipes ECS " +
            "targets, Step Functions ecs:runTask states and awsx Fargate services allow no ingress from 0.0.0.0/0 " +
            "or ::/0.",
        severity: "high",
        enforcementLevel: "advisory",
        remediationSteps: [
            "1. Remove ingress rules from 0.0.0.0/0 and ::/0 on the tasks' security groups.",
            "2. Allow the container port only from the load balancer's security group (referencedSecurityGroupId / sourceSecurityGroupId).",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-network.html",
    },
    ({ stack, report }) => {
        for (const { resource, network } of awsvpcLaunchers(stack.resources)) {
            const who = describe(resource.type, resource.name);
            if (network.awsxDefaultVpc) {
                // awsx's default network configuration comes with a security group of its own open to the world.
                report.violation(
                    `${who} sets no networkConfiguration, so awsx gives its tasks a security group that allows ` +
                        "ingress from 0.0.0.0/0 and ::/0 on all ports. Set networkConfiguration.securityGroups to a " +
                        "group that allows the container port only from the load balancer's security group.",
                    resource.urn,
                );
                continue;
            }
            const key = network.kind.dependencyKey;
            const groups = resolveReferences(stack, resource, key, networkList(network, "securityGroups"), [T.securityGroup]);
            for (const group of groups.resources) {
                for (const finding of worldIngress(stack, group)) {
                    const text = `${who} uses security group "${group.name}", which ${finding.reason}.`;
                    if (finding.decided) {
                        report.violation(
                            `${text} Allow the container port only from the load balancer's security group.`,
                            resource.urn,
                        );
                    } else {
                        report.unverified(`${text} Use values known at preview.`, resource.urn);
                    }
                }
            }
            for (const group of groups.read) {
                report.unverified(
                    `${who} uses security group ${readLabel(group)}, whose rules this preview does not show, so ` +
                        "its ingress cannot be verified. Make sure it allows no ingress from 0.0.0.0/0 or ::/0.",
                    resource.urn,
                );
            }
            for (const id of groups.external) {
                report.unverified(
                    `${who} uses security group "${id}", which is not created in this stack, so its ingress ` +
                        "rules cannot be verified. Make sure it allows no ingress from 0.0.0.0/0 or ::/0.",
                    resource.urn,
                );
            }
            if (groups.untraceable) {
                report.unverified(
                    `${who} uses security groups whose IDs are unknown during preview and do not come from ` +
                        "security groups in this stack, so their ingress rules cannot be verified.",
                    resource.urn,
                );
            }
        }
    },
);

/** Findings for ingress from anywhere into `group`, from all three ways of writing a rule. */
function worldIngress(stack: StackIndex, group: Resource): IngressFinding[] {
    const findings: IngressFinding[] = [];
    const inline = items(group.props, "ingress");
    if (inline === UNKNOWN) {
        findings.push({ decided: false, reason: "has inline ingress rules unknown during preview" });
    }
    for (const rule of Array.isArray(inline) ? inline : []) {
        const lists = [items(rule, "cidrBlocks"), items(rule, "ipv6CidrBlocks")];
        findings.push(...cidrFindings(lists, rule, "an inline rule"));
    }
    for (const rule of stack.referrers(group, [T.securityGroupIngressRule], "securityGroupId")) {
        const cidrs = [get(rule.props, "cidrIpv4"), get(rule.props, "cidrIpv6")];
        findings.push(...cidrFindings([cidrs], rule.props, `rule "${rule.name}"`));
    }
    for (const rule of stack.referrers(group, [T.securityGroupRule], "securityGroupId")) {
        const kind = str(rule.props, "type");
        if (kind === UNKNOWN) {
            findings.push({ decided: false, reason: `has rule "${rule.name}" whose type is unknown during preview` });
        } else if (kind === "ingress") {
            const lists = [items(rule.props, "cidrBlocks"), items(rule.props, "ipv6CidrBlocks")];
            findings.push(...cidrFindings(lists, rule.props, `rule "${rule.name}"`));
        }
    }
    return findings;
}

function cidrFindings(lists: unknown[], rule: unknown, label: string): IngressFinding[] {
    const values = lists.flatMap(list => (list === UNKNOWN ? [UNKNOWN] : Array.isArray(list) ? list : []));
    const world = values.filter((v): v is string => typeof v === "string" && ALL_ADDRESSES.includes(v));
    if (world.length > 0) {
        return [{ decided: true, reason: `allows ingress from ${world.join(" and ")} ${ports(rule)} (${label})` }];
    }
    return values.some(isUnknown)
        ? [{ decided: false, reason: `has ${label} whose source CIDR is unknown during preview` }]
        : [];
}

function ports(rule: unknown): string {
    const protocol = get(rule, "ipProtocol") ?? get(rule, "protocol");
    const from = get(rule, "fromPort");
    const to = get(rule, "toPort");
    if (protocol === "-1" || protocol === "all" || typeof from !== "number") {
        return "on all ports";
    }
    return from === to || typeof to !== "number" ? `on port ${from}` : `on ports ${from}-${to}`;
}
