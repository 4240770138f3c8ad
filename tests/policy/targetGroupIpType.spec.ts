import { albTargetGroupIpTargetType as policy } from "../../policy-pack/policies/targetGroupIpType";
import { T, TARGET_GROUP_TYPES } from "../../policy-pack/lib/types";
import { StackFixture, U } from "./support/fixtures";
import { expectFindings, mandatory, unverified } from "./support/scenario";

const FIX = 'Set targetType to "ip" (this replaces the target group).';

describe("alb-target-group-ip-target-type", () => {
    it("passes the secure stack", async () => {
        await expectFindings(policy, undefined, []);
    });

    it("fails an instance target group in front of a Fargate service", async () => {
        await expectFindings(policy, s => s.update("app-tg", p => (p.targetType = "instance")), [
            mandatory(`Target group "app-tg" has targetType "instance" but fronts awsvpc ECS service "app-service", whose tasks register by IP address. ${FIX}`),
        ]);
    });

    it("fails a target group that leaves targetType to the instance default", async () => {
        await expectFindings(policy, s => s.update("app-tg", p => delete p.targetType), [
            mandatory(`Target group "app-tg" has no targetType (AWS defaults to "instance") but fronts awsvpc ECS service "app-service", whose tasks register by IP address. ${FIX}`),
        ]);
    });

    it("covers the aws.alb alias of the target group type", async () => {
        const alias = (s: StackFixture) => {
            const tg = s.add(TARGET_GROUP_TYPES[1], "legacy-tg", { port: 80, protocol: "HTTP", targetType: "instance" });
            s.update("app-service", p => (p.loadBalancers = [{ targetGroupArn: U, containerName: "app", containerPort: 8080 }])).dependOn("app-service", "loadBalancers", [tg]);
        };
        await expectFindings(policy, alias, [
            mandatory(`Target group "legacy-tg" has targetType "instance" but fronts awsvpc ECS service "app-service", whose tasks register by IP address. ${FIX}`),
        ]);
    });

    it("fails an instance target group in front of an ECS task set", async () => {
        const taskSet = (s: StackFixture) => {
            const tg = s.add(TARGET_GROUP_TYPES[0], "canary-tg", { port: 8080, protocol: "HTTP", targetType: "instance" });
            s.add(T.ecsTaskSet, "canary", {
                service: U, cluster: U, taskDefinition: U, launchType: "FARGATE",
                networkConfiguration: { subnets: [U], assignPublicIp: false },
                loadBalancers: [{ targetGroupArn: U, containerName: "app", containerPort: 8080 }],
            }, { loadBalancers: [tg], networkConfiguration: [s.get("app-private-1")] });
        };
        await expectFindings(policy, taskSet, [
            mandatory(`Target group "canary-tg" has targetType "instance" but fronts awsvpc ECS task set "canary", whose tasks register by IP address. ${FIX}`),
        ]);
    });

    it("ignores services without awsvpc networking", async () => {
        await expectFindings(
            policy,
            s =>
                s
                    .update("app-tg", p => (p.targetType = "instance"))
                    .update("app-service", p => Object.assign(p, { launchType: "EC2", networkConfiguration: undefined }))
                    .update("app-task", p => Object.assign(p, { networkMode: "bridge", requiresCompatibilities: ["EC2"] })),
            [],
        );
    });

    it("reports a target group outside the stack as cannot verify", async () => {
        const arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shared/abc";
        await expectFindings(policy, s => s.update("app-service", p => (p.loadBalancers[0].targetGroupArn = arn)).dependOn("app-service", "loadBalancers", []), [
            unverified(`ECS service "app-service" attaches to target group "${arn}", which is not created in this stack, so its targetType cannot be verified. Make sure it uses targetType "ip".`),
        ]);
    });

    it("reports an unknown targetType as cannot verify", async () => {
        await expectFindings(policy, s => s.update("app-tg", p => (p.targetType = U)), [
            unverified('Target group "app-tg", used by awsvpc ECS service "app-service", has a targetType unknown during preview. Set targetType to the literal "ip".'),
        ]);
    });
});
