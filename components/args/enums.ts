/**
 * The string enums of the package's inputs. Keys are what every language's generated SDK names the members; the
 * values are what AWS expects.
 */

/**
 * How many NAT gateways a new VPC gets. NAT gateways give tasks in private subnets outbound internet access
 * (image pulls from public registries, third-party APIs) without public IPs.
 */
export const NatGatewayStrategy = {
    /** No NAT gateway: private subnets have no route to the internet. Images must be reachable through VPC endpoints. */
    None: "None",
    /** One NAT gateway shared by every AZ: cheapest, but an AZ outage can cut egress for all tasks. */
    Single: "Single",
    /** One NAT gateway per AZ: highly available egress, one gateway's cost per AZ. */
    OnePerAz: "OnePerAz",
} as const;
/** How many NAT gateways a new VPC gets. */
export type NatGatewayStrategy = (typeof NatGatewayStrategy)[keyof typeof NatGatewayStrategy];

/** The CPU architecture the task runs on (`runtimePlatform.cpuArchitecture`). */
export const CpuArchitecture = {
    /** Intel/AMD 64-bit. */
    X86_64: "X86_64",
    /** AWS Graviton (64-bit ARM): about 20% cheaper per vCPU-hour; Linux only. */
    ARM64: "ARM64",
} as const;
/** The CPU architecture the task runs on. */
export type CpuArchitecture = (typeof CpuArchitecture)[keyof typeof CpuArchitecture];

/**
 * The operating system family of the task (`runtimePlatform.operatingSystemFamily`). Keys are PascalCase so every
 * language's generated SDK names them cleanly; the values are the ECS API's.
 */
export const OperatingSystemFamily = {
    /** Linux. */
    Linux: "LINUX",
    /** Windows Server 2019 Full. */
    WindowsServer2019Full: "WINDOWS_SERVER_2019_FULL",
    /** Windows Server 2019 Core. */
    WindowsServer2019Core: "WINDOWS_SERVER_2019_CORE",
    /** Windows Server 2022 Full. */
    WindowsServer2022Full: "WINDOWS_SERVER_2022_FULL",
    /** Windows Server 2022 Core. */
    WindowsServer2022Core: "WINDOWS_SERVER_2022_CORE",
} as const;
/** The operating system family of the task. */
export type OperatingSystemFamily = (typeof OperatingSystemFamily)[keyof typeof OperatingSystemFamily];

/**
 * Where the tasks run: Fargate on-demand capacity, Fargate Spot (spare capacity at a discount that AWS may reclaim
 * with a two-minute warning), or a base of on-demand tasks with the rest on Spot.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html
 */
export const CapacityStrategy = {
    /** Every task on on-demand Fargate capacity (the service's `launchType` is FARGATE). */
    OnDemand: "OnDemand",
    /** Every task on Fargate Spot: the cheapest, for work that tolerates interruption. Linux only. */
    Spot: "Spot",
    /** `onDemandBaseCount` tasks on demand, the rest split between on-demand and Spot by `spotWeight`. Linux only. */
    SpotWithOnDemandBase: "SpotWithOnDemandBase",
} as const;
/** Where the tasks run: on demand, on Spot, or both. */
export type CapacityStrategy = (typeof CapacityStrategy)[keyof typeof CapacityStrategy];
