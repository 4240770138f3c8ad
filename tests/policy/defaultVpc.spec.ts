/**
 * Default VPCs: AWS creates every default VPC with 172.31.0.0/16 and a main route table that sends 0.0.0.0/0 to its
 * internet gateway, so a subnet created in one and left on that table is public, by AWS's definition of a default
 * VPC. The rule says so, whether the default VPC is adopted (`aws.ec2.DefaultVpc`), read (`aws.ec2.Vpc.get`) or
 * looked up (`aws.ec2.getVpc({default: true})`, which leaves only its ID in the stack).
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc-components.html
 */
import { ecsTasksInPrivateSubnets as policy } from "../../policy-pack/policies/privateSubnets";
import { cidrWithin } from "../../policy-pack/lib/network";
import { T } from "../../policy-pack/lib/types";
import { StackFixture, U } from "./support/fixtures";
import { expectFindings, mandatory, unverified } from "./support/scenario";
import * as assert from "assert";

const FIX =
    "Run ECS tasks in private subnets: mapPublicIpOnLaunch false and outbound traffic through a NAT gateway or VPC " +
    "endpoints, never a route to an internet gateway.";
const MAIN_TABLE = "uses its main route table, which AWS routes 0.0.0.0/0 to the default VPC's internet gateway";

/** The service's tasks in a new subnet `app-extra` of the VPC `vpc` adds, with no route table association. */
function subnetIn(vpc: (s: StackFixture) => { vpcId: unknown; deps: string[] }, cidrBlock = "172.31.96.0/20") {
    return (s: StackFixture) => {
        const { vpcId, deps } = vpc(s);
        const subnet = s.add(T.subnet, "app-extra", { vpcId, cidrBlock, mapPublicIpOnLaunch: false }, { vpcId: deps.map(n => s.get(n)) });
        s.update("app-service", p => (p.networkConfiguration.subnets = [U]))
            .dependOn("app-service", "networkConfiguration", [subnet, s.get("app-task-sg")]);
    };
}

describe("default VPCs (ecs-tasks-in-private-subnets)", () => {
    it("fails a subnet created in an adopted aws.ec2.DefaultVpc and left on its main route table", async () => {
        await expectFindings(policy, subnetIn(s => (s.add(T.defaultVpc, "default", {}), { vpcId: U, deps: ["default"] })), [
            mandatory(`ECS service "app-service" places tasks in subnet "app-extra", which is in default VPC "default" (aws.ec2.DefaultVpc) and ${MAIN_TABLE}. ${FIX}`),
        ]);
    });

    it("fails a subnet in a VPC read with aws.ec2.Vpc.get whose range is the default VPC's", async () => {
        await expectFindings(policy, subnetIn(s => (s.add(T.vpc, "default", { id: "vpc-0def" }), { vpcId: "vpc-0def", deps: ["default"] })), [
            mandatory(`ECS service "app-service" places tasks in subnet "app-extra", which is in the account's default VPC (its CIDR block 172.31.96.0/20 lies in 172.31.0.0/16, the default VPC's range, and VPC "default" (vpc-0def, read with .get) is not created by this stack) and ${MAIN_TABLE}. ${FIX}`),
        ]);
    });

    it("fails a subnet in the VPC aws.ec2.getVpc({default: true}) found (only its ID is in the stack)", async () => {
        await expectFindings(policy, subnetIn(() => ({ vpcId: "vpc-0def", deps: [] })), [
            mandatory(`ECS service "app-service" places tasks in subnet "app-extra", which is in the account's default VPC (its CIDR block 172.31.96.0/20 lies in 172.31.0.0/16, the default VPC's range, and VPC "vpc-0def" is not created by this stack) and ${MAIN_TABLE}. ${FIX}`),
        ]);
    });

    it("cannot verify a subnet on the main route table of another VPC read with .get", async () => {
        await expectFindings(policy, subnetIn(s => (s.add(T.vpc, "shared", { id: "vpc-0abc" }), { vpcId: "vpc-0abc", deps: ["shared"] }), "10.20.0.0/24"), [
            unverified('ECS service "app-service" places tasks in subnet "app-extra", which has no route table association in this stack and uses the main route table of VPC "shared" (vpc-0abc, read with .get), which existed before this stack and whose routes it does not manage, so that table cannot be inspected. Whether it is private cannot be verified; use values known at preview.'),
        ]);
    });

    it("judges a subnet of a default VPC by the route table it is associated with", async () => {
        await expectFindings(policy, s => {
            subnetIn(s => (s.add(T.defaultVpc, "default", {}), { vpcId: U, deps: ["default"] }))(s);
            s.add(T.routeTableAssociation, "app-extra-rta", { subnetId: U, routeTableId: U }, { subnetId: [s.get("app-extra")], routeTableId: [s.get("app-private-rt-1")] });
        }, []);
    });

    it("decides CIDR containment", () => {
        assert.deepStrictEqual(
            ["172.31.0.0/20", "172.31.255.0/24", "172.32.0.0/20", "172.31.0.0/15", "bad"].map(c => cidrWithin(c, "172.31.0.0/16")),
            [true, true, false, false, false],
        );
    });
});
