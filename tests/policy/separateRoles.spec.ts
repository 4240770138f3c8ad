import { ecsSeparateTaskAndExecutionRoles as policy } from "../../policy-pack/policies/separateRoles";
import { T } from "../../policy-pack/lib/types";
import { StackFixture, U } from "./support/fixtures";
import { expectFindings, mandatory, unverified } from "./support/scenario";
import { SECURE_EXEC_POLICY } from "./support/stacks";

const task = 'Task definition "app-task"';
const execRole = 'IAM role "app-exec-role", used as an ECS execution role,';
const SCOPE =
    "An execution role needs only ECR image pulls, CloudWatch Logs writes and reads of the task's secrets and " +
    "parameters (with kms:Decrypt for them), plus what AWS documents for the features its task definitions use " +
    "(environment files and FireLens configuration in S3, ECR pull through cache); move every other permission to " +
    "the task role.";
const EXEC_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

function withExecStatement(statement: object) {
    return (s: StackFixture) =>
        s.update("app-exec-policy", p => (p.policy = JSON.stringify({ ...SECURE_EXEC_POLICY, Statement: [...SECURE_EXEC_POLICY.Statement, statement] })));
}

describe("ecs-separate-task-and-execution-roles", () => {
    it("passes the secure stack, with both role ARNs unknown", async () => {
        await expectFindings(policy, undefined, []);
    });

    describe("distinct roles", () => {
        it("fails one role used as both task and execution role", async () => {
            await expectFindings(policy, s => s.dependOn("app-task", "taskRoleArn", [s.get("app-exec-role")]), [
                mandatory(`${task} uses IAM role "app-exec-role" as both its task role and its execution role. Create a separate task role with only the application's permissions and keep the execution role for image pulls, logs and secrets.`),
            ]);
        });

        it("fails the same literal ARN in both inputs", async () => {
            const arn = "arn:aws:iam::123456789012:role/shared";
            await expectFindings(
                policy,
                s => s.update("app-task", p => Object.assign(p, { taskRoleArn: arn, executionRoleArn: arn })).dependOn("app-task", "taskRoleArn", []).dependOn("app-task", "executionRoleArn", []),
                [
                    mandatory(`${task} uses role ARN "${arn}" as both its task role and its execution role. Create a separate task role with only the application's permissions and keep the execution role for image pulls, logs and secrets.`),
                    unverified(`${task} sets taskRoleArn to role "${arn}", which is not created in this stack, so the role's policies cannot be inspected. Create the role in this stack, or review its policies by hand.`),
                    unverified(`${task} sets executionRoleArn to role "${arn}", which is not created in this stack, so the role's policies cannot be inspected. Create the role in this stack, or review its policies by hand.`),
                ],
            );
        });

        it("passes a task definition without a task role", async () => {
            await expectFindings(policy, s => s.update("app-task", p => delete p.taskRoleArn).dependOn("app-task", "taskRoleArn", []), []);
        });

        it("reports an untraceable unknown role ARN as cannot verify", async () => {
            await expectFindings(policy, s => s.dependOn("app-task", "taskRoleArn", []), [
                unverified(`${task} sets taskRoleArn to a value unknown during preview that does not come from an IAM role in this stack, so neither whether its task and execution roles differ nor the role's policies can be verified. Pass the ARNs of aws.iam.Role resources in this stack, or known ARNs.`),
            ]);
        });
    });

    describe("task role", () => {
        it("fails a task role with AmazonECSTaskExecutionRolePolicy attached", async () => {
            await expectFindings(policy, s => s.update("app-task-policy-1", p => (p.policyArn = EXEC_POLICY_ARN)), [
                mandatory('IAM role "app-task-role", used as an ECS task role, has AmazonECSTaskExecutionRolePolicy attached through "app-task-policy-1". Detach it: the task role is the application\'s identity and needs only the application\'s permissions.'),
            ]);
        });

        it("fails a task role listing AmazonECSTaskExecutionRolePolicy in managedPolicyArns", async () => {
            await expectFindings(policy, s => s.update("app-task-role", p => (p.managedPolicyArns = [EXEC_POLICY_ARN])), [
                mandatory('IAM role "app-task-role", used as an ECS task role, has AmazonECSTaskExecutionRolePolicy attached through managedPolicyArns. Detach it: the task role is the application\'s identity and needs only the application\'s permissions.'),
            ]);
        });
    });

    describe("execution role", () => {
        it("fails an execution role policy that grants more than pull, logs and secrets", async () => {
            await expectFindings(policy, withExecStatement({ Effect: "Allow", Action: ["dynamodb:GetItem", "ecs:RunTask"], Resource: "*" }), [
                mandatory(`${execRole} is granted dynamodb:GetItem, ecs:RunTask by role policy "app-exec-policy". ${SCOPE}`),
            ]);
        });

        it("fails a wildcard action", async () => {
            await expectFindings(policy, withExecStatement({ Effect: "Allow", Action: "ecr:*", Resource: "*" }), [
                mandatory(`${execRole} is granted ecr:* by role policy "app-exec-policy". ${SCOPE}`),
            ]);
        });

        it("ignores Deny statements and accepts kms:Decrypt and ssm:GetParameters", async () => {
            await expectFindings(policy, withExecStatement({ Effect: "Deny", Action: "*", Resource: "*" }), []);
            await expectFindings(policy, withExecStatement({ Effect: "Allow", Action: ["kms:Decrypt", "ssm:GetParameters"], Resource: "*" }), []);
        });

        it("accepts actions listed in additionalExecutionRoleActions", async () => {
            const mutate = withExecStatement({ Effect: "Allow", Action: "ssm:GetParameter", Resource: "*" });
            await expectFindings(policy, mutate, [], { additionalExecutionRoleActions: ["ssm:GetParameter"] });
        });

        it("reads a policy document given as an object, whose Resource may be unknown", async () => {
            const document = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["logs:PutLogEvents", "iam:PassRole"], Resource: U }] };
            await expectFindings(policy, s => s.update("app-exec-policy", p => (p.policy = document)), [
                mandatory(`${execRole} is granted iam:PassRole by role policy "app-exec-policy". ${SCOPE}`),
            ]);
        });

        it("reports a policy document unknown during preview as cannot verify", async () => {
            await expectFindings(policy, s => s.update("app-exec-policy", p => (p.policy = U)), [
                unverified(`${execRole} has role policy "app-exec-policy", whose actions cannot be checked because its policy document is unknown during preview. Build the document from values known at preview (compose ARNs from names, partition, region and account ID).`),
            ]);
        });

        it("fails an AWS managed policy other than the execution policy", async () => {
            const arn = "arn:aws:iam::aws:policy/AdministratorAccess";
            await expectFindings(policy, s => s.add(T.iamRolePolicyAttachment, "exec-admin", { role: U, policyArn: arn }, { role: [s.get("app-exec-role")] }), [
                mandatory(`${execRole} has AWS managed policy "${arn}" attached through "exec-admin", which grants more than an execution role needs. ${SCOPE}`),
            ]);
        });

        it("accepts AmazonEC2ContainerRegistryPullOnly, whose every action is an image pull", async () => {
            const arn = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly";
            await expectFindings(policy, s => s.add(T.iamRolePolicyAttachment, "exec-pull", { role: U, policyArn: arn }, { role: [s.get("app-exec-role")] }), []);
        });

        it("fails AmazonEC2ContainerRegistryReadOnly, which also lists and describes repositories", async () => {
            const arn = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly";
            await expectFindings(policy, s => s.add(T.iamRolePolicyAttachment, "exec-read", { role: U, policyArn: arn }, { role: [s.get("app-exec-role")] }), [
                mandatory(`${execRole} has AWS managed policy "${arn}" attached through "exec-read", which grants more than an execution role needs. ${SCOPE}`),
            ]);
        });

        it("accepts an inline pull through a pull-through cache rule (ecr:BatchImportUpstreamImage)", async () => {
            const document = JSON.stringify({ Statement: [{ Effect: "Allow", Action: ["ecr:BatchGetImage", "ecr:BatchImportUpstreamImage"], Resource: "*" }] });
            await expectFindings(policy, s => s.update("app-exec-policy", p => (p.policy = document)), []);
        });

        it("accepts AmazonECSTaskExecutionRolePolicy on the execution role", async () => {
            await expectFindings(policy, s => s.add(T.iamRolePolicyAttachment, "exec-managed", { role: U, policyArn: EXEC_POLICY_ARN }, { role: [s.get("app-exec-role")] }), []);
        });

        it("inspects a customer managed policy created in the stack", async () => {
            await expectFindings(
                policy,
                s => {
                    const managed = s.add(T.iamPolicy, "exec-extra", { policy: JSON.stringify({ Statement: [{ Effect: "Allow", NotAction: "iam:*", Resource: "*" }] }) });
                    s.add(T.iamRolePolicyAttachment, "exec-extra-attach", { role: U, policyArn: U }, { role: [s.get("app-exec-role")], policyArn: [managed] });
                },
                [mandatory(`${execRole} is granted every action outside a NotAction list by policy "exec-extra". ${SCOPE}`)],
            );
        });
    });
});
