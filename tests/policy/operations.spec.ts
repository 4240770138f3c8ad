import * as assert from "assert";
import {
    cloudwatchLogGroupRetention,
    ecrImmutableTags,
    ecrScanOnPush,
    ecsClusterContainerInsights,
    ecsServiceCircuitBreaker,
} from "../../policy-pack/policies/operations";
import { snsTopicEncrypted } from "../../policy-pack/policies/notifications";
import { allPolicies } from "../../policy-pack/policies/all";
import { StackFixture, U } from "./support/fixtures";
import { runPolicy } from "./support/harness";
import { secureOperations } from "./support/operations";
import { advisory, expectFindings, Result, unverified } from "./support/scenario";

/** Runs `policy` on the operations stack (or `base`) after one mutation and compares the findings exactly. */
const expectOn = (
    policy: Parameters<typeof expectFindings>[0],
    mutate: ((stack: StackFixture) => void) | undefined,
    expected: Result[],
    base: () => StackFixture = secureOperations,
) => expectFindings(policy, mutate, expected, {}, base);

/** The operations stack with the web service relying on its deployment alarms alone. */
const alarmsOnly = () => secureOperations().update("web-service", p => delete p.deploymentCircuitBreaker);

/** The operations stack with the alarm topic encrypted with the AWS managed SNS key. */
const awsManagedKey = () => secureOperations().update("app-alarms", p => (p.kmsMasterKeyId = "alias/aws/sns")).dependOn("app-alarms", "kmsMasterKeyId", []);

describe("operational policies", () => {
    it("pass the secure stack", async () => {
        for (const policy of [ecsClusterContainerInsights, ecsServiceCircuitBreaker, cloudwatchLogGroupRetention, ecrScanOnPush, ecrImmutableTags]) {
            await expectFindings(policy, undefined, []);
        }
    });

    it("pass the operations shapes (alarm topic, its key, deployment alarms) with every policy of the pack, with no finding at all", async () => {
        for (const policy of allPolicies) {
            assert.deepStrictEqual(await runPolicy(policy, secureOperations()), [], policy.name);
        }
    });

    describe("ecs-cluster-container-insights", () => {
        it("fails a cluster without the containerInsights setting", async () => {
            await expectFindings(ecsClusterContainerInsights, s => s.update("app-cluster", p => delete p.settings), [
                advisory('ECS cluster "app-cluster" does not enable Container Insights. Add the setting {name: "containerInsights", value: "enabled"} (or "enhanced").'),
            ]);
        });
        it("accepts enhanced and reports an unknown value as cannot verify", async () => {
            await expectFindings(ecsClusterContainerInsights, s => s.update("app-cluster", p => (p.settings[0].value = "enhanced")), []);
            await expectFindings(ecsClusterContainerInsights, s => s.update("app-cluster", p => (p.settings[0].value = U)), [
                unverified('ECS cluster "app-cluster" has settings unknown during preview, so Container Insights cannot be verified. Use literal values so the policy can decide at preview.'),
            ]);
        });
    });

    describe("ecs-service-circuit-breaker-rollback", () => {
        const FIX = "so a failing deployment keeps replacing tasks. Set deploymentCircuitBreaker to {enable: true, rollback: true}.";
        it("fails a service without the circuit breaker", async () => {
            await expectFindings(ecsServiceCircuitBreaker, s => s.update("app-service", p => delete p.deploymentCircuitBreaker), [
                advisory(`ECS service "app-service" does not enable the deployment circuit breaker, ${FIX}`),
            ]);
        });
        it("fails a circuit breaker without rollback", async () => {
            await expectFindings(ecsServiceCircuitBreaker, s => s.update("app-service", p => (p.deploymentCircuitBreaker.rollback = false)), [
                advisory(`ECS service "app-service" enables the deployment circuit breaker without rollback, ${FIX}`),
            ]);
        });
        it("ignores services deployed by CodeDeploy", async () => {
            await expectFindings(ecsServiceCircuitBreaker, s => s.update("app-service", p => Object.assign(p, { deploymentController: { type: "CODE_DEPLOY" }, deploymentCircuitBreaker: undefined })), []);
        });

        describe("with deployment alarms", () => {
            const WEB = 'ECS service "web-service" does not enable the deployment circuit breaker, and its deployment alarms';
            const FIX = "so a failing deployment is not rolled back. Set deploymentCircuitBreaker to {enable: true, rollback: true}, or alarms to {alarmNames: [<alarms that fire when a deployment goes wrong>], enable: true, rollback: true}.";
            it("accepts a service with both the circuit breaker and deployment alarms, as the components create it", async () => {
                await expectOn(ecsServiceCircuitBreaker, undefined, []);
            });
            it("accepts deployment alarms with rollback without the circuit breaker", async () => {
                await expectOn(ecsServiceCircuitBreaker, undefined, [], alarmsOnly);
            });
            it("fails deployment alarms without rollback", async () => {
                await expectOn(ecsServiceCircuitBreaker, s => s.update("web-service", p => (p.alarms.rollback = false)), [
                    advisory(`${WEB} do not roll back (alarms.rollback is false), ${FIX}`),
                ], alarmsOnly);
            });
            it("fails deployment alarms that name no alarm", async () => {
                await expectOn(ecsServiceCircuitBreaker, s => s.update("web-service", p => (p.alarms.alarmNames = [])), [
                    advisory(`${WEB} name no alarm (alarms.alarmNames is empty), ${FIX}`),
                ], alarmsOnly);
            });
            it("reports deployment alarms unknown during preview as cannot verify", async () => {
                await expectOn(ecsServiceCircuitBreaker, s => s.update("web-service", p => (p.alarms = U)), [
                    unverified('ECS service "web-service" has alarms unknown during preview, so whether a failing deployment rolls back cannot be verified. Use literal values so the policy can decide at preview.'),
                ], alarmsOnly);
            });
        });
    });

    describe("cloudwatch-log-group-retention", () => {
        it("fails a log group that keeps logs forever", async () => {
            await expectFindings(cloudwatchLogGroupRetention, s => s.update("app-logs", p => delete p.retentionInDays), [
                advisory('Log group "app-logs" sets no retentionInDays, so its logs are kept (and billed) forever. Set retentionInDays to one of 1, 3, 5, 7, 14, 30, ….'),
            ]);
        });
        it("fails a retention below the configured minimum", async () => {
            await expectFindings(cloudwatchLogGroupRetention, undefined, [
                advisory('Log group "app-logs" keeps logs for 30 days, less than the required 365. Set retentionInDays to one of 365, 400, 545, 731, 1096, 1827, ….'),
            ], { minimumRetentionDays: 365 });
        });
        it("fails a period CloudWatch Logs does not accept", async () => {
            await expectFindings(cloudwatchLogGroupRetention, s => s.update("app-logs", p => (p.retentionInDays = 10)), [
                advisory('Log group "app-logs" sets retentionInDays to 10, which CloudWatch Logs does not accept. Set retentionInDays to one of 1, 3, 5, 7, 14, 30, ….'),
            ]);
        });
    });

    describe("sns-topic-encrypted", () => {
        const TOPIC = 'SNS topic "app-alarms"';
        it("accepts a topic whose key ARN, unknown during preview, comes from a KMS key of the stack", async () => {
            await expectOn(snsTopicEncrypted, undefined, []);
        });
        it("fails a topic without kmsMasterKeyId", async () => {
            await expectOn(snsTopicEncrypted, s => s.update("app-alarms", p => delete p.kmsMasterKeyId), [
                advisory(`${TOPIC} sets no kmsMasterKeyId, so its messages are not encrypted at rest with a KMS key. Set kmsMasterKeyId to a customer managed KMS key (or to alias/aws/sns when no CloudWatch alarm notifies the topic).`),
            ]);
        });
        it("fails an empty kmsMasterKeyId", async () => {
            await expectOn(snsTopicEncrypted, s => s.update("app-alarms", p => (p.kmsMasterKeyId = "")), [
                advisory(`${TOPIC} sets kmsMasterKeyId to an empty string, so its messages are not encrypted at rest with a KMS key. Set kmsMasterKeyId to a customer managed KMS key (or to alias/aws/sns when no CloudWatch alarm notifies the topic).`),
            ]);
        });
        it("reports an unknown key that comes from no KMS key or alias of the stack as cannot verify", async () => {
            await expectOn(snsTopicEncrypted, s => s.dependOn("app-alarms", "kmsMasterKeyId", []), [
                unverified(`${TOPIC} has kmsMasterKeyId unknown during preview, and it comes from no KMS key or alias in this stack, so whether the topic is encrypted with a KMS key cannot be verified. Set kmsMasterKeyId to a known key ARN or alias, or to the arn of an aws.kms.Key of this stack.`),
            ]);
        });
        it("fails the AWS managed key alias/aws/sns on a topic CloudWatch alarms notify: the alarms cannot be delivered", async () => {
            await expectOn(snsTopicEncrypted, undefined, [
                advisory(`${TOPIC} is encrypted with the AWS managed key alias/aws/sns, whose key policy does not let CloudWatch use it, so the alarms cannot be delivered: CloudWatch alarms "web-target-5xx-alarm" and "web-unhealthy-targets-alarm" cannot publish to the topic. Set kmsMasterKeyId to a customer managed KMS key whose key policy allows the service principal cloudwatch.amazonaws.com kms:Decrypt and kms:GenerateDataKey*.`),
            ], awsManagedKey);
        });
        it("accepts the AWS managed key alias/aws/sns on a topic no alarm of the stack notifies", async () => {
            const noAlarms = (s: StackFixture) => s.remove("web-target-5xx-alarm").remove("web-unhealthy-targets-alarm");
            await expectOn(snsTopicEncrypted, noAlarms, [], awsManagedKey);
        });
    });

    describe("ECR repositories", () => {
        it("ecr-scan-on-push fails a repository that does not scan on push", async () => {
            await expectFindings(ecrScanOnPush, s => s.update("app-repo", p => delete p.imageScanningConfiguration), [
                advisory('ECR repository "app-repo" does not scan images on push. Set imageScanningConfiguration.scanOnPush to true.'),
            ]);
        });
        it("ecr-immutable-tags fails a repository with mutable tags (the AWS default)", async () => {
            await expectFindings(ecrImmutableTags, s => s.update("app-repo", p => delete p.imageTagMutability), [
                advisory('ECR repository "app-repo" allows tags to be overwritten (imageTagMutability MUTABLE). Set imageTagMutability to "IMMUTABLE".'),
            ]);
        });
    });
});
