/**
 * Private networking without NAT gateways (VPC endpoints instead) and logged ECS Exec sessions: the resources they
 * add, their security facts, and the bad input they reject.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { Platform, WebService, WorkerService } from "../../components/index";
import { AwsMocks, settle } from "../support/awsMocks";
import { build, json } from "../support/fixture";
import { buildPlatform } from "../support/platformFixture";

const ECR_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1";
const SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf";
const endpoints = (mocks: AwsMocks) => mocks.ofType("aws:ec2/vpcEndpoint:VpcEndpoint")
    .map(e => [e.name, e.inputs.vpcEndpointType, e.inputs.serviceName]).sort();

describe("networking without NAT gateways", () => {
    describe("a Platform with natGateways None and every endpoint switch", () => {
        let built: Awaited<ReturnType<typeof buildPlatform>>;
        before(async () => {
            built = await buildPlatform([], {
                natGateways: "None", enableSecretsEndpoints: true, enableExecuteCommandEndpoint: true, enableQueueEndpoint: true,
            });
        });

        it("creates the S3 gateway endpoint and the interface endpoints tasks need to start, plus the ones switched on", () => {
            assert.deepStrictEqual(endpoints(built.mocks), [
                ["main-ecr-api-endpoint", "Interface", "com.amazonaws.us-east-1.ecr.api"],
                ["main-ecr-dkr-endpoint", "Interface", "com.amazonaws.us-east-1.ecr.dkr"],
                ["main-logs-endpoint", "Interface", "com.amazonaws.us-east-1.logs"],
                ["main-s3-endpoint", "Gateway", "com.amazonaws.us-east-1.s3"],
                ["main-secretsmanager-endpoint", "Interface", "com.amazonaws.us-east-1.secretsmanager"],
                ["main-sqs-endpoint", "Interface", "com.amazonaws.us-east-1.sqs"],
                ["main-ssm-endpoint", "Interface", "com.amazonaws.us-east-1.ssm"],
                ["main-ssmmessages-endpoint", "Interface", "com.amazonaws.us-east-1.ssmmessages"],
            ]);
            assert.deepStrictEqual(built.inputs("main-s3-endpoint").routeTableIds, ["main-private-1-rt-id", "main-private-2-rt-id"]);
        });

        it("puts interface endpoints in the private subnets with private DNS, behind a group that admits HTTPS from the workloads only", () => {
            const logs = built.inputs("main-logs-endpoint");
            assert.deepStrictEqual([logs.privateDnsEnabled, logs.subnetIds, logs.securityGroupIds],
                [true, ["main-private-1-id", "main-private-2-id"], ["main-endpoints-sg-id"]]);
            const rules = built.mocks.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                .filter(r => r.inputs.securityGroupId === "main-endpoints-sg-id");
            assert.deepStrictEqual(rules.map(r => [r.name, r.inputs.fromPort, r.inputs.referencedSecurityGroupId, r.inputs.cidrIpv4]),
                [["main-endpoints-from-services-ingress", 443, "main-services-sg-id", undefined]]);
            assert.deepStrictEqual(built.inputs("main-endpoints-sg").egress, []);
        });

        it("has no NAT gateway and no default route from the private subnets", () => {
            assert.deepStrictEqual(built.mocks.ofType("aws:ec2/natGateway:NatGateway"), []);
            assert.deepStrictEqual(built.mocks.ofType("aws:ec2/route:Route").map(r => r.name), ["main-public-default-route"]);
        });
    });

    it("creates only the endpoints to start tasks when no switch is on, and none with NAT gateways", async () => {
        const natless = await buildPlatform([], { natGateways: "None" });
        assert.deepStrictEqual(endpoints(natless.mocks).map(e => e[0]),
            ["main-ecr-api-endpoint", "main-ecr-dkr-endpoint", "main-logs-endpoint", "main-s3-endpoint"]);
        const withNat = await buildPlatform();
        assert.deepStrictEqual(endpoints(withNat.mocks), []);
    });

    it("gives a FargateStack without NAT gateways every endpoint its own task needs, admitting its task group", async () => {
        const built = await build({ image: ECR_IMAGE, natGateways: "None", secrets: { DB: SECRET }, enableExecuteCommand: true });
        assert.deepStrictEqual(endpoints(built.mocks).map(e => e[0]), [
            "web-ecr-api-endpoint", "web-ecr-dkr-endpoint", "web-logs-endpoint", "web-s3-endpoint",
            "web-secretsmanager-endpoint", "web-ssm-endpoint", "web-ssmmessages-endpoint",
        ]);
        assert.strictEqual(built.inputs("web-endpoints-from-task-ingress").referencedSecurityGroupId, "web-task-sg-id");
    });

    async function expectInvalid(create: () => void, message: string): Promise<void> {
        try {
            assert.throws(create, (error: unknown) => {
                assert.ok(pulumi.ResourceError.isInstance(error));
                assert.strictEqual(error.message, message);
                return true;
            });
        } finally {
            await settle();
        }
    }

    it("rejects what a workload cannot do without internet egress: a public image, secrets or ECS Exec without their endpoints", async () => {
        new AwsMocks().install();
        const platform = new Platform("main", { natGateways: "None" });
        await expectInvalid(() => new WebService("api", {
            platform: platform.ref, image: "nginx:1.27", pathPatterns: ["/"], priority: 1, secrets: { DB: SECRET }, enableExecuteCommand: true,
        }), [
            "WebService \"api\" has invalid arguments (3 problems); nothing was created:",
            "  - `image` cannot be pulled without internet egress (`natGateways` is None): only private ECR images are reachable through the VPC endpoints; got \"nginx:1.27\". Push the image to ECR, or reach it through an ECR pull-through cache rule, and use its ECR reference.",
            "  - `secrets` needs the Secrets Manager and SSM endpoints, and the platform has no NAT gateway and no such endpoints; got 1 secret. Set `enableSecretsEndpoints` to true on the Platform.",
            "  - `enableExecuteCommand` needs the SSM messages endpoint, and the platform has no NAT gateway and no such endpoint; got true. Set `enableExecuteCommandEndpoint` to true on the Platform.",
        ].join("\n"));
    });

    it("rejects a queue worker on a platform without internet egress and without the SQS endpoint", async () => {
        new AwsMocks().install();
        const platform = new Platform("main", { natGateways: "None" });
        await expectInvalid(() => new WorkerService("orders", { platform: platform.ref, image: ECR_IMAGE }), [
            "WorkerService \"orders\" has invalid arguments (1 problem); nothing was created:",
            "  - `platform` has no NAT gateway and no SQS endpoint, so the worker cannot reach its queue; got a platform without internet egress. Set `enableQueueEndpoint` to true on the Platform.",
        ].join("\n"));
    });

    it("accepts that worker once the platform has the SQS endpoint, admitting it through the services group", async () => {
        const mocks = new AwsMocks().install();
        const platform = new Platform("main", { natGateways: "None", enableQueueEndpoint: true });
        new WorkerService("orders", { platform: platform.ref, image: ECR_IMAGE });
        await settle();
        assert.deepStrictEqual(endpoints(mocks).map(e => e[0]),
            ["main-ecr-api-endpoint", "main-ecr-dkr-endpoint", "main-logs-endpoint", "main-s3-endpoint", "main-sqs-endpoint"]);
        assert.deepStrictEqual(mocks.ofType("aws:ecs/service:Service").map(s => [s.name, s.inputs.networkConfiguration.securityGroups]),
            [["orders-service", ["orders-task-sg-id", "main-services-sg-id"]]]);
    });

    it("rejects the endpoint switches on a platform with NAT gateways", async () => {
        new AwsMocks().install();
        await expectInvalid(() => new Platform("main", { enableSecretsEndpoints: true, enableQueueEndpoint: true }), [
            "Platform \"main\" has invalid arguments (2 problems); nothing was created:",
            "  - `enableSecretsEndpoints` applies only to a VPC the platform creates with `natGateways` None; got true. Remove it: with NAT gateways (or your own VPC) the tasks reach these services already.",
            "  - `enableQueueEndpoint` applies only to a VPC the platform creates with `natGateways` None; got true. Remove it: with NAT gateways (or your own VPC) the tasks reach these services already.",
        ].join("\n"));
    });
});

describe("ECS Exec logging", () => {
    it("logs the sessions of a platform's cluster to its own log group, encrypted with logKmsKeyArn", async () => {
        const key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        const built = await buildPlatform([], { logKmsKeyArn: key, logRetentionDays: 90 });
        assert.deepStrictEqual(built.inputs("main-cluster").configuration, {
            executeCommandConfiguration: {
                logging: "OVERRIDE",
                logConfiguration: { cloudWatchLogGroupName: "/ecs/fargate-stack/test/main/exec", cloudWatchEncryptionEnabled: true },
            },
        });
        const group = built.inputs("main-exec-logs");
        assert.deepStrictEqual([group.name, group.retentionInDays, group.kmsKeyId], ["/ecs/fargate-stack/test/main/exec", 90, key]);
    });

    it("lets a workload with ECS Exec write its sessions to that group only, besides the SSM channels", async () => {
        const built = await buildPlatform([{ kind: "worker", name: "jobs", args: { image: ECR_IMAGE, enableExecuteCommand: true } }]);
        assert.deepStrictEqual(json(built.inputs("jobs-task-exec-logs-policy").policy).Statement, [
            { Sid: "FindLogGroups", Effect: "Allow", Action: ["logs:DescribeLogGroups"], Resource: "*" },
            {
                Sid: "WriteSessionLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
                Resource: "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/fargate-stack/test/main/exec:*",
            },
        ]);
        assert.deepStrictEqual(json(built.inputs("jobs-task-exec-command-policy").policy).Statement[0].Action, [
            "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel",
        ]);
    });

    it("logs a FargateStack's sessions only when it enables ECS Exec on a cluster it creates", async () => {
        const on = await build({ image: ECR_IMAGE, enableExecuteCommand: true });
        assert.strictEqual(on.inputs("web-cluster").configuration.executeCommandConfiguration.logConfiguration.cloudWatchLogGroupName,
            "/ecs/fargate-stack/test/web/exec");
        const off = await build({ image: ECR_IMAGE });
        assert.strictEqual(off.inputs("web-cluster").configuration, undefined);
        assert.deepStrictEqual(off.mocks.ofType("aws:cloudwatch/logGroup:LogGroup").map(g => g.name), ["web-logs"]);
    });
});
