/**
 * `ecs-tasks-in-private-subnets`: ECS tasks (services, task sets, EventBridge and Scheduler targets) run only in
 * private subnets. Subnets created in the stack are decided from their own settings and the route tables, routes and
 * gateways that reach them; subnets from outside the stack are accepted only when listed in `privateSubnetIds`, and
 * otherwise reported as "cannot verify" at `unverifiedLevel` (advisory by default), never passed silently.
 */
import { awsvpcLaunchers, networkList } from "../lib/ecs";
import { subnetFindings } from "../lib/network";
import { stackPolicy } from "../lib/policy";
import { resolveReferences } from "../lib/stack";
import { describe, T } from "../lib/types";

interface Config {
    privateSubnetIds: string[];
}

const FIX =
    "Run ECS tasks in private subnets: mapPublicIpOnLaunch false and outbound traffic through a NAT gateway or VPC " +
    "endpoints, never a route to an internet gateway.";

/** The policy. */
export const ecsTasksInPrivateSubnets = stackPolicy<Config>(
    {
        name: "ecs-tasks-in-private-subnets",
        title: "ECS tasks run in private subnets",
        description:
            "Checks that every subnet ECS tasks are placed in (services, task sets, EventBridge and Scheduler ECS " +
            "targets) is private: it does not assign public IPs on launch and has no route to an internet gateway.",
        severity: "high",
        enforcementLevel: "mandatory",
        remediationSteps: [
            "1. Create private subnets with mapPublicIpOnLaunch false, associated with a route table whose 0.0.0.0/0 route targets a NAT gateway (or no default route, with VPC endpoints).",
            "2. Put the service's (or target's) networkConfiguration.subnets in those subnets; keep public subnets for the load balancer.",
            "3. For subnets created outside this stack, confirm they are private and list their IDs in privateSubnetIds.",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/networking-outbound.html",
        anchors: { securityHub: ["EC2.15"] },
        settings: {
            privateSubnetIds: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "IDs of subnets created outside this stack that you have verified are private.",
            },
        },
    },
    ({ stack, config, report }) => {
        for (const { resource, network } of awsvpcLaunchers(stack.resources)) {
            const who = describe(resource.type, resource.name);
            const subnets = resolveReferences(stack, resource, network.kind.dependencyKey, networkList(network, "subnets"), [T.subnet, T.defaultSubnet]);
            for (const subnet of subnets.resources) {
                for (const finding of subnetFindings(stack, subnet)) {
                    const text = `${who} places tasks in subnet "${subnet.name}", which ${finding.reason}.`;
                    if (finding.decided) {
                        report.violation(`${text} ${FIX}`, resource.urn);
                    } else {
                        report.unverified(
                            `${text} Whether it is private cannot be verified; use values known at preview.`,
                            resource.urn,
                        );
                    }
                }
            }
            for (const id of subnets.external.filter(id => !config.privateSubnetIds.includes(id))) {
                report.unverified(
                    `${who} places tasks in subnet "${id}", which is not created in this stack, so whether it is ` +
                        `private cannot be verified. Confirm it has no route to an internet gateway and add "${id}" ` +
                        "to privateSubnetIds in the policy config.",
                    resource.urn,
                );
            }
            if (subnets.untraceable) {
                report.unverified(
                    `${who} places tasks in subnets whose IDs are unknown during preview and do not come from ` +
                        `subnets in this stack (${network.kind.networkPathText}.subnets), so whether they are ` +
                        "private cannot be verified. Pass the IDs of aws.ec2.Subnet resources in this stack, or " +
                        "known IDs listed in privateSubnetIds.",
                    resource.urn,
                );
            }
        }
    },
);
