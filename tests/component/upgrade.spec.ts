/**
 * Upgrading `FargateStack` must never replace what users run. Each case builds the component under mocks and
 * compares every registration (URN, parent URN, inputs) with a snapshot taken from release 0.1.0
 * (`tests/fixtures/fargate-stack-0.1.0.json`): the same URN means Pulumi sees the same resource, and the same
 * inputs mean the upgrade shows no diff. What an upgrade may add, and the inputs it may change in place, are declared
 * per case in UPGRADES with the release note behind them; nothing may be removed, renamed or moved.
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

type Picture = ReturnType<typeof picture>;

/**
 * What an upgrade may do to a stack of 0.1.0, by case: resources it adds (by name) and inputs it changes in place (by
 * resource name), each with the release note behind it. Anything else (a removed or renamed resource, a new parent,
 * another changed input) is a difference, and so is an addition or change not listed.
 */
const OPERATIONS = {
    why: "0.2.0: alarms on by default, sent to an encrypted topic, a dashboard, and deployments that roll back on alarm",
    adds: [
        "web-alarms", "web-alarms-key", "web-alb-5xx-alarm", "web-cpu-high-alarm", "web-dashboard", "web-latency-p99-alarm",
        "web-memory-high-alarm", "web-running-tasks-alarm", "web-target-5xx-alarm", "web-unhealthy-targets-alarm",
    ],
    // ECS updates a service's deployment alarms in place (UpdateService): the service and its tasks stay.
    changes: { "web-service": ["alarms"] } as Record<string, string[]>,
};

const UPGRADES: Record<string, { adds: string[]; changes: Record<string, string[]>; why: string }> = {
    "dev stack": OPERATIONS,
    "HTTPS with a domain, three AZs, one NAT gateway each": OPERATIONS,
    "existing VPC and cluster, certificate ARN, no autoscaling": OPERATIONS,
    "created repository with an image build, ECS Exec, task policies, ARM64": {
        why: `${OPERATIONS.why}; without NAT gateways the tasks get the VPC endpoints they need to start; ECS Exec sessions are logged`,
        adds: [
            ...OPERATIONS.adds,
            "web-ecr-api-endpoint", "web-ecr-dkr-endpoint", "web-endpoints-from-task-ingress", "web-endpoints-sg",
            "web-exec-logs", "web-logs-endpoint", "web-s3-endpoint", "web-secretsmanager-endpoint", "web-ssm-endpoint",
            "web-ssmmessages-endpoint", "web-task-exec-logs-policy",
        ],
        // ECS updates a cluster's configuration in place (UpdateCluster): the cluster and its tasks stay.
        changes: { ...OPERATIONS.changes, "web-cluster": ["configuration"] },
    },
};

/** The differences between a 0.1.0 picture and today's that the upgrade of `label` does not declare. */
function undeclaredDifferences(label: string, before: Picture, after: Picture): string[] {
    const allowed = UPGRADES[label];
    const name = (urn: string) => urn.split("::").pop()!;
    const found: string[] = [];
    const now = new Map(after.map(r => [r.urn, r]));
    for (const old of before) {
        const current = now.get(old.urn);
        if (!current) {
            found.push(`${name(old.urn)} is gone (its URN changed or it was removed): the upgrade would delete it`);
            continue;
        }
        if (current.parent !== old.parent) {
            found.push(`${name(old.urn)} has another parent`);
        }
        const keys = new Set([...Object.keys(old.inputs), ...Object.keys(current.inputs)]);
        for (const key of keys) {
            const same = JSON.stringify(old.inputs[key]) === JSON.stringify(current.inputs[key]);
            if (!same && !(allowed.changes[name(old.urn)] ?? []).includes(key)) {
                found.push(`${name(old.urn)}.${key} changed`);
            }
        }
    }
    const olds = new Set(before.map(r => r.urn));
    const added = after.filter(r => !olds.has(r.urn)).map(r => name(r.urn)).sort();
    if (JSON.stringify(added) !== JSON.stringify([...allowed.adds].sort())) {
        found.push(`adds ${JSON.stringify(added)}, declared ${JSON.stringify([...allowed.adds].sort())}`);
    }
    return found;
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
        const label = "HTTPS with a domain, three AZs, one NAT gateway each";
        assert.deepStrictEqual(undeclaredDifferences(label, snapshot[label] as Picture, JSON.parse(JSON.stringify(picture(built.mocks.resources)))), []);
    });

    for (const [label, args] of Object.entries(CASES)) {
        it(`keeps every resource and input of 0.1.0, changing only what the release declares: ${label}`, async () => {
            const built = await build(args);
            recorded[label] = picture(built.mocks.resources);
            if (process.env.UPDATE_UPGRADE_SNAPSHOT !== "1") {
                assert.deepStrictEqual(undeclaredDifferences(label, snapshot[label] as Picture, JSON.parse(JSON.stringify(recorded[label]))), []);
            }
        });
    }
});
