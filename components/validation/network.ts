import * as pulumi from "@pulumi/pulumi";
import { NatGatewayStrategy } from "../args/enums";
import { Inputs } from "../defaults";
import { isIpv4Cidr } from "../rules";
import { Problems } from "./problems";

/**
 * The longest component name. Names the component sets itself are truncated with a hash, but Pulumi autonames
 * (`<name>-service-<7 random>`, security groups, cluster) and descriptions that hold the name have AWS limits of
 * 255 characters, which a name of this length keeps well clear of.
 */
export const MAX_NAME_LENGTH = 100;

/** The component name becomes part of AWS names, so it keeps to the characters every one of them accepts. */
export function validateName(name: string, problems: Problems): void {
    if (typeof name !== "string" || !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(name)) {
        const suggestion = String(name).replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "web";
        problems.add("name", "must start with a letter or digit and contain only letters, digits and hyphens", name,
            `Use a name such as "${suggestion}".`);
    } else if (name.length > MAX_NAME_LENGTH) {
        problems.add("name", `must be at most ${MAX_NAME_LENGTH} characters (it has ${name.length})`, name,
            "Use a shorter name: it prefixes the name of every AWS resource the component creates.");
    }
}

const EXISTING_VPC_FIELDS = ["vpcId", "publicSubnetIds", "privateSubnetIds"] as const;
const NEW_VPC_FIELDS = ["vpcCidrBlock", "availabilityZoneCount", "natGateways"] as const;
const AZ_RANGE = { min: 2, max: 6 };
/** The smallest subnet an Application Load Balancer accepts (at least 8 free addresses). */
const MIN_SUBNET_PREFIX = 27;

/** True when the user asked for an existing VPC (any of its three fields is set). */
export function usesExistingVpc(given: Inputs): boolean {
    return EXISTING_VPC_FIELDS.some(field => given[field] !== undefined);
}

/** Validates the network inputs (a new VPC's shape, or an existing VPC given completely) and the allowed CIDRs. */
export function validateNetwork(given: Inputs, resolved: Inputs, problems: Problems): void {
    if (usesExistingVpc(given)) {
        validateExistingVpc(given, problems);
    } else {
        validateNewVpc(resolved, problems);
    }
    const cidrs: unknown = resolved.allowedCidrBlocks;
    if (!Array.isArray(cidrs) || cidrs.length === 0) {
        problems.add("allowedCidrBlocks", "must list at least one IPv4 CIDR block", cidrs,
            `Use ["0.0.0.0/0"] for a public service, or your clients' ranges.`);
        return;
    }
    cidrs.forEach((cidr, i) => {
        if (typeof cidr !== "string" || !isIpv4Cidr(cidr)) {
            problems.add(`allowedCidrBlocks[${i}]`, "must be an IPv4 CIDR block with no host bits set", cidr,
                `Use a block such as "203.0.113.0/24".`);
        }
    });
}

function validateNewVpc(resolved: Inputs, problems: Problems): void {
    const cidr = resolved.vpcCidrBlock;
    const prefix = typeof cidr === "string" ? Number(cidr.split("/")[1]) : NaN;
    if (typeof cidr !== "string" || !isIpv4Cidr(cidr) || prefix < 16 || prefix > 24) {
        problems.add("vpcCidrBlock", "must be an IPv4 CIDR block from /16 to /24 with no host bits set", cidr,
            `Use a block such as "10.0.0.0/16".`);
    }
    const azValid = problems.checkRange("availabilityZoneCount", resolved.availabilityZoneCount, AZ_RANGE,
        "Use a value from 2 to 6: the load balancer needs subnets in at least two availability zones.");
    const zones = resolved.availabilityZoneCount;
    if (azValid && typeof zones === "number" && typeof cidr === "string" && prefix >= 16 && prefix <= 24 && isIpv4Cidr(cidr)) {
        // The block is split into 2 × zones equal subnets; an ALB needs subnets of /27 or larger.
        const largestPrefix = MIN_SUBNET_PREFIX - Math.ceil(Math.log2(2 * zones));
        if (prefix > largestPrefix) {
            problems.add("vpcCidrBlock", `is too small for ${zones} availability zones: each subnet would be smaller than ` +
                `the /${MIN_SUBNET_PREFIX} a load balancer needs`, cidr,
                `Use a /${largestPrefix} or larger block, or fewer availability zones.`);
        }
    }
    problems.checkOneOf("natGateways", resolved.natGateways, Object.values(NatGatewayStrategy));
}

function validateExistingVpc(given: Inputs, problems: Problems): void {
    for (const field of NEW_VPC_FIELDS) {
        if (given[field] !== undefined) {
            problems.add(field, "applies only to a new VPC and cannot be combined with an existing one", given[field],
                "Remove it, or remove `vpcId`, `publicSubnetIds` and `privateSubnetIds` to create a VPC.");
        }
    }
    const present = EXISTING_VPC_FIELDS.filter(field => given[field] !== undefined);
    for (const field of EXISTING_VPC_FIELDS) {
        if (given[field] === undefined) {
            const others = present.map(f => `\`${f}\``).join(" and ");
            problems.add(field, `is required when ${others} ${present.length === 1 ? "is" : "are"} set`, undefined,
                "Give all three of `vpcId`, `publicSubnetIds` and `privateSubnetIds`, or none of them to create a VPC.");
        } else if (field !== "vpcId") {
            checkSubnetList(field, given[field], problems);
        }
    }
}

/** A subnet list given as one Output (from another language's program) is checked when it resolves. */
export function checkSubnetList(field: string, ids: unknown, problems: Problems): void {
    if (pulumi.Output.isInstance(ids)) {
        return;
    }
    if (!Array.isArray(ids) || ids.length < 2) {
        problems.add(field, "must list subnets in at least 2 availability zones", ids,
            "Give one subnet per availability zone, at least two.");
    }
}
