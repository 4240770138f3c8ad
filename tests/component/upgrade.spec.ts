/**
 * Upgrading `FargateStack` must never replace what users run. Each case builds the component under mocks and
 * compares every registration (URN, parent URN, inputs) with a snapshot taken from release 0.1.0
 * (`tests/fixtures/fargate-stack-0.1.0.json`): the same URN means Pulumi sees the same resource, and the same
 * inputs mean the upgrade shows no diff at all. A deliberate change to a resource needs a new snapshot, with the
 * upgrade note for users that goes with it.
 *
 * `UPDATE_UPGRADE_SNAPSHOT=1 npx mocha tests/component/upgrade.spec.ts` rewrites the snapshot; it exists to record
 * a release, not to make this spec pass.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { build } from "../support/fixture";
import { RecordedResource } from "../support/awsMocks";

const SNAPSHOT = path.join(__dirname, "..", "fixtures", "fargate-stack-0.1.0.json");
const SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf";

/**
 * Configurations that together touch every child FargateStack can create. Written with the input names the
 * component documents today: a renamed input must build exactly what its old name built.
 */
const CASES: Record<string, Record<string, unknown>> = {
    "dev stack": {
        image: "nginxinc/nginx-unprivileged:1.27-alpine", containerPort: 8080, user: "101", writablePaths: ["/tmp"],
        cpu: 256, memoryMib: 512, desiredCount: 2, minTaskCount: 2, maxTaskCount: 4, targetHealthCheckPath: "/",
        deregistrationDelaySeconds: 15, logRetentionDays: 7, environment: { APP_ENV: "dev", LOG_LEVEL: "debug" },
        tags: { environment: "dev", owner: "platform-team" },
    },
    "HTTPS with a domain, three AZs, one NAT gateway each": {
        image: "nginx:1.27", domainName: "app.example.com", hostedZoneId: "Z123", availabilityZoneCount: 3,
        natGateways: "OnePerAz", requestsPerTaskPerMinute: 500, secrets: { DB_PASSWORD: SECRET },
        containerHealthCheck: { command: ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"] },
        targetHealthCheckMatcher: "200", targetHealthCheckIntervalSeconds: 15, targetHealthCheckTimeoutSeconds: 6,
        targetHealthyThreshold: 3, targetUnhealthyThreshold: 4,
    },
    "existing VPC and cluster, certificate ARN, no autoscaling": {
        image: "nginx:1.27", vpcId: "vpc-123", publicSubnetIds: ["subnet-pub-a", "subnet-pub-b"],
        privateSubnetIds: ["subnet-priv-a", "subnet-priv-b"], clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/shared",
        certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc", enableAutoscaling: false,
        enableDeletionProtection: true,
    },
    "created repository with an image build, ECS Exec, task policies, ARM64": {
        createRepository: true, imageTag: "v1", imageBuildContextPath: "./app", enableExecuteCommand: true,
        taskRolePolicyArns: ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"], cpuArchitecture: "ARM64",
        taskRolePolicyJson: JSON.stringify({ Version: "2012-10-17", Statement: [] }), natGateways: "None",
        secretsKmsKeyArns: ["arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
        secrets: { DB_PASSWORD: SECRET }, cpu: 1024, memoryMib: 2048,
    },
};

/** What the engine compares on an upgrade: identity (URN, parent) and the inputs it diffs. */
function picture(resources: RecordedResource[]) {
    return resources.map(r => ({ urn: r.urn, parent: r.parent, inputs: r.inputs }))
        .sort((a, b) => a.urn.localeCompare(b.urn));
}

describe("upgrading FargateStack from 0.1.0", () => {
    const snapshot: Record<string, unknown> = fs.existsSync(SNAPSHOT) ? JSON.parse(fs.readFileSync(SNAPSHOT, "utf8")) : {};
    const recorded: Record<string, unknown> = {};

    after(() => {
        if (process.env.UPDATE_UPGRADE_SNAPSHOT === "1") {
            fs.writeFileSync(SNAPSHOT, `${JSON.stringify(recorded, null, 1)}\n`);
        }
    });

    it("builds the same resources from the names 0.1.0 documented, which stay accepted until 0.3.0", async () => {
        const built = await build({
            image: "nginx:1.27", domainName: "app.example.com", hostedZoneId: "Z123", availabilityZoneCount: 3,
            natGateways: "OnePerAz", requestsPerTarget: 500, secrets: { DB_PASSWORD: SECRET },
            healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"] },
            healthCheckMatcher: "200", healthCheckIntervalSeconds: 15, healthCheckTimeoutSeconds: 6,
            healthyThreshold: 3, unhealthyThreshold: 4,
        });
        assert.deepStrictEqual(JSON.parse(JSON.stringify(picture(built.mocks.resources))),
            snapshot["HTTPS with a domain, three AZs, one NAT gateway each"]);
    });

    for (const [label, args] of Object.entries(CASES)) {
        it(`registers exactly the resources and inputs of 0.1.0: ${label}`, async () => {
            const built = await build(args);
            recorded[label] = picture(built.mocks.resources);
            if (process.env.UPDATE_UPGRADE_SNAPSHOT !== "1") {
                assert.deepStrictEqual(JSON.parse(JSON.stringify(recorded[label])), snapshot[label]);
            }
        });
    }
});
