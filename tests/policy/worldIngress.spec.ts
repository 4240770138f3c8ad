import { ecsTaskSgNoWorldIngress as policy } from "../../policy-pack/policies/worldIngress";
import { T } from "../../policy-pack/lib/types";
import { StackFixture, U } from "./support/fixtures";
import { advisory, expectFindings, unverified } from "./support/scenario";

const service = 'ECS service "app-service" uses security group "app-task-sg", which';
const FIX = "Allow the container port only from the load balancer's security group.";

describe("ecs-task-sg-no-world-ingress", () => {
    it("passes the secure stack, whose open ALB security group is not attached to the service", async () => {
        await expectFindings(policy, undefined, []);
    });

    it("fails a standalone ingress rule from 0.0.0.0/0 on the task security group", async () => {
        await expectFindings(
            policy,
            s => s.add(T.securityGroupIngressRule, "open", { securityGroupId: U, ipProtocol: "tcp", fromPort: 8080, toPort: 8080, cidrIpv4: "0.0.0.0/0" }, { securityGroupId: [s.get("app-task-sg")] }),
            [advisory(`${service} allows ingress from 0.0.0.0/0 on port 8080 (rule "open"). ${FIX}`)],
        );
    });

    it("fails an inline ::/0 ingress rule", async () => {
        await expectFindings(policy, s => s.update("app-task-sg", p => (p.ingress = [{ protocol: "tcp", fromPort: 8000, toPort: 8100, ipv6CidrBlocks: ["::/0"] }])), [
            advisory(`${service} allows ingress from ::/0 on ports 8000-8100 (an inline rule). ${FIX}`),
        ]);
    });

    it("fails an aws.ec2.SecurityGroupRule of type ingress but not of type egress", async () => {
        await expectFindings(
            policy,
            s => {
                s.add(T.securityGroupRule, "legacy-in", { type: "ingress", securityGroupId: U, protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }, { securityGroupId: [s.get("app-task-sg")] });
                s.add(T.securityGroupRule, "legacy-out", { type: "egress", securityGroupId: U, protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }, { securityGroupId: [s.get("app-task-sg")] });
            },
            [advisory(`${service} allows ingress from 0.0.0.0/0 on all ports (rule "legacy-in"). ${FIX}`)],
        );
    });

    it("reports an unknown source CIDR as cannot verify", async () => {
        await expectFindings(
            policy,
            s => s.add(T.securityGroupIngressRule, "maybe", { securityGroupId: U, ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv4: U }, { securityGroupId: [s.get("app-task-sg")] }),
            [unverified(`${service} has rule "maybe" whose source CIDR is unknown during preview. Use values known at preview.`)],
        );
    });

    it("reports a security group outside the stack as cannot verify", async () => {
        const external = (s: StackFixture) =>
            s
                .update("app-service", p => (p.networkConfiguration.securityGroups = ["sg-0123"]))
                .dependOn("app-service", "networkConfiguration", [s.get("app-private-1"), s.get("app-private-2")]);
        await expectFindings(policy, external, [
            unverified('ECS service "app-service" uses security group "sg-0123", which is not created in this stack, so its ingress rules cannot be verified. Make sure it allows no ingress from 0.0.0.0/0 or ::/0.'),
        ]);
    });
});
