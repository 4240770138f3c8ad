/**
 * awsx components judged from their inputs. awsx's components (`awsx.ecs.FargateService`, `awsx.lb.ApplicationLoadBalancer`,
 * `awsx.ec2.Vpc`, …) are remote: the program registers one resource per component and the awsx plugin creates its
 * children. Under the Pulumi CLI the stack holds those children (parented to the component) and every rule judges
 * them. Where the plugin does not run — an offline preview, a policy test — the stack holds only the component, with
 * the inputs the program gave it. The mandatory rules then decide what those inputs already say (public IPs, task
 * sizes, target types, subnets), and only for a component whose children the stack does not hold: a check of a
 * component's inputs never runs beside the checks of its children, so nothing is reported twice.
 */
import { Resource, StackIndex } from "./stack";
import { mention, T } from "./types";
import { get, isUnknown, items, str, UNKNOWN } from "./values";

/** The awsx components whose inputs the mandatory rules read when the stack shows none of their children. */
export const INPUT_CHECKED_COMPONENTS: readonly string[] = [
    T.awsxFargateService,
    T.awsxFargateTaskDefinition,
    T.awsxApplicationLoadBalancer,
    T.awsxNetworkLoadBalancer,
    T.awsxVpc,
    T.awsxDefaultVpc,
];

/** awsx load balancer components: each creates a default target group (`defaultTargetGroup`). */
export const AWSX_LOAD_BALANCER_TYPES: readonly string[] = [T.awsxApplicationLoadBalancer, T.awsxNetworkLoadBalancer];

/** awsx VPC components: the subnets a task can be placed in come from their `publicSubnetIds`/`privateSubnetIds`. */
export const AWSX_VPC_TYPES: readonly string[] = [T.awsxVpc, T.awsxDefaultVpc];

/** True when no resource of the stack has `component` as its parent: the stack shows the component, not its work. */
export function isChildless(stack: StackIndex, component: Resource): boolean {
    return !stack.resources.some(resource => resource.parent?.urn === component.urn);
}

/** The components of `types` in the stack whose children the stack does not hold. */
export function childlessComponents(stack: StackIndex, types: readonly string[]): Resource[] {
    return stack.ofType(...types).filter(component => isChildless(stack, component));
}

/** The childless components of `types` that `owner`'s input `key` was built from. */
export function childlessSources(stack: StackIndex, owner: Resource, key: string, types: readonly string[]): Resource[] {
    return stack.dependenciesOf(owner, key, types).filter(component => isChildless(stack, component));
}

/** What an awsx load balancer's default target group registers: its targetType as the component creates it. */
export interface DefaultTargetGroup {
    /** `"ip"` when unset: awsx creates the default target group with targetType "ip". */
    targetType: string | typeof UNKNOWN;
    /** How messages name it: `the default target group of awsx application load balancer "web"`. */
    label: string;
}

/** The default target group of an awsx load balancer, from its `defaultTargetGroup` input. */
export function defaultTargetGroup(balancer: Resource): DefaultTargetGroup {
    const targetType = str(balancer.props, "defaultTargetGroup", "targetType");
    return {
        targetType: targetType === undefined ? "ip" : targetType,
        label: `the default target group of ${mention(balancer.type, balancer.name)}`,
    };
}

/** The subnet types an awsx VPC creates, or why they cannot be read. */
export type VpcSubnetTypes = { types: string[] } | { unknown: true };

/**
 * The kinds of subnets an awsx VPC creates (`Public`, `Private`, `Isolated`): from its `subnetSpecs`, or awsx's
 * default of one public and one private subnet per availability zone. A default VPC's subnets are all public.
 */
export function vpcSubnetTypes(vpc: Resource): VpcSubnetTypes {
    if (vpc.type === T.awsxDefaultVpc) {
        return { types: ["Public"] };
    }
    const specs = items(vpc.props, "subnetSpecs");
    if (specs === UNKNOWN) {
        return { unknown: true };
    }
    if (specs === undefined || specs.length === 0) {
        return { types: ["Public", "Private"] };
    }
    const types = specs.map(spec => get(spec, "type"));
    if (types.some(isUnknown)) {
        return { unknown: true };
    }
    return { types: [...new Set(types.filter((t): t is string => typeof t === "string" && t !== "Unused"))] };
}
