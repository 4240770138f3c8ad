/**
 * The monthly cost of a planned stack before traffic, computed from the planned resources themselves (not from a
 * component's inputs), so it works for any program the offline preview runs. Prices are data: one file per region
 * in `prices/`, with its date and source. A region without a file, a resource type without a price, or a value the
 * plan does not know yet is named in the estimate, never guessed.
 */
import * as fs from "fs";
import * as path from "path";
import { WireResource } from "../protocol/wire";
import { UNKNOWN_WIRE_VALUE } from "../lib/values";

/** One region's prices (see `prices/<region>.json`). */
export interface PriceFile {
    region: string;
    currency: string;
    date: string;
    source: string;
    hoursPerMonth: number;
    /** Per operating system family group (`LINUX`, `WINDOWS`) and CPU architecture. */
    fargate: Record<string, Record<string, { vcpuHour: number; gbHour: number; licenseVcpuHour?: number }>>;
    fargateSpotDiscount: number;
    fargateSpotNote: string;
    natGatewayHour: number;
    applicationLoadBalancerHour: number;
    publicIpv4Hour: number;
    interfaceEndpointAzHour: number;
    alarmMetricMonth: number;
    dashboardMonth: number;
    kmsKeyMonth: number;
    efsStandardGbMonth: number;
}

/** One line of the estimate: a resource, what it is billed for, and the monthly amount (undefined: usage-based). */
export interface CostLine {
    resource: string;
    type: string;
    item: string;
    monthlyUsd?: number;
}

/** The estimate of one stack. */
export interface CostEstimate {
    /** The stack's AWS region; undefined when it sets none (then nothing is priced). */
    region?: string;
    prices?: { date: string; source: string };
    lines: CostLine[];
    /** The sum of the priced lines, rounded to cents. */
    monthlyCostUsd: number;
    /** Billed by use (traffic, storage, requests): listed with their unit price, not in the total. */
    usage: CostLine[];
    /** Resources the estimate could not price, each with why: an unknown region, type or value. */
    notPriced: { resource: string; type: string; reason: string }[];
}

const PRICES_DIR = path.join(__dirname, "prices");

/** The price file of `region`, or undefined when the repository has none. */
export function loadPrices(region: string): PriceFile | undefined {
    const file = path.join(PRICES_DIR, `${region}.json`);
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) as PriceFile : undefined;
}

/** The regions with a price file. */
export function pricedRegions(): string[] {
    return fs.readdirSync(PRICES_DIR).filter(f => f.endsWith(".json")).map(f => f.replace(/\.json$/, "")).sort();
}

/** Types that cost nothing by themselves (what runs in them is priced on its own line). */
const FREE_TYPES = new Set([
    "aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/internetGateway:InternetGateway", "aws:ec2/routeTable:RouteTable",
    "aws:ec2/route:Route", "aws:ec2/routeTableAssociation:RouteTableAssociation", "aws:ec2/securityGroup:SecurityGroup",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    "aws:ec2/securityGroupRule:SecurityGroupRule", "aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws:iam/policy:Policy", "aws:ecs/cluster:Cluster",
    "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", "aws:ecs/taskDefinition:TaskDefinition",
    "aws:lb/targetGroup:TargetGroup", "aws:lb/listener:Listener", "aws:lb/listenerRule:ListenerRule",
    "aws:acm/certificate:Certificate", "aws:acm/certificateValidation:CertificateValidation", "aws:route53/record:Record",
    "aws:appautoscaling/target:Target", "aws:appautoscaling/policy:Policy", "aws:appautoscaling/scheduledAction:ScheduledAction",
    "aws:efs/accessPoint:AccessPoint", "aws:efs/mountTarget:MountTarget", "aws:efs/backupPolicy:BackupPolicy",
    "aws:efs/fileSystemPolicy:FileSystemPolicy", "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    "aws:scheduler/scheduleGroup:ScheduleGroup", "aws:sns/topicSubscription:TopicSubscription",
    "aws:servicediscovery/httpNamespace:HttpNamespace",
]);

/** Types billed only by use, with what the use is. */
const USAGE: Record<string, (p: PriceFile) => string> = {
    "aws:cloudwatch/logGroup:LogGroup": () => "CloudWatch Logs: per GB ingested and GB-month stored",
    "aws:ecr/repository:Repository": () => "ECR: per GB-month of images stored",
    "aws:sqs/queue:Queue": () => "SQS: per million requests (the first million a month free)",
    "aws:sns/topic:Topic": () => "SNS: per notification delivered (emails: the first 1,000 a month free)",
    "aws:efs/fileSystem:FileSystem": p => `EFS: $${p.efsStandardGbMonth} per GB-month stored (Standard), less in Infrequent Access`,
    "aws:scheduler/schedule:Schedule": () => "Scheduler: per invocation (the first 14 million a month free); each run's tasks as Fargate time",
};

/**
 * Component resources, the program's stack and provider resources cost nothing themselves: what they create is
 * priced on its own lines. A remote component (awsx's, say) has no children offline, so it is named as not priced.
 */
function isComponent(resource: WireResource): boolean {
    return resource.type.startsWith("pulumi:") || (/^[\w-]+:index:\w+$/.test(resource.type) && !resource.type.startsWith("aws:"));
}

const known = (value: unknown): boolean => value !== UNKNOWN_WIRE_VALUE && value !== undefined;
const money = (value: number) => Math.round(value * 100) / 100;

/**
 * Estimates the monthly cost of `resources` (the plan: resources to create, not those the program reads) in `region`
 * (undefined: the stack sets none, and every resource that costs money is listed as not priced, with how to set it).
 */
export function estimateMonthlyCost(resources: readonly WireResource[], region: string | undefined): CostEstimate {
    const prices = region === undefined ? undefined : loadPrices(region);
    const estimate: CostEstimate = { ...(region === undefined ? {} : { region }), lines: [], monthlyCostUsd: 0, usage: [], notPriced: [] };
    if (!prices) {
        const reason = region === undefined
            ? "the stack sets no AWS region: set aws:region (pulumi config set aws:region us-east-1)"
            : `no price file for region ${region} (prices exist for ${pricedRegions().join(", ")})`;
        estimate.notPriced = resources.filter(r => !isComponent(r) && !FREE_TYPES.has(r.type))
            .map(r => ({ resource: r.name, type: r.type, reason }));
        return estimate;
    }
    estimate.prices = { date: prices.date, source: prices.source };
    const byUrn = new Map(resources.map(r => [r.urn, r]));
    for (const resource of resources) {
        if (isComponent(resource) || FREE_TYPES.has(resource.type)) {
            continue;
        }
        const usage = USAGE[resource.type];
        if (usage) {
            estimate.usage.push({ resource: resource.name, type: resource.type, item: usage(prices) });
            continue;
        }
        const priced = PRICERS[resource.type]?.(resource, prices, byUrn);
        if (priced === undefined) {
            estimate.notPriced.push({ resource: resource.name, type: resource.type, reason: "no price for this resource type" });
        } else if ("reason" in priced) {
            estimate.notPriced.push({ resource: resource.name, type: resource.type, reason: priced.reason });
        } else {
            estimate.lines.push(...priced.map(line => ({ resource: resource.name, type: resource.type, ...line, monthlyUsd: money(line.monthlyUsd) })));
        }
    }
    // Registration order varies from run to run: list compute, network, load balancing, then the rest, each by name.
    const rank = (type: string) => { const i = LINE_ORDER.indexOf(type); return i < 0 ? LINE_ORDER.length : i; };
    const byOrder = (a: CostLine, b: CostLine) => rank(a.type) - rank(b.type) || a.resource.localeCompare(b.resource);
    estimate.lines.sort(byOrder);
    estimate.usage.sort(byOrder);
    estimate.notPriced.sort((a, b) => a.resource.localeCompare(b.resource));
    estimate.monthlyCostUsd = money(estimate.lines.reduce((sum, line) => sum + (line.monthlyUsd ?? 0), 0));
    return estimate;
}

const LINE_ORDER = [
    "aws:ecs/service:Service", "aws:ec2/natGateway:NatGateway", "aws:ec2/eip:Eip", "aws:lb/loadBalancer:LoadBalancer",
    "aws:ec2/vpcEndpoint:VpcEndpoint", "aws:kms/key:Key", "aws:cloudwatch/dashboard:Dashboard", "aws:cloudwatch/metricAlarm:MetricAlarm",
];

type Priced = { item: string; monthlyUsd: number }[] | { reason: string };
type Pricer = (resource: WireResource, prices: PriceFile, byUrn: Map<string, WireResource>) => Priced;

const hourly = (prices: PriceFile, perHour: number) => perHour * prices.hoursPerMonth;

const PRICERS: Record<string, Pricer> = {
    "aws:ecs/service:Service": priceService,
    "aws:ec2/natGateway:NatGateway": (_r, p) => [{ item: `NAT gateway ($${p.natGatewayHour}/h, plus $${p.natGatewayHour} per GB processed)`, monthlyUsd: hourly(p, p.natGatewayHour) }],
    "aws:ec2/eip:Eip": (_r, p) => [{ item: `public IPv4 address ($${p.publicIpv4Hour}/h)`, monthlyUsd: hourly(p, p.publicIpv4Hour) }],
    "aws:lb/loadBalancer:LoadBalancer": priceLoadBalancer,
    "aws:ec2/vpcEndpoint:VpcEndpoint": priceEndpoint,
    "aws:cloudwatch/metricAlarm:MetricAlarm": (r, p) => {
        const queries = r.properties.metricQueries;
        const metrics = Array.isArray(queries) ? queries.filter(q => (q as { metric?: unknown }).metric !== undefined).length : 1;
        return [{ item: `alarm on ${metrics} metric${metrics === 1 ? "" : "s"} ($${p.alarmMetricMonth} each)`, monthlyUsd: metrics * p.alarmMetricMonth }];
    },
    "aws:cloudwatch/dashboard:Dashboard": (_r, p) => [{ item: `dashboard ($${p.dashboardMonth}/month; an account's first 3 are free)`, monthlyUsd: p.dashboardMonth }],
    "aws:kms/key:Key": (_r, p) => [{ item: `KMS key ($${p.kmsKeyMonth}/month, plus requests)`, monthlyUsd: p.kmsKeyMonth }],
};

function priceLoadBalancer(resource: WireResource, prices: PriceFile): Priced {
    const props = resource.properties;
    if (props.loadBalancerType !== undefined && props.loadBalancerType !== "application") {
        return { reason: `no price for a ${String(props.loadBalancerType)} load balancer` };
    }
    const lines = [{ item: `application load balancer ($${prices.applicationLoadBalancerHour}/h, plus $0.008 per LCU-hour)`, monthlyUsd: hourly(prices, prices.applicationLoadBalancerHour) }];
    if (props.internal !== true) {
        const subnets = props.subnets;
        if (!Array.isArray(subnets)) {
            return { reason: "an internet-facing load balancer whose subnets are unknown: its public IPv4 addresses (one per subnet) cannot be counted" };
        }
        lines.push({ item: `${subnets.length} public IPv4 addresses, one per subnet ($${prices.publicIpv4Hour}/h each)`, monthlyUsd: subnets.length * hourly(prices, prices.publicIpv4Hour) });
    }
    return lines;
}

function priceEndpoint(resource: WireResource, prices: PriceFile): Priced {
    const props = resource.properties;
    if (props.vpcEndpointType !== "Interface") {
        return [{ item: "gateway endpoint (free)", monthlyUsd: 0 }];
    }
    const subnets = props.subnetIds;
    if (!Array.isArray(subnets)) {
        return { reason: "an interface endpoint whose subnets are unknown: it is billed per availability zone" };
    }
    return [{
        item: `interface endpoint in ${subnets.length} AZs ($${prices.interfaceEndpointAzHour} per AZ-hour, plus $0.01 per GB)`,
        monthlyUsd: subnets.length * hourly(prices, prices.interfaceEndpointAzHour),
    }];
}

/** The task definition a service runs, found through its property dependencies or its known ARN/family. */
function taskDefinitionOf(service: WireResource, byUrn: Map<string, WireResource>): WireResource | undefined {
    for (const urn of service.propertyDependencies?.taskDefinition ?? []) {
        const found = byUrn.get(urn);
        if (found?.type === "aws:ecs/taskDefinition:TaskDefinition") {
            return found;
        }
    }
    const family = service.properties.taskDefinition;
    return [...byUrn.values()].find(r => r.type === "aws:ecs/taskDefinition:TaskDefinition" && known(family) && r.properties.family === family);
}

/** How a service's tasks split between on-demand and Spot capacity: launch type, or base + weights of the strategy. */
function capacitySplit(service: WireResource, tasks: number): { onDemand: number; spot: number } | { reason: string } {
    const strategies = service.properties.capacityProviderStrategies;
    if (!Array.isArray(strategies) || strategies.length === 0) {
        return { onDemand: tasks, spot: 0 };
    }
    const parts = strategies as { capacityProvider?: unknown; base?: unknown; weight?: unknown }[];
    if (parts.some(s => !known(s.capacityProvider) || (s.weight !== undefined && !known(s.weight)) || (s.base !== undefined && !known(s.base)))) {
        return { reason: "a capacity provider strategy unknown during preview" };
    }
    const isSpot = (s: { capacityProvider?: unknown }) => s.capacityProvider === "FARGATE_SPOT";
    let remaining = tasks;
    let onDemand = 0;
    let spot = 0;
    for (const s of parts) {
        const base = Math.min(Number(s.base ?? 0), remaining);
        remaining -= base;
        if (isSpot(s)) { spot += base; } else { onDemand += base; }
    }
    const weights = parts.map(s => Number(s.weight ?? 0));
    const total = weights.reduce((a, b) => a + b, 0);
    if (total > 0) {
        const spotShare = parts.reduce((sum, s, i) => sum + (isSpot(s) ? weights[i] : 0), 0) / total;
        const spotTasks = Math.round(remaining * spotShare);
        spot += spotTasks;
        onDemand += remaining - spotTasks;
    }
    return { onDemand, spot };
}

function priceService(service: WireResource, prices: PriceFile, byUrn: Map<string, WireResource>): Priced {
    const desired = service.properties.desiredCount;
    const definition = taskDefinitionOf(service, byUrn);
    if (!known(desired) || typeof desired !== "number") {
        return { reason: "a desired task count unknown during preview" };
    }
    if (!definition || !known(definition.properties.cpu) || !known(definition.properties.memory)) {
        return { reason: "a task definition whose cpu and memory are unknown during preview, or not in this stack" };
    }
    const platform = (definition.properties.runtimePlatform ?? {}) as { operatingSystemFamily?: unknown; cpuArchitecture?: unknown };
    const os = String(platform.operatingSystemFamily ?? "LINUX").startsWith("WINDOWS") ? "WINDOWS" : "LINUX";
    const arch = String(platform.cpuArchitecture ?? "X86_64");
    const rate = prices.fargate[os]?.[arch];
    if (!rate) {
        return { reason: `no Fargate price for ${os} on ${arch} in ${prices.region}'s price file` };
    }
    const vcpu = Number(definition.properties.cpu) / 1024;
    const gb = Number(definition.properties.memory) / 1024;
    const split = capacitySplit(service, desired);
    if ("reason" in split) {
        return split;
    }
    const perTaskHour = vcpu * (rate.vcpuHour + (rate.licenseVcpuHour ?? 0)) + gb * rate.gbHour;
    const size = `${vcpu} vCPU / ${gb} GB ${os === "LINUX" ? "Linux" : "Windows"} ${arch}`;
    const lines = [];
    if (split.onDemand > 0 || split.spot === 0) {
        lines.push({ item: `${split.onDemand} × ${size} task${split.onDemand === 1 ? "" : "s"}, on demand`, monthlyUsd: split.onDemand * hourly(prices, perTaskHour) });
    }
    if (split.spot > 0) {
        const discount = prices.fargateSpotDiscount;
        lines.push({
            item: `${split.spot} × ${size} task${split.spot === 1 ? "" : "s"}, Fargate Spot (${Math.round(discount * 100)}% off: typical, the price floats)`,
            monthlyUsd: split.spot * hourly(prices, perTaskHour) * (1 - discount),
        });
    }
    return lines;
}

/**
 * The estimate as a Markdown table (the README's cost table is this, for the dev stack): one row per priced line,
 * alarms summed into one row, then the total.
 */
export function costTable(estimate: CostEstimate): string[] {
    const dollars = (value: number) => `$${value.toFixed(2)}`;
    const alarms = estimate.lines.filter(l => l.type === "aws:cloudwatch/metricAlarm:MetricAlarm");
    const rows = estimate.lines.filter(l => !alarms.includes(l)).map(l => `| \`${l.resource}\` | ${l.item} | ${dollars(l.monthlyUsd ?? 0)} |`);
    if (alarms.length > 0) {
        const metrics = alarms.reduce((sum, l) => sum + Number(/on (\d+) metric/.exec(l.item)?.[1] ?? 1), 0);
        const total = Math.round(alarms.reduce((sum, l) => sum + (l.monthlyUsd ?? 0), 0) * 100) / 100;
        rows.push(`| ${alarms.length} alarms | ${metrics} alarm metrics ($${loadPrices(estimate.region ?? "")?.alarmMetricMonth} each) | ${dollars(total)} |`);
    }
    return ["| Resource | Billed for | Monthly |", "|---|---|---|", ...rows, `| **Total before traffic** | | **${dollars(estimate.monthlyCostUsd)}** |`];
}
