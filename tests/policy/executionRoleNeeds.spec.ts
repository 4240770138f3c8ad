/**
 * Every need AWS documents for a task execution role is allowed: what the base set covers (ECR pulls, logs, secrets
 * and parameters with kms:Decrypt, private registry credentials) always, and the actions of a feature (environment
 * files and a FireLens configuration in S3, ECR pull through cache) when a task definition using the role uses it.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
 */
import { ecsSeparateTaskAndExecutionRoles as policy } from "../../policy-pack/policies/separateRoles";
import { EXECUTION_ROLE_FEATURES } from "../../policy-pack/lib/executionRole";
import { StackFixture, U } from "./support/fixtures";
import { expectFindings, mandatory, scenario, unverified } from "./support/scenario";
import { SECURE_CONTAINERS, SECURE_EXEC_POLICY } from "./support/stacks";
import * as assert from "assert";

const execRole = 'IAM role "app-exec-role", used as an ECS execution role,';

/** The secure stack with `statement` added to the execution role policy and the containers changed by `container`. */
function withNeed(statement: object, container: (c: Record<string, unknown>) => void = () => undefined) {
    return (s: StackFixture) => {
        const containers = JSON.parse(JSON.stringify(SECURE_CONTAINERS));
        container(containers[0]);
        s.update("app-task", p => (p.containerDefinitions = JSON.stringify(containers)));
        s.update("app-exec-policy", p => (p.policy = JSON.stringify({ ...SECURE_EXEC_POLICY, Statement: [...SECURE_EXEC_POLICY.Statement, statement] })));
    };
}

const BUCKET = "arn:aws:s3:::app-config";
const s3Read = [
    { Effect: "Allow", Action: ["s3:GetObject"], Resource: [`${BUCKET}/app.env`] },
    { Effect: "Allow", Action: ["s3:GetBucketLocation"], Resource: [BUCKET] },
];
const s3Statement = { Effect: "Allow", Action: ["s3:GetObject", "s3:GetBucketLocation"], Resource: [`${BUCKET}/app.env`, BUCKET] };
const ECR_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/docker-hub/library/nginx:1.27";
const S3_ONLY_FOR =
    "which an execution role needs only for environment files in Amazon S3 (environmentFiles) or for a FireLens " +
    "configuration file in Amazon S3 (firelensConfiguration config-file-type s3)";

describe("execution role needs AWS documents", () => {
    it("lists a documented feature for every action beyond the base set, each with its AWS page", () => {
        assert.deepStrictEqual(EXECUTION_ROLE_FEATURES.map(f => [f.actions.join(" "), new URL(f.url).hostname]), [
            ["s3:GetObject s3:GetBucketLocation", "docs.aws.amazon.com"],
            ["s3:GetObject s3:GetBucketLocation", "docs.aws.amazon.com"],
            ["ecr:CreateRepository ecr:BatchImportUpstreamImage", "docs.aws.amazon.com"],
        ]);
    });

    describe("always allowed", () => {
        it("accepts private registry authentication: secretsmanager:GetSecretValue and kms:Decrypt on the credentials", async () => {
            const statement = { Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "kms:Decrypt"], Resource: "*" };
            await expectFindings(policy, withNeed(statement, c => (c.repositoryCredentials = { credentialsParameter: "arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub-AbCdEf" })), []);
        });

        it("accepts Systems Manager parameters and a customer managed KMS key for secrets", async () => {
            await expectFindings(policy, withNeed({ Effect: "Allow", Action: ["ssm:GetParameters", "kms:Decrypt"], Resource: "*" }), []);
        });

        it("accepts awslogs creating its log group (logs:CreateLogGroup for awslogs-create-group)", async () => {
            await expectFindings(policy, withNeed({ Effect: "Allow", Action: ["logs:CreateLogGroup"], Resource: "*" }), []);
        });
    });

    describe("environment files in S3", () => {
        it("accepts s3:GetObject on the file and s3:GetBucketLocation on its bucket when a container has environmentFiles", async () => {
            const mutate = (s: StackFixture) => {
                withNeed(s3Read[0], c => (c.environmentFiles = [{ value: `${BUCKET}/app.env`, type: "s3" }]))(s);
                s.update("app-exec-policy", p => {
                    const document = JSON.parse(p.policy);
                    document.Statement.push(s3Read[1]);
                    p.policy = JSON.stringify(document);
                });
            };
            await expectFindings(policy, mutate, []);
        });

        it("fails the same actions when no task definition using the role has environment files", async () => {
            await expectFindings(policy, withNeed(s3Statement), [
                mandatory(`${execRole} is granted s3:GetObject, s3:GetBucketLocation by role policy "app-exec-policy", ${S3_ONLY_FOR}, and no task definition that uses it as its execution role does. Remove them, or move them to the task role if the application needs them.`),
            ]);
        });
    });

    describe("FireLens configuration in S3", () => {
        it("accepts s3:GetObject and s3:GetBucketLocation when a FireLens router reads its config from S3", async () => {
            await expectFindings(policy, withNeed(s3Statement, c => (c.firelensConfiguration = {
                type: "fluentbit", options: { "config-file-type": "s3", "config-file-value": `${BUCKET}/fluent-bit.conf` },
            })), []);
        });

        it("still fails them for a FireLens router whose config file is in the image", async () => {
            const findings = await scenario(policy, withNeed(s3Statement, c => (c.firelensConfiguration = {
                type: "fluentbit", options: { "config-file-type": "file", "config-file-value": "/extra.conf" },
            })));
            assert.deepStrictEqual(findings.map(f => f.level), ["mandatory"]);
        });
    });

    describe("ECR pull through cache", () => {
        const pullThrough = { Effect: "Allow", Action: ["ecr:CreateRepository", "ecr:BatchImportUpstreamImage"], Resource: "arn:aws:ecr:us-east-1:123456789012:repository/docker-hub/*" };

        it("accepts ecr:CreateRepository and ecr:BatchImportUpstreamImage for a private ECR image", async () => {
            await expectFindings(policy, withNeed(pullThrough, c => (c.image = ECR_IMAGE)), []);
        });

        it("fails ecr:CreateRepository for a task that pulls only from Docker Hub", async () => {
            await expectFindings(policy, withNeed(pullThrough), [
                mandatory(`${execRole} is granted ecr:CreateRepository by role policy "app-exec-policy", which an execution role needs only for images pulled through an Amazon ECR pull through cache (a private ECR image), and no task definition that uses it as its execution role does. Remove them, or move them to the task role if the application needs them.`),
            ]);
        });
    });

    it("reports a feature action as cannot verify when the container definitions are unknown during preview", async () => {
        await expectFindings(policy, s => {
            withNeed(s3Statement)(s);
            s.update("app-task", p => (p.containerDefinitions = U));
        }, [
            unverified(`${execRole} is granted s3:GetObject, s3:GetBucketLocation by role policy "app-exec-policy", ${S3_ONLY_FOR}; whether its task definitions use that cannot be verified because the containerDefinitions of task definition "app-task" are unknown during preview. Build them from values known at preview.`),
        ]);
    });
});
