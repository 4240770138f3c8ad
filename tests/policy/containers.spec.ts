import * as assert from "assert";
import {
    ecsContainerAwslogs,
    ecsContainerImagePinned,
    ecsContainerNonRootUser,
    ecsContainerReadOnlyRoot,
} from "../../policy-pack/policies/containerHardening";
import { ecsNoSecretsInEnvironment } from "../../policy-pack/policies/containerSecrets";
import { parseImage } from "../../policy-pack/lib/containers";
import { StackFixture, U } from "./support/fixtures";
import { advisory, expectFindings, mandatory, unverified } from "./support/scenario";
import { SECURE_CONTAINERS } from "./support/stacks";

const app = 'Container "app" in task definition "app-task"';

/** Mutates the first container of the secure task definition. */
function container(mutate: (c: Record<string, any>) => void) {
    return (s: StackFixture) =>
        s.update("app-task", p => {
            const containers = JSON.parse(JSON.stringify(SECURE_CONTAINERS));
            mutate(containers[0]);
            p.containerDefinitions = JSON.stringify(containers);
        });
}

const unknownDefinitions = (s: StackFixture) => s.update("app-task", p => (p.containerDefinitions = U));
const cannotRead = (what: string) =>
    unverified(`Task definition "app-task" cannot be checked for ${what} because its containerDefinitions are unknown during preview. Build containerDefinitions from values known at preview (for example an explicit log group name instead of its ARN).`);

describe("container policies", () => {
    it("pass the secure task definition", async () => {
        for (const policy of [ecsContainerAwslogs, ecsContainerReadOnlyRoot, ecsContainerNonRootUser, ecsContainerImagePinned, ecsNoSecretsInEnvironment]) {
            await expectFindings(policy, undefined, []);
        }
    });

    describe("ecs-container-awslogs", () => {
        const FIX = "Set logConfiguration to the awslogs driver with an awslogs-group option.";
        it("fails a container without logConfiguration", async () => {
            await expectFindings(ecsContainerAwslogs, container(c => delete c.logConfiguration), [
                advisory(`${app} has no logConfiguration, so its output is lost. ${FIX}`),
            ]);
        });
        it("fails another log driver unless allowed", async () => {
            const splunk = container(c => (c.logConfiguration = { logDriver: "splunk", options: {} }));
            await expectFindings(ecsContainerAwslogs, splunk, [advisory(`${app} logs with the "splunk" driver instead of awslogs. ${FIX}`)]);
            await expectFindings(ecsContainerAwslogs, splunk, [], { allowedLogDrivers: ["awslogs", "splunk"] });
        });
        it("fails awslogs without a log group", async () => {
            await expectFindings(ecsContainerAwslogs, container(c => delete c.logConfiguration.options["awslogs-group"]), [
                advisory(`${app} uses awslogs without an awslogs-group option. ${FIX}`),
            ]);
        });
        it("reports unknown container definitions as cannot verify", async () => {
            await expectFindings(ecsContainerAwslogs, unknownDefinitions, [cannotRead("log configuration")]);
        });
    });

    describe("ecs-container-read-only-root", () => {
        it("fails a writable root filesystem", async () => {
            await expectFindings(ecsContainerReadOnlyRoot, container(c => delete c.readonlyRootFilesystem), [
                advisory(`${app} can write to its root filesystem. Set readonlyRootFilesystem to true and mount a volume for paths it writes to.`),
            ]);
        });
        it("is raised to mandatory by config", async () => {
            await expectFindings(ecsContainerReadOnlyRoot, container(c => (c.readonlyRootFilesystem = false)), [
                mandatory(`${app} can write to its root filesystem. Set readonlyRootFilesystem to true and mount a volume for paths it writes to.`),
            ], { enforcementLevel: "mandatory" });
        });
        it("skips Windows task definitions, where ECS does not support readonlyRootFilesystem", async () => {
            const windows = (s: StackFixture) => {
                container(c => delete c.readonlyRootFilesystem)(s);
                s.update("app-task", p => (p.runtimePlatform.operatingSystemFamily = "WINDOWS_SERVER_2019_FULL"));
            };
            await expectFindings(ecsContainerReadOnlyRoot, windows, []);
        });
    });

    describe("ecs-container-non-root-user", () => {
        it("fails a container without user", async () => {
            await expectFindings(ecsContainerNonRootUser, container(c => delete c.user), [
                advisory(`${app} sets no user, so it runs as the image's user (root by default). Set user to a non-root UID, for example "1000:1000".`),
            ]);
        });
        it("fails user root and 0", async () => {
            await expectFindings(ecsContainerNonRootUser, container(c => (c.user = "0:0")), [
                advisory(`${app} runs as root (user "0:0"). Set user to a non-root UID, for example "1000:1000".`),
            ]);
        });
        it("skips Windows task definitions, where ECS does not support user", async () => {
            const windows = (s: StackFixture) => {
                container(c => delete c.user)(s);
                s.update("app-task", p => (p.runtimePlatform.operatingSystemFamily = "WINDOWS_SERVER_2022_CORE"));
            };
            await expectFindings(ecsContainerNonRootUser, windows, []);
        });
    });

    describe("ecs-container-image-pinned", () => {
        const FIX = "Use a version tag (for example nginx:1.27) or a digest.";
        it("fails an untagged image", async () => {
            await expectFindings(ecsContainerImagePinned, container(c => (c.image = "registry.example.com:5000/team/app")), [
                advisory(`${app} uses image "registry.example.com:5000/team/app" without a tag, which means latest. ${FIX}`),
            ]);
        });
        it("fails the latest tag", async () => {
            await expectFindings(ecsContainerImagePinned, container(c => (c.image = "nginx:latest")), [
                advisory(`${app} uses image "nginx:latest", whose latest tag changes under you. ${FIX}`),
            ]);
        });
        it("passes a digest", async () => {
            await expectFindings(ecsContainerImagePinned, container(c => (c.image = `nginx@sha256:${"a".repeat(64)}`)), []);
        });
        it("parses registry ports, tags and digests", () => {
            assert.deepStrictEqual(parseImage("host:5000/app:1.2@sha256:ab"), { repository: "host:5000/app", tag: "1.2", digest: "sha256:ab" });
            assert.deepStrictEqual(parseImage("host:5000/app"), { repository: "host:5000/app", tag: undefined, digest: undefined });
        });
    });

    describe("ecs-no-secrets-in-environment", () => {
        const move = "Move it to the container's secrets (valueFrom a Secrets Manager secret or SSM SecureString parameter) and rotate the value.";
        const env = (name: string, value: string) => container(c => c.environment.push({ name, value }));
        it("fails a variable whose name looks like a secret, without echoing the value", async () => {
            await expectFindings(ecsNoSecretsInEnvironment, env("DB_PASSWORD", "hunter2"), [
                advisory(`${app} sets environment variable "DB_PASSWORD" in plain text, and its name looks like a secret. ${move}`),
            ]);
        });
        it("fails a value that looks like an AWS access key whatever its name", async () => {
            await expectFindings(ecsNoSecretsInEnvironment, env("UPSTREAM", "AKIAIOSFODNN7EXAMPLE"), [
                advisory(`${app} sets environment variable "UPSTREAM" in plain text, and its value looks like an AWS access key ID. ${move}`),
            ]);
        });
        it("fails a token variable, named with a prefix or alone", async () => {
            await expectFindings(ecsNoSecretsInEnvironment, env("GITHUB_TOKEN", "abc123"), [
                advisory(`${app} sets environment variable "GITHUB_TOKEN" in plain text, and its name looks like a secret. ${move}`),
            ]);
        });
        it("passes names that refer to a secret, counts of tokens, and empty or boolean values", async () => {
            for (const [name, value] of [["DB_PASSWORD_ARN", "x"], ["TOKEN_URL", "https://auth"], ["API_KEY", ""], ["USE_TOKEN", "true"],
                ["MAX_TOKENS", "4096"], ["TOKENIZER_MODEL", "cl100k_base"]]) {
                await expectFindings(ecsNoSecretsInEnvironment, env(name, value), []);
            }
        });
        it("uses configured key patterns and allowed keys", async () => {
            await expectFindings(ecsNoSecretsInEnvironment, env("PIN", "1234"), [
                advisory(`${app} sets environment variable "PIN" in plain text, and its name looks like a secret. ${move}`),
            ], { secretKeyPatterns: ["^PIN$"] });
            await expectFindings(ecsNoSecretsInEnvironment, env("SESSION_TOKEN_SALT", "abc"), [], { allowedKeys: ["SESSION_TOKEN_SALT"] });
        });
    });
});
