/**
 * A platform's `ref` is one typed value, so every language's SDK can pass it from a `Platform` to its workloads. An
 * Output of one object carries the dependencies of all its fields together, though: a service's subnets would seem
 * to depend on the load balancer's security group too, and the policy pack would take that group for one of the
 * tasks'. For refs made in this process (every TypeScript program) the platform also records each field as its own
 * Output, with its own dependencies; workloads read those. A ref from elsewhere (another language's program, or a
 * literal for a platform built outside the program) is read field by field from the one value.
 */
import * as pulumi from "@pulumi/pulumi";
import { PlatformRef } from "./platformArgs";
import { EgressFacts } from "./validation";

/** Each field of a ref as its own Output. */
export type PlatformRefFields = { [K in keyof PlatformRef]: pulumi.Output<PlatformRef[K]> };

interface Registered {
    fields: PlatformRefFields;
    /** The private subnets as a list, so a workload can make one resource per subnet (EFS mount targets). */
    privateSubnetList: pulumi.Input<pulumi.Input<string>[]>;
    /** Listener rule priorities taken on this platform, and by which web service. */
    priorities: Map<number, string>;
    /** What the platform's tasks can reach without internet egress. */
    egress: EgressFacts;
}

const registered = new WeakMap<object, Registered>();

/** Makes a platform's ref from its fields, remembering the fields for workloads of this process. */
export function makePlatformRef(
    fields: PlatformRefFields, privateSubnetList: pulumi.Input<pulumi.Input<string>[]>, egress: EgressFacts,
): pulumi.Output<PlatformRef> {
    const ref = pulumi.output(fields) as pulumi.Output<PlatformRef>;
    registered.set(ref, { fields, privateSubnetList, priorities: new Map(), egress });
    return ref;
}

/**
 * What a platform made in this process says about its egress, for checks before anything registers; undefined
 * for a ref from elsewhere (its workloads then fail at deployment instead, with AWS's message).
 */
export function platformEgress(platform: unknown): EgressFacts | undefined {
    return lookup(platform)?.egress;
}

/**
 * The private subnets as a list when it is known how many there are (a ref made in this process, or a literal
 * ref); otherwise the one Output of the ref's field.
 */
export function platformSubnets(platform: pulumi.Input<PlatformRef>, fields: PlatformRefFields): pulumi.Input<pulumi.Input<string>[]> {
    const known = lookup(platform);
    if (known) {
        return known.privateSubnetList;
    }
    const literal = (platform as Partial<PlatformRef>)?.privateSubnetIds;
    return !pulumi.Output.isInstance(platform) && Array.isArray(literal) ? literal : fields.privateSubnetIds;
}

function lookup(platform: unknown): Registered | undefined {
    return platform !== null && typeof platform === "object" ? registered.get(platform) : undefined;
}

/** The ref's fields: exact per-field Outputs for a ref made in this process, otherwise read from the one value. */
export function platformFields(platform: pulumi.Input<PlatformRef>): PlatformRefFields {
    const known = lookup(platform);
    if (known) {
        return known.fields;
    }
    const all = pulumi.output(platform);
    const field = <K extends keyof PlatformRef>(key: K) => all.apply(ref => ref[key]) as pulumi.Output<PlatformRef[K]>;
    return {
        platformName: field("platformName"), vpcId: field("vpcId"), privateSubnetIds: field("privateSubnetIds"),
        clusterArn: field("clusterArn"), clusterName: field("clusterName"), listenerArn: field("listenerArn"),
        loadBalancerArnSuffix: field("loadBalancerArnSuffix"), loadBalancerSecurityGroupId: field("loadBalancerSecurityGroupId"),
        url: field("url"), serviceConnectNamespaceArn: field("serviceConnectNamespaceArn"),
        servicesSecurityGroupId: field("servicesSecurityGroupId"), executeCommandLogGroupName: field("executeCommandLogGroupName"),
        alarmTopicArn: field("alarmTopicArn"),
    };
}

/**
 * The web service that already holds `priority` on this platform, if any. Known only for refs made in this
 * process: another language's program gets AWS's `PriorityInUse` error at deployment instead.
 */
export function priorityHolder(platform: unknown, priority: number): string | undefined {
    return lookup(platform)?.priorities.get(priority);
}

/** Records that `serviceName` holds `priority` on this platform. */
export function holdPriority(platform: unknown, priority: number, serviceName: string): void {
    lookup(platform)?.priorities.set(priority, serviceName);
}
