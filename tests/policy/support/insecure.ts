/**
 * Known-insecure stacks: the secure stack with one raw `@pulumi/aws` shape changed, each of which one mandatory
 * policy must catch. Shared by the protocol spec and any conformance spec.
 */
import { StackFixture, U } from "./fixtures";
import { secureStack } from "./stacks";

/** One insecure variant and what must catch it. */
export interface InsecureVariant {
    title: string;
    /** The only policy that must report a mandatory finding. */
    policy: string;
    /** The resource the finding is reported on. */
    resource: string;
    /** A fragment of the message. */
    message: string;
    build(): StackFixture;
}

/** The variants named in the policy pack issue. */
export const INSECURE_VARIANTS: readonly InsecureVariant[] = [
    {
        title: "a task subnet that maps public IPs on launch",
        policy: "ecs-tasks-in-private-subnets",
        resource: "app-service",
        message: 'subnet "app-private-1", which assigns public IPs on launch',
        build: () => secureStack().update("app-private-1", p => (p.mapPublicIpOnLaunch = true)),
    },
    {
        title: "a private-looking subnet routed to the internet gateway",
        policy: "ecs-tasks-in-private-subnets",
        resource: "app-service",
        message: 'subnet "app-private-1", which routes 0.0.0.0/0 or ::/0 to internet gateway "app-igw"',
        build: () => {
            const s = secureStack();
            return s
                .update("app-private-default-1", p => {
                    delete p.natGatewayId;
                    p.gatewayId = U;
                })
                .dependOn("app-private-default-1", "natGatewayId", [])
                .dependOn("app-private-default-1", "gatewayId", [s.get("app-igw")]);
        },
    },
    {
        title: "assignPublicIp true",
        policy: "ecs-no-public-ip",
        resource: "app-service",
        message: "sets networkConfiguration.assignPublicIp to true",
        build: () => secureStack().update("app-service", p => (p.networkConfiguration.assignPublicIp = true)),
    },
    {
        title: "one role used as task and execution role",
        policy: "ecs-separate-task-and-execution-roles",
        resource: "app-task",
        message: 'uses IAM role "app-exec-role" as both its task role and its execution role',
        build: () => {
            const s = secureStack();
            return s.dependOn("app-task", "taskRoleArn", [s.get("app-exec-role")]);
        },
    },
    {
        title: "an instance target group",
        policy: "alb-target-group-ip-target-type",
        resource: "app-tg",
        message: 'has targetType "instance" but fronts awsvpc ECS service "app-service"',
        build: () => secureStack().update("app-tg", p => (p.targetType = "instance")),
    },
    {
        title: "256 cpu with 4096 MiB",
        policy: "fargate-valid-cpu-memory",
        resource: "app-task",
        message: "memory 4096 is not a valid Fargate memory size for 256 cpu units",
        build: () => secureStack().update("app-task", p => (p.memory = "4096")),
    },
    {
        title: "Windows on ARM64",
        policy: "fargate-valid-cpu-memory",
        resource: "app-task",
        message: "runtimePlatform.cpuArchitecture ARM64",
        build: () =>
            secureStack().update("app-task", p =>
                Object.assign(p, {
                    cpu: "1024",
                    memory: "2048",
                    runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE", cpuArchitecture: "ARM64" },
                }),
            ),
    },
];
