/**
 * Every way a task gets a network: besides services, task sets, EventBridge rules and Scheduler schedules (their
 * own specs), EventBridge Pipes ECS targets, Step Functions `ecs:runTask` states and awsx Fargate services. The
 * subnet and public-IP rules apply to each.
 */
import * as assert from "assert";
import { ecsNoPublicIp } from "../../policy-pack/policies/noPublicIp";
import { ecsTasksInPrivateSubnets } from "../../policy-pack/policies/privateSubnets";
import { ecsTaskSgNoWorldIngress } from "../../policy-pack/policies/worldIngress";
import { albTargetGroupIpTargetType } from "../../policy-pack/policies/targetGroupIpType";
import { LAUNCHER_KINDS } from "../../policy-pack/lib/ecs";
import { runTaskStates } from "../../policy-pack/lib/stateMachine";
import { T } from "../../policy-pack/lib/types";
import { UNKNOWN } from "../../policy-pack/lib/values";
import { StackFixture, U } from "./support/fixtures";
import { expectFindings, mandatory, unverified } from "./support/scenario";

const PUBLIC_IP_FIX = "Set it to false and run the tasks in private subnets with a NAT gateway or VPC endpoints for outbound traffic.";
const SUBNET_FIX =
    "Run ECS tasks in private subnets: mapPublicIpOnLaunch false and outbound traffic through a NAT gateway or VPC " +
    "endpoints, never a route to an internet gateway.";
const PUBLIC_SUBNET = 'which routes 0.0.0.0/0 or ::/0 to internet gateway "app-igw" through route table "app-public-rt" (route "app-public-default")';

/** An EventBridge pipe from a queue to an ECS task, with its awsvpc configuration. */
function pipe(awsVpcConfiguration: Record<string, unknown>, subnet = "app-private-1") {
    return (s: StackFixture) => s.add(T.pipe, "orders-pipe", {
        source: U, target: U, roleArn: U,
        targetParameters: { ecsTaskParameters: { taskDefinitionArn: U, launchType: "FARGATE", networkConfiguration: { awsVpcConfiguration } } },
    }, { targetParameters: [s.get("app-task"), s.get(subnet), s.get("app-task-sg")] });
}

/** A state machine with one `ecs:runTask.sync` state inside a Parallel branch. */
function definition(network: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
    return JSON.stringify({
        StartAt: "Fan out",
        States: {
            "Fan out": {
                Type: "Parallel", End: true,
                Branches: [{ StartAt: "Run report", States: { "Run report": {
                    Type: "Task", Resource: "arn:aws:states:::ecs:runTask.sync", End: true,
                    Parameters: { LaunchType: "FARGATE", Cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/app", TaskDefinition: "app", NetworkConfiguration: { AwsvpcConfiguration: network }, ...extra },
                } } }],
            },
        },
    });
}

function stateMachine(text: unknown, deps: string[] = []) {
    return (s: StackFixture) => s.add(T.stateMachine, "reports", { roleArn: U, definition: text }, { definition: deps.map(name => s.get(name)) });
}

/** The secure stack's subnets with known IDs, as a later preview or literal IDs in the program show them. */
const knownSubnetIds = (s: StackFixture) => {
    s.update("app-private-1", p => (p.id = "subnet-0private1")).update("app-public-1", p => (p.id = "subnet-0public1"));
};

describe("task launchers", () => {
    it("lists every launcher kind the pack follows", () => {
        assert.deepStrictEqual(LAUNCHER_KINDS.map(kind => kind.type), [
            T.ecsService, T.ecsTaskSet, T.eventTarget, T.schedule, T.pipe, T.stateMachine, T.awsxFargateService,
        ]);
    });

    describe("EventBridge Pipes ECS targets", () => {
        it("fail assignPublicIp ENABLED", async () => {
            await expectFindings(ecsNoPublicIp, pipe({ subnets: [U], assignPublicIp: "ENABLED" }), [
                mandatory(`EventBridge pipe "orders-pipe" sets targetParameters.ecsTaskParameters.networkConfiguration.awsVpcConfiguration.assignPublicIp to ENABLED, which gives every task a public IP address. ${PUBLIC_IP_FIX}`),
            ]);
        });

        it("pass DISABLED in a private subnet, and fail a public subnet followed through targetParameters", async () => {
            await expectFindings(ecsNoPublicIp, pipe({ subnets: [U], assignPublicIp: "DISABLED" }), []);
            await expectFindings(ecsTasksInPrivateSubnets, pipe({ subnets: [U], assignPublicIp: "DISABLED" }), []);
            await expectFindings(ecsTasksInPrivateSubnets, pipe({ subnets: [U] }, "app-public-1"), [
                mandatory(`EventBridge pipe "orders-pipe" places tasks in subnet "app-public-1", ${PUBLIC_SUBNET}. ${SUBNET_FIX}`),
            ]);
        });
    });

    describe("Step Functions ecs:runTask states", () => {
        it("reads the states of a definition, nested ones and values chosen at run time included", () => {
            const states = runTaskStates(definition({ "Subnets.$": "$.subnets", AssignPublicIp: "DISABLED" }));
            assert.ok(Array.isArray(states));
            assert.deepStrictEqual(states.map(s => [s.name, s.launchType, s.taskDefinition]), [["Fan out/Run report", "FARGATE", "app"]]);
            assert.deepStrictEqual(states[0].network, { subnets: UNKNOWN, securityGroups: undefined, assignPublicIp: "DISABLED" });
            assert.strictEqual(runTaskStates(U), UNKNOWN);
        });

        it("fail AssignPublicIp ENABLED in a definition known at preview", async () => {
            await expectFindings(ecsNoPublicIp, stateMachine(definition({ Subnets: ["subnet-0private1"], AssignPublicIp: "ENABLED" })), [
                mandatory(`State machine "reports" sets definition state "Fan out/Run report" Parameters.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp to ENABLED, which gives every task a public IP address. ${PUBLIC_IP_FIX}`),
            ]);
        });

        it("follow the subnet IDs of a known definition to the subnets of the stack", async () => {
            const machine = (id: string) => (s: StackFixture) => {
                knownSubnetIds(s);
                stateMachine(definition({ Subnets: [id], AssignPublicIp: "DISABLED" }))(s);
            };
            await expectFindings(ecsTasksInPrivateSubnets, machine("subnet-0private1"), []);
            await expectFindings(ecsTasksInPrivateSubnets, machine("subnet-0public1"), [
                mandatory(`State machine "reports" places tasks in subnet "app-public-1", ${PUBLIC_SUBNET}. ${SUBNET_FIX}`),
            ]);
        });

        it("report a definition unknown during preview as cannot verify, and check the subnets it was built from", async () => {
            await expectFindings(ecsNoPublicIp, stateMachine(U, ["app-private-1"]), [
                unverified('State machine "reports" has a definition that is unknown during preview, so whether its ecs:runTask states give tasks public IPs cannot be verified. Build the definition from values known at preview, with AssignPublicIp DISABLED.'),
            ]);
            await expectFindings(ecsTasksInPrivateSubnets, stateMachine(U, ["app-task", "app-private-1"]), []);
            await expectFindings(ecsTasksInPrivateSubnets, stateMachine(U, ["app-public-1"]), [
                mandatory(`State machine "reports" places tasks in subnet "app-public-1", ${PUBLIC_SUBNET}. ${SUBNET_FIX}`),
            ]);
            await expectFindings(ecsTasksInPrivateSubnets, stateMachine(U, ["app-task"]), [
                unverified('State machine "reports" has a definition unknown during preview that names no subnet of this stack, so the subnets its ecs:runTask states place tasks in cannot be verified. Build the definition from the IDs of aws.ec2.Subnet resources in this stack, or known IDs listed in privateSubnetIds.'),
            ]);
        });

        it("ignore state machines that run no ECS task", async () => {
            const lambdaOnly = JSON.stringify({ StartAt: "A", States: { A: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", End: true } } });
            await expectFindings(ecsNoPublicIp, stateMachine(lambdaOnly), []);
            await expectFindings(ecsTasksInPrivateSubnets, stateMachine(lambdaOnly), []);
        });
    });

    describe("awsx Fargate services (when the stack does not show the service awsx creates)", () => {
        const awsx = (args: Record<string, unknown>, deps: Record<string, string[]> = {}) => (s: StackFixture) => {
            s.add(T.awsxFargateService, "web", { cluster: U, ...args }, Object.fromEntries(Object.entries(deps).map(([k, names]) => [k, names.map(n => s.get(n))])));
        };

        it("fail assignPublicIp true, and its default network in the default VPC's public subnets", async () => {
            await expectFindings(ecsNoPublicIp, awsx({ assignPublicIp: true }), [
                mandatory(`awsx Fargate service "web" sets assignPublicIp to true, which gives every task a public IP address. ${PUBLIC_IP_FIX}`),
            ]);
            await expectFindings(ecsTasksInPrivateSubnets, awsx({ assignPublicIp: true }), [
                mandatory(`awsx Fargate service "web" sets no networkConfiguration and assignPublicIp true, so awsx places its tasks in the default VPC's public subnets. ${SUBNET_FIX}`),
            ]);
        });

        it("check the subnets, security groups and target groups of its own networkConfiguration", async () => {
            const args = { networkConfiguration: { subnets: [U], securityGroups: [U], assignPublicIp: false }, loadBalancers: [{ targetGroupArn: U, containerName: "web", containerPort: 80 }] };
            const deps = { networkConfiguration: ["app-public-1", "app-task-sg"], loadBalancers: ["app-tg"] };
            await expectFindings(ecsTasksInPrivateSubnets, awsx(args, deps), [
                mandatory(`awsx Fargate service "web" places tasks in subnet "app-public-1", ${PUBLIC_SUBNET}. ${SUBNET_FIX}`),
            ]);
            await expectFindings(albTargetGroupIpTargetType, s => {
                awsx(args, deps)(s);
                s.update("app-tg", p => (p.targetType = "instance"));
            }, [
                mandatory('Target group "app-tg" has targetType "instance" but fronts awsvpc ECS service "app-service", whose tasks register by IP address. Set targetType to "ip" (this replaces the target group).'),
                mandatory('Target group "app-tg" has targetType "instance" but fronts awsvpc awsx Fargate service "web", whose tasks register by IP address. Set targetType to "ip" (this replaces the target group).'),
            ]);
        });

        it("flag the world-open security group awsx creates without a networkConfiguration", async () => {
            await expectFindings(ecsTaskSgNoWorldIngress, awsx({}), [
                { level: "advisory", message: 'awsx Fargate service "web" sets no networkConfiguration, so awsx gives its tasks a security group that allows ingress from 0.0.0.0/0 and ::/0 on all ports. Set networkConfiguration.securityGroups to a group that allows the container port only from the load balancer\'s security group.' },
            ]);
        });

        it("leave the component to its child service when the stack shows it", async () => {
            await expectFindings(ecsTasksInPrivateSubnets, s => {
                const component = s.add(T.awsxFargateService, "web", { assignPublicIp: true });
                s.add(T.ecsService, "web", { networkConfiguration: { subnets: [U], assignPublicIp: true } }, { networkConfiguration: [s.get("app-private-1")] }, component);
            }, []);
        });
    });
});
