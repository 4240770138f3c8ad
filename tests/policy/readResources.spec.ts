/**
 * Resources a program reads with `aws.<type>.get(name, id)` rather than creates: the engine lists them in the stack
 * it shows the pack, and the offline preview records them with their ID and no other state. The mandatory rules
 * decide with them (one existing role as both task and execution role is one role, whatever form its ARN takes) and
 * never take the state they do not show for settings left unset.
 */
import { ecsSeparateTaskAndExecutionRoles as roles } from "../../policy-pack/policies/separateRoles";
import { ecsTasksInPrivateSubnets as subnets } from "../../policy-pack/policies/privateSubnets";
import { albTargetGroupIpTargetType as targetGroups } from "../../policy-pack/policies/targetGroupIpType";
import { ecsTaskSgNoWorldIngress as ingress } from "../../policy-pack/policies/worldIngress";
import { fargateValidCpuMemory as sizes } from "../../policy-pack/policies/cpuMemory";
import { isReadResource } from "../../policy-pack/lib/stack";
import { T, TARGET_GROUP_TYPES } from "../../policy-pack/lib/types";
import { toPolicyResources } from "./support/harness";
import { StackFixture, U } from "./support/fixtures";
import { expectFindings, mandatory, unverified } from "./support/scenario";
import * as assert from "assert";

const task = 'Task definition "app-task"';
const FIX_ROLES =
    "Create a separate task role with only the application's permissions and keep the execution role for image " +
    "pulls, logs and secrets.";
const SHARED_ARN = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";

/** The secure stack with its task definition's roles replaced by `roles` (literal values, no property dependency). */
function roleInputs(taskRoleArn: unknown, executionRoleArn: unknown, deps: { task?: string; execution?: string } = {}) {
    return (s: StackFixture) => {
        s.add(T.iamRole, "existing", { id: "ecsTaskExecutionRole" });
        s.update("app-task", p => Object.assign(p, { taskRoleArn, executionRoleArn }))
            .dependOn("app-task", "taskRoleArn", deps.task ? [s.get(deps.task)] : [])
            .dependOn("app-task", "executionRoleArn", deps.execution ? [s.get(deps.execution)] : []);
    };
}

const readNotice = (use: string, question: string) => unverified(
    `IAM role "existing" (ecsTaskExecutionRole, read with .get), used as an ECS ${use} role, is read from the account, ` +
    `and the policies attached to it outside this stack are not part of this preview, so ${question} cannot be ` +
    "verified. Review its policies by hand, or create the role in this stack.");
const TASK_NOTICE = readNotice("task", "whether it carries AmazonECSTaskExecutionRolePolicy");
const EXEC_NOTICE = readNotice("execution", "whether it grants only what an execution role needs");

describe("read resources (aws.<type>.get)", () => {
    it("recognises a read resource by its known ID and no other state", () => {
        const s = new StackFixture();
        s.add(T.iamRole, "read", { id: "ecsTaskExecutionRole" });
        s.add(T.iamRole, "created", { assumeRolePolicy: "{}" });
        s.add(T.iamRole, "unknown-id", { id: U });
        assert.deepStrictEqual(toPolicyResources(s.wire()).map(isReadResource), [true, false, false]);
    });

    describe("ecs-separate-task-and-execution-roles", () => {
        it("fails one read role used as both roles through Outputs of its arn", async () => {
            await expectFindings(roles, roleInputs(U, U, { task: "existing", execution: "existing" }), [
                mandatory(`${task} uses IAM role "existing" (ecsTaskExecutionRole, read with .get) as both its task role and its execution role. ${FIX_ROLES}`),
                TASK_NOTICE,
                EXEC_NOTICE,
            ]);
        });

        it("fails a read role named by ARN in one input and by name in the other", async () => {
            await expectFindings(roles, roleInputs("ecsTaskExecutionRole", SHARED_ARN), [
                mandatory(`${task} uses IAM role "existing" (ecsTaskExecutionRole, read with .get) as both its task role and its execution role. ${FIX_ROLES}`),
                TASK_NOTICE,
                EXEC_NOTICE,
            ]);
        });

        it("fails the read role's Output in one input and its ARN with a path in the other", async () => {
            await expectFindings(roles, roleInputs("arn:aws:iam::123456789012:role/service-role/ecsTaskExecutionRole", U, { execution: "existing" }), [
                mandatory(`${task} uses IAM role "existing" (ecsTaskExecutionRole, read with .get) as both its task role and its execution role. ${FIX_ROLES}`),
                TASK_NOTICE,
                EXEC_NOTICE,
            ]);
        });

        it("fails two forms of one role that is not in the stack at all", async () => {
            await expectFindings(
                roles,
                s => s.update("app-task", p => Object.assign(p, { taskRoleArn: "arn:aws:iam::123456789012:role/app", executionRoleArn: "APP" }))
                    .dependOn("app-task", "taskRoleArn", []).dependOn("app-task", "executionRoleArn", []),
                [
                    mandatory(`${task} uses one role as both its task role and its execution role: taskRoleArn "arn:aws:iam::123456789012:role/app" and executionRoleArn "APP" name the same IAM role. ${FIX_ROLES}`),
                    unverified(`${task} sets taskRoleArn to role "arn:aws:iam::123456789012:role/app", which is not created in this stack, so the role's policies cannot be inspected. Create the role in this stack, or review its policies by hand.`),
                    unverified(`${task} sets executionRoleArn to role "APP", which is not created in this stack, so the role's policies cannot be inspected. Create the role in this stack, or review its policies by hand.`),
                ],
            );
        });

        it("passes a read execution role beside a task role of the stack, saying its policies are not shown", async () => {
            await expectFindings(roles, roleInputs(U, U, { task: "app-task-role", execution: "existing" }), [EXEC_NOTICE]);
        });

        it("passes a created role named by ARN in one input and an Output of another role in the other", async () => {
            await expectFindings(roles, s => s.update("app-exec-role", p => (p.name = "app-exec"))
                .update("app-task", p => (p.executionRoleArn = "arn:aws:iam::123456789012:role/app-exec"))
                .dependOn("app-task", "executionRoleArn", []), []);
        });
    });

    describe("ecs-tasks-in-private-subnets", () => {
        const readSubnets = (s: StackFixture) => {
            const a = s.add(T.subnet, "existing-a", { id: "subnet-0aaa" });
            s.update("app-service", p => (p.networkConfiguration.subnets = ["subnet-0aaa"]))
                .dependOn("app-service", "networkConfiguration", [a, s.get("app-task-sg")]);
        };
        const message = 'ECS service "app-service" places tasks in subnet "existing-a" (subnet-0aaa, read with .get), whose settings and route tables this preview does not show, so whether it is private cannot be verified. Confirm it has no route to an internet gateway and add "subnet-0aaa" to privateSubnetIds in the policy config.';

        it("reports a read subnet as cannot verify, naming its ID", async () => {
            await expectFindings(subnets, readSubnets, [unverified(message)]);
        });

        it("accepts a read subnet listed in privateSubnetIds", async () => {
            await expectFindings(subnets, readSubnets, [], { privateSubnetIds: ["subnet-0aaa"] });
        });
    });

    it("reports a read target group as cannot verify instead of assuming targetType instance", async () => {
        await expectFindings(targetGroups, s => {
            const tg = s.add(TARGET_GROUP_TYPES[0], "existing-tg", { id: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef" });
            s.dependOn("app-service", "loadBalancers", [tg]);
        }, [
            unverified('ECS service "app-service" attaches to target group "existing-tg" (arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef, read with .get), whose settings this preview does not show, so its targetType cannot be verified. Make sure it uses targetType "ip".'),
        ]);
    });

    it("reports a read security group as cannot verify instead of assuming no ingress", async () => {
        await expectFindings(ingress, s => {
            const sg = s.add(T.securityGroup, "existing-sg", { id: "sg-0abc" });
            s.update("app-service", p => (p.networkConfiguration.securityGroups = ["sg-0abc"]))
                .dependOn("app-service", "networkConfiguration", [s.get("app-private-1"), s.get("app-private-2"), sg]);
        }, [
            unverified('ECS service "app-service" uses security group "existing-sg" (sg-0abc, read with .get), whose rules this preview does not show, so its ingress cannot be verified. Make sure it allows no ingress from 0.0.0.0/0 or ::/0.'),
        ]);
    });

    it("does not judge the size of a task definition read with .get", async () => {
        await expectFindings(sizes, s => {
            const existing = s.add(T.ecsTaskDefinition, "existing-task", { id: "arn:aws:ecs:us-east-1:123456789012:task-definition/app:7" });
            s.dependOn("app-service", "taskDefinition", [existing]);
        }, []);
    });
});
