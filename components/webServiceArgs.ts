import * as pulumi from "@pulumi/pulumi";
import { PlatformRef } from "./platformArgs";
import { TagsArgs } from "./args/platformInputs";
import { CapacityArgs, ContainerPortArgs, TaskArgs } from "./args/taskInputs";
import { LoadBalancedServiceArgs, TaskCountArgs, UtilizationScalingArgs } from "./args/serviceInputs";
import { AlarmArgs, WebAlarmArgs } from "./args/operationsInputs";

/**
 * Inputs of {@link WebService}: where it runs and how requests reach it, then the task, target group, task count and
 * scaling. Each input shared with `FargateStack` means what it means there, with the same default and validation.
 */
export interface WebServiceArgs extends TaskArgs, CapacityArgs, ContainerPortArgs, LoadBalancedServiceArgs, TaskCountArgs,
    UtilizationScalingArgs, AlarmArgs, WebAlarmArgs, TagsArgs {
    /** The platform to run on: a `Platform`'s `ref` output. */
    platform: pulumi.Input<PlatformRef>;
    /**
     * An internal API: no target group and no listener rule; only the platform's services reach it, through Service
     * Connect at `http://<discoveryName>:<containerPort>`.
     * Default: `false`.
     * @default false
     */
    internal?: boolean;
    /**
     * Host names the platform's load balancer routes to this service, e.g. `["api.example.com"]` (`*` and `?`
     * wildcards allowed). With `pathPatterns` as well, a request must match both.
     * Default: none; give `hostHeaders`, `pathPatterns` or both unless `internal` is true.
     * @default - none; give `hostHeaders`, `pathPatterns` or both unless `internal` is true
     */
    hostHeaders?: string[];
    /**
     * URL paths the platform's load balancer routes to this service, e.g. `["/api/*"]` (`*` and `?` wildcards allowed).
     * Default: none; give `hostHeaders`, `pathPatterns` or both unless `internal` is true.
     * @default - none; give `hostHeaders`, `pathPatterns` or both unless `internal` is true
     */
    pathPatterns?: string[];
    /**
     * Priority of the listener rule, 1 to 50000 (lower is evaluated first); unique among the platform's services.
     * Default: none; required unless `internal` is true.
     * @default - none; required unless `internal` is true
     */
    priority?: number;
    /**
     * The name other services of the platform reach this one by, through Service Connect:
     * `http://<discoveryName>:<containerPort>`. Lower-case letters, digits and hyphens.
     * Default: the component's name.
     * @default - the component's name
     */
    discoveryName?: string;
}
