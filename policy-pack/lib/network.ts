/**
 * Decides whether a subnet created in the stack is private: it does not map public IPs on launch, and no route table
 * it uses sends `0.0.0.0/0` or `::/0` to an internet gateway. Route tables, associations, routes and gateways are
 * matched by URN through property dependencies, so the answer is available on a fresh stack's first preview.
 */
import { isReadResource, readLabel, Resource, StackIndex } from "./stack";
import { mention, ROUTE_TABLE_TYPES, T } from "./types";
import { bool, get, isUnknown, items, str, UNKNOWN } from "./values";

/** Why a subnet is public, or why that cannot be decided. */
export interface SubnetFinding {
    decided: boolean;
    /** A clause that completes "Subnet "x" …". */
    reason: string;
}

/** Every IPv4 and every IPv6 address: a default route's destination, or "the whole internet" as a source. */
export const ALL_ADDRESSES: readonly string[] = ["0.0.0.0/0", "::/0"];

/** The findings that make `subnet` public or undecidable; none when it is private. */
export function subnetFindings(stack: StackIndex, subnet: Resource): SubnetFinding[] {
    if (subnet.type === T.defaultSubnet) {
        // An adopted default subnet keeps the default VPC's main route table, which AWS routes to its internet gateway.
        return [{ decided: true, reason: "is a default subnet (the default VPC routes its default subnets to its internet gateway)" }];
    }
    const findings: SubnetFinding[] = [];
    const mapPublic = bool(subnet.props, "mapPublicIpOnLaunch");
    if (mapPublic === true) {
        findings.push({ decided: true, reason: "assigns public IPs on launch (mapPublicIpOnLaunch is true)" });
    } else if (mapPublic === UNKNOWN) {
        findings.push({ decided: false, reason: "has a mapPublicIpOnLaunch value that is unknown during preview" });
    }
    for (const table of routeTablesOf(stack, subnet, findings)) {
        findings.push(...internetRoutes(stack, table));
    }
    return findings;
}

/** A route table as the subnet sees it; `vpc` stands for a VPC's main table that is not a resource of its own. */
interface TableRef {
    label: string;
    table?: Resource;
    vpc?: Resource;
}

function routeTablesOf(stack: StackIndex, subnet: Resource, findings: SubnetFinding[]): TableRef[] {
    const associations = stack.referrers(subnet, [T.routeTableAssociation], "subnetId");
    if (associations.length > 0) {
        return associations.flatMap(association => associatedTable(stack, association, findings));
    }
    // No explicit association: the subnet uses its VPC's main route table.
    const vpcs = stack.dependenciesOf(subnet, "vpcId", VPC_TYPES);
    const vpcId = str(subnet.props, "vpcId");
    const vpc = vpcs[0] ?? (typeof vpcId === "string" ? stack.findByIdentifier(vpcId, VPC_TYPES) : undefined);
    // A MainRouteTableAssociation replaces the VPC's original main table; otherwise that original table applies,
    // adopted as a DefaultRouteTable or reached by routes whose routeTableId comes from the VPC itself.
    const replaced = vpc ? stack.referrers(vpc, [T.mainRouteTableAssociation], "vpcId") : [];
    if (replaced.length > 0) {
        return replaced.flatMap(association => associatedTable(stack, association, findings));
    }
    const defaults = vpc ? stack.referrers(vpc, [T.defaultRouteTable], "defaultRouteTableId") : [];
    const tables = defaults.map(table => ({ label: mention(table.type, table.name), table }));
    const unmanaged = mainTableOutsideStack(subnet, vpc, typeof vpcId === "string" ? vpcId : undefined);
    if (unmanaged && defaults.length === 0) {
        findings.push(unmanaged);
        return [];
    }
    return vpc ? [...tables, { label: `the main route table of VPC "${vpc.name}"`, vpc }] : tables;
}

/** Every VPC token: VPCs the stack creates and the default VPC it adopts. */
const VPC_TYPES: readonly string[] = [T.vpc, T.defaultVpc];

/** The default VPC's IPv4 range: AWS creates every default VPC with 172.31.0.0/16 and its default subnets in it. */
const DEFAULT_VPC_CIDR = "172.31.0.0/16";

/**
 * Why a subnet on its VPC's main route table cannot be judged by that table's routes in the stack, or undefined when
 * it can (a VPC this stack creates: AWS gives it a main table with only the local route). A default VPC's main table
 * routes 0.0.0.0/0 to its internet gateway, by AWS's definition of a default VPC: a subnet in one is public.
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc-components.html
 */
function mainTableOutsideStack(subnet: Resource, vpc: Resource | undefined, vpcId: string | undefined): SubnetFinding | undefined {
    const publicMain = "uses its main route table, which AWS routes 0.0.0.0/0 to the default VPC's internet gateway";
    if (vpc?.type === T.defaultVpc) {
        return { decided: true, reason: `is in default VPC "${vpc.name}" (aws.ec2.DefaultVpc) and ${publicMain}` };
    }
    const existing = vpc && (isReadResource(vpc) || typeof str(vpc.props, "mainRouteTableId") === "string");
    if (vpc && !existing) {
        return undefined;
    }
    const which = vpc
        ? `VPC ${isReadResource(vpc) ? readLabel(vpc) : `"${vpc.name}"`}`
        : vpcId ? `VPC "${vpcId}"` : "its VPC (its ID unknown during preview)";
    const cidr = str(subnet.props, "cidrBlock");
    if (typeof cidr === "string" && cidrWithin(cidr, DEFAULT_VPC_CIDR)) {
        return {
            decided: true,
            reason: `is in the account's default VPC (its CIDR block ${cidr} lies in ${DEFAULT_VPC_CIDR}, the default ` +
                `VPC's range, and ${which} is not created by this stack) and ${publicMain}`,
        };
    }
    return {
        decided: false,
        reason: vpc
            ? `has no route table association in this stack and uses the main route table of ${which}, which existed ` +
              "before this stack and whose routes it does not manage, so that table cannot be inspected"
            : "has no route table association in this stack and its VPC is not in this stack, so its main route " +
              "table cannot be inspected",
    };
}

/** Whether IPv4 CIDR block `inner` lies within `outer`. */
export function cidrWithin(inner: string, outer: string): boolean {
    const parse = (cidr: string) => {
        const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr.trim());
        return match ? { ip: match.slice(1, 5).reduce((n, octet) => n * 256 + Number(octet), 0), bits: Number(match[5]) } : undefined;
    };
    const [a, b] = [parse(inner), parse(outer)];
    if (!a || !b || a.bits < b.bits) {
        return false;
    }
    const size = 2 ** (32 - b.bits);
    return Math.floor(a.ip / size) === Math.floor(b.ip / size);
}

function associatedTable(stack: StackIndex, association: Resource, findings: SubnetFinding[]): TableRef[] {
    const tables = stack.dependenciesOf(association, "routeTableId", [...ROUTE_TABLE_TYPES, T.vpc]);
    const id = str(association.props, "routeTableId");
    const byId = typeof id === "string" ? stack.findByIdentifier(id, ROUTE_TABLE_TYPES) : undefined;
    const all = tables.length > 0 ? tables : byId ? [byId] : [];
    if (all.length === 0) {
        const shown = typeof id === "string" ? `"${id}"` : "with an unknown ID";
        findings.push({
            decided: false,
            reason: `is associated with route table ${shown}, which is not in this stack`,
        });
    }
    return all.map(table =>
        table.type === T.vpc
            ? { label: `the main route table of VPC "${table.name}"`, vpc: table }
            : { label: mention(table.type, table.name), table },
    );
}

/** Findings for routes in `ref` that send a default destination to an internet gateway. */
function internetRoutes(stack: StackIndex, ref: TableRef): SubnetFinding[] {
    const findings: SubnetFinding[] = [];
    if (ref.table) {
        findings.push(...inlineRoutes(stack, ref.table, ref.label));
    }
    const target = ref.table ?? ref.vpc;
    const routes = target ? stack.referrers(target, [T.route], "routeTableId") : [];
    for (const route of routes) {
        const gateway = gatewayKind(stack, route, "gatewayId", str(route.props, "gatewayId"));
        const destination = destinationOf(route.props, "destinationCidrBlock", "destinationIpv6CidrBlock");
        findings.push(...classify(gateway, destination, `${ref.label} (route "${route.name}")`));
    }
    return findings;
}

function inlineRoutes(stack: StackIndex, table: Resource, label: string): SubnetFinding[] {
    const routes = items(table.props, "routes");
    if (routes === UNKNOWN) {
        return [{ decided: false, reason: `uses ${label}, whose inline routes are unknown during preview` }];
    }
    return (routes ?? []).flatMap(route => {
        const destination = destinationOf(route, "cidrBlock", "ipv6CidrBlock");
        const gateway = gatewayKind(stack, table, "routes", str(route, "gatewayId"));
        return classify(gateway, destination, label);
    });
}

type Destination = "default" | "other" | "unknown";
type Gateway = { kind: "igw"; name: string } | { kind: "other" } | { kind: "unknown" };

function destinationOf(route: unknown, v4Key: string, v6Key: string): Destination {
    const values = [get(route, v4Key), get(route, v6Key)];
    if (values.some(v => typeof v === "string" && ALL_ADDRESSES.includes(v))) {
        return "default";
    }
    return values.some(isUnknown) ? "unknown" : "other";
}

function gatewayKind(stack: StackIndex, owner: Resource, key: string, value: string | symbol | undefined): Gateway {
    if (value === undefined) {
        return { kind: "other" };
    }
    if (typeof value === "string") {
        const igw = stack.findByIdentifier(value, [T.internetGateway]);
        return igw || value.startsWith("igw-") ? { kind: "igw", name: igw?.name ?? value } : { kind: "other" };
    }
    // Unknown gateway ID: it is an internet gateway's ID when the input was built only from one. For inline routes
    // the dependency is recorded for the whole `routes` list: when it holds an internet gateway and other targets
    // (a NAT or VPN gateway, say), which route goes where cannot be told, so it is left undecided, not failed.
    const deps = owner.propertyDependencies?.[key] ?? [];
    const igw = deps.find(dep => dep.type === T.internetGateway);
    if (igw) {
        return deps.every(dep => dep.type === T.internetGateway) ? { kind: "igw", name: igw.name } : { kind: "unknown" };
    }
    return deps.length > 0 ? { kind: "other" } : { kind: "unknown" };
}

function classify(gateway: Gateway, destination: Destination, where: string): SubnetFinding[] {
    if (gateway.kind === "other" || destination === "other") {
        return [];
    }
    const decided = gateway.kind === "igw" && destination === "default";
    const to =
        gateway.kind === "igw" ? `internet gateway "${gateway.name}"` : "a gateway whose ID is unknown during preview";
    const what = destination === "default" ? "0.0.0.0/0 or ::/0" : "a destination unknown during preview";
    return [{ decided, reason: `routes ${what} to ${to} through ${where}` }];
}
