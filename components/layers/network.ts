import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { NatGatewayStrategy } from "../args/enums";
import { Inputs } from "../defaults";
import { LayerContext, childOpts, tagsFor } from "./context";
import { Problems, checkSubnetList, usesExistingVpc } from "../validation";

/** The network the other layers build on. */
export interface Network {
    vpcId: pulumi.Output<string>;
    /**
     * Subnets routed to the internet gateway: the load balancer lives here. A list of IDs rather than one Output of
     * a list where possible, so a preview shows how many subnets there are even while their IDs are unknown.
     */
    publicSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Subnets without a route to the internet gateway: the tasks live here. */
    privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** The private subnets' route tables, when the VPC is created here (the S3 gateway endpoint attaches to them). */
    privateRouteTableIds: pulumi.Output<string>[];
    /** Whether the private subnets have no route to the internet: a new VPC with `natGateways` `None`. */
    withoutInternetEgress: boolean;
}

/** The network the (validated) inputs ask for: the existing VPC they name, or a new one. */
export function networkFor(ctx: LayerContext, args: Inputs): Network {
    if (usesExistingVpc(args)) {
        return adoptNetwork(ctx, { vpcId: args.vpcId!, publicSubnetIds: args.publicSubnetIds!, privateSubnetIds: args.privateSubnetIds! });
    }
    return createNetwork(ctx, { cidrBlock: args.vpcCidrBlock!, availabilityZoneCount: args.availabilityZoneCount!, natGateways: args.natGateways! });
}

/** The inputs of a new VPC. */
export interface NewVpcInputs {
    cidrBlock: string;
    availabilityZoneCount: number;
    natGateways: NatGatewayStrategy;
}

/** The inputs of an existing VPC. */
export interface ExistingVpcInputs {
    vpcId: pulumi.Input<string>;
    publicSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * Adopts an existing VPC and its subnets; nothing is created. A subnet list that arrived as one Output (possible
 * from other languages) could not be validated up front, so it is checked when it resolves.
 */
export function adoptNetwork(ctx: LayerContext, inputs: ExistingVpcInputs): Network {
    const checked = (field: string, ids: pulumi.Input<pulumi.Input<string>[]>) => Array.isArray(ids)
        ? ids
        : pulumi.output(ids).apply(list => {
            const problems = new Problems();
            checkSubnetList(field, list, problems);
            problems.throwIfAny(ctx, ctx.parent, false);
            return list;
        });
    return {
        vpcId: pulumi.output(inputs.vpcId),
        publicSubnetIds: checked("publicSubnetIds", inputs.publicSubnetIds),
        privateSubnetIds: checked("privateSubnetIds", inputs.privateSubnetIds),
        // An existing VPC's egress is its owner's to provide.
        privateRouteTableIds: [],
        withoutInternetEgress: false,
    };
}

/**
 * Splits `vpcCidr` into `2 * count` equal subnets: the private subnets take the first half of the range (they hold
 * the tasks and need the addresses), the public subnets the second.
 */
export function subnetCidrs(vpcCidr: string, count: number): { private: string[]; public: string[] } {
    const [address, prefixText] = vpcCidr.split("/");
    const base = address.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
    const newBits = Math.ceil(Math.log2(2 * count));
    const prefix = Number(prefixText) + newBits;
    const size = 2 ** (32 - prefix);
    const cidr = (index: number) => {
        const start = base + index * size;
        const octets = [24, 16, 8, 0].map(shift => Math.floor(start / 2 ** shift) % 256);
        return `${octets.join(".")}/${prefix}`;
    };
    const indexes = [...Array(count).keys()];
    return { private: indexes.map(i => cidr(i)), public: indexes.map(i => cidr(2 ** newBits / 2 + i)) };
}

/**
 * Creates a VPC with public and private subnets in `availabilityZoneCount` AZs, an internet gateway for the public
 * subnets and NAT gateways for the private ones. Raw `@pulumi/aws` resources rather than the awsx `Vpc` component on
 * purpose: awsx builds its children in its own plugin, so the policy pack could not see the subnets and routes at
 * preview to prove that the tasks' subnets are private.
 */
export function createNetwork(ctx: LayerContext, inputs: NewVpcInputs): Network {
    const { name } = ctx;
    const opts = childOpts(ctx);
    const vpc = new aws.ec2.Vpc(`${name}-vpc`, {
        cidrBlock: inputs.cidrBlock,
        enableDnsHostnames: true,
        enableDnsSupport: true,
        tags: tagsFor(ctx, `${name}-vpc`),
    }, opts);
    const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id, tags: tagsFor(ctx, `${name}-igw`) }, opts);
    const zones = availabilityZones(ctx, inputs.availabilityZoneCount);
    const cidrs = subnetCidrs(inputs.cidrBlock, inputs.availabilityZoneCount);

    const publicRouteTable = new aws.ec2.RouteTable(`${name}-public-rt`, {
        vpcId: vpc.id, tags: tagsFor(ctx, `${name}-public-rt`),
    }, opts);
    new aws.ec2.Route(`${name}-public-default-route`, {
        routeTableId: publicRouteTable.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id,
    }, opts);
    const publicSubnets = cidrs.public.map((cidrBlock, i) => {
        const subnetName = `${name}-public-${i + 1}`;
        const subnet = new aws.ec2.Subnet(subnetName, {
            vpcId: vpc.id, cidrBlock, availabilityZone: zones[i],
            // The load balancer and NAT gateways get their own addresses; nothing here needs one automatically.
            mapPublicIpOnLaunch: false,
            tags: { ...tagsFor(ctx, subnetName), "fargate-stack:subnet-type": "public" },
        }, opts);
        new aws.ec2.RouteTableAssociation(`${subnetName}-rta`, {
            subnetId: subnet.id, routeTableId: publicRouteTable.id,
        }, opts);
        return subnet;
    });

    const natIds = createNatGateways(ctx, inputs.natGateways, publicSubnets, igw);
    const privateRouteTableIds: pulumi.Output<string>[] = [];
    const privateSubnets = cidrs.private.map((cidrBlock, i) => {
        const subnetName = `${name}-private-${i + 1}`;
        const subnet = new aws.ec2.Subnet(subnetName, {
            vpcId: vpc.id, cidrBlock, availabilityZone: zones[i], mapPublicIpOnLaunch: false,
            tags: { ...tagsFor(ctx, subnetName), "fargate-stack:subnet-type": "private" },
        }, opts);
        const routeTable = new aws.ec2.RouteTable(`${subnetName}-rt`, {
            vpcId: vpc.id, tags: tagsFor(ctx, `${subnetName}-rt`),
        }, opts);
        privateRouteTableIds.push(routeTable.id);
        const natId = natIds.length === 0 ? undefined : natIds[Math.min(i, natIds.length - 1)];
        if (natId) {
            new aws.ec2.Route(`${subnetName}-default-route`, {
                routeTableId: routeTable.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: natId,
            }, opts);
        }
        new aws.ec2.RouteTableAssociation(`${subnetName}-rta`, { subnetId: subnet.id, routeTableId: routeTable.id }, opts);
        return subnet;
    });

    return {
        vpcId: vpc.id,
        publicSubnetIds: publicSubnets.map(s => s.id),
        privateSubnetIds: privateSubnets.map(s => s.id),
        privateRouteTableIds,
        withoutInternetEgress: natIds.length === 0,
    };
}

function createNatGateways(
    ctx: LayerContext, strategy: NatGatewayStrategy, publicSubnets: aws.ec2.Subnet[], igw: aws.ec2.InternetGateway,
): pulumi.Output<string>[] {
    const count = strategy === "OnePerAz" ? publicSubnets.length : strategy === "Single" ? 1 : 0;
    return publicSubnets.slice(0, count).map((subnet, i) => {
        const natName = `${ctx.name}-nat-${i + 1}`;
        const eip = new aws.ec2.Eip(`${natName}-eip`, { domain: "vpc", tags: tagsFor(ctx, `${natName}-eip`) },
            childOpts(ctx, { dependsOn: [igw] }));
        const nat = new aws.ec2.NatGateway(natName, {
            allocationId: eip.id, subnetId: subnet.id, connectivityType: "public", tags: tagsFor(ctx, natName),
        }, childOpts(ctx, { dependsOn: [igw] }));
        return nat.id;
    });
}

/** The first `count` availability zones of the region (opt-in Local and Wavelength Zones excluded). */
function availabilityZones(ctx: LayerContext, count: number): pulumi.Output<string>[] {
    const zones = aws.getAvailabilityZonesOutput({
        state: "available",
        filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }],
    }, { parent: ctx.parent });
    const names = zones.names.apply(list => {
        if (list.length < count) {
            throw new pulumi.ResourceError(
                `\`availabilityZoneCount\` is more than the region's ${list.length} availability zones; got ${count}. ` +
                `Use ${list.length} or fewer.`, ctx.parent);
        }
        return list;
    });
    return [...Array(count).keys()].map(i => names.apply(list => list[i]));
}
