/**
 * `ecs-no-secrets-in-environment`: secrets belong in a container's `secrets` (Secrets Manager or SSM SecureString,
 * injected at start), not in `environment`, where they are stored in plain text in the task definition and shown by
 * DescribeTaskDefinition. Two heuristics: variable names that look like secrets, and values that look like
 * credentials whatever their name. Messages never repeat the value.
 */
import { forEachContainer } from "../lib/containers";
import { resourcePolicy } from "../lib/policy";
import { T } from "../lib/types";
import { get } from "../lib/values";

interface Config {
    secretKeyPatterns: string[];
    ignoredKeyPatterns: string[];
    allowedKeys: string[];
}

/** Name patterns (case-insensitive regular expressions) that mark a variable as a secret. */
export const DEFAULT_SECRET_KEY_PATTERNS: readonly string[] = [
    "PASSWORD",
    "PASSWD",
    "SECRET",
    // A token, not a count of tokens or a tokenizer (MAX_TOKENS, TOKENIZER_MODEL).
    "TOKEN(_|$)",
    "API_?KEY",
    "PRIVATE_?KEY",
    "ACCESS_?KEY",
    "CREDENTIAL",
];

/** Name patterns that refer to a secret rather than hold one (`DB_PASSWORD_ARN`, `TOKEN_URL`). */
export const DEFAULT_IGNORED_KEY_PATTERNS: readonly string[] = [
    "(^|_)(ARN|NAME|ID|PATH|FILE|URL|URI|ENDPOINT|REGION|TTL|LENGTH|TYPE|HEADER)$",
];

/** Values that are credentials whatever the variable is called. */
const SECRET_VALUES: readonly { pattern: RegExp; what: string }[] = [
    { pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/, what: "an AWS access key ID" },
    { pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/, what: "a private key" },
    { pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/, what: "a GitHub token" },
    { pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/, what: "a Slack token" },
    { pattern: /\b[sr]k_live_[A-Za-z0-9]{16,}/, what: "a Stripe live key" },
    { pattern: /\beyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}/, what: "a JSON Web Token" },
    { pattern: /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i, what: "a URL with an embedded password" },
];

/** A configured pattern as a case-insensitive regular expression; one that does not compile matches literally. */
function pattern(source: string): RegExp {
    try {
        return new RegExp(source, "i");
    } catch {
        return new RegExp(source.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");
    }
}

/** Why an environment variable looks like a plaintext secret, or undefined when it does not. */
export function secretReason(key: string, value: string, config: Config): string | undefined {
    const byValue = SECRET_VALUES.find(entry => entry.pattern.test(value));
    if (byValue) {
        return `its value looks like ${byValue.what}`;
    }
    if (config.allowedKeys.includes(key) || value === "" || /^(true|false)$/i.test(value) || value.startsWith("arn:")) {
        return undefined;
    }
    const matches = (patterns: string[]) => patterns.some(p => pattern(p).test(key));
    return matches(config.secretKeyPatterns) && !matches(config.ignoredKeyPatterns)
        ? "its name looks like a secret"
        : undefined;
}

/** The policy. */
export const ecsNoSecretsInEnvironment = resourcePolicy<Config>(
    {
        name: "ecs-no-secrets-in-environment",
        title: "No plaintext secrets in container environment",
        description: "Checks that container environment variables in ECS task definitions do not hold secrets in plain text.",
        severity: "high",
        enforcementLevel: "advisory",
        remediationSteps: [
            "1. Store the value in Secrets Manager or as an SSM SecureString parameter.",
            "2. Replace the environment entry with a secrets entry {name, valueFrom: <secret or parameter ARN>}.",
            "3. Allow the execution role secretsmanager:GetSecretValue / ssm:GetParameters on that ARN (and kms:Decrypt for its key).",
            "4. Rotate the exposed value: it is stored in every revision of the task definition.",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html",
        anchors: { securityHub: ["ECS.8"] },
        settings: {
            secretKeyPatterns: {
                type: "array",
                items: { type: "string" },
                default: [...DEFAULT_SECRET_KEY_PATTERNS],
                description: "Case-insensitive regular expressions; a variable whose name matches one is treated as a secret.",
            },
            ignoredKeyPatterns: {
                type: "array",
                items: { type: "string" },
                default: [...DEFAULT_IGNORED_KEY_PATTERNS],
                description: "Case-insensitive regular expressions for names that refer to a secret rather than hold one.",
            },
            allowedKeys: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Exact variable names never reported by the name heuristic.",
            },
        },
    },
    [T.ecsTaskDefinition],
    check =>
        forEachContainer(check, "plaintext secrets", (container, subject) => {
            const environment = get(container.definition, "environment");
            for (const entry of Array.isArray(environment) ? environment : []) {
                const key = get(entry, "name");
                const value = get(entry, "value");
                if (typeof key !== "string" || typeof value !== "string") {
                    continue;
                }
                const reason = secretReason(key, value, check.config);
                if (reason) {
                    check.report.violation(
                        `${subject} sets environment variable "${key}" in plain text, and ${reason}. Move it to ` +
                            "the container's secrets (valueFrom a Secrets Manager secret or SSM SecureString " +
                            "parameter) and rotate the value.",
                    );
                }
            }
        }),
);
