/**
 * The offline preview (`npm run preview`), run as a user runs it: a separate process per run, reading its output
 * and exit status. The dev stack passes; an insecure raw-@pulumi/aws program fails with each mandatory policy;
 * config errors exit 2 with the program's message; `--json` tells the same story as the text.
 */
import * as assert from "assert";
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

interface Run {
    status: number | null;
    stdout: string;
    stderr: string;
    /** Wall time of the run, in seconds. */
    seconds: number;
}

// As `npm run preview` starts it: programs that import "fargate-stack" load its build (components/bin), as under the CLI.
const PREVIEW = ["-r", "ts-node/register/transpile-only", path.join(ROOT, "policy-pack", "preview", "cli.ts")];

function preview(...args: string[]): Run {
    const started = Date.now();
    const result = spawnSync(process.execPath, [...PREVIEW, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, seconds: (Date.now() - started) / 1000 };
}

/**
 * Runs the preview into a pipe its reader empties late, as `npm run preview -- --json | slow-consumer` does: once the
 * first bytes arrive, nothing more is read for `holdMs` (the kernel's pipe buffer and the reader's take about 80 KB).
 */
function previewIntoSlowPipe(holdMs: number, ...args: string[]): Promise<Run> {
    return new Promise((resolve, reject) => {
        const started = Date.now();
        const child = spawn(process.execPath, [...PREVIEW, ...args], { cwd: ROOT });
        const stdout: Buffer[] = [];
        const stderr: Buffer[] = [];
        child.stdout.on("data", chunk => stdout.push(chunk));
        child.stdout.pause();
        child.stderr.on("data", chunk => stderr.push(chunk));
        const poll = setInterval(() => {
            if (child.stdout.readableLength > 0) {
                clearInterval(poll);
                setTimeout(() => child.stdout.resume(), holdMs);
            }
        }, 20);
        child.on("error", reject);
        child.on("close", status => {
            clearInterval(poll);
            resolve({
                status, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8"),
                seconds: (Date.now() - started) / 1000,
            });
        });
    });
}

const fixture = (name: string) => path.join("tests", "fixtures", name);

describe("offline preview", function () {
    this.timeout(180000);

    describe("the dev stack", () => {
        let text: Run;
        let json: Run;
        before(() => {
            text = preview("--stack", "dev");
            json = preview("--stack", "dev", "--json");
        });

        it("exits 0 with no mandatory violation and no policy that could not run", () => {
            assert.strictEqual(text.status, 0, text.stderr);
            const lines = text.stdout.trimEnd().split("\n");
            assert.strictEqual(lines[lines.length - 1],
                "0 mandatory violations, 1 advisory violation, 0 policies could not run during preview");
        });

        it("prints the plan as a tree under the stack and the component, and the count", () => {
            const lines = text.stdout.split("\n");
            assert.match(lines.find(l => l.includes("pulumi:pulumi:Stack"))!, /^ \+ {3}pulumi:pulumi:Stack +fargate-stack-dev +create$/);
            assert.match(lines.find(l => l.includes("FargateStack"))!, /^ \+ {3}└─ fargate-stack:index:FargateStack +web +create$/);
            assert.match(lines.find(l => l.includes("aws:ecs/service:Service"))!, /^ \+ {6}├─ aws:ecs\/service:Service +web-service +create$/);
            assert.match(lines.find(l => l.includes("aws:ec2/vpc:Vpc"))!, /^ \+ {6}└─ aws:ec2\/vpc:Vpc +web-vpc +create$/);
            assert.strictEqual(lines.filter(l => /^ \+ {3}.* create$/.test(l)).length, 50);
            assert.ok(text.stdout.includes("Resources:\n    + 50 to create\n"));
        });

        it("shows the advisory finding in CrossGuard's format and the known outputs", () => {
            assert.ok(text.stdout.includes("        - [advisory]  alb-listener-https  (aws:lb/listener:Listener: web-http)\n"));
            assert.ok(text.stdout.includes(`    logGroupName:  "/ecs/fargate-stack/dev/web"\n`));
            assert.match(text.stdout, /\(known after deployment: clusterArn, .*url, vpcId\)/);
        });

        it("prints the same plan and verdicts as one JSON document with --json", () => {
            assert.strictEqual(json.status, 0, json.stderr);
            const doc = JSON.parse(json.stdout);
            assert.deepStrictEqual(doc.summary, { toCreate: 50, toRead: 0, mandatory: 0, advisory: 1, cannotRunDuringPreview: 0, answeredWithUnknowns: 0, notChecked: 0 });
            assert.strictEqual(doc.resources.length, 50);
            assert.deepStrictEqual(doc.diagnostics.map((d: any) => [d.enforcementLevel, d.policyName]), [["advisory", "alb-listener-https"]]);
            assert.deepStrictEqual(doc.outputs.logGroupName, { known: true, value: "/ecs/fargate-stack/dev/web" });
            assert.deepStrictEqual(doc.outputs.url, { known: false });
            const service = doc.resources.find((r: any) => r.name === "web-service");
            assert.strictEqual(service.inputs.networkConfiguration.assignPublicIp, false);
            assert.strictEqual(service.inputs.networkConfiguration.subnets[0], doc.unknownValue);
            assert.deepStrictEqual(doc.resources.map((r: any) => r.name).sort(),
                [...text.stdout.matchAll(/^ \+ .*? (\S+) +create$/gm)].map(m => m[1]).sort());
        });

        it("estimates the monthly cost (the README's table) and the rollout of the service, in the text and in --json", () => {
            const { estimates } = JSON.parse(json.stdout);
            // The same figures as tests/estimates.spec.ts's and the README's cost table for this stack.
            assert.strictEqual(estimates.region, "us-east-1");
            assert.strictEqual(estimates.monthlyCostUsd, 83.15);
            assert.strictEqual(estimates.lines.length, 14);
            assert.deepStrictEqual(estimates.lines[0], {
                resource: "web-service", type: "aws:ecs/service:Service", item: "2 × 0.25 vCPU / 0.5 GB Linux X86_64 tasks, on demand", monthlyUsd: 18.02,
            });
            assert.deepStrictEqual(estimates.notPriced, []);
            assert.deepStrictEqual(estimates.rolloutSeconds, { "web-service": 110 });
            assert.deepStrictEqual(estimates.rollouts, [{ service: "web-service", seconds: 110, waves: 1, wave: { start: 45, healthy: 20, drain: 15, stop: 30 } }]);
            assert.match(text.stdout, /\nEstimated monthly cost before traffic \(us-east-1, prices of \d{4}-\d\d-\d\d compiled offline, their sources in --json\):\n {4}web-service +2 × 0\.25 vCPU \/ 0\.5 GB Linux X86_64 tasks, on demand +\$18\.02\n/);
            assert.match(text.stdout, /\n {4}Total +\$83\.15\n {4}Billed by use, not in the total:\n {8}web-alarms: SNS: .*\n {8}web-logs: CloudWatch Logs: .*\n\n/);
            assert.ok(text.stdout.includes([
                "Estimated rollout, one rolling deployment per service (README \"Rollout time\"):",
                "    web-service  110 s: 1 wave × (45 s start + 20 s healthy + 15 s drain + 30 s stop)",
                "",
                "Resources:",
            ].join("\n")), text.stdout);
        });
    });

    it("marks the resources a program reads (.get) as reads: in the plan, flagged in --json, apart from the count and the cost, judged only on what they show", () => {
        const [text, json] = [preview("--program", fixture("read-resources")), preview("--program", fixture("read-resources"), "--json")];
        assert.strictEqual(text.status, 0, text.stderr);
        assert.match(text.stdout, /\n \+ {3}├─ aws:ec2\/eip:Eip +app-eip +create\n > {3}├─ aws:cloudwatch\/logGroup:LogGroup +legacy-logs +read\n/);
        assert.match(text.stdout, /\n > {3}└─ aws:ec2\/vpc:Vpc +shared-vpc +read\n/);
        // As the CLI's summary, which counts no reads.
        assert.ok(text.stdout.includes("Resources:\n    + 2 to create\n\n"), text.stdout);
        const doc = JSON.parse(json.stdout);
        assert.deepStrictEqual(doc.summary, { toCreate: 2, toRead: 4, mandatory: 0, advisory: 0, cannotRunDuringPreview: 0, answeredWithUnknowns: 0, notChecked: 0 });
        assert.deepStrictEqual(doc.resources.filter((r: any) => r.read).map((r: any) => [r.type, r.name, r.inputs.id]).sort(), [
            ["aws:cloudwatch/logGroup:LogGroup", "legacy-logs", "/ecs/legacy"],
            ["aws:ec2/natGateway:NatGateway", "shared-nat", "nat-0a1b2c3d4e5f60718"],
            ["aws:ec2/vpc:Vpc", "shared-vpc", "vpc-0a1b2c3d4e5f60718"],
            ["aws:sns/topic:Topic", "alerts", "arn:aws:sns:eu-west-1:123456789012:alerts"],
        ]);
        // Offline a read carries only its ID: no finding from a setting it does not show (the log group's retention,
        // which Analyze would judge, so reads must not go there; the topic's KMS key, which AnalyzeStack judges).
        assert.deepStrictEqual(doc.diagnostics, []);
        // The NAT gateway read is billed already, whatever this stack does: only the Elastic IP it creates is priced.
        assert.deepStrictEqual(doc.estimates.lines, [{ resource: "app-eip", type: "aws:ec2/eip:Eip", item: "public IPv4 address ($0.005/h)", monthlyUsd: 3.65 }]);
        assert.deepStrictEqual(doc.estimates.usage, []);
        assert.strictEqual(doc.estimates.region, "eu-west-1");
        assert.deepStrictEqual(doc.estimates.rolloutSeconds, {});
    });

    describe("input names renamed in 0.2.0", () => {
        /** What the engine would diff: each resource's type, name and inputs. */
        const plan = (run: Run) => JSON.parse(run.stdout).resources
            .map((r: any) => JSON.stringify([r.type, r.name, r.inputs])).sort();
        let dev: Run;
        before(() => {
            dev = preview("--stack", "dev", "--json");
        });

        it("previews stack config written with the old keys as the dev stack, warning once per old key", () => {
            const text = preview("--program", fixture("renamed-config"), "--stack", "dev");
            assert.strictEqual(text.status, 0, text.stderr);
            const warning = (oldKey: string, newKey: string) => `    warning: Stack config key \`fargate-stack:${oldKey}\` is ` +
                `deprecated: rename it to \`fargate-stack:${newKey}\`, the same input under its new name. The old name is ` +
                "accepted until fargate-stack 0.3.0.";
            assert.ok(text.stdout.includes(["Diagnostics:", "  pulumi:pulumi:Stack: fargate-stack-dev",
                warning("memoryMiB", "memoryMib"), warning("healthCheckPath", "targetHealthCheckPath"),
                warning("minCount", "minTaskCount"), warning("maxCount", "maxTaskCount"), "", "Policies:"].join("\n")), text.stdout);
            const json = preview("--program", fixture("renamed-config"), "--stack", "dev", "--json");
            assert.deepStrictEqual(plan(json), plan(dev));
            assert.deepStrictEqual(JSON.parse(json.stdout).messages.map((m: any) => m.severity), ["warning", "warning", "warning", "warning"]);
        });

        it("previews a program written with the old input names as the dev stack, warning on the component", () => {
            const run = preview("--program", fixture("renamed-inputs"), "--stack", "dev", "--json");
            assert.strictEqual(run.status, 0, run.stderr);
            const doc = JSON.parse(run.stdout);
            assert.deepStrictEqual(doc.messages.map((m: any) => [m.severity, m.urn.split("::").pop(), m.message.split(":")[0]]), [
                ["warning", "web", "`memoryMiB` is deprecated"],
                ["warning", "web", "`healthCheckPath` is deprecated"],
                ["warning", "web", "`minCount` is deprecated"],
                ["warning", "web", "`maxCount` is deprecated"],
            ]);
            // The same project and stack names as the root dev stack, so the same resources, inputs and URNs.
            assert.deepStrictEqual(plan(run), plan(dev));
            assert.strictEqual(doc.summary.mandatory, 0);
        });
    });

    describe("platforms", () => {
        /** The names of the resources of one type in a --json plan. */
        const namesOf = (doc: any, type: string): string[] => doc.resources.filter((r: any) => r.type === type).map((r: any) => r.name);

        it("previews the platform example (TypeScript) with no mandatory violation and every policy decided", () => {
            const run = preview("--program", path.join("examples", "platform"), "--json");
            assert.strictEqual(run.status, 0, run.stderr);
            const doc = JSON.parse(run.stdout);
            assert.deepStrictEqual(doc.summary, { toCreate: doc.resources.length, toRead: 0, mandatory: 0, advisory: 0, cannotRunDuringPreview: 0, answeredWithUnknowns: 0, notChecked: 0 });
            assert.deepStrictEqual(doc.diagnostics, []);
            const components = doc.resources.filter((r: any) => r.type.startsWith("fargate-stack:")).map((r: any) => `${r.type.split(":")[2]} ${r.name}`);
            assert.deepStrictEqual(components.sort(), ["Platform shop", "ScheduledTask nightly-report", "WebService api",
                "WebService catalog", "WebService storefront", "WorkerService order-worker"]);
            assert.deepStrictEqual(namesOf(doc, "aws:ec2/natGateway:NatGateway"), ["shop-nat-1"]);
            assert.deepStrictEqual(namesOf(doc, "aws:ec2/vpcEndpoint:VpcEndpoint"), []);
        });

        it("previews the platform example's natless stack: VPC endpoints instead of a NAT gateway, every policy decided", () => {
            const run = preview("--program", path.join("examples", "platform"), "--stack", "natless", "--json");
            assert.strictEqual(run.status, 0, run.stderr);
            const doc = JSON.parse(run.stdout);
            assert.deepStrictEqual(doc.summary, { toCreate: doc.resources.length, toRead: 0, mandatory: 0, advisory: 0, cannotRunDuringPreview: 0, answeredWithUnknowns: 0, notChecked: 0 });
            assert.deepStrictEqual(doc.diagnostics, []);
            assert.deepStrictEqual(namesOf(doc, "aws:ec2/natGateway:NatGateway"), []);
            const endpoints = doc.resources.filter((r: any) => r.type === "aws:ec2/vpcEndpoint:VpcEndpoint");
            assert.deepStrictEqual(endpoints.map((r: any) => `${r.inputs.vpcEndpointType} ${r.inputs.serviceName}`).sort(), [
                "Gateway com.amazonaws.us-east-1.s3",
                "Interface com.amazonaws.us-east-1.ecr.api",
                "Interface com.amazonaws.us-east-1.ecr.dkr",
                "Interface com.amazonaws.us-east-1.logs",
                "Interface com.amazonaws.us-east-1.sqs",
            ]);
        });

        it("previews a platform with 20 public web services to the end: 23 resources per service, all compliant, its --json whole through a slow pipe", async () => {
            const one = preview("--program", fixture("platform-scale"), "--stack", "one", "--json");
            // Its JSON document (about 0.9 MB) goes into a pipe read late: it must arrive whole, not cut at the exit.
            const twenty = await previewIntoSlowPipe(500, "--program", fixture("platform-scale"), "--stack", "twenty", "--json");
            for (const run of [one, twenty]) {
                assert.strictEqual(run.status, 0, run.stderr);
            }
            const [a, b] = [JSON.parse(one.stdout), JSON.parse(twenty.stdout)];
            assert.strictEqual(b.resources.length - a.resources.length, 19 * 23);
            // An exported array of Outputs is one stack output, resolved as the SDK resolves exports.
            assert.deepStrictEqual(b.outputs.urls, { known: true, value: [...Array(20).keys()].map(i => `https://app-${i + 1}.apps.example.com`) });
            assert.deepStrictEqual(b.summary, { toCreate: b.resources.length, toRead: 0, mandatory: 0, advisory: 0, cannotRunDuringPreview: 0, answeredWithUnknowns: 0, notChecked: 0 });
            assert.deepStrictEqual(b.resources.filter((r: any) => r.type === "aws:lb/listenerRule:ListenerRule")
                .map((r: any) => r.inputs.priority).sort((x: number, y: number) => x - y), [...Array(20).keys()].map(i => i + 1));
        });
    });

    it("ends with its status and no error of its own when the reader has closed the pipe (| head)", async () => {
        const { status, stderr } = await new Promise<{ status: number | null; stderr: string }>((resolve, reject) => {
            const child = spawn(process.execPath, [...PREVIEW, "--program", fixture("insecure-program"), "--json"], { cwd: ROOT });
            let errors = "";
            child.stderr.on("data", chunk => (errors += chunk));
            child.stdout.destroy(); // the reader is gone before the preview writes its report
            child.on("error", reject);
            child.on("close", code => resolve({ status: code, stderr: errors }));
        });
        assert.strictEqual(stderr, "");
        assert.strictEqual(status, 1);
    });

    it("shows the stack outputs as the SDK registers them: resources as their outputs, lists item by item, secrets hidden, undefined dropped", () => {
        const [text, json] = [preview("--program", fixture("stack-outputs")), preview("--program", fixture("stack-outputs"), "--json")];
        assert.strictEqual(json.status, 0, json.stderr);
        const doc = JSON.parse(json.stdout);
        const unknown = doc.unknownValue;
        assert.deepStrictEqual(Object.keys(doc.outputs), ["address", "endpoints", "replicas", "settings", "token"]);
        assert.deepStrictEqual(doc.outputs.endpoints, { known: true, value: ["https://app.example.com", unknown] });
        assert.deepStrictEqual(doc.outputs.settings, { known: true, value: { allocationId: unknown, region: "us-east-1" } });
        assert.deepStrictEqual(doc.outputs.token, { known: true, value: "[secret]" });
        assert.deepStrictEqual(doc.outputs.replicas, { known: true, value: 2 });
        const address = doc.outputs.address.value;
        assert.deepStrictEqual([address.urn, address.domain, address.tags, address.publicIp],
            ["urn:pulumi:dev::stack-outputs::pulumi:pulumi:Stack$aws:ec2/eip:Eip::app-eip", "vpc", { team: "payments" }, unknown]);
        assert.deepStrictEqual(doc.messages, [{ severity: "warning", message: "Undefined value (nothing) will not show as a stack output.", urn: "" }]);
        assert.ok(text.stdout.includes([
            '    endpoints: ["https://app.example.com","[unknown]"]',
            "    replicas:  2",
            '    settings:  {"allocationId":"[unknown]","region":"us-east-1"}',
            '    token:     "[secret]"',
        ].join("\n")), text.stdout);
        assert.ok(!text.stdout.includes("toJSON"));
    });

    it("fails an insecure raw @pulumi/aws program with exit 1 and each mandatory policy", () => {
        const run = preview("--program", fixture("insecure-program"));
        assert.strictEqual(run.status, 1, run.stderr);
        const mandatory = run.stdout.split("\n").filter(l => l.includes("[mandatory]"));
        assert.deepStrictEqual(mandatory, [
            "        - [mandatory]  alb-target-group-ip-target-type  (aws:lb/targetGroup:TargetGroup: app-tg)",
            "        - [mandatory]  ecs-no-public-ip  (aws:ecs/service:Service: app-service)",
            "        - [mandatory]  ecs-separate-task-and-execution-roles  (aws:ecs/taskDefinition:TaskDefinition: app-task)",
            ...Array(4).fill("        - [mandatory]  ecs-tasks-in-private-subnets  (aws:ecs/service:Service: app-service)"),
            "        - [mandatory]  fargate-valid-cpu-memory  (aws:ecs/taskDefinition:TaskDefinition: app-task)",
        ]);
        assert.ok(run.stdout.includes("Task definition \"app-task\": memory 4096 is not a valid Fargate memory size for 256 cpu units."));
        assert.match(run.stdout, /\n8 mandatory violations, 5 advisory violations, 0 policies could not run during preview\n$/);
    });

    it("previews the TypeScript example with its project config defaults and stack file: compliant, HTTPS", () => {
        const run = preview("--program", path.join("examples", "typescript"), "--json");
        assert.strictEqual(run.status, 0, run.stderr);
        const doc = JSON.parse(run.stdout);
        assert.strictEqual(doc.project, "fargate-stack-typescript");
        assert.deepStrictEqual(doc.summary, { toCreate: 57, toRead: 0, mandatory: 0, advisory: 0, cannotRunDuringPreview: 0, answeredWithUnknowns: 0, notChecked: 0 });
        assert.deepStrictEqual(doc.outputs.url, { known: true, value: "https://api.example.com" });
        const container = JSON.parse(doc.resources.find((r: any) => r.name === "api-task").inputs.containerDefinitions)[0];
        assert.strictEqual(container.image, "nginxinc/nginx-unprivileged:1.27-alpine", "the image comes from the Pulumi.yaml default");
    });

    it("raises advisory policies with --policy-pack-config and then fails the dev stack", () => {
        const run = preview("--policy-pack-config", fixture("all-mandatory.json"));
        assert.strictEqual(run.status, 1, run.stderr);
        assert.ok(run.stdout.includes("        - [mandatory]  alb-listener-https  (aws:lb/listener:Listener: web-http)\n"));
    });

    it("exits 2 with the program's message for an unknown config key and a wrongly typed value", () => {
        const run = preview("--program", fixture("bad-config"), "--stack", "typo");
        assert.strictEqual(run.status, 2);
        assert.strictEqual(run.stdout, "");
        assert.strictEqual(run.stderr, [
            `error: Stack config of project "fargate-stack" is invalid (2 problems):`,
            "  - `fargate-stack:cpus` is not a config key of this project; got \"512\". Did you mean `fargate-stack:cpu`?",
            "  - `fargate-stack:desiredCount` must be a number; got \"two\". Set a number with `pulumi config set desiredCount <number>`.",
            "",
        ].join("\n"));
    });

    it("exits 2 with the component's message for a task size Fargate does not offer", () => {
        const run = preview("--program", fixture("bad-config"), "--stack", "size");
        assert.strictEqual(run.status, 2);
        assert.strictEqual(run.stderr, [
            `error: FargateStack "web" has invalid arguments (1 problem); nothing was created:`,
            "  - `memoryMib` is not a valid Fargate memory size for 256 cpu units; got 4096. Use one of 512, 1024, 2048 MiB.",
            "",
        ].join("\n"));
    });

    it("exits 2 as the CLI does when the stack leaves out keys the project declares without a default", () => {
        const run = preview("--program", fixture("required-config"));
        assert.strictEqual(run.status, 2);
        assert.strictEqual(run.stdout, "");
        assert.strictEqual(run.stderr, "error: Stack 'dev' is missing configuration values 'domainName' and 'image'\n");
    });

    it("exits 2 with the component's message for a secret Output that resolves to a value instead of an ARN", () => {
        const run = preview("--program", fixture("output-secret"));
        assert.strictEqual(run.status, 2);
        assert.strictEqual(run.stderr, [
            `error: FargateStack "app" has invalid arguments (1 problem):`,
            "  - `secrets.DB_PASSWORD` must be the ARN of a Secrets Manager secret or an SSM parameter; got a string that is "
                + "not an ARN (value hidden). Store the value in Secrets Manager or SSM Parameter Store and give its ARN.",
            "",
        ].join("\n"));
        assert.ok(!run.stderr.includes("hunter2"));
    });

    it("exits 2 when the program directory has no Pulumi.yaml", () => {
        const run = preview("--program", fixture("no-such-program"));
        assert.strictEqual(run.status, 2);
        assert.strictEqual(run.stderr,
            `error: ${path.join(ROOT, fixture("no-such-program"), "Pulumi.yaml")} does not exist: give --program the directory that holds Pulumi.yaml.\n`);
    });
    describe("programs it cannot see into, and programs that fail: always an end, with a verdict or what to do", () => {
        it("runs an awsx.classic Fargate service in the default VPC to its end: default-VPC lookups answered with unknowns", () => {
            const run = preview("--program", fixture("awsx-classic"));
            assert.strictEqual(run.status, 1, run.stderr);
            assert.ok(run.stdout.includes([
                "Data sources answered with unknowns (2): what they return is known only after deployment",
                "    aws:ec2/getVpc:getVpc          the offline preview cannot see the account",
                "    aws:ec2/getSubnets:getSubnets  its arguments are unknown during preview",
                "",
            ].join("\n")), run.stdout);
            // The classic helpers register their resources in process: the pack judges the service they build.
            assert.ok(run.stdout.includes("        - [mandatory]  ecs-no-public-ip  (aws:ecs/service:Service: app)\n"), run.stdout);
            assert.match(run.stdout, /ECS service "app" sets networkConfiguration\.assignPublicIp to true/);
            assert.match(run.stdout, /\n\d+ mandatory violations?, \d+ advisory violations?, 0 policies could not run during preview, 2 data sources answered with unknowns\n$/);
        });

        it("stops a program that never finishes at --timeout (exit 2), naming the registration and the invoke it waits for", () => {
            const run = preview("--program", fixture("never-finishes"), "--timeout", "2");
            assert.strictEqual(run.status, 2);
            assert.strictEqual(run.stdout, "");
            assert.strictEqual(run.stderr, [
                "error: The program did not finish within 2 s (--timeout); the preview stopped it.",
                "It was still waiting for:",
                "  - resource aws:s3/bucket:Bucket \"logs\"",
                "  - invoke aws:ec2/getVpc:getVpc",
                "Look for a promise that is never resolved (an `await` on it, or an input built from it), or, if the program is "
                    + "just slow, give it more time with --timeout <seconds>.",
                "",
            ].join("\n"));
            assert.ok(run.seconds < 60, `took ${run.seconds} s: the default --timeout is 300 s`);
        });

        it("exits 2 naming a package the program imports that is not installed, and the command that installs it", () => {
            const run = preview("--program", fixture("missing-package"));
            assert.strictEqual(run.status, 2);
            assert.strictEqual(run.stderr, "error: The program imports @pulumi/gcp, which is not installed. Run `npm install @pulumi/gcp` in "
                + `${path.join(ROOT, fixture("missing-package"))} (it adds the package to the program's package.json).\n`);
        });

        it("exits 2 naming a program that cannot load @pulumi/pulumi, and how to install it", () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "preview-no-sdk-"));
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: no-sdk\nruntime: nodejs\n");
            fs.writeFileSync(path.join(dir, "index.js"), "require(\"@pulumi/pulumi\");\n");
            const run = preview("--program", dir);
            fs.rmSync(dir, { recursive: true });
            assert.strictEqual(run.status, 2);
            assert.strictEqual(run.stderr, `error: The program in ${dir} cannot load @pulumi/pulumi: it is not installed there. Run `
                + "`npm install` in that directory (a Pulumi Node.js program lists @pulumi/pulumi in its package.json dependencies; "
                + "add it with `npm install @pulumi/pulumi` if it does not).\n");
        });

        it("exits 2 as the CLI does for a config key the program requires and the stack does not set, with how to set it", () => {
            const run = preview("--program", fixture("missing-config"));
            assert.strictEqual(run.status, 2);
            assert.strictEqual(run.stderr, [
                "error: Missing required configuration variable 'missing-config:image'",
                "    set it with `pulumi config set image <value>`, or, for the offline preview, add `missing-config:image: <value>` "
                    + `under \`config:\` in ${path.join(ROOT, fixture("missing-config"), "Pulumi.dev.yaml")}.`,
                "",
            ].join("\n"));
        });

        it("exits 2 for a program in another language, saying how to check its stack with the pack under the CLI", () => {
            const run = preview("--program", fixture("python-program"));
            assert.strictEqual(run.status, 2);
            const dir = path.join(ROOT, fixture("python-program"));
            assert.strictEqual(run.stderr, `error: ${path.join(dir, "Pulumi.yaml")} is a Python program (runtime: python); the offline `
                + "preview runs Node.js programs (TypeScript or JavaScript, runtime: nodejs) only. Check this stack with the policy "
                + `pack under the Pulumi CLI instead: in ${dir}, run \`pulumi preview --policy-pack ../../../policy-pack\` (the pack `
                + "runs the same rules for programs in every language).\n");
        });
    });
    describe("remote components and data sources: it passes what it cannot see, and says so", () => {
        const dataSources = fixture("data-sources");

        it("fails awsx's Fargate template (assignPublicIp: true) on ecs-no-public-ip, judged from the component's inputs", () => {
            const run = preview("--program", fixture("awsx-public-fargate"));
            assert.strictEqual(run.status, 1, run.stderr);
            const mandatory = run.stdout.split("\n").filter(l => l.includes("[mandatory]"));
            assert.deepStrictEqual(mandatory, [
                "        - [mandatory]  ecs-no-public-ip  (awsx:ecs:FargateService: service)",
                "        - [mandatory]  ecs-tasks-in-private-subnets  (awsx:ecs:FargateService: service)",
            ]);
            assert.ok(run.stdout.includes('awsx Fargate service "service" sets assignPublicIp to true, which gives every task a public IP address.'));
            assert.ok(run.stdout.includes([
                "Remote components (4): their plugins create their resources, which an offline preview does not run",
                "    awsx:ecr:Image                   image         not checked: its resources are created by the awsx plugin",
                "    awsx:ecr:Repository              repo          not checked: its resources are created by the awsx plugin",
                "    awsx:ecs:FargateService          service       mandatory rules checked from its inputs (its resources are created by the awsx plugin)",
                "    awsx:lb:ApplicationLoadBalancer  loadbalancer  mandatory rules checked from its inputs (its resources are created by the awsx plugin)",
                "",
            ].join("\n")), run.stdout);
            assert.match(run.stdout, /\n2 mandatory violations, \d+ advisory violations?, 0 policies could not run during preview, 2 resources not checked\n$/);
        });

        it("passes a secure awsx program (exit 0), every component checked from its inputs and nothing reported twice", () => {
            const run = preview("--program", fixture("awsx-secure-fargate"), "--json");
            assert.strictEqual(run.status, 0, run.stderr);
            const doc = JSON.parse(run.stdout);
            assert.deepStrictEqual(doc.summary, { toCreate: 6, toRead: 0, mandatory: 0, advisory: 1, cannotRunDuringPreview: 0, answeredWithUnknowns: 0, notChecked: 0 });
            assert.deepStrictEqual(doc.remoteComponents.map((c: any) => `${c.type} ${c.name} ${c.checkedFromInputs}`), [
                "awsx:ec2:Vpc vpc true", "awsx:ecs:FargateService web true", "awsx:lb:ApplicationLoadBalancer lb true",
            ]);
            const keys = doc.diagnostics.map((d: any) => `${d.policyName} ${d.urn} ${d.message}`);
            assert.strictEqual(new Set(keys).size, keys.length, "a diagnostic reported twice");
            // What awsx's inputs cannot tell (which of the VPC's subnet lists the tasks get) stays an advisory finding.
            assert.deepStrictEqual(doc.diagnostics.map((d: any) => [d.enforcementLevel, d.policyName, d.urn.split("::").pop()]),
                [["advisory", "ecs-tasks-in-private-subnets", "web"]]);
            assert.ok(doc.resources.find((r: any) => r.name === "web").remote);
        });

        it("completes a program whose data sources and remote method it cannot answer: lists them, decides what it can, --strict fails the unchecked component", () => {
            const run = preview("--program", dataSources, "--json", "--strict");
            assert.strictEqual(run.status, 1, run.stderr);
            const doc = JSON.parse(run.stdout);
            assert.deepStrictEqual(doc.summary, { toCreate: 10, toRead: 0, mandatory: 0, advisory: 6, cannotRunDuringPreview: 0, answeredWithUnknowns: 4, notChecked: 1 });
            const byToken = (a: any, b: any) => a.token.localeCompare(b.token);
            assert.deepStrictEqual([...doc.invokes].sort(byToken), [
                { token: "acme:index:Database/connectionUrl", answeredWith: "unknowns", reason: "a method of a remote component, answered by its plugin", calls: 1 },
                { token: "aws:ec2/getAmi:getAmi", answeredWith: "unknowns", reason: "the offline preview cannot see the account", calls: 1 },
                { token: "aws:ec2/getSubnets:getSubnets", answeredWith: "unknowns", reason: "its arguments are unknown during preview", calls: 1 },
                { token: "aws:ec2/getVpc:getVpc", answeredWith: "unknowns", reason: "the offline preview cannot see the account", calls: 1 },
            ]);
            assert.deepStrictEqual(doc.remoteComponents, [{
                type: "acme:index:Database", name: "orders", urn: "urn:pulumi:dev::data-sources::pulumi:pulumi:Stack$acme:index:Database::orders",
                plugin: "acme", checkedFromInputs: false,
            }]);
            assert.deepStrictEqual(doc.outputs, { amiId: { known: false }, ordersUrl: { known: false }, vpcId: { known: false } });
            const service = doc.resources.find((r: any) => r.type === "aws:ecs/service:Service");
            assert.strictEqual(service.inputs.networkConfiguration.subnets, doc.unknownValue);
            // Decided from what the program states; only the subnets, which come from the account, stay undecided.
            const undecided = doc.diagnostics.filter((d: any) => d.message.includes("Cannot verify: "));
            assert.deepStrictEqual(undecided.map((d: any) => d.policyName), ["ecs-tasks-in-private-subnets"]);
        });

        it("uses the answers of an --invokes file: known values in the plan and the verdicts, the rest still listed", () => {
            const run = preview("--program", dataSources, "--invokes", path.join(dataSources, "answers.json"));
            assert.strictEqual(run.status, 0, run.stderr);
            assert.ok(run.stdout.includes([
                "Data sources answered with unknowns (1): what they return is known only after deployment",
                "    aws:ec2/getAmi:getAmi  the offline preview cannot see the account",
                "    (to preview with real values, give their results in a file: --invokes answers.json, token → result object)",
                "",
            ].join("\n")), run.stdout);
            assert.ok(run.stdout.includes('    ordersUrl: "postgres://orders.acme.internal:5432/orders"\n    vpcId:     "vpc-0d3f4a5b6c7d8e9f0"\n'), run.stdout);
            assert.ok(run.stdout.includes('ECS service "app" places tasks in subnet "subnet-0a1b2c3d4e5f60718", which is not created in this stack'));
            assert.match(run.stdout, /\n0 mandatory violations, \d+ advisory violations, 0 policies could not run during preview, 1 data source answered with unknowns, 1 resource not checked\n$/);
        });

        it("exits 2 naming what is wrong with an --invokes file, and how to write it", () => {
            const file = path.join(os.tmpdir(), `preview-invokes-${process.pid}.json`);
            fs.writeFileSync(file, JSON.stringify({ getVpc: { id: "vpc-1" }, "aws:ec2/getAmi:getAmi": "ami-1" }));
            const run = preview("--program", dataSources, "--invokes", file);
            fs.rmSync(file);
            assert.strictEqual(run.status, 2);
            assert.strictEqual(run.stderr, [
                `error: --invokes ${file} has 2 problems:`,
                "  - `getVpc` is not an invoke token; use the token the report lists, e.g. aws:ec2/getVpc:getVpc.",
                "  - `aws:ec2/getAmi:getAmi` must map to the invoke's result object (its fields, e.g. {\"id\": \"…\"}); got \"ami-1\".",
                "",
            ].join("\n"));
        });

        it("exits 2 with what failed and where for an error that has no message", () => {
            const run = preview("--program", fixture("empty-error"));
            assert.strictEqual(run.status, 2);
            assert.strictEqual(run.stderr, "error: The program failed with an Error that has no message (thrown at Object.<anonymous> "
                + `(${path.join(ROOT, fixture("empty-error"), "index.ts")}:5:7)). Give the error a message where it is thrown, or run the `
                + "program under `node --inspect` to see what failed.\n");
        });
    });
});
