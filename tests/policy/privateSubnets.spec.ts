import { ecsTasksInPrivateSubnets as policy } from "../../policy-pack/policies/privateSubnets";
import { T } from "../../policy-pack/lib/types";
import { U } from "./support/fixtures";
import { expectFindings, mandatory, unverified } from "./support/scenario";

const FIX =
    "Run ECS tasks in private subnets: mapPublicIpOnLaunch false and outbound traffic through a NAT gateway or VPC " +
    "endpoints, never a route to an internet gateway.";
const service = 'ECS service "app-service"';

describe("ecs-tasks-in-private-subnets", () => {
    it("passes the secure stack, decided from property dependencies alone", async () => {
        await expectFindings(policy, undefined, []);
    });

    it("fails a task subnet that maps public IPs on launch", async () => {
        await expectFindings(policy, s => s.update("app-private-1", p => (p.mapPublicIpOnLaunch = true)), [
            mandatory(`${service} places tasks in subnet "app-private-1", which assigns public IPs on launch (mapPublicIpOnLaunch is true). ${FIX}`),
        ]);
    });

    it("fails a private-looking subnet whose route table sends 0.0.0.0/0 to the internet gateway", async () => {
        const mutate = (s: import("./support/fixtures").StackFixture) =>
            s
                .update("app-private-default-1", p => {
                    delete p.natGatewayId;
                    p.gatewayId = U;
                })
                .dependOn("app-private-default-1", "natGatewayId", [])
                .dependOn("app-private-default-1", "gatewayId", [s.get("app-igw")]);
        const through = 'through route table "app-private-rt-1" (route "app-private-default-1")';
        await expectFindings(policy, mutate, [
            mandatory(`${service} places tasks in subnet "app-private-1", which routes 0.0.0.0/0 or ::/0 to internet gateway "app-igw" ${through}. ${FIX}`),
            mandatory(`${service} places tasks in subnet "app-private-2", which routes 0.0.0.0/0 or ::/0 to internet gateway "app-igw" ${through}. ${FIX}`),
        ]);
    });

    it("fails an inline ::/0 route to the internet gateway on the route table", async () => {
        await expectFindings(
            policy,
            s =>
                s
                    .update("app-private-rt-1", p => (p.routes = [{ ipv6CidrBlock: "::/0", gatewayId: U }]))
                    .dependOn("app-private-rt-1", "routes", [s.get("app-igw")])
                    .update("app-service", p => (p.networkConfiguration.subnets = [U]))
                    .dependOn("app-service", "networkConfiguration", [s.get("app-private-1")]),
            [
                mandatory(`${service} places tasks in subnet "app-private-1", which routes 0.0.0.0/0 or ::/0 to internet gateway "app-igw" through route table "app-private-rt-1". ${FIX}`),
            ],
        );
    });

    it("leaves an inline default route undecided when the routes depend on an internet gateway and another gateway", async () => {
        await expectFindings(
            policy,
            s =>
                s
                    .update("app-private-rt-1", p => (p.routes = [{ cidrBlock: "0.0.0.0/0", gatewayId: U }, { cidrBlock: "203.0.113.0/24", gatewayId: U }]))
                    .dependOn("app-private-rt-1", "routes", [s.add("aws:ec2/vpnGateway:VpnGateway", "app-vgw", { vpcId: U }), s.get("app-igw")])
                    .update("app-service", p => (p.networkConfiguration.subnets = [U]))
                    .dependOn("app-service", "networkConfiguration", [s.get("app-private-1")]),
            [
                unverified(`${service} places tasks in subnet "app-private-1", which routes 0.0.0.0/0 or ::/0 to a gateway whose ID is unknown during preview through route table "app-private-rt-1". Whether it is private cannot be verified; use values known at preview.`),
            ],
        );
    });

    it("follows a subnet without an association to its VPC's main route table", async () => {
        await expectFindings(
            policy,
            s => {
                s.remove("app-private-1-rta").remove("app-private-2-rta");
                s.add(T.route, "main-default", { routeTableId: U, destinationCidrBlock: "0.0.0.0/0", gatewayId: U }, {
                    routeTableId: [s.get("app-vpc")],
                    gatewayId: [s.get("app-igw")],
                });
                s.update("app-service", p => (p.networkConfiguration.subnets = [U]));
                s.dependOn("app-service", "networkConfiguration", [s.get("app-private-1")]);
            },
            [
                mandatory(`${service} places tasks in subnet "app-private-1", which routes 0.0.0.0/0 or ::/0 to internet gateway "app-igw" through the main route table of VPC "app-vpc" (route "main-default"). ${FIX}`),
            ],
        );
    });

    it("reads inline routes of a DefaultRouteTable that adopts the VPC's main route table", async () => {
        await expectFindings(
            policy,
            s => {
                s.remove("app-private-1-rta").remove("app-private-2-rta");
                s.add(T.defaultRouteTable, "main", { defaultRouteTableId: U, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: U }] }, {
                    defaultRouteTableId: [s.get("app-vpc")],
                    routes: [s.get("app-igw")],
                });
                s.update("app-service", p => (p.networkConfiguration.subnets = [U]));
                s.dependOn("app-service", "networkConfiguration", [s.get("app-private-2")]);
            },
            [mandatory(`${service} places tasks in subnet "app-private-2", which routes 0.0.0.0/0 or ::/0 to internet gateway "app-igw" through default route table "main". ${FIX}`)],
        );
    });

    it("passes a subnet without an association when the VPC's main route table has no internet route", async () => {
        await expectFindings(policy, s => s.remove("app-private-1-rta").remove("app-private-2-rta"), []);
    });

    it("matches known subnet IDs after deployment the same way", async () => {
        await expectFindings(
            policy,
            s =>
                s
                    .update("app-private-1", p => Object.assign(p, { id: "subnet-111", mapPublicIpOnLaunch: true }))
                    .update("app-service", p => (p.networkConfiguration.subnets = ["subnet-111"]))
                    .dependOn("app-service", "networkConfiguration", []),
            [mandatory(`${service} places tasks in subnet "app-private-1", which assigns public IPs on launch (mapPublicIpOnLaunch is true). ${FIX}`)],
        );
    });

    it("reports a default route to a gateway that is unknown and not in the stack as cannot verify", async () => {
        await expectFindings(
            policy,
            s =>
                s
                    .update("app-private-default-1", p => Object.assign(p, { natGatewayId: undefined, gatewayId: U }))
                    .dependOn("app-private-default-1", "natGatewayId", [])
                    .update("app-service", p => (p.networkConfiguration.subnets = [U]))
                    .dependOn("app-service", "networkConfiguration", [s.get("app-private-1")]),
            [
                unverified(`${service} places tasks in subnet "app-private-1", which routes 0.0.0.0/0 or ::/0 to a gateway whose ID is unknown during preview through route table "app-private-rt-1" (route "app-private-default-1"). Whether it is private cannot be verified; use values known at preview.`),
            ],
        );
    });

    it("reports an unknown mapPublicIpOnLaunch as cannot verify, not as a pass", async () => {
        await expectFindings(policy, s => s.update("app-private-2", p => (p.mapPublicIpOnLaunch = U)), [
            unverified(`${service} places tasks in subnet "app-private-2", which has a mapPublicIpOnLaunch value that is unknown during preview. Whether it is private cannot be verified; use values known at preview.`),
        ]);
    });

    describe("subnets created outside the stack", () => {
        const external = (s: import("./support/fixtures").StackFixture) =>
            s.update("app-service", p => (p.networkConfiguration.subnets = ["subnet-0abc", U])).dependOn("app-service", "networkConfiguration", [s.get("app-private-1")]);
        const cannotVerify = `${service} places tasks in subnet "subnet-0abc", which is not created in this stack, so whether it is private cannot be verified. Confirm it has no route to an internet gateway and add "subnet-0abc" to privateSubnetIds in the policy config.`;

        it("reports them as cannot verify at the advisory level by default", async () => {
            await expectFindings(policy, external, [unverified(cannotVerify)]);
        });

        it("accepts them when listed in privateSubnetIds", async () => {
            await expectFindings(policy, external, [], { privateSubnetIds: ["subnet-0abc"] });
        });

        it("reports them at the configured unverifiedLevel", async () => {
            await expectFindings(policy, external, [unverified(cannotVerify, "mandatory")], { unverifiedLevel: "mandatory" });
            await expectFindings(policy, external, [], { unverifiedLevel: "disabled" });
        });

        it("reports unknown subnet IDs that come from no subnet in the stack", async () => {
            await expectFindings(policy, s => s.dependOn("app-service", "networkConfiguration", [s.get("app-task-sg")]), [
                unverified(`${service} places tasks in subnets whose IDs are unknown during preview and do not come from subnets in this stack (networkConfiguration.subnets), so whether they are private cannot be verified. Pass the IDs of aws.ec2.Subnet resources in this stack, or known IDs listed in privateSubnetIds.`),
            ]);
        });
    });

    it("fails a service placed in an adopted default subnet, which the default VPC routes to the internet", async () => {
        await expectFindings(
            policy,
            s => {
                const subnet = s.add(T.defaultSubnet, "default-a", { availabilityZone: "us-east-1a" });
                s.update("app-service", p => (p.networkConfiguration.subnets = [U])).dependOn("app-service", "networkConfiguration", [subnet, s.get("app-task-sg")]);
            },
            [mandatory(`${service} places tasks in subnet "default-a", which is a default subnet (the default VPC routes its default subnets to its internet gateway). ${FIX}`)],
        );
    });

    it("reports unknown subnet IDs beyond the subnets the input depends on", async () => {
        await expectFindings(policy, s => s.update("app-service", p => (p.networkConfiguration.subnets = [U, U, U])), [
            unverified(`${service} places tasks in subnets whose IDs are unknown during preview and do not come from subnets in this stack (networkConfiguration.subnets), so whether they are private cannot be verified. Pass the IDs of aws.ec2.Subnet resources in this stack, or known IDs listed in privateSubnetIds.`),
        ]);
    });

    describe("tasks launched by EventBridge", () => {
        it("fails an EventBridge rule target that runs tasks in a public subnet", async () => {
            await expectFindings(
                policy,
                s =>
                    s.add(T.eventTarget, "nightly", { rule: U, arn: U, ecsTarget: { taskDefinitionArn: U, launchType: "FARGATE", networkConfiguration: { subnets: [U], assignPublicIp: false } } }, {
                        ecsTarget: [s.get("app-task"), s.get("app-public-1")],
                    }),
                [mandatory(`EventBridge target "nightly" places tasks in subnet "app-public-1", which routes 0.0.0.0/0 or ::/0 to internet gateway "app-igw" through route table "app-public-rt" (route "app-public-default"). ${FIX}`)],
            );
        });

        it("fails a Scheduler schedule that runs tasks in a public subnet", async () => {
            await expectFindings(
                policy,
                s =>
                    s.add(T.schedule, "hourly", { scheduleExpression: "rate(1 hour)", target: { arn: U, roleArn: U, ecsParameters: { taskDefinitionArn: U, networkConfiguration: { subnets: [U] } } } }, {
                        target: [s.get("app-public-2")],
                    }),
                [mandatory(`Scheduler schedule "hourly" places tasks in subnet "app-public-2", which routes 0.0.0.0/0 or ::/0 to internet gateway "app-igw" through route table "app-public-rt" (route "app-public-default"). ${FIX}`)],
            );
        });
    });
});
