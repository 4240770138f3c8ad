/**
 * Container hardening, advisory by default: logs shipped with awslogs, a read-only root filesystem, a non-root user
 * and a pinned image. Each reads only the fields it needs from the parsed container definitions.
 */
import { isWindowsFamily } from "../../components/rules";
import { forEachContainer, parseImage } from "../lib/containers";
import { resourcePolicy } from "../lib/policy";
import { T } from "../lib/types";
import { get, isUnknown, str } from "../lib/values";

interface LoggingConfig {
    allowedLogDrivers: string[];
}

/** `ecs-container-awslogs`: every container ships its logs to CloudWatch Logs. */
export const ecsContainerAwslogs = resourcePolicy<LoggingConfig>(
    {
        name: "ecs-container-awslogs",
        title: "Containers log to CloudWatch Logs",
        description:
            "Checks that every container in an ECS task definition has a logConfiguration using the awslogs driver " +
            "with a log group.",
        severity: "medium",
        enforcementLevel: "advisory",
        remediationSteps: [
            "1. Create a CloudWatch log group with an explicit name and retention.",
            "2. Set logConfiguration: {logDriver: \"awslogs\", options: {\"awslogs-group\": <name>, " +
                "\"awslogs-region\": <region>, \"awslogs-stream-prefix\": <container>}} on every container.",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html",
        anchors: { securityHub: ["ECS.9"] },
        settings: {
            allowedLogDrivers: {
                type: "array",
                items: { type: "string" },
                default: ["awslogs"],
                description: "Log drivers accepted (add \"awsfirelens\" when a FireLens router ships the logs).",
            },
        },
    },
    [T.ecsTaskDefinition],
    check =>
        forEachContainer(check, "log configuration", (container, subject) => {
            const driver = get(container.definition, "logConfiguration", "logDriver");
            const group = get(container.definition, "logConfiguration", "options", "awslogs-group");
            const fix = "Set logConfiguration to the awslogs driver with an awslogs-group option.";
            if (typeof driver !== "string") {
                check.report.violation(`${subject} has no logConfiguration, so its output is lost. ${fix}`);
            } else if (!check.config.allowedLogDrivers.includes(driver)) {
                check.report.violation(`${subject} logs with the "${driver}" driver instead of awslogs. ${fix}`);
            } else if (driver === "awslogs" && typeof group !== "string") {
                check.report.violation(`${subject} uses awslogs without an awslogs-group option. ${fix}`);
            }
        }),
);

/** `ecs-container-read-only-root`: containers cannot write to their root filesystem. */
export const ecsContainerReadOnlyRoot = resourcePolicy(
    {
        name: "ecs-container-read-only-root",
        title: "Read-only root filesystem",
        description: "Checks that every container in a Linux ECS task definition sets readonlyRootFilesystem to true.",
        severity: "medium",
        enforcementLevel: "advisory",
        remediationSteps: [
            "1. Set readonlyRootFilesystem: true on each container.",
            "2. Give paths the application writes to (e.g. /tmp) a task volume and a mountPoint.",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html",
        anchors: { securityHub: ["ECS.5"], checkov: ["CKV_AWS_336"] },
    },
    [T.ecsTaskDefinition],
    check => {
        if (isWindowsTask(check.props)) {
            return; // ECS does not support readonlyRootFilesystem for Windows containers
        }
        forEachContainer(check, "a read-only root filesystem", (container, subject) => {
            if (get(container.definition, "readonlyRootFilesystem") !== true) {
                check.report.violation(
                    `${subject} can write to its root filesystem. Set readonlyRootFilesystem to true and mount a ` +
                        "volume for paths it writes to.",
                );
            }
        });
    },
);

/**
 * True for a task definition of Windows containers, on which ECS supports neither `readonlyRootFilesystem` nor `user`.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
 */
function isWindowsTask(props: unknown): boolean {
    const os = str(props, "runtimePlatform", "operatingSystemFamily");
    return typeof os === "string" && isWindowsFamily(os);
}

const ROOT_USER = /^(root|0)(:.*)?$/;

/** `ecs-container-non-root-user`: Linux containers run as a non-root user. */
export const ecsContainerNonRootUser = resourcePolicy(
    {
        name: "ecs-container-non-root-user",
        title: "Containers run as a non-root user",
        description: "Checks that every Linux container in an ECS task definition sets user to a non-root user.",
        severity: "medium",
        enforcementLevel: "advisory",
        remediationSteps: [
            "1. Create an unprivileged user in the image (or use one it ships, e.g. 1000 or nginx).",
            "2. Set user: \"<uid>:<gid>\" on the container and make sure it can bind its port (use a port above 1024).",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html",
    },
    [T.ecsTaskDefinition],
    check => {
        if (isWindowsTask(check.props)) {
            return; // ECS does not support `user` for Windows containers
        }
        forEachContainer(check, "a non-root user", (container, subject) => {
            const user = get(container.definition, "user");
            const fix = 'Set user to a non-root UID, for example "1000:1000".';
            if (typeof user !== "string" || user === "") {
                check.report.violation(`${subject} sets no user, so it runs as the image's user (root by default). ${fix}`);
            } else if (ROOT_USER.test(user)) {
                check.report.violation(`${subject} runs as root (user "${user}"). ${fix}`);
            }
        });
    },
);

/** `ecs-container-image-pinned`: images are pinned by tag or digest, never `latest`. */
export const ecsContainerImagePinned = resourcePolicy(
    {
        name: "ecs-container-image-pinned",
        title: "Images pinned to a version",
        description:
            "Checks that every container image in an ECS task definition has an explicit tag other than latest, or a " +
            "digest.",
        severity: "low",
        enforcementLevel: "advisory",
        remediationSteps: [
            "1. Reference images by an immutable version tag (e.g. nginx:1.27) or by digest (repo@sha256:...).",
            "2. Enable immutable tags on your ECR repositories so a tag always means the same image.",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/application.html",
    },
    [T.ecsTaskDefinition],
    check =>
        forEachContainer(check, "a pinned image", (container, subject) => {
            const image = get(container.definition, "image");
            if (typeof image !== "string" || isUnknown(image)) {
                return; // a container without an image is rejected by ECS itself
            }
            const { tag, digest } = parseImage(image);
            const fix = "Use a version tag (for example nginx:1.27) or a digest.";
            if (!digest && tag === undefined) {
                check.report.violation(`${subject} uses image "${image}" without a tag, which means latest. ${fix}`);
            } else if (!digest && tag === "latest") {
                check.report.violation(`${subject} uses image "${image}", whose latest tag changes under you. ${fix}`);
            }
        }),
);
