/**
 * Bad input: every class of invalid arguments yields one `pulumi.ResourceError` with the exact text below, thrown
 * before anything is registered (not even the component). One valid base, one mutation per case.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { FargateStack, FargateStackArgs } from "../../components/index";
import { AwsMocks, settle } from "../support/awsMocks";
import { build } from "../support/fixture";

/** The smallest valid input; each case changes one thing. */
const BASE: FargateStackArgs = { image: "nginx:1.27" };

const EXECUTION_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
const SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-url-AbCdEf";
const CLOUDWATCH_RETENTIONS = "1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653";
const EXISTING_VPC = { vpcId: "vpc-0abc", publicSubnetIds: ["subnet-pub-a", "subnet-pub-b"], privateSubnetIds: ["subnet-priv-a", "subnet-priv-b"] };
const WINDOWS: FargateStackArgs = { ...BASE, operatingSystemFamily: "WINDOWS_SERVER_2022_CORE", cpu: 1024, memoryMib: 2048 };

/** Input as a YAML, Python or Go program may send it: the types TypeScript would have rejected. */
function fromOtherLanguage(args: Record<string, unknown>): FargateStackArgs {
    return args as FargateStackArgs;
}

/** The whole error text for `problems`, header included, in the format DESIGN.md fixes. */
function invalidArgumentsMessage(name: string, problems: string[]): string {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    return `FargateStack "${name}" has invalid arguments (${count}); nothing was created:\n`
        + problems.map(problem => `  - ${problem}`).join("\n");
}

/**
 * GIVEN fresh mocks WHEN `new FargateStack(name, args)` THEN it throws a `pulumi.ResourceError` whose message lists
 * exactly `expectedProblems`, in order, and nothing at all was registered.
 */
async function expectInvalid(args: FargateStackArgs, expectedProblems: string[], name = "web"): Promise<void> {
    const mocks = new AwsMocks().install();
    try {
        assert.throws(() => new FargateStack(name, args), (error: unknown) => {
            assert.ok(pulumi.ResourceError.isInstance(error), `expected a pulumi.ResourceError, got ${String(error)}`);
            assert.strictEqual(error.message, invalidArgumentsMessage(name, expectedProblems));
            return true;
        });
    } finally {
        // Also drains the registrations of a constructor that wrongly succeeded, so the next test starts clean.
        await settle();
    }
    assert.deepStrictEqual(mocks.resources.map(r => `${r.type} ${r.name}`), [], "nothing may be registered");
}

describe("FargateStack input validation", () => {
    describe("task size and platform", () => {
        it("rejects a memory size that is not valid for the cpu, listing the valid sizes", async () => {
            await expectInvalid({ ...BASE, cpu: 256, memoryMib: 4096 }, [
                "`memoryMib` is not a valid Fargate memory size for 256 cpu units; got 4096. Use one of 512, 1024, 2048 MiB.",
            ]);
        });

        it("rejects a cpu value Fargate does not offer", async () => {
            await expectInvalid({ ...BASE, cpu: 300 }, [
                "`cpu` is not a valid Fargate cpu value; got 300. Use one of 256, 512, 1024, 2048, 4096, 8192, 16384.",
            ]);
        });

        it("rejects 512 cpu units for Windows, which runs on 1, 2 or 4 vCPU only", async () => {
            await expectInvalid({ ...WINDOWS, cpu: 512, memoryMib: 1024 }, [
                "`cpu` is not a valid Fargate cpu value for Windows; got 512. Use one of 1024, 2048, 4096.",
            ]);
        });

        it("rejects ARM64 for Windows", async () => {
            await expectInvalid({ ...WINDOWS, cpuArchitecture: "ARM64" }, [
                "`cpuArchitecture` must be X86_64 for Windows containers (Fargate runs Windows only on X86_64); got \"ARM64\". "
                    + "Use X86_64 for Windows, or the LINUX operating system family for ARM64.",
            ]);
        });

        it("rejects container port 3150 for Windows, where Fargate reserves it", async () => {
            await expectInvalid({ ...WINDOWS, containerPort: 3150 }, [
                "`containerPort` is reserved by Fargate for Windows containers; got 3150. Use another port, such as 8080.",
            ]);
        });

        it("rejects readonlyRootFilesystem true for Windows", async () => {
            await expectInvalid({ ...WINDOWS, readonlyRootFilesystem: true }, [
                "`readonlyRootFilesystem` is not supported for Windows containers; got true. Remove it or set it to false for Windows.",
            ]);
        });

        it("accepts an ARM64 Linux task of 1 vCPU and 2 GiB", async () => {
            const built = await build({ ...BASE, cpuArchitecture: "ARM64", cpu: 1024, memoryMib: 2048 });
            const task = built.inputs("web-task");
            assert.deepStrictEqual(task.runtimePlatform, { operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" });
            assert.deepStrictEqual([task.cpu, task.memory], ["1024", "2048"]);
        });
    });

    describe("container port", () => {
        for (const port of [0, 70000, 80.5]) {
            it(`rejects containerPort ${port}, which is not a TCP port from 1 to 65535`, async () => {
                await expectInvalid({ ...BASE, containerPort: port }, [
                    `\`containerPort\` must be an integer from 1 to 65535; got ${port}. Use the port your container listens on, such as 8080.`,
                ]);
            });
        }
    });

    describe("service and scaling counts", () => {
        it("rejects minTaskCount greater than maxTaskCount", async () => {
            await expectInvalid({ ...BASE, minTaskCount: 5, maxTaskCount: 3 }, [
                "`minTaskCount` must not exceed `maxTaskCount` (3); got 5. Lower `minTaskCount` or raise `maxTaskCount`.",
            ]);
        });

        it("rejects a desiredCount outside minTaskCount..maxTaskCount while autoscaling is on", async () => {
            await expectInvalid({ ...BASE, desiredCount: 12 }, [
                "`desiredCount` must be within `minTaskCount`..`maxTaskCount` (2..10) while autoscaling is on; got 12. "
                    + "Set `desiredCount` inside that range, or change `minTaskCount` / `maxTaskCount`.",
            ]);
        });
    });

    describe("new VPC", () => {
        for (const count of [1, 7]) {
            it(`rejects availabilityZoneCount ${count}, outside 2 to 6`, async () => {
                await expectInvalid({ ...BASE, availabilityZoneCount: count }, [
                    `\`availabilityZoneCount\` must be an integer from 2 to 6; got ${count}. `
                        + "Use a value from 2 to 6: the load balancer needs subnets in at least two availability zones.",
                ]);
            });
        }

        it("rejects a vpcCidrBlock whose subnets would be smaller than the /27 a load balancer needs", async () => {
            await expectInvalid({ ...BASE, vpcCidrBlock: "10.0.0.0/24", availabilityZoneCount: 5 }, [
                "`vpcCidrBlock` is too small for 5 availability zones: each subnet would be smaller than the /27 a load "
                    + "balancer needs; got \"10.0.0.0/24\". Use a /23 or larger block, or fewer availability zones.",
            ]);
        });

        it("rejects a vpcCidrBlock that is too large, has host bits set, or is not a CIDR block", async () => {
            for (const cidr of ["10.0.0.0/8", "10.0.0.1/16", "not-a-cidr"]) {
                await expectInvalid({ ...BASE, vpcCidrBlock: cidr }, [
                    `\`vpcCidrBlock\` must be an IPv4 CIDR block from /16 to /24 with no host bits set; got "${cidr}". `
                        + "Use a block such as \"10.0.0.0/16\".",
                ]);
            }
        });
    });

    describe("existing VPC", () => {
        const fix = "Give all three of `vpcId`, `publicSubnetIds` and `privateSubnetIds`, or none of them to create a VPC.";

        it("rejects publicSubnetIds and privateSubnetIds without vpcId", async () => {
            const { vpcId: _, ...subnets } = EXISTING_VPC;
            await expectInvalid({ ...BASE, ...subnets }, [
                `\`vpcId\` is required when \`publicSubnetIds\` and \`privateSubnetIds\` are set; got undefined. ${fix}`,
            ]);
        });

        it("rejects vpcId and privateSubnetIds without publicSubnetIds", async () => {
            const { publicSubnetIds: _, ...rest } = EXISTING_VPC;
            await expectInvalid({ ...BASE, ...rest }, [
                `\`publicSubnetIds\` is required when \`vpcId\` and \`privateSubnetIds\` are set; got undefined. ${fix}`,
            ]);
        });

        it("rejects vpcId and publicSubnetIds without privateSubnetIds", async () => {
            const { privateSubnetIds: _, ...rest } = EXISTING_VPC;
            await expectInvalid({ ...BASE, ...rest }, [
                `\`privateSubnetIds\` is required when \`vpcId\` and \`publicSubnetIds\` are set; got undefined. ${fix}`,
            ]);
        });

        it("rejects a single public subnet: the load balancer needs two availability zones", async () => {
            await expectInvalid({ ...BASE, ...EXISTING_VPC, publicSubnetIds: ["subnet-pub-a"] }, [
                "`publicSubnetIds` must list subnets in at least 2 availability zones; got [\"subnet-pub-a\"]. "
                    + "Give one subnet per availability zone, at least two.",
            ]);
        });

        it("rejects the new-VPC inputs together with an existing VPC", async () => {
            const fixNew = "Remove it, or remove `vpcId`, `publicSubnetIds` and `privateSubnetIds` to create a VPC.";
            const problem = "applies only to a new VPC and cannot be combined with an existing one";
            await expectInvalid({ ...BASE, ...EXISTING_VPC, vpcCidrBlock: "10.1.0.0/16", availabilityZoneCount: 3, natGateways: "OnePerAz" }, [
                `\`vpcCidrBlock\` ${problem}; got "10.1.0.0/16". ${fixNew}`,
                `\`availabilityZoneCount\` ${problem}; got 3. ${fixNew}`,
                `\`natGateways\` ${problem}; got "OnePerAz". ${fixNew}`,
            ]);
        });
    });

    describe("load balancer access", () => {
        it("rejects allowedCidrBlocks entries that are not canonical IPv4 CIDR blocks, naming each index", async () => {
            await expectInvalid({ ...BASE, allowedCidrBlocks: ["0.0.0.0/0", "203.0.113.5/24", "::/0"] }, [
                "`allowedCidrBlocks[1]` must be an IPv4 CIDR block with no host bits set; got \"203.0.113.5/24\". Use a block such as \"203.0.113.0/24\".",
                "`allowedCidrBlocks[2]` must be an IPv4 CIDR block with no host bits set; got \"::/0\". Use a block such as \"203.0.113.0/24\".",
            ]);
        });

        it("rejects an empty allowedCidrBlocks list", async () => {
            await expectInvalid({ ...BASE, allowedCidrBlocks: [] }, [
                "`allowedCidrBlocks` must list at least one IPv4 CIDR block; got []. Use [\"0.0.0.0/0\"] for a public service, or your clients' ranges.",
            ]);
        });
    });

    describe("DNS and HTTPS", () => {
        it("rejects domainName without hostedZoneId or certificateArn", async () => {
            await expectInvalid({ ...BASE, domainName: "app.example.com" }, [
                "`hostedZoneId` is required with `domainName` unless `certificateArn` is given; got undefined. "
                    + "Set `hostedZoneId` to the Route 53 zone that holds \"app.example.com\", or give `certificateArn`.",
            ]);
        });

        it("accepts domainName without hostedZoneId when certificateArn is given, and serves HTTPS with it", async () => {
            const certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c";
            const built = await build({ ...BASE, domainName: "app.example.com", certificateArn });
            assert.strictEqual(built.inputs("web-https").certificateArn, certificateArn);
            assert.deepStrictEqual(built.mocks.ofType("aws:route53/record:Record"), []);
        });

        it("rejects hostedZoneId without domainName", async () => {
            await expectInvalid({ ...BASE, hostedZoneId: "Z0123456789ABC" }, [
                "`hostedZoneId` needs `domainName`, the name to create in the zone; got \"Z0123456789ABC\". Set `domainName`, or remove `hostedZoneId`.",
            ]);
        });
    });

    describe("image and repository", () => {
        it("rejects input with neither image nor createRepository", async () => {
            await expectInvalid({}, [
                "`image` is required unless `createRepository` is true; got undefined. "
                    + "Set `image` to an image reference such as \"nginx:1.27\", or set `createRepository` to true with `imageTag`.",
            ]);
        });

        it("rejects createRepository without imageTag when no image is given", async () => {
            await expectInvalid({ createRepository: true }, [
                "`imageTag` is required when `createRepository` is true and `image` is not set; got undefined. "
                    + "Set it to the tag you push to the repository, such as a version or a commit SHA.",
            ]);
        });
    });

    describe("logs", () => {
        it("rejects a retention CloudWatch Logs does not allow, listing the allowed ones", async () => {
            await expectInvalid({ ...BASE, logRetentionDays: 10 }, [
                `\`logRetentionDays\` must be a retention period CloudWatch Logs allows; got 10. Use one of ${CLOUDWATCH_RETENTIONS}.`,
            ]);
        });
    });

    describe("container health check", () => {
        const command = ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"];
        const cases: [field: "intervalSeconds" | "timeoutSeconds" | "retries" | "startPeriodSeconds", value: number, min: number, max: number][] = [
            ["intervalSeconds", 4, 5, 300],
            ["timeoutSeconds", 61, 2, 60],
            ["retries", 11, 1, 10],
            ["startPeriodSeconds", 301, 0, 300],
        ];
        for (const [field, value, min, max] of cases) {
            it(`rejects containerHealthCheck.${field} ${value}, outside ${min} to ${max}`, async () => {
                await expectInvalid({ ...BASE, containerHealthCheck: { command, [field]: value } }, [
                    `\`containerHealthCheck.${field}\` must be an integer from ${min} to ${max}; got ${value}. Use a value from ${min} to ${max}.`,
                ]);
            });
        }

        it("rejects a health check command that does not start with CMD or CMD-SHELL", async () => {
            await expectInvalid({ ...BASE, containerHealthCheck: { command: ["curl -f http://localhost:8080/health"] } }, [
                "`containerHealthCheck.command` must start with \"CMD\" or \"CMD-SHELL\" followed by the command; "
                    + "got [\"curl -f http://localhost:8080/health\"]. "
                    + "Use a command such as [\"CMD-SHELL\", \"curl -f http://localhost:8080/ || exit 1\"].",
            ]);
        });
    });

    describe("target group health check", () => {
        it("rejects targetHealthCheckIntervalSeconds above 300", async () => {
            await expectInvalid({ ...BASE, targetHealthCheckIntervalSeconds: 301 }, [
                "`targetHealthCheckIntervalSeconds` must be an integer from 5 to 300; got 301. Use a value from 5 to 300.",
            ]);
        });

        it("rejects targetHealthCheckTimeoutSeconds above 120", async () => {
            await expectInvalid({ ...BASE, targetHealthCheckIntervalSeconds: 300, targetHealthCheckTimeoutSeconds: 121 }, [
                "`targetHealthCheckTimeoutSeconds` must be an integer from 2 to 120; got 121. Use a value from 2 to 120.",
            ]);
        });

        it("rejects a targetHealthCheckTimeoutSeconds that is not less than the interval", async () => {
            await expectInvalid({ ...BASE, targetHealthCheckIntervalSeconds: 10, targetHealthCheckTimeoutSeconds: 10 }, [
                "`targetHealthCheckTimeoutSeconds` must be less than `targetHealthCheckIntervalSeconds` (10); got 10. Lower the timeout or raise the interval.",
            ]);
        });

        it("rejects healthy and unhealthy thresholds outside 2 to 10", async () => {
            await expectInvalid({ ...BASE, targetHealthyThreshold: 1, targetUnhealthyThreshold: 11 }, [
                "`targetHealthyThreshold` must be an integer from 2 to 10; got 1. Use a value from 2 to 10.",
                "`targetUnhealthyThreshold` must be an integer from 2 to 10; got 11. Use a value from 2 to 10.",
            ]);
        });

        it("rejects deregistrationDelaySeconds above 3600", async () => {
            await expectInvalid({ ...BASE, deregistrationDelaySeconds: 3601 }, [
                "`deregistrationDelaySeconds` must be an integer from 0 to 3600; got 3601. Use a value from 0 to 3600.",
            ]);
        });

        it("rejects a targetHealthCheckPath that does not start with /", async () => {
            await expectInvalid({ ...BASE, targetHealthCheckPath: "health" }, [
                "`targetHealthCheckPath` must start with / and be at most 1024 characters; got \"health\". Use a path such as \"/health\".",
            ]);
        });

        it("rejects a targetHealthCheckMatcher with codes outside 200 to 499", async () => {
            await expectInvalid({ ...BASE, targetHealthCheckMatcher: "200-600" }, [
                "`targetHealthCheckMatcher` must be HTTP codes from 200 to 499 as a code, a list or a range; got \"200-600\". "
                    + "Use a value such as \"200\", \"200,204\" or \"200-299\".",
            ]);
        });
    });

    describe("inputs renamed in 0.2.0", () => {
        it("rejects an input given under both its old and its new name, reporting it first", async () => {
            await expectInvalid({ ...BASE, memoryMiB: 1024, memoryMib: 2048, minCount: 1, minTaskCount: 3, cpu: 3 }, [
                "`memoryMiB` is the old name of `memoryMib`, which is also set; got 1024. Remove `memoryMiB` and keep `memoryMib`.",
                "`minCount` is the old name of `minTaskCount`, which is also set; got 1. Remove `minCount` and keep `minTaskCount`.",
                "`cpu` is not a valid Fargate cpu value; got 3. Use one of 256, 512, 1024, 2048, 4096, 8192, 16384.",
            ]);
        });

        it("validates a value given under an old name with the new name in the message", async () => {
            await expectInvalid({ ...BASE, maxCount: 0 }, [
                "`maxTaskCount` must be an integer from 1 to 5000; got 0. Use a value from 1 to 5000.",
            ]);
        });

        it("warns once per old name, naming the new input, and builds as with the new name", async () => {
            const warnings: string[] = [];
            const warn = console.warn;
            // Under the mock runtime there is no engine, so the SDK writes pulumi.log.warn to console.warn.
            console.warn = (message: string) => warnings.push(message);
            try {
                const built = await build({ ...BASE, requestsPerTarget: 300, unhealthyThreshold: 4 });
                assert.strictEqual(built.inputs("web-tg").healthCheck.unhealthyThreshold, 4);
                assert.strictEqual(built.inputs("web-requests-scaling").targetTrackingScalingPolicyConfiguration.targetValue, 300);
            } finally {
                console.warn = warn;
            }
            assert.deepStrictEqual(warnings, [
                "warning: [runtime] `unhealthyThreshold` is deprecated: use `targetUnhealthyThreshold`, the same input under its new name. The old name is accepted until fargate-stack 0.3.0.",
                "warning: [runtime] `requestsPerTarget` is deprecated: use `requestsPerTaskPerMinute`, the same input under its new name. The old name is accepted until fargate-stack 0.3.0.",
            ]);
        });
    });

    describe("component name", () => {
        it("rejects a name with characters AWS names do not accept, suggesting one that works", async () => {
            await expectInvalid(BASE, [
                "`name` must start with a letter or digit and contain only letters, digits and hyphens; got \"my_app\". Use a name such as \"my-app\".",
            ], "my_app");
        });
    });

    describe("secrets and IAM", () => {
        it("rejects a secret that is not an ARN without echoing its value", async () => {
            // The value is most likely the secret itself: it must not end up in the CLI output or CI logs.
            await expectInvalid({ ...BASE, secrets: { DB_PASSWORD: "hunter2" } }, [
                "`secrets.DB_PASSWORD` must be the ARN of a Secrets Manager secret or an SSM parameter; "
                    + "got a string that is not an ARN (value hidden). "
                    + "Store the value in Secrets Manager or SSM Parameter Store and give its ARN.",
            ]);
        });

        it("rejects a KMS alias for the secrets' keys: IAM grants kms:Decrypt on key ARNs only", async () => {
            const alias = "arn:aws:kms:us-east-1:123456789012:alias/secrets";
            await expectInvalid({ ...BASE, secrets: { DB: SECRET_ARN }, secretsKmsKeyArns: [alias] }, [
                `\`secretsKmsKeyArns[0]\` must be the ARN of a KMS key (not an alias or a key ID); got "${alias}". `
                    + "Use the key's ARN, arn:aws:kms:<region>:<account>:key/<key id>.",
            ]);
        });

        it("rejects a variable set both as a secret and in environment", async () => {
            await expectInvalid({ ...BASE, environment: { DB_URL: "postgres://db:5432/app" }, secrets: { DB_URL: SECRET_ARN } }, [
                "`secrets.DB_URL` is also set in `environment`; got `environment.DB_URL` as well. Set each variable in one of them only.",
            ]);
        });

        it("rejects the ECS task execution policy on the task role, in every partition", async () => {
            const fix = "Remove it: the execution role already has what ECS needs; give the task role only your application's permissions.";
            await expectInvalid({ ...BASE, taskRolePolicyArns: ["arn:aws:iam::123456789012:policy/app", EXECUTION_POLICY] }, [
                `\`taskRolePolicyArns[1]\` gives the application the execution role's policy; got "${EXECUTION_POLICY}". ${fix}`,
            ]);
            const govCloud = EXECUTION_POLICY.replace("arn:aws:", "arn:aws-us-gov:");
            await expectInvalid({ ...BASE, taskRolePolicyArns: [govCloud] }, [
                `\`taskRolePolicyArns[0]\` gives the application the execution role's policy; got "${govCloud}". ${fix}`,
            ]);
        });
    });

    describe("wrong types from other languages", () => {
        it("rejects cpu given as the string \"256\", saying it must be a number", async () => {
            await expectInvalid(fromOtherLanguage({ ...BASE, cpu: "256" }), [
                "`cpu` must be a number; got \"256\". Use one of 256, 512, 1024, 2048, 4096, 8192, 16384.",
            ]);
        });

        it("rejects enableAutoscaling given as \"yes\"", async () => {
            await expectInvalid(fromOtherLanguage({ ...BASE, enableAutoscaling: "yes" }), [
                "`enableAutoscaling` must be true or false; got \"yes\". Use true or false.",
            ]);
        });

        it("rejects operatingSystemFamily given as a number with a ResourceError, not a TypeError", async () => {
            const families = "LINUX, WINDOWS_SERVER_2019_FULL, WINDOWS_SERVER_2019_CORE, WINDOWS_SERVER_2022_FULL, WINDOWS_SERVER_2022_CORE";
            await expectInvalid(fromOtherLanguage({ ...BASE, operatingSystemFamily: 2022 }), [
                `\`operatingSystemFamily\` must be one of ${families}; got 2022. Use one of ${families}.`,
            ]);
        });

        it("rejects lists given as a single string with a ResourceError, not a TypeError", async () => {
            const policy = "arn:aws:iam::123456789012:policy/app";
            await expectInvalid(fromOtherLanguage({ ...BASE, taskRolePolicyArns: policy, writablePaths: "/tmp" }), [
                `\`taskRolePolicyArns\` must be a list of IAM policy ARNs; got "${policy}". `
                    + `Use a list such as ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]; its items may be Outputs.`,
                "`writablePaths` must be a list of absolute paths; got \"/tmp\". Use a list such as [\"/tmp\"].",
            ]);
        });

        it("treats null, which other languages send for \"not set\", as not set for every input", async () => {
            const built = await build(fromOtherLanguage({
                ...BASE, vpcId: null, publicSubnetIds: null, privateSubnetIds: null, imageTag: null,
                containerHealthCheck: null, domainName: null, hostedZoneId: null, certificateArn: null, cpu: null,
            }));
            assert.strictEqual(built.inputs("web-vpc").cidrBlock, "10.0.0.0/16");
            assert.strictEqual(built.inputs("web-http").protocol, "HTTP");
            assert.strictEqual(built.inputs("web-task").cpu, "256");
        });
    });

    describe("enum values", () => {
        it("rejects natGateways \"Two\"", async () => {
            await expectInvalid(fromOtherLanguage({ ...BASE, natGateways: "Two" }), [
                "`natGateways` must be one of None, Single, OnePerAz; got \"Two\". Use one of None, Single, OnePerAz.",
            ]);
        });

        it("rejects cpuArchitecture \"arm\"", async () => {
            await expectInvalid(fromOtherLanguage({ ...BASE, cpuArchitecture: "arm" }), [
                "`cpuArchitecture` must be one of X86_64, ARM64; got \"arm\". Use one of X86_64, ARM64.",
            ]);
        });
    });

    describe("several problems at once", () => {
        it("lists every problem in one error, in the order of the inputs", async () => {
            await expectInvalid({
                vpcCidrBlock: "10.0.0.0/8",
                allowedCidrBlocks: ["203.0.113.5/24"],
                taskRolePolicyArns: [EXECUTION_POLICY],
                logRetentionDays: 10,
                cpu: 256,
                memoryMib: 4096,
                containerPort: 70000,
                containerHealthCheck: { command: ["CMD-SHELL", "true"], retries: 0 },
                stopTimeoutSeconds: 200,
                targetHealthCheckPath: "health",
                minTaskCount: 5,
                maxTaskCount: 3,
            }, [
                "`vpcCidrBlock` must be an IPv4 CIDR block from /16 to /24 with no host bits set; got \"10.0.0.0/8\". Use a block such as \"10.0.0.0/16\".",
                "`allowedCidrBlocks[0]` must be an IPv4 CIDR block with no host bits set; got \"203.0.113.5/24\". Use a block such as \"203.0.113.0/24\".",
                `\`taskRolePolicyArns[0]\` gives the application the execution role's policy; got "${EXECUTION_POLICY}". `
                    + "Remove it: the execution role already has what ECS needs; give the task role only your application's permissions.",
                "`image` is required unless `createRepository` is true; got undefined. "
                    + "Set `image` to an image reference such as \"nginx:1.27\", or set `createRepository` to true with `imageTag`.",
                `\`logRetentionDays\` must be a retention period CloudWatch Logs allows; got 10. Use one of ${CLOUDWATCH_RETENTIONS}.`,
                "`memoryMib` is not a valid Fargate memory size for 256 cpu units; got 4096. Use one of 512, 1024, 2048 MiB.",
                "`containerPort` must be an integer from 1 to 65535; got 70000. Use the port your container listens on, such as 8080.",
                "`containerHealthCheck.retries` must be an integer from 1 to 10; got 0. Use a value from 1 to 10.",
                "`stopTimeoutSeconds` must be an integer from 2 to 120; got 200. Use a value from 2 to 120.",
                "`targetHealthCheckPath` must start with / and be at most 1024 characters; got \"health\". Use a path such as \"/health\".",
                "`minTaskCount` must not exceed `maxTaskCount` (3); got 5. Lower `minTaskCount` or raise `maxTaskCount`.",
            ]);
        });
    });

    describe("names beyond AWS limits", () => {
        // 66 characters: valid as a component name, too long for an ALB or target group name (32).
        const LONG_NAME = "customer-facing-orders-api-with-an-unusually-long-descriptive-name";

        async function awsNames() {
            const built = await build(BASE, { name: LONG_NAME });
            return {
                loadBalancer: built.inputs(`${LONG_NAME}-alb`).name as string,
                targetGroup: built.inputs(`${LONG_NAME}-tg`).name as string,
                logGroup: built.inputs(`${LONG_NAME}-logs`).name as string,
                executionRole: built.inputs(`${LONG_NAME}-exec-role`).name as string,
                taskRole: built.inputs(`${LONG_NAME}-task-role`).name as string,
            };
        }

        it("names the IAM roles within 64 characters with a stable hash, where an autoname would not fit", async () => {
            const { executionRole, taskRole } = await awsNames();
            for (const name of [executionRole, taskRole]) {
                assert.strictEqual(name.length, 64, name);
                assert.match(name, /^customer-facing-orders-api-with-an-unusually-long-descr-[0-9a-f]{8}$/);
            }
            assert.notStrictEqual(executionRole, taskRole);
        });

        it("rejects a name over 100 characters, which Pulumi's autonames would carry past AWS limits", async () => {
            const name = "a".repeat(101);
            await expectInvalid(BASE, [
                `\`name\` must be at most 100 characters (it has 101); got "${name}". `
                    + "Use a shorter name: it prefixes the name of every AWS resource the component creates.",
            ], name);
        });

        it("truncates the ALB and target group names with a stable hash instead of failing", async () => {
            const first = await awsNames();
            const second = await awsNames();
            for (const [kind, name] of [["load balancer", first.loadBalancer], ["target group", first.targetGroup]]) {
                assert.ok(name.length <= 32, `${kind} name ${name} is ${name.length} characters`);
                assert.match(name, /^[A-Za-z0-9-]+$/, `${kind} name ${name}`);
                assert.ok(!name.startsWith("-") && !name.endsWith("-"), `${kind} name ${name} starts or ends with '-'`);
            }
            assert.deepStrictEqual(second, first, "names must not change between deployments");
        });

        it("keeps the log group name whole, within CloudWatch's 512 characters", async () => {
            const { logGroup } = await awsNames();
            assert.ok(logGroup.length <= 512, `log group name is ${logGroup.length} characters`);
            assert.strictEqual(logGroup, `/ecs/fargate-stack/test/${LONG_NAME}`);
        });
    });
    describe("values shown in messages", () => {
        it("says a value is the default when the user did not set it", async () => {
            await expectInvalid({ ...BASE, operatingSystemFamily: "WINDOWS_SERVER_2022_CORE" }, [
                "`cpu` is not a valid Fargate cpu value for Windows; got 256 (the default). Use one of 1024, 2048, 4096.",
            ]);
        });

        it("shows Outputs nested in a list as a placeholder instead of failing to print them", async () => {
            await expectInvalid({ ...BASE, vpcId: "vpc-1", publicSubnetIds: [pulumi.output("subnet-a")], privateSubnetIds: ["s-1", "s-2"] }, [
                "`publicSubnetIds` must list subnets in at least 2 availability zones; got [\"<Output>\"]. "
                    + "Give one subnet per availability zone, at least two.",
            ]);
        });

        it("reports a wrongly typed count once, without comparing it to the other counts", async () => {
            await expectInvalid(fromOtherLanguage({ ...BASE, minTaskCount: "5", maxTaskCount: 3 }), [
                "`minTaskCount` must be an integer from 1 to 5000; got \"5\". Use a value from 1 to 5000.",
            ]);
        });

        it("rejects tags that are not a map", async () => {
            await expectInvalid(fromOtherLanguage({ ...BASE, tags: "team=payments" }), [
                "`tags` must be a map of plain strings, known when the program runs; got \"team=payments\". "
                    + "Use a map such as {\"team\": \"payments\"}.",
            ]);
        });
    });
    describe("image build", () => {
        it("rejects a build context without a repository to push to", async () => {
            await expectInvalid({ ...BASE, imageBuildContextPath: "./app" }, [
                "`imageBuildContextPath` needs `createRepository` to be true: the image is pushed there; got \"./app\". "
                    + "Set `createRepository` to true, or remove `imageBuildContextPath` and give `image`.",
            ]);
        });

        it("rejects a build context together with an image reference", async () => {
            await expectInvalid({ ...BASE, createRepository: true, imageBuildContextPath: "./app" }, [
                "`imageBuildContextPath` cannot be combined with `image`; got \"./app\". Remove `image`: the built image is the one the service runs.",
            ]);
        });

        it("requires the tag to push the built image as", async () => {
            await expectInvalid({ createRepository: true, imageBuildContextPath: "./app" }, [
                "`imageTag` is required when `createRepository` is true and `image` is not set; got undefined. "
                    + "Set it to the tag you push to the repository, such as a version or a commit SHA.",
            ]);
        });
    });
});
