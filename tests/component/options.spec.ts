/**
 * FargateStack options: each test changes one input group from the defaults and checks what it changes.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { build, inventory, json, resolve } from "../support/fixture";
import { ACCOUNT_ID } from "../support/awsMocks";

const IMAGE = "nginx:1.27";
const KMS_KEY = `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const names = (built: { children: { type: string; name: string }[] }, type: string) =>
    built.children.filter(r => r.type === type).map(r => r.name).sort();

describe("FargateStack options", () => {
    describe("network", () => {
        it("creates one NAT gateway per AZ when natGateways is OnePerAz", async () => {
            const built = await build({ image: IMAGE, natGateways: "OnePerAz", availabilityZoneCount: 3 });
            assert.deepStrictEqual(names(built, "aws:ec2/natGateway:NatGateway"), ["web-nat-1", "web-nat-2", "web-nat-3"]);
            assert.deepStrictEqual(names(built, "aws:ec2/eip:Eip"), ["web-nat-1-eip", "web-nat-2-eip", "web-nat-3-eip"]);
            for (const i of [1, 2, 3]) {
                assert.strictEqual(built.inputs(`web-nat-${i}`).subnetId, `web-public-${i}-id`);
                assert.strictEqual(built.inputs(`web-private-${i}-default-route`).natGatewayId, `web-nat-${i}-id`);
                assert.strictEqual(built.inputs(`web-private-${i}`).availabilityZone, `us-east-1${"abc"[i - 1]}`);
            }
            assert.deepStrictEqual(
                ["web-private-1", "web-private-2", "web-private-3", "web-public-1", "web-public-2", "web-public-3"]
                    .map(n => built.inputs(n).cidrBlock),
                ["10.0.0.0/19", "10.0.32.0/19", "10.0.64.0/19", "10.0.128.0/19", "10.0.160.0/19", "10.0.192.0/19"]);
        });

        it("creates no NAT gateway and no private default route when natGateways is None", async () => {
            const built = await build({ image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1", natGateways: "None" });
            assert.deepStrictEqual(names(built, "aws:ec2/natGateway:NatGateway"), []);
            assert.deepStrictEqual(names(built, "aws:ec2/eip:Eip"), []);
            assert.deepStrictEqual(names(built, "aws:ec2/route:Route"), ["web-public-default-route"]);
        });

        it("splits a custom VPC CIDR block", async () => {
            const built = await build({ image: IMAGE, vpcCidrBlock: "172.16.0.0/20" });
            assert.strictEqual(built.inputs("web-vpc").cidrBlock, "172.16.0.0/20");
            assert.deepStrictEqual(["web-private-1", "web-public-2"].map(n => built.inputs(n).cidrBlock),
                ["172.16.0.0/22", "172.16.12.0/22"]);
        });

        it("adopts an existing VPC: no network resources, given subnets used by the ALB and the service", async () => {
            const built = await build({
                image: IMAGE, vpcId: "vpc-123", publicSubnetIds: ["subnet-pub-a", "subnet-pub-b"],
                privateSubnetIds: ["subnet-priv-a", "subnet-priv-b"],
            });
            assert.deepStrictEqual(built.children.filter(r => r.type.startsWith("aws:ec2/") && r.type !== "aws:ec2/securityGroup:SecurityGroup"), []);
            assert.strictEqual(built.inputs("web-alb-sg").vpcId, "vpc-123");
            assert.strictEqual(built.inputs("web-tg").vpcId, "vpc-123");
            assert.deepStrictEqual(built.inputs("web-alb").subnets, ["subnet-pub-a", "subnet-pub-b"]);
            assert.deepStrictEqual(built.inputs("web-service").networkConfiguration.subnets, ["subnet-priv-a", "subnet-priv-b"]);
            assert.strictEqual(await resolve(built.stack.vpcId), "vpc-123");
            assert.deepStrictEqual(await resolve(built.stack.privateSubnetIds), ["subnet-priv-a", "subnet-priv-b"]);
        });

        it("admits only the allowed CIDR blocks to the load balancer", async () => {
            const built = await build({ image: IMAGE, allowedCidrBlocks: ["10.0.0.0/8", "192.168.0.0/16"] });
            assert.deepStrictEqual(names(built, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"),
                ["web-alb-http-ingress-1", "web-alb-http-ingress-2", "web-task-from-alb-ingress"]);
            assert.strictEqual(built.inputs("web-alb-http-ingress-2").cidrIpv4, "192.168.0.0/16");
        });
    });

    describe("HTTPS and DNS", () => {
        it("requests a DNS-validated certificate, listens on HTTPS, redirects HTTP and adds an alias for a domain", async () => {
            const built = await build({ image: IMAGE, domainName: "app.example.com", hostedZoneId: "Z123" });
            assert.deepStrictEqual(inventory(built.children.filter(r => /acm|route53|listener|IngressRule/.test(r.type))), [
                "aws:acm/certificate:Certificate web-cert",
                "aws:acm/certificateValidation:CertificateValidation web-cert-validation",
                "aws:lb/listener:Listener web-http",
                "aws:lb/listener:Listener web-https",
                "aws:route53/record:Record web-alias",
                "aws:route53/record:Record web-cert-validation-record",
                "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule web-alb-http-ingress-1",
                "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule web-alb-https-ingress-1",
                "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule web-task-from-alb-ingress",
            ]);
            assert.strictEqual(built.inputs("web-cert").domainName, "app.example.com");
            assert.strictEqual(built.inputs("web-cert").validationMethod, "DNS");
            assert.deepStrictEqual(built.inputs("web-cert-validation-record"), {
                zoneId: "Z123", name: "_x.app.example.com.", type: "CNAME", records: ["_y.acm-validations.aws."],
                ttl: 60, allowOverwrite: true,
            });
            const https = built.inputs("web-https");
            assert.strictEqual(https.port, 443);
            assert.strictEqual(https.protocol, "HTTPS");
            assert.strictEqual(https.sslPolicy, "ELBSecurityPolicy-TLS13-1-2-2021-06");
            assert.strictEqual(https.certificateArn, built.inputs("web-cert-validation").certificateArn);
            assert.deepStrictEqual(built.inputs("web-http").defaultActions, [
                { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
            ]);
            assert.deepStrictEqual(built.inputs("web-alias"), {
                zoneId: "Z123", name: "app.example.com", type: "A",
                aliases: [{ name: "web-alb.us-east-1.elb.amazonaws.com", zoneId: "Z35SXDOTRQ7X7K", evaluateTargetHealth: true }],
            });
            assert.strictEqual(built.inputs("web-alb-https-ingress-1").fromPort, 443);
            assert.strictEqual(await resolve(built.stack.url), "https://app.example.com");
        });

        it("uses a given certificate for HTTPS without managing DNS", async () => {
            const certificateArn = `arn:aws:acm:us-east-1:${ACCOUNT_ID}:certificate/abc`;
            const built = await build({ image: IMAGE, certificateArn });
            assert.deepStrictEqual(built.children.filter(r => /acm|route53/.test(r.type)), []);
            assert.strictEqual(built.inputs("web-https").certificateArn, certificateArn);
            assert.strictEqual(built.inputs("web-http").defaultActions[0].type, "redirect");
            assert.strictEqual(await resolve(built.stack.url), "https://web-alb.us-east-1.elb.amazonaws.com");
        });
    });

    describe("image and IAM", () => {
        it("creates an ECR repository with scan on push and immutable tags, and pulls the tagged image from it", async () => {
            const built = await build({ createRepository: true, imageTag: "v1.2.3", repositoryKeepImageCount: 5 });
            const repo = built.inputs("web-repo");
            assert.match(repo.name, /^web-[0-9a-f]{8}$/);
            assert.strictEqual(repo.imageTagMutability, "IMMUTABLE");
            assert.deepStrictEqual(repo.imageScanningConfiguration, { scanOnPush: true });
            assert.strictEqual(json(built.inputs("web-repo-lifecycle").policy).rules[0].selection.countNumber, 5);
            const url = `${ACCOUNT_ID}.dkr.ecr.us-east-1.amazonaws.com/${repo.name}`;
            assert.strictEqual(json(built.inputs("web-task").containerDefinitions)[0].image, `${url}:v1.2.3`);
            assert.strictEqual(await resolve(built.stack.repositoryUrl), url);
            const statements = json(built.inputs("web-exec-policy").policy).Statement;
            assert.deepStrictEqual(statements.slice(0, 2), [
                { Sid: "EcrAuth", Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: "*" },
                { Sid: "EcrPull", Effect: "Allow", Resource: `arn:aws:ecr:us-east-1:${ACCOUNT_ID}:repository/${repo.name}`,
                    Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] },
            ]);
        });

        it("builds and pushes the image with awsx when a build context is given, before registering the task", async () => {
            const built = await build({ createRepository: true, imageTag: "v2", imageBuildContextPath: "./app", cpuArchitecture: "ARM64", cpu: 512, memoryMib: 1024 });
            const repoName = built.inputs("web-repo").name;
            const url = `${ACCOUNT_ID}.dkr.ecr.us-east-1.amazonaws.com/${repoName}`;
            const image = built.mocks.named("web-image");
            assert.strictEqual(image.type, "awsx:ecr:Image");
            assert.strictEqual(image.custom, false, "awsx's Image is a remote component");
            assert.deepStrictEqual(image.inputs, { repositoryUrl: url, context: "./app", imageTag: "v2", platform: "linux/arm64" });
            assert.ok(built.mocks.named("web-task").dependencies.includes(image.urn), "the task waits for the pushed image");
            assert.ok(image.dependencies.includes(built.mocks.named("web-repo").urn), "the push waits for the repository");
            assert.strictEqual(json(built.inputs("web-task").containerDefinitions)[0].image, `${url}:v2`);
        });

        it("lets the execution role pull only the repository of an ECR image reference", async () => {
            const built = await build({ image: "210987654321.dkr.ecr.eu-west-1.amazonaws.com/team/api:v7" });
            assert.strictEqual(json(built.inputs("web-exec-policy").policy).Statement[1].Resource,
                "arn:aws:ecr:eu-west-1:210987654321:repository/team/api");
        });

        it("grants the listed secrets to the execution role only, and injects them by ARN", async () => {
            const secret = `arn:aws:secretsmanager:us-east-1:${ACCOUNT_ID}:secret:db-AbCdEf`;
            const param = `arn:aws:ssm:us-east-1:${ACCOUNT_ID}:parameter/web/api-key`;
            const built = await build({ image: IMAGE, secrets: { DB_PASSWORD: `${secret}:password::`, API_KEY: param } });
            const statements = json(built.inputs("web-exec-policy").policy).Statement;
            assert.deepStrictEqual(statements.slice(1), [
                { Sid: "Secrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [secret] },
                { Sid: "Parameters", Effect: "Allow", Action: ["ssm:GetParameters"], Resource: [param] },
            ]);
            assert.deepStrictEqual(json(built.inputs("web-task").containerDefinitions)[0].secrets, [
                { name: "API_KEY", valueFrom: param }, { name: "DB_PASSWORD", valueFrom: `${secret}:password::` },
            ]);
            assert.deepStrictEqual(built.children.filter(r => r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment"), []);
        });

        it("attaches the given policies to the task role only", async () => {
            const policyJson = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }] });
            const built = await build({
                image: IMAGE, taskRolePolicyJson: policyJson,
                taskRolePolicyArns: ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess"],
            });
            assert.deepStrictEqual(built.inputs("web-task-policy-1"), { role: "web-task-2625c20f", policyArn: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" });
            assert.deepStrictEqual(built.inputs("web-task-policy-2"), { role: "web-task-2625c20f", policyArn: "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess" });
            assert.deepStrictEqual(built.inputs("web-task-inline-policy"), { role: "web-task-2625c20f", policy: policyJson });
        });

        it("adds the SSM channels to the task role and an init process when execute-command is enabled", async () => {
            const built = await build({ image: IMAGE, enableExecuteCommand: true });
            assert.strictEqual(built.inputs("web-service").enableExecuteCommand, true);
            assert.strictEqual(built.inputs("web-task-exec-command-policy").role, "web-task-2625c20f");
            assert.deepStrictEqual(json(built.inputs("web-task-exec-command-policy").policy).Statement[0].Action, [
                "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel",
            ]);
            const task = built.inputs("web-task");
            const container = json(task.containerDefinitions)[0];
            assert.deepStrictEqual(container.linuxParameters, { initProcessEnabled: true });
            // The SSM agent needs somewhere to write; the root filesystem stays read-only.
            assert.strictEqual(container.readonlyRootFilesystem, true);
            assert.deepStrictEqual(task.volumes, [{ name: "writable-1" }, { name: "writable-2" }, { name: "writable-3" }]);
            assert.deepStrictEqual(container.mountPoints, [
                { sourceVolume: "writable-1", containerPath: "/managed-agents", readOnly: false },
                { sourceVolume: "writable-2", containerPath: "/var/lib/amazon/ssm", readOnly: false },
                { sourceVolume: "writable-3", containerPath: "/var/log/amazon/ssm", readOnly: false },
            ]);
        });

        it("adds no SSM agent volumes for execute-command when the root filesystem is writable", async () => {
            const built = await build({ image: IMAGE, enableExecuteCommand: true, readonlyRootFilesystem: false, writablePaths: [] });
            assert.deepStrictEqual(built.inputs("web-task").volumes, []);
        });

        it("lets the execution role pull the repository of an explicit image even when it creates one", async () => {
            const built = await build({ createRepository: true, image: "210987654321.dkr.ecr.eu-west-1.amazonaws.com/shared/api:v7" });
            const pull = json(built.inputs("web-exec-policy").policy).Statement[1];
            assert.deepStrictEqual([pull.Sid, pull.Resource], ["EcrPull", "arn:aws:ecr:eu-west-1:210987654321:repository/shared/api"]);
        });

        it("grants a partial Secrets Manager ARN with the suffix wildcard IAM needs to match the real secret", async () => {
            const partial = `arn:aws:secretsmanager:us-east-1:${ACCOUNT_ID}:secret:api/token`;
            const built = await build({ image: IMAGE, secrets: { TOKEN: partial } });
            assert.deepStrictEqual(json(built.inputs("web-exec-policy").policy).Statement[1],
                { Sid: "Secrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [partial, `${partial}-??????`] });
        });

        it("lets the execution role decrypt with the customer managed keys of the secrets", async () => {
            const key = KMS_KEY;
            const secret = `arn:aws:secretsmanager:us-east-1:${ACCOUNT_ID}:secret:db-AbCdEf`;
            const built = await build({ image: IMAGE, secrets: { DB: secret }, secretsKmsKeyArns: [key] });
            assert.deepStrictEqual(json(built.inputs("web-exec-policy").policy).Statement.slice(1), [
                { Sid: "Secrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [secret] },
                { Sid: "SecretsKms", Effect: "Allow", Action: ["kms:Decrypt"], Resource: [key] },
            ]);
        });
    });

    describe("task", () => {
        it("sets the size, platform, container settings and writable volumes it is given", async () => {
            const built = await build({
                image: IMAGE, cpu: 1024, memoryMib: 3072, cpuArchitecture: "ARM64", containerPort: 3000,
                environment: { NODE_ENV: "production", A_FIRST: "1" }, command: ["node", "server.js"], user: "1000:1000",
                stopTimeoutSeconds: 60, writablePaths: ["/tmp", "/app/cache"],
                containerHealthCheck: { command: ["CMD-SHELL", "wget -q -O- localhost:3000/health || exit 1"], retries: 5 },
            });
            const task = built.inputs("web-task");
            assert.deepStrictEqual([task.cpu, task.memory], ["1024", "3072"]);
            assert.deepStrictEqual(task.runtimePlatform, { operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" });
            assert.deepStrictEqual(task.volumes, [{ name: "writable-1" }, { name: "writable-2" }]);
            const container = json(task.containerDefinitions)[0];
            assert.deepStrictEqual(container.portMappings, [{ name: "http", containerPort: 3000, protocol: "tcp" }]);
            assert.deepStrictEqual(container.environment, [{ name: "A_FIRST", value: "1" }, { name: "NODE_ENV", value: "production" }]);
            assert.deepStrictEqual(container.command, ["node", "server.js"]);
            assert.strictEqual(container.user, "1000:1000");
            assert.strictEqual(container.stopTimeout, 60);
            assert.deepStrictEqual(container.mountPoints, [
                { sourceVolume: "writable-1", containerPath: "/tmp", readOnly: false },
                { sourceVolume: "writable-2", containerPath: "/app/cache", readOnly: false },
            ]);
            assert.deepStrictEqual(container.healthCheck, {
                command: ["CMD-SHELL", "wget -q -O- localhost:3000/health || exit 1"], interval: 30, timeout: 5, retries: 5, startPeriod: 0,
            });
            assert.strictEqual(built.inputs("web-tg").port, 3000);
            assert.strictEqual(built.inputs("web-task-from-alb-ingress").fromPort, 3000);
        });

        it("leaves readonlyRootFilesystem unset for Windows containers", async () => {
            const built = await build({ image: "mcr.microsoft.com/dotnet/samples:aspnetapp", cpu: 1024, memoryMib: 2048,
                operatingSystemFamily: "WINDOWS_SERVER_2022_CORE" });
            assert.strictEqual(json(built.inputs("web-task").containerDefinitions)[0].readonlyRootFilesystem, undefined);
            assert.strictEqual(built.inputs("web-task").runtimePlatform.operatingSystemFamily, "WINDOWS_SERVER_2022_CORE");
        });
    });

    describe("cluster, service and scaling", () => {
        it("runs in an existing cluster without creating one", async () => {
            const clusterArn = `arn:aws:ecs:us-east-1:${ACCOUNT_ID}:cluster/shared`;
            const built = await build({ image: IMAGE, clusterArn });
            assert.deepStrictEqual(built.children.filter(r => r.type.startsWith("aws:ecs/cluster")), []);
            assert.strictEqual(built.inputs("web-service").cluster, clusterArn);
            assert.strictEqual(built.inputs("web-scaling-target").resourceId, "service/shared/web-service-1234567");
            assert.strictEqual(await resolve(built.stack.clusterName), "shared");
        });

        it("adds request-count scaling on the ALB target group when requestsPerTaskPerMinute is set", async () => {
            const built = await build({ image: IMAGE, requestsPerTaskPerMinute: 500, minTaskCount: 1, maxTaskCount: 4, desiredCount: 1 });
            const config = built.inputs("web-requests-scaling").targetTrackingScalingPolicyConfiguration;
            assert.deepStrictEqual(config.predefinedMetricSpecification, {
                predefinedMetricType: "ALBRequestCountPerTarget", resourceLabel: "app/web-alb/abc/targetgroup/web-tg/def",
            });
            assert.strictEqual(config.targetValue, 500);
            assert.strictEqual(built.inputs("web-scaling-target").minCapacity, 1);
        });

        it("starts at minTaskCount when only minTaskCount is raised above the default desired count", async () => {
            const built = await build({ image: IMAGE, minTaskCount: 3 });
            assert.strictEqual(built.inputs("web-service").desiredCount, 3);
            assert.strictEqual(built.inputs("web-scaling-target").minCapacity, 3);
        });

        it("creates no scaling resources and lets desiredCount drive the service when autoscaling is off", async () => {
            const built = await build({ image: IMAGE, enableAutoscaling: false, desiredCount: 3 });
            assert.deepStrictEqual(built.children.filter(r => r.type.startsWith("aws:appautoscaling")), []);
            assert.strictEqual(built.inputs("web-service").desiredCount, 3);
            assert.deepStrictEqual(built.mocks.named("web-service").ignoreChanges, []);
        });
    });

    describe("inputs that arrive as one Output (as from other languages' programs)", () => {
        it("builds from whole-Output environment, secret map and subnet lists", async () => {
            const param = `arn:aws:ssm:us-east-1:${ACCOUNT_ID}:parameter/web/token`;
            // The provider host wraps a whole input in one Output when it is secret or has dependencies.
            const built = await build({
                image: IMAGE, vpcId: "vpc-1", publicSubnetIds: pulumi.output(["subnet-a", "subnet-b"]),
                privateSubnetIds: pulumi.output(["subnet-c", "subnet-d"]),
                environment: pulumi.output({ MODE: "api" }), secrets: pulumi.secret({ TOKEN: param }),
                secretsKmsKeyArns: pulumi.output([KMS_KEY]),
            } as any);
            const container = json(built.inputs("web-task").containerDefinitions)[0];
            assert.deepStrictEqual(container.environment, [{ name: "MODE", value: "api" }]);
            assert.deepStrictEqual(container.secrets, [{ name: "TOKEN", valueFrom: param }]);
            const statements = json(built.inputs("web-exec-policy").policy).Statement;
            assert.deepStrictEqual(statements[1].Resource, [param]);
            assert.deepStrictEqual(statements[2], { Sid: "SecretsKms", Effect: "Allow", Action: ["kms:Decrypt"], Resource: [KMS_KEY] });
            assert.deepStrictEqual(built.inputs("web-service").networkConfiguration.subnets, ["subnet-c", "subnet-d"]);
            assert.deepStrictEqual(built.inputs("web-alb").subnets, ["subnet-a", "subnet-b"]);
        });
    });

    describe("tags and names", () => {
        // Resource types whose AWS API takes no tags.
        const UNTAGGABLE = new Set([
            "aws:ec2/route:Route", "aws:ec2/routeTableAssociation:RouteTableAssociation", "aws:iam/rolePolicy:RolePolicy",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws:ecr/lifecyclePolicy:LifecyclePolicy",
            "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", "aws:acm/certificateValidation:CertificateValidation",
            "aws:route53/record:Record", "aws:appautoscaling/policy:Policy", "aws:cloudwatch/dashboard:Dashboard",
        ]);

        it("applies the tags to every taggable child", async () => {
            const built = await build({
                image: IMAGE, tags: { team: "payments" }, domainName: "app.example.com", hostedZoneId: "Z1",
                createRepository: true, taskRolePolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
            });
            const taggable = built.children.filter(r => !UNTAGGABLE.has(r.type));
            assert.strictEqual(taggable.length, 40);
            for (const r of taggable) {
                const { team, Name } = r.inputs.tags ?? {};
                assert.deepStrictEqual({ team, Name }, { team: "payments", Name: r.name }, `${r.type} ${r.name}`);
            }
            for (const r of built.children.filter(c => UNTAGGABLE.has(c.type))) {
                assert.strictEqual(r.inputs.tags, undefined, `${r.type} ${r.name}`);
            }
        });

        it("names the ALB and target group within 32 characters, unique per project and stack", async () => {
            const built = await build({ image: IMAGE });
            assert.match(built.inputs("web-alb").name, /^web-[0-9a-f]{8}$/);
            assert.match(built.inputs("web-tg").name, /^web-[0-9a-f]{8}$/);
            assert.notStrictEqual(built.inputs("web-alb").name, built.inputs("web-tg").name);
            assert.match(built.inputs("web-task").family, /^web-[0-9a-f]{8}$/);
        });

        it("names the ECR repository without consecutive separators, which ECR rejects", async () => {
            const built = await build({ createRepository: true, imageTag: "v1" }, { name: "my--app" });
            assert.match(built.inputs("my--app-repo").name, /^my-app-[0-9a-f]{8}$/);
        });
    });
});
