/**
 * Operational practices, advisory by default: Container Insights on clusters, failing deployments rolled back on
 * services (by the circuit breaker or by deployment alarms), log retention on log groups, and scan-on-push plus
 * immutable tags on ECR repositories.
 */
import { LOG_RETENTION_DAYS } from "../../components/rules";
import { resourcePolicy } from "../lib/policy";
import { describe, T } from "../lib/types";
import { bool, get, isSet, isUnknown, items, knownStrings, num, str, UNKNOWN, unknownCount } from "../lib/values";

const UNKNOWN_FIX = "Use literal values so the policy can decide at preview.";

/** `ecs-cluster-container-insights`: clusters collect Container Insights metrics. */
export const ecsClusterContainerInsights = resourcePolicy(
    {
        name: "ecs-cluster-container-insights",
        title: "Container Insights on ECS clusters",
        description:
            "Checks that ECS clusters enable Container Insights (setting containerInsights to enabled or enhanced).",
        severity: "low",
        enforcementLevel: "advisory",
        remediationSteps:
            "1. Add settings: [{name: \"containerInsights\", value: \"enabled\"}] (or \"enhanced\") to the cluster.",
        url: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContainerInsights.html",
        anchors: { securityHub: ["ECS.12"], checkov: ["CKV_AWS_65"] },
    },
    [T.ecsCluster],
    ({ type, name, props, report }) => {
        const who = describe(type, name);
        const settings = items(props, "settings");
        const entries = settings === UNKNOWN ? [UNKNOWN] : (settings ?? []);
        const relevant = entries.filter(entry => {
            const setting = isUnknown(entry) ? UNKNOWN : str(entry, "name");
            return setting === "containerInsights" || isUnknown(setting);
        });
        const values = relevant.map(entry => (isUnknown(entry) ? UNKNOWN : str(entry, "value")));
        if (values.some(v => v === "enabled" || v === "enhanced")) {
            return;
        }
        if (values.some(isUnknown)) {
            report.unverified(
                `${who} has settings unknown during preview, so Container Insights cannot be verified. ${UNKNOWN_FIX}`,
            );
        } else {
            report.violation(
                `${who} does not enable Container Insights. Add the setting {name: "containerInsights", value: ` +
                    '"enabled"} (or "enhanced").',
            );
        }
    },
);

/** `ecs-service-circuit-breaker-rollback`: failed deployments stop and roll back on their own. */
export const ecsServiceCircuitBreaker = resourcePolicy(
    {
        // The name predates deployment alarms; it stays, because renaming a policy breaks users' policy config files.
        name: "ecs-service-circuit-breaker-rollback",
        title: "Deployment circuit breaker with rollback or deployment alarms with rollback",
        description:
            "Checks that ECS services using the ECS deployment controller roll a failing deployment back: the " +
            "deployment circuit breaker with rollback, or deployment alarms (alarms naming at least one CloudWatch " +
            "alarm) with rollback.",
        severity: "medium",
        enforcementLevel: "advisory",
        remediationSteps: [
            "1. Set deploymentCircuitBreaker: {enable: true, rollback: true} on the service (it rolls back a deployment whose tasks fail to start or to pass health checks).",
            "2. Or set alarms: {alarmNames: [<CloudWatch alarms that fire when a deployment goes wrong, such as target 5xx or unhealthy targets>], enable: true, rollback: true}; these also catch a deployment whose tasks start and pass health checks but then fail requests, so setting both is best.",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-failure-detection.html",
    },
    [T.ecsService],
    ({ type, name, props, report }) => {
        const controller = str(props, "deploymentController", "type") ?? "ECS";
        if (controller !== "ECS" && !isUnknown(controller)) {
            return; // CODE_DEPLOY and EXTERNAL deployments have neither the circuit breaker nor deployment alarms
        }
        const breaker = circuitBreakerOutcome(props);
        const alarms = deploymentAlarmsOutcome(props);
        if (breaker.decision === "rolls back" || alarms.decision === "rolls back") {
            return;
        }
        const who = describe(type, name);
        const unknown = [
            ...(isUnknown(controller) ? ["deploymentController.type"] : []),
            ...(breaker.decision === "unknown" ? ["deploymentCircuitBreaker"] : []),
            ...(alarms.decision === "unknown" ? ["alarms"] : []),
        ];
        if (unknown.length > 0) {
            report.unverified(
                `${who} has ${unknown.join(" and ")} unknown during preview, so whether a failing deployment rolls ` +
                    `back cannot be verified. ${UNKNOWN_FIX}`,
            );
        } else if (alarms.reason === undefined) {
            report.violation(
                `${who} ${breaker.reason}, so a failing deployment keeps replacing tasks. Set ` +
                    "deploymentCircuitBreaker to {enable: true, rollback: true}.",
            );
        } else {
            report.violation(
                `${who} ${breaker.reason}, and ${alarms.reason}, so a failing deployment is not rolled back. Set ` +
                    "deploymentCircuitBreaker to {enable: true, rollback: true}, or alarms to {alarmNames: [<alarms " +
                    "that fire when a deployment goes wrong>], enable: true, rollback: true}.",
            );
        }
    },
);

/** Whether one failure detection method rolls a failing deployment back, and if it does not, why (for messages). */
interface RollbackOutcome {
    decision: "rolls back" | "does not" | "unknown";
    /** Set when the decision is "does not" and the method is configured, or for the circuit breaker always. */
    reason?: string;
}

function circuitBreakerOutcome(props: unknown): RollbackOutcome {
    const enable = bool(props, "deploymentCircuitBreaker", "enable");
    const rollback = bool(props, "deploymentCircuitBreaker", "rollback");
    if (enable === true && rollback === true) {
        return { decision: "rolls back" };
    }
    if (enable !== true && enable !== UNKNOWN) {
        return { decision: "does not", reason: "does not enable the deployment circuit breaker" };
    }
    if (rollback !== true && rollback !== UNKNOWN) {
        return { decision: "does not", reason: "enables the deployment circuit breaker without rollback" };
    }
    return { decision: "unknown" };
}

function deploymentAlarmsOutcome(props: unknown): RollbackOutcome {
    const alarms = get(props, "alarms");
    if (!isUnknown(alarms) && !isSet(alarms)) {
        return { decision: "does not" }; // no deployment alarms: the circuit breaker's reason says it all
    }
    const enable = bool(alarms, "enable");
    const rollback = bool(alarms, "rollback");
    const names = items(alarms, "alarmNames");
    // An unknown name is an alarm's name Output: still a name.
    const nameCount = names === UNKNOWN ? UNKNOWN : knownStrings(names).filter(n => n !== "").length + unknownCount(names);
    if (enable === true && rollback === true && typeof nameCount === "number" && nameCount > 0) {
        return { decision: "rolls back" };
    }
    if (enable !== true && enable !== UNKNOWN) {
        return { decision: "does not", reason: `its deployment alarms are off (alarms.enable is ${enable ?? "unset"})` };
    }
    if (nameCount === 0) {
        const setting = names === undefined ? "unset" : "empty";
        return { decision: "does not", reason: `its deployment alarms name no alarm (alarms.alarmNames is ${setting})` };
    }
    if (rollback !== true && rollback !== UNKNOWN) {
        return {
            decision: "does not",
            reason: `its deployment alarms do not roll back (alarms.rollback is ${rollback ?? "unset"})`,
        };
    }
    return { decision: "unknown" };
}

interface RetentionConfig {
    minimumRetentionDays: number;
}

/** `cloudwatch-log-group-retention`: log groups expire logs after a set period. */
export const cloudwatchLogGroupRetention = resourcePolicy<RetentionConfig>(
    {
        name: "cloudwatch-log-group-retention",
        title: "Log group retention set",
        description:
            "Checks that CloudWatch log groups set retentionInDays to a valid period of at least the configured minimum.",
        severity: "low",
        enforcementLevel: "advisory",
        remediationSteps:
            "1. Set retentionInDays on the log group to a period CloudWatch Logs accepts, at least minimumRetentionDays.",
        url: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html",
        anchors: { checkov: ["CKV_AWS_66", "CKV_AWS_338"] },
        settings: {
            minimumRetentionDays: {
                type: "integer",
                minimum: 1,
                default: 1,
                description: "Smallest acceptable retention in days (Checkov CKV_AWS_338 asks for 365).",
            },
        },
    },
    [T.logGroup],
    ({ type, name, props, config, report }) => {
        const who = describe(type, name);
        const days = num(props, "retentionInDays");
        const valid = LOG_RETENTION_DAYS.filter(d => d >= config.minimumRetentionDays);
        const fix = `Set retentionInDays to one of ${valid.slice(0, 6).join(", ")}${valid.length > 6 ? ", …" : ""}.`;
        if (days === UNKNOWN) {
            report.unverified(`${who} has retentionInDays unknown during preview. ${UNKNOWN_FIX}`);
        } else if (days === undefined || days === 0) {
            report.violation(`${who} sets no retentionInDays, so its logs are kept (and billed) forever. ${fix}`);
        } else if (!LOG_RETENTION_DAYS.includes(days)) {
            report.violation(`${who} sets retentionInDays to ${days}, which CloudWatch Logs does not accept. ${fix}`);
        } else if (days < config.minimumRetentionDays) {
            const minimum = config.minimumRetentionDays;
            report.violation(`${who} keeps logs for ${days} days, less than the required ${minimum}. ${fix}`);
        }
    },
);

/** `ecr-scan-on-push`: images are scanned for vulnerabilities when pushed. */
export const ecrScanOnPush = resourcePolicy(
    {
        name: "ecr-scan-on-push",
        title: "ECR scan on push",
        description: "Checks that ECR repositories scan images on push.",
        severity: "medium",
        enforcementLevel: "advisory",
        remediationSteps:
            "1. Set imageScanningConfiguration: {scanOnPush: true} on the repository (or enable enhanced scanning " +
            "for the registry).",
        url: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html",
        anchors: { securityHub: ["ECR.1"], checkov: ["CKV_AWS_163"] },
    },
    [T.ecrRepository],
    ({ type, name, props, report }) => {
        const who = describe(type, name);
        const scan = bool(props, "imageScanningConfiguration", "scanOnPush");
        if (scan === UNKNOWN) {
            report.unverified(`${who} has scanOnPush unknown during preview. ${UNKNOWN_FIX}`);
        } else if (scan !== true) {
            report.violation(
                `${who} does not scan images on push. Set imageScanningConfiguration.scanOnPush to true.`,
            );
        }
    },
);

/** `ecr-immutable-tags`: a pushed tag always names the same image. */
export const ecrImmutableTags = resourcePolicy(
    {
        name: "ecr-immutable-tags",
        title: "ECR immutable tags",
        description: "Checks that ECR repositories make image tags immutable.",
        severity: "medium",
        enforcementLevel: "advisory",
        remediationSteps:
            "1. Set imageTagMutability: \"IMMUTABLE\" on the repository and push a new tag for every build.",
        url: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html",
        anchors: { securityHub: ["ECR.2"], checkov: ["CKV_AWS_51"] },
    },
    [T.ecrRepository],
    ({ type, name, props, report }) => {
        const who = describe(type, name);
        const mutability = str(props, "imageTagMutability") ?? "MUTABLE";
        if (mutability === UNKNOWN) {
            report.unverified(`${who} has imageTagMutability unknown during preview. ${UNKNOWN_FIX}`);
        } else if (!mutability.startsWith("IMMUTABLE")) {
            report.violation(
                `${who} allows tags to be overwritten (imageTagMutability ${mutability}). Set imageTagMutability ` +
                    'to "IMMUTABLE".',
            );
        }
    },
);
