import { ecsNoPublicIp as policy } from "../../policy-pack/policies/noPublicIp";
import { T } from "../../policy-pack/lib/types";
import { U } from "./support/fixtures";
import { expectFindings, mandatory, unverified } from "./support/scenario";

const FIX = "Set it to false and run the tasks in private subnets with a NAT gateway or VPC endpoints for outbound traffic.";

describe("ecs-no-public-ip", () => {
    it("passes the secure stack", async () => {
        await expectFindings(policy, undefined, []);
    });

    it("fails a service with assignPublicIp true", async () => {
        await expectFindings(policy, s => s.update("app-service", p => (p.networkConfiguration.assignPublicIp = true)), [
            mandatory(`ECS service "app-service" sets networkConfiguration.assignPublicIp to true, which gives every task a public IP address. ${FIX}`),
        ]);
    });

    it("fails a task set with assignPublicIp true", async () => {
        await expectFindings(
            policy,
            s => s.add(T.ecsTaskSet, "blue", { service: U, cluster: U, taskDefinition: U, networkConfiguration: { subnets: [U], assignPublicIp: true } }),
            [mandatory(`ECS task set "blue" sets networkConfiguration.assignPublicIp to true, which gives every task a public IP address. ${FIX}`)],
        );
    });

    it("fails an EventBridge ECS target with assignPublicIp true", async () => {
        await expectFindings(
            policy,
            s => s.add(T.eventTarget, "nightly", { rule: U, arn: U, ecsTarget: { taskDefinitionArn: U, networkConfiguration: { subnets: [U], assignPublicIp: true } } }),
            [mandatory(`EventBridge target "nightly" sets ecsTarget.networkConfiguration.assignPublicIp to true, which gives every task a public IP address. ${FIX}`)],
        );
    });

    it("fails a Scheduler ECS target with assignPublicIp true", async () => {
        await expectFindings(
            policy,
            s => s.add(T.schedule, "hourly", { target: { arn: U, roleArn: U, ecsParameters: { taskDefinitionArn: U, networkConfiguration: { subnets: [U], assignPublicIp: true } } } }),
            [mandatory(`Scheduler schedule "hourly" sets target.ecsParameters.networkConfiguration.assignPublicIp to true, which gives every task a public IP address. ${FIX}`)],
        );
    });

    it("ignores EventBridge targets and schedules that launch no ECS task", async () => {
        await expectFindings(
            policy,
            s => {
                s.add(T.eventTarget, "lambda", { rule: U, arn: U });
                s.add(T.schedule, "lambda-schedule", { target: { arn: U, roleArn: U } });
            },
            [],
        );
    });

    it("reports an unknown assignPublicIp as cannot verify", async () => {
        await expectFindings(policy, s => s.update("app-service", p => (p.networkConfiguration.assignPublicIp = U)), [
            unverified('ECS service "app-service" has a networkConfiguration.assignPublicIp that is unknown during preview, so whether tasks get public IPs cannot be verified. Set assignPublicIp to the literal false.'),
        ]);
    });

    it("reports a wholly unknown network configuration as cannot verify", async () => {
        await expectFindings(policy, s => s.update("app-service", p => (p.networkConfiguration = U)), [
            unverified('ECS service "app-service" has a networkConfiguration.assignPublicIp that is unknown during preview, so whether tasks get public IPs cannot be verified. Set assignPublicIp to the literal false.'),
        ]);
    });
});
