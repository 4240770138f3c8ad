import {
    cloudwatchLogGroupRetention,
    ecrImmutableTags,
    ecrScanOnPush,
    ecsClusterContainerInsights,
    ecsServiceCircuitBreaker,
} from "../../policy-pack/policies/operations";
import { U } from "./support/fixtures";
import { advisory, expectFindings, unverified } from "./support/scenario";

describe("operational policies", () => {
    it("pass the secure stack", async () => {
        for (const policy of [ecsClusterContainerInsights, ecsServiceCircuitBreaker, cloudwatchLogGroupRetention, ecrScanOnPush, ecrImmutableTags]) {
            await expectFindings(policy, undefined, []);
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
