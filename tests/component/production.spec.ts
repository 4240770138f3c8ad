/**
 * Production features shared by every workload: Fargate Spot, scheduled capacity, private registry credentials and
 * EFS volumes. Exact resources and security facts under mocks, and each feature's bad input with its message.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { FargateStack, FargateStackArgs } from "../../components/index";
import { AwsMocks, settle } from "../support/awsMocks";
import { build, json } from "../support/fixture";
import { IMAGE, buildPlatform } from "../support/platformFixture";

const REGISTRY_SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:registry/ghcr-AbCdEf";

async function expectInvalid(args: FargateStackArgs, problems: string[]): Promise<void> {
    const mocks = new AwsMocks().install();
    try {
        assert.throws(() => new FargateStack("web", args), (error: unknown) => {
            assert.ok(pulumi.ResourceError.isInstance(error));
            const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
            assert.strictEqual(error.message, `FargateStack "web" has invalid arguments (${count}); nothing was created:\n` +
                problems.map(p => `  - ${p}`).join("\n"));
            return true;
        });
    } finally {
        await settle();
    }
    assert.deepStrictEqual(mocks.resources, []);
}

describe("production features", () => {
    describe("Fargate Spot", () => {
        it("runs a SpotWithOnDemandBase service on capacity providers, with no launch type and an on-demand base", async () => {
            const built = await build({ image: IMAGE, capacityStrategy: "SpotWithOnDemandBase", onDemandBaseCount: 2, spotWeight: 4 });
            const service = built.inputs("web-service");
            assert.strictEqual(service.launchType, undefined);
            assert.deepStrictEqual(service.capacityProviderStrategies, [
                { capacityProvider: "FARGATE", base: 2, weight: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 4 },
            ]);
        });

        it("runs a Spot worker and a Spot scheduled task on FARGATE_SPOT only", async () => {
            const built = await buildPlatform([
                { kind: "worker", name: "orders", args: { image: IMAGE, capacityStrategy: "Spot" } },
                { kind: "job", name: "report", args: { image: IMAGE, schedule: "rate(1 day)", capacityStrategy: "Spot" } },
            ]);
            assert.strictEqual(built.inputs("orders-service").launchType, undefined);
            assert.deepStrictEqual(built.inputs("orders-service").capacityProviderStrategies, [{ capacityProvider: "FARGATE_SPOT", weight: 1 }]);
            const ecs = built.inputs("report-schedule").target.ecsParameters;
            assert.strictEqual(ecs.launchType, undefined);
            assert.deepStrictEqual(ecs.capacityProviderStrategies, [{ capacityProvider: "FARGATE_SPOT", weight: 1 }]);
        });

        it("keeps the FARGATE launch type on demand, as before", async () => {
            const built = await build({ image: IMAGE });
            assert.strictEqual(built.inputs("web-service").launchType, "FARGATE");
            assert.strictEqual(built.inputs("web-service").capacityProviderStrategies, undefined);
        });

        it("rejects Spot for Windows and Spot settings without the strategy that uses them", async () => {
            await expectInvalid({
                image: IMAGE, operatingSystemFamily: "WINDOWS_SERVER_2022_CORE", cpu: 1024, memoryMib: 2048, readonlyRootFilesystem: false,
                capacityStrategy: "Spot", spotWeight: 2,
            }, [
                "`spotWeight` applies only to `capacityStrategy` SpotWithOnDemandBase; got 2. Remove it, or set `capacityStrategy` to SpotWithOnDemandBase.",
                "`capacityStrategy` is not available for Windows containers: Fargate Spot runs Linux tasks only; got \"Spot\". Use OnDemand for a Windows task.",
            ]);
        });
    });

    describe("scheduled capacity", () => {
        it("changes the task count range on schedule, in the given time zone", async () => {
            const built = await build({
                image: IMAGE, scheduledCapacity: [
                    { schedule: "cron(0 20 ? * MON-FRI *)", minTaskCount: 0, maxTaskCount: 0, scheduleTimezone: "Europe/Paris" },
                    { schedule: "cron(0 7 ? * MON-FRI *)", minTaskCount: 2, maxTaskCount: 10 },
                ],
            });
            const actions = built.mocks.ofType("aws:appautoscaling/scheduledAction:ScheduledAction");
            assert.deepStrictEqual(actions.map(a => [a.name, a.inputs.schedule, a.inputs.timezone, a.inputs.scalableTargetAction]), [
                ["web-scheduled-capacity-1", "cron(0 20 ? * MON-FRI *)", "Europe/Paris", { minCapacity: 0, maxCapacity: 0 }],
                ["web-scheduled-capacity-2", "cron(0 7 ? * MON-FRI *)", "UTC", { minCapacity: 2, maxCapacity: 10 }],
            ]);
            assert.ok(actions.every(a => a.inputs.resourceId === built.inputs("web-scaling-target").resourceId));
        });

        it("rejects a range upside down, a schedule autoscaling cannot read, and scheduled capacity without autoscaling", async () => {
            await expectInvalid({
                image: IMAGE, enableAutoscaling: false, scheduledCapacity: [
                    { schedule: "every night", minTaskCount: 3, maxTaskCount: 1 },
                    { schedule: "at(2027-02-30T25:00:00)", minTaskCount: 0, maxTaskCount: 0 },
                ],
            }, [
                "`scheduledCapacity` needs autoscaling, and `enableAutoscaling` is false; got 2 entries. Set `enableAutoscaling` to true, or remove `scheduledCapacity`.",
                "`scheduledCapacity[0].schedule` must be cron(...), rate(...) or at(...); got \"every night\". Use an expression such as \"cron(0 7 ? * MON-FRI *)\".",
                "`scheduledCapacity[0].minTaskCount` must not exceed `scheduledCapacity[0].maxTaskCount` (1); got 3. Lower the minimum or raise the maximum.",
                "`scheduledCapacity[1].schedule` must be at(yyyy-mm-ddThh:mm:ss) with a real date and time; got \"at(2027-02-30T25:00:00)\". Use an expression such as \"cron(0 7 ? * MON-FRI *)\".",
            ]);
        });
    });

    describe("private registry credentials", () => {
        it("gives the container the credentials and the execution role read access to that secret only", async () => {
            const built = await build({ image: "ghcr.io/acme/api:1.2.3", repositoryCredentialsSecretArn: REGISTRY_SECRET });
            assert.deepStrictEqual(json(built.inputs("web-task").containerDefinitions)[0].repositoryCredentials,
                { credentialsParameter: REGISTRY_SECRET });
            const statements = json(built.inputs("web-exec-policy").policy).Statement;
            assert.deepStrictEqual(statements.find((s: any) => s.Sid === "RegistryCredentials"),
                { Sid: "RegistryCredentials", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [REGISTRY_SECRET] });
            assert.deepStrictEqual(statements.map((s: any) => s.Sid), ["Logs", "RegistryCredentials"]);
        });

        it("rejects credentials for an ECR image and a value that is not a secret's ARN", async () => {
            await expectInvalid({ image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:v1", repositoryCredentialsSecretArn: REGISTRY_SECRET }, [
                `\`repositoryCredentialsSecretArn\` is for a private registry other than ECR, and the image is in ECR; got "${REGISTRY_SECRET}". Remove it: the execution role pulls from ECR with its own permissions.`,
            ]);
            await expectInvalid({ image: "ghcr.io/acme/api:1.2.3", repositoryCredentialsSecretArn: "ghcr-token" }, [
                "`repositoryCredentialsSecretArn` must be the ARN of a Secrets Manager secret; got \"ghcr-token\". Store the registry's username and password in Secrets Manager and give the secret's ARN.",
            ]);
        });
    });

    describe("EFS volumes", () => {
        let built: Awaited<ReturnType<typeof build>>;
        before(async () => {
            built = await build({
                image: IMAGE, efsVolumes: [
                    { containerPath: "/data", posixUid: 101, posixGid: 101 },
                    { containerPath: "/reference", readOnly: true, rootDirectory: "/shared/reference" },
                    { containerPath: "/archive", fileSystemId: "fs-0123456789abcdef0" },
                ],
            });
        });

        it("creates one encrypted, backed-up file system with Infrequent Access and a mount target per private subnet", () => {
            const fs = built.inputs("web-efs");
            assert.deepStrictEqual([fs.encrypted, fs.lifecyclePolicies],
                [true, [{ transitionToIa: "AFTER_30_DAYS" }, { transitionToPrimaryStorageClass: "AFTER_1_ACCESS" }]]);
            assert.deepStrictEqual(built.inputs("web-efs-backup").backupPolicy, { status: "ENABLED" });
            assert.deepStrictEqual(built.mocks.ofType("aws:efs/mountTarget:MountTarget").map(m => [m.name, m.inputs.subnetId]),
                [["web-efs-mount-1", "web-private-1-id"], ["web-efs-mount-2", "web-private-2-id"]]);
            assert.deepStrictEqual(json(built.inputs("web-efs-policy").policy).Statement[0].Condition, { Bool: { "aws:SecureTransport": "false" } });
        });

        it("admits NFS to the file system from the workload's task security group only", () => {
            const rules = built.mocks.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                .filter(r => r.inputs.securityGroupId === "web-efs-sg-id");
            assert.deepStrictEqual(rules.map(r => [r.name, r.inputs.fromPort, r.inputs.toPort, r.inputs.referencedSecurityGroupId, r.inputs.cidrIpv4]),
                [["web-efs-from-task-ingress", 2049, 2049, "web-task-sg-id", undefined]]);
            assert.deepStrictEqual(built.inputs("web-efs-sg").egress, []);
            assert.deepStrictEqual(built.inputs("web-efs-mount-1").securityGroups, ["web-efs-sg-id"]);
        });

        it("gives each volume an access point with its POSIX user and a root directory created with that owner", () => {
            assert.deepStrictEqual(["web-efs-ap-1", "web-efs-ap-2", "web-efs-ap-3"].map(n => {
                const ap = built.inputs(n);
                return [ap.fileSystemId, ap.posixUser, ap.rootDirectory];
            }), [
                ["web-efs-id", { uid: 101, gid: 101 }, { path: "/data", creationInfo: { ownerUid: 101, ownerGid: 101, permissions: "750" } }],
                ["web-efs-id", { uid: 1000, gid: 1000 }, { path: "/shared/reference", creationInfo: { ownerUid: 1000, ownerGid: 1000, permissions: "750" } }],
                ["fs-0123456789abcdef0", { uid: 1000, gid: 1000 }, { path: "/archive", creationInfo: { ownerUid: 1000, ownerGid: 1000, permissions: "750" } }],
            ]);
        });

        it("mounts each volume with transit encryption and IAM authorization, read-only where asked", () => {
            const task = built.inputs("web-task");
            assert.deepStrictEqual(task.volumes.map((v: any) => [v.name, v.efsVolumeConfiguration]), [
                ["efs-1", { fileSystemId: "web-efs-id", transitEncryption: "ENABLED", authorizationConfig: { accessPointId: "web-efs-ap-1-id", iam: "ENABLED" } }],
                ["efs-2", { fileSystemId: "web-efs-id", transitEncryption: "ENABLED", authorizationConfig: { accessPointId: "web-efs-ap-2-id", iam: "ENABLED" } }],
                ["efs-3", { fileSystemId: "fs-0123456789abcdef0", transitEncryption: "ENABLED", authorizationConfig: { accessPointId: "web-efs-ap-3-id", iam: "ENABLED" } }],
            ]);
            assert.deepStrictEqual(json(task.containerDefinitions)[0].mountPoints, [
                { sourceVolume: "efs-1", containerPath: "/data", readOnly: false },
                { sourceVolume: "efs-2", containerPath: "/reference", readOnly: true },
                { sourceVolume: "efs-3", containerPath: "/archive", readOnly: false },
            ]);
        });

        it("lets the task role mount (and write unless read-only) through each access point only, never on *", () => {
            // The mocks name created resources' ARNs arn:aws:efs:…; an existing file system's ARN is built as IAM wants it.
            const statements = json(built.inputs("web-task-efs-policy").policy).Statement;
            assert.deepStrictEqual(statements.map((s: any) => [s.Action, s.Resource, s.Condition.StringEquals["elasticfilesystem:AccessPointArn"]]), [
                [["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"], "arn:aws:efs:us-east-1:123456789012:web-efs",
                    "arn:aws:efs:us-east-1:123456789012:web-efs-ap-1"],
                [["elasticfilesystem:ClientMount"], "arn:aws:efs:us-east-1:123456789012:web-efs",
                    "arn:aws:efs:us-east-1:123456789012:web-efs-ap-2"],
                [["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
                    "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0",
                    "arn:aws:efs:us-east-1:123456789012:web-efs-ap-3"],
            ]);
            assert.strictEqual(built.inputs("web-task-efs-policy").role, built.inputs("web-task-role").name);
        });

        it("starts the service only after the mount targets and the EFS permissions exist", () => {
            const deps = built.mocks.named("web-service").dependencies;
            for (const name of ["web-efs-mount-1", "web-efs-mount-2", "web-task-efs-policy"]) {
                assert.ok(deps.includes(built.mocks.named(name).urn), name);
            }
        });

        it("creates no file system when every volume names one", async () => {
            const shared = await buildPlatform([{ kind: "web", name: "cms", args: {
                image: IMAGE, pathPatterns: ["/"], priority: 1, efsVolumes: [{ containerPath: "/uploads", fileSystemId: "fs-0123456789abcdef0" }],
            } }]);
            assert.deepStrictEqual(shared.mocks.ofType("aws:efs/fileSystem:FileSystem"), []);
            assert.deepStrictEqual(shared.mocks.ofType("aws:efs/mountTarget:MountTarget"), []);
            assert.deepStrictEqual(shared.mocks.ofType("aws:efs/accessPoint:AccessPoint").map(a => a.name), ["cms-efs-ap-1"]);
        });

        it("puts a workload's mount targets in its platform's private subnets", async () => {
            const shared = await buildPlatform([{ kind: "worker", name: "indexer", args: { image: IMAGE, efsVolumes: [{ containerPath: "/index" }] } }]);
            assert.deepStrictEqual(shared.mocks.ofType("aws:efs/mountTarget:MountTarget").map(m => [m.name, m.inputs.subnetId]),
                [["indexer-efs-mount-1", "main-private-1-id"], ["indexer-efs-mount-2", "main-private-2-id"]]);
        });

        it("rejects EFS on Windows, a path mounted twice and a file system ID that is not one", async () => {
            await expectInvalid({
                image: IMAGE, operatingSystemFamily: "WINDOWS_SERVER_2022_CORE", cpu: 1024, memoryMib: 2048, readonlyRootFilesystem: false,
                writablePaths: ["/data"], efsVolumes: [{ containerPath: "/data" }, { containerPath: "/x", fileSystemId: "my-fs" }],
            }, [
                "`efsVolumes` are not supported for Windows containers on Fargate; got 2 volumes. Remove them, or run the task on Linux.",
                "`efsVolumes[0].containerPath` is already mounted (as a writable path); got \"/data\". Mount each path once.",
                "`efsVolumes[1].fileSystemId` must be an EFS file system ID; got \"my-fs\". Use an ID such as \"fs-0123456789abcdef0\", or leave it out.",
            ]);
        });
    });
});
