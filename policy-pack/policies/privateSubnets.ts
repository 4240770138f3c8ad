/**
 * `ecs-tasks-in-private-subnets`: ECS tasks (services, task sets, EventBridge and Scheduler targets) run only in
 * private subnets. Subnets created in the stack are decided from their own settings and the route tables, routes and
 * gateways that reach them; subnets from outside the stack are accepted only when listed in `privateSubnetIds`, and
 * otherwise reported as "cannot verify" at `unverifiedLevel` (advisory by default), never passed silently.
 */
import { assignsPublicIp, awsvpcLaunchers, NetworkConfiguration, networkList } from "../lib/ecs";
import { subnetFindings } from "../lib/network";
import { AWSX_VPC_TYPES, childlessSources, vpcSubnetTypes } from "../lib/awsx";
import { Reporter, stackPolicy } from "../lib/policy";
import { knownIdentifiers, readLabel, Resource, resolveReferences } from "../lib/stack";
import { describe, mention, T } from "../lib/types";

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
            "Checks that every subnet ECS tasks are placed in (services, task sets, EventBridge, Scheduler and Pipes " +
            "ECS targets, Step Functions ecs:runTask states, awsx Fargate services) is private: it does not assign " +
            "public IPs on launch and has no route to an internet gateway.",
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
            if (network.awsxDefaultVpc) {
                awsxDefaultNetwork(who, network, resource.urn, report);
                continue;
            }
            const subnets = resolveReferences(stack, resource, network.kind.dependencyKey, networkList(network, "subnets"), [T.subnet, T.defaultSubnet]);
            for (const subnet of subnets.resources) {
                const listed = knownIdentifiers(subnet).some(id => config.privateSubnetIds.includes(id));
                for (const finding of subnetFindings(stack, subnet).filter(f => f.decided || !listed)) {
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
            for (const subnet of subnets.read.filter(s => !knownIdentifiers(s).some(id => config.privateSubnetIds.includes(id)))) {
                const id = knownIdentifiers(subnet)[0];
                report.unverified(
                    `${who} places tasks in subnet ${readLabel(subnet)}, whose settings and route tables this preview ` +
                        "does not show, so whether it is private cannot be verified. Confirm it has no route to an " +
                        `internet gateway and add "${id}" to privateSubnetIds in the policy config.`,
                    resource.urn,
                );
            }
            for (const id of subnets.external.filter(id => !config.privateSubnetIds.includes(id))) {
                report.unverified(
                    `${who} places tasks in subnet "${id}", which is not created in this stack, so whether it is ` +
                        `private cannot be verified. Confirm it has no route to an internet gateway and add "${id}" ` +
                        "to privateSubnetIds in the policy config.",
                    resource.urn,
                );
            }
            // Subnets an awsx VPC creates in its plugin: judged by its inputs when the stack does not show them.
            const vpcs = childlessSources(stack, resource, network.kind.dependencyKey, AWSX_VPC_TYPES);
            vpcs.forEach(vpc => awsxVpcSubnets(who, vpc, resource.urn, report));
            if (subnets.untraceable && vpcs.length === 0) {
                report.unverified(
                    network.pathText === "definition"
                        ? `${who} has a definition unknown during preview that names no subnet of this stack, so the ` +
                          "subnets its ecs:runTask states place tasks in cannot be verified. Build the definition from " +
                          "the IDs of aws.ec2.Subnet resources in this stack, or known IDs listed in privateSubnetIds."
                        : `${who} places tasks in subnets whose IDs are unknown during preview and do not come from ` +
                          `subnets in this stack (${network.pathText}.subnets), so whether they are private cannot be ` +
                          "verified. Pass the IDs of aws.ec2.Subnet resources in this stack, or known IDs listed in " +
                          "privateSubnetIds.",
                    resource.urn,
                );
            }
        }
    },
);

/** An awsx service without networkConfiguration: awsx picks the default VPC's public or private subnets. */
function awsxDefaultNetwork(who: string, network: NetworkConfiguration, urn: string, report: Reporter): void {
    const assign = assignsPublicIp(network);
    if (assign === true) {
        report.violation(
            `${who} sets no networkConfiguration and assignPublicIp true, so awsx places its tasks in the default ` +
                `VPC's public subnets. ${FIX}`,
            urn,
        );
    } else {
        report.unverified(
            `${who} sets no networkConfiguration, so awsx places its tasks in the default VPC's private subnets, ` +
                "which this stack does not show (a default VPC has none until you add them), so whether they are " +
                "private cannot be verified. Set networkConfiguration.subnets to private subnets of this stack.",
            urn,
        );
    }
}

/**
 * Tasks in subnets an awsx VPC (or awsx's default VPC) gives: public when every subnet it creates is public, else
 * which of its subnets the launcher uses (`publicSubnetIds` or `privateSubnetIds`) is not in its inputs.
 */
function awsxVpcSubnets(who: string, vpc: Resource, urn: string, report: Reporter): void {
    const where = `${who} places tasks in subnets of ${mention(vpc.type, vpc.name)}`;
    const layout = vpcSubnetTypes(vpc);
    if ("unknown" in layout) {
        report.unverified(
            `${where}, whose subnetSpecs are unknown during preview, so whether they are private cannot be ` +
                "verified. Build subnetSpecs from values known at preview.",
            urn,
        );
    } else if (vpc.type === T.awsxDefaultVpc) {
        report.violation(
            `${where}: a default VPC's subnets are public (AWS maps public IPs on launch in them and routes their ` +
                `main route table to the default VPC's internet gateway). ${FIX}`,
            urn,
        );
    } else if (layout.types.length > 0 && layout.types.every(type => type === "Public")) {
        report.violation(`${where}, whose subnetSpecs create public subnets only. ${FIX}`, urn);
    } else {
        const kinds = layout.types.map(type => type.toLowerCase());
        const list = kinds.length > 1 ? `${kinds.slice(0, -1).join(", ")} and ${kinds[kinds.length - 1]}` : kinds.join("");
        report.unverified(
            `${where}, which creates ${list} subnets in the awsx plugin; this preview shows neither those subnets ` +
                "nor which of the VPC's subnet lists the tasks get (privateSubnetIds or publicSubnetIds), so whether " +
                "they are private cannot be verified. Give the tasks its privateSubnetIds; under the Pulumi CLI the " +
                "pack judges each subnet awsx creates.",
            urn,
        );
    }
}
