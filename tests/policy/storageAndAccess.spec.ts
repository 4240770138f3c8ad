/**
 * The storage and access rules on the shapes the components register at a fresh stack's first preview: EFS file
 * systems encrypted at rest, EFS volumes mounted with encryption in transit and IAM authorization, ECS Exec sessions
 * logged by the cluster, and interface VPC endpoints with private DNS. One mutation of the secure stack per case.
 */
import * as assert from "assert";
import { allPolicies } from "../../policy-pack/policies/all";
import { ecsExecSessionsLogged, vpcInterfaceEndpointPrivateDns } from "../../policy-pack/policies/access";
import { ecsEfsVolumeTransitEncryptionAndIam, efsFileSystemEncrypted } from "../../policy-pack/policies/storage";
import { T } from "../../policy-pack/lib/types";
import { StackFixture, U } from "./support/fixtures";
import { runPolicy } from "./support/harness";
import { advisory, expectFindings, Result, unverified } from "./support/scenario";
import { SECURE_CONTAINERS } from "./support/stacks";
import { secureStorageAndAccess } from "./support/storageAndAccess";
import { secureWorkloads } from "./support/workloads";

/** Runs `policy` on the storage and access stack after one mutation and compares the findings exactly. */
const expectOn = (
    policy: Parameters<typeof expectFindings>[0],
    mutate: ((stack: StackFixture) => void) | undefined,
    expected: Result[],
) => expectFindings(policy, mutate, expected, {}, secureStorageAndAccess);

const SERVICE = 'ECS service "app-service"';
const SCHEDULE = 'Scheduler schedule "job-schedule"';
const CLUSTER = 'ECS cluster "app-cluster"';
const OVERRIDE_FIX =
    'Set the cluster\'s configuration.executeCommandConfiguration to {logging: "OVERRIDE", logConfiguration: ' +
    "{cloudWatchLogGroupName: <a log group>}} (or s3BucketName), or turn enableExecuteCommand off.";

describe("storage and access shapes at first preview", () => {
    it("pass every policy of the pack with no finding at all", async () => {
        for (const policy of allPolicies) {
            assert.deepStrictEqual(await runPolicy(policy, secureStorageAndAccess()), [], policy.name);
        }
    });

    describe("efs-file-system-encrypted", () => {
        it("accepts an encrypted file system", async () => {
            await expectOn(efsFileSystemEncrypted, undefined, []);
        });

        it("fails a file system that leaves encrypted unset, the provider's default", async () => {
            await expectOn(efsFileSystemEncrypted, s => s.update("app-efs", p => delete p.encrypted), [
                advisory('EFS file system "app-efs" leaves encrypted unset (the provider\'s default is false), so its files are stored unencrypted. Set encrypted to true (this replaces the file system: copy its data across first).'),
            ]);
        });

        it("reports an unknown encrypted as cannot verify", async () => {
            await expectOn(efsFileSystemEncrypted, s => s.update("app-efs", p => (p.encrypted = U)), [
                unverified('EFS file system "app-efs" has encrypted unknown during preview, so whether it is encrypted at rest cannot be verified. Set encrypted to the literal true.'),
            ]);
        });
    });

    describe("ecs-efs-volume-transit-encryption-and-iam", () => {
        const policy = ecsEfsVolumeTransitEncryptionAndIam;
        const VOLUME = 'EFS volume "efs-1" of task definition "app-task"';

        it("accepts a volume mounted through an access point with TLS and IAM, and ignores volumes without EFS", async () => {
            await expectOn(policy, s => s.update("app-task", p => p.volumes.push({ name: "scratch" })), []);
        });

        it("fails a volume with transit encryption disabled", async () => {
            await expectOn(policy, s => s.update("app-task", p => (p.volumes[0].efsVolumeConfiguration.transitEncryption = "DISABLED")), [
                advisory(`${VOLUME} is mounted without encryption in transit (transitEncryption is "DISABLED"), so its NFS traffic crosses the VPC in plain text. Set efsVolumeConfiguration.transitEncryption to "ENABLED".`),
            ]);
        });

        it("fails a volume without IAM authorization", async () => {
            await expectOn(policy, s => s.update("app-task", p => delete p.volumes[0].efsVolumeConfiguration.authorizationConfig), [
                advisory(`${VOLUME} is mounted without IAM authorization (authorizationConfig.iam is unset, which means DISABLED), so the file system cannot tell the task role from any other client that reaches a mount target. Set efsVolumeConfiguration.authorizationConfig.iam to "ENABLED" (it needs transitEncryption "ENABLED") and allow the task role elasticfilesystem:ClientMount on the file system.`),
            ]);
        });

        it("reports an unknown transitEncryption as cannot verify", async () => {
            await expectOn(policy, s => s.update("app-task", p => (p.volumes[0].efsVolumeConfiguration.transitEncryption = U)), [
                unverified(`${VOLUME} has efsVolumeConfiguration.transitEncryption unknown during preview, so whether it is mounted with encryption in transit cannot be verified. Set transitEncryption to the literal "ENABLED".`),
            ]);
        });
    });

    describe("ecs-exec-sessions-logged", () => {
        const policy = ecsExecSessionsLogged;
        const NONE = `which sets configuration.executeCommandConfiguration.logging to "NONE", so the commands people run in the tasks, and their output, are recorded nowhere. ${OVERRIDE_FIX}`;

        it("accepts a cluster that logs the sessions to a log group whose name is unknown but comes from the stack", async () => {
            await expectOn(policy, s => s.update("app-cluster", p => (p.configuration.executeCommandConfiguration.logConfiguration.cloudWatchLogGroupName = U))
                .dependOn("app-cluster", "configuration", [s.get("app-exec-logs")]), []);
        });

        it("fails a service and a schedule with ECS Exec on a cluster that turns session logging off", async () => {
            await expectOn(policy, s => s.update("app-cluster", p => (p.configuration.executeCommandConfiguration = { logging: "NONE" })), [
                advisory(`${SERVICE} enables ECS Exec on ${CLUSTER}, ${NONE}`),
                advisory(`${SCHEDULE} enables ECS Exec on ${CLUSTER}, ${NONE}`),
            ]);
        });

        it("accepts an enableExecuteCommand unknown during preview on a cluster that logs the sessions", async () => {
            await expectOn(policy, s => s.update("app-service", p => (p.enableExecuteCommand = U)), []);
        });

        it("ignores a cluster that turns session logging off when nothing enables ECS Exec on it", async () => {
            await expectFindings(policy, s => s.update("app-cluster", p => (p.configuration = { executeCommandConfiguration: { logging: "NONE" } })), [], {}, secureWorkloads);
        });

        it("fails OVERRIDE without a log group or bucket", async () => {
            const bare = `enables ECS Exec on ${CLUSTER}, whose executeCommandConfiguration.logging is "OVERRIDE" but whose logConfiguration names no cloudWatchLogGroupName or s3BucketName, so the sessions are logged nowhere. Set logConfiguration.cloudWatchLogGroupName to a log group (or s3BucketName to a bucket).`;
            await expectOn(policy, s => s.update("app-cluster", p => delete p.configuration.executeCommandConfiguration.logConfiguration), [
                advisory(`${SERVICE} ${bare}`),
                advisory(`${SCHEDULE} ${bare}`),
            ]);
        });

        it("accepts DEFAULT logging (an unset configuration) when every container logs with awslogs", async () => {
            await expectOn(policy, s => s.update("app-cluster", p => delete p.configuration), []);
        });

        it("fails DEFAULT logging for a task definition with a container that does not log with awslogs", async () => {
            const firelens = [{ ...SECURE_CONTAINERS[0], logConfiguration: { logDriver: "awsfirelens" } }];
            await expectOn(policy, s => s.update("app-cluster", p => delete p.configuration)
                .update("app-task", p => (p.containerDefinitions = JSON.stringify(firelens))), [
                advisory(`${SERVICE} enables ECS Exec on ${CLUSTER}, which leaves configuration.executeCommandConfiguration.logging unset (DEFAULT) and so logs the sessions only through the awslogs driver of the task's containers, but container "app" of task definition "app-task" does not log with awslogs, so sessions in it are recorded nowhere. ${OVERRIDE_FIX}`),
            ]);
        });

        it("reports a log group name unknown during preview that comes from no log group of the stack as cannot verify", async () => {
            const unknown = `enables ECS Exec on ${CLUSTER}, whose executeCommandConfiguration.logConfiguration names a log group or bucket unknown during preview that comes from no log group or S3 bucket in this stack, so whether the sessions are logged cannot be verified. Name the log group or bucket with a literal, or pass the name of one created in this stack.`;
            await expectOn(policy, s => s.update("app-cluster", p => (p.configuration.executeCommandConfiguration.logConfiguration.cloudWatchLogGroupName = U)), [
                unverified(`${SERVICE} ${unknown}`),
                unverified(`${SCHEDULE} ${unknown}`),
            ]);
        });

        it("reports a cluster outside the stack as cannot verify", async () => {
            const arn = "arn:aws:ecs:us-east-1:123456789012:cluster/shared";
            await expectOn(policy, s => s.update("app-service", p => (p.cluster = arn)).dependOn("app-service", "cluster", []), [
                unverified(`${SERVICE} enables ECS Exec on cluster "${arn}", which is not created in this stack, so whether it logs ECS Exec sessions cannot be verified. Create the cluster in this stack, or check by hand that its executeCommandConfiguration logs the sessions.`),
            ]);
        });

        it("reports an EventBridge ECS target with ECS Exec on a cluster it cannot trace as cannot verify", async () => {
            await expectOn(policy, s => s.add(T.eventTarget, "job-rule-target", {
                rule: "nightly", arn: U, roleArn: U,
                ecsTarget: { taskDefinitionArn: U, launchType: "FARGATE", enableExecuteCommand: true,
                    networkConfiguration: { subnets: [U, U], securityGroups: [U], assignPublicIp: false } },
            }, { ecsTarget: [s.get("job-task"), s.get("app-private-1"), s.get("app-private-2"), s.get("app-task-sg")] }), [
                unverified('EventBridge target "job-rule-target" enables ECS Exec on a cluster whose ARN is unknown during preview and comes from no aws.ecs.Cluster in this stack, so whether it logs ECS Exec sessions cannot be verified. Pass the arn of an aws.ecs.Cluster in this stack, or a known ARN.'),
            ]);
        });
    });

    describe("vpc-interface-endpoint-private-dns", () => {
        const policy = vpcInterfaceEndpointPrivateDns;
        const ENDPOINT = 'VPC endpoint "app-ecr-api-endpoint" is an interface endpoint for "com.amazonaws.us-east-1.ecr.api"';

        it("fails an interface endpoint that leaves private DNS unset, the provider's default", async () => {
            await expectOn(policy, s => s.update("app-ecr-api-endpoint", p => delete p.privateDnsEnabled), [
                advisory(`${ENDPOINT} that leaves privateDnsEnabled unset (false), so tasks keep resolving the service's public name and reach it through a NAT gateway, or fail without one. Set privateDnsEnabled to true (the VPC needs enableDnsSupport and enableDnsHostnames).`),
            ]);
        });

        it("accepts private DNS enabled by an aws.vpc.EndpointPrivateDns of the stack", async () => {
            await expectOn(policy, s => s.update("app-ecr-api-endpoint", p => delete p.privateDnsEnabled)
                .add(T.vpcEndpointPrivateDns, "app-ecr-api-dns", { vpcEndpointId: U, privateDnsEnabled: true }, { vpcEndpointId: [s.get("app-ecr-api-endpoint")] }), []);
        });

        it("does not apply to gateway endpoints or to endpoint services of other accounts", async () => {
            await expectOn(policy, s => s.add(T.vpcEndpoint, "partner-endpoint", {
                vpcId: U, vpcEndpointType: "Interface", serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
                subnetIds: [U], securityGroupIds: [U],
            }, { vpcId: [s.get("app-vpc")] }), []);
        });

        it("reports an unknown privateDnsEnabled as cannot verify", async () => {
            await expectOn(policy, s => s.update("app-ecr-api-endpoint", p => (p.privateDnsEnabled = U)), [
                unverified(`${ENDPOINT} whose privateDnsEnabled is unknown during preview, so whether tasks reach the service through it cannot be verified. Set privateDnsEnabled to the literal true.`),
            ]);
        });
    });
});
