/**
 * EFS practices for the file systems tasks mount, advisory by default: file systems encrypted at rest, and EFS volumes
 * of task definitions mounted with encryption in transit and IAM authorization (as the task role).
 */
import { Reporter, resourcePolicy } from "../lib/policy";
import { describe, mention, T } from "../lib/types";
import { bool, get, isUnknown, items, str, UNKNOWN } from "../lib/values";

/** `efs-file-system-encrypted`: file data and metadata are encrypted at rest. */
export const efsFileSystemEncrypted = resourcePolicy(
    {
        name: "efs-file-system-encrypted",
        title: "EFS file systems encrypted at rest",
        description:
            "Checks that EFS file systems are encrypted at rest (encrypted is true; unset means unencrypted, the " +
            "provider's default).",
        severity: "medium",
        enforcementLevel: "advisory",
        remediationSteps: [
            "1. Set encrypted: true on the file system, with kmsKeyId when you need to control the key (else AWS's aws/elasticfilesystem key is used).",
            "2. Encryption at rest can only be chosen at creation: the change replaces the file system, so copy its data to the new one first (AWS DataSync, or a restore from AWS Backup).",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html",
        anchors: { securityHub: ["EFS.1"], checkov: ["CKV_AWS_42"] },
    },
    [T.efsFileSystem],
    ({ type, name, props, report }) => {
        const who = describe(type, name);
        const encrypted = bool(props, "encrypted");
        if (encrypted === UNKNOWN) {
            report.unverified(
                `${who} has encrypted unknown during preview, so whether it is encrypted at rest cannot be ` +
                    "verified. Set encrypted to the literal true.",
            );
        } else if (encrypted !== true) {
            const setting = encrypted === false
                ? "sets encrypted to false"
                : "leaves encrypted unset (the provider's default is false)";
            report.violation(
                `${who} ${setting}, so its files are stored unencrypted. Set encrypted to true (this replaces the ` +
                    "file system: copy its data across first).",
            );
        }
    },
);

/** `ecs-efs-volume-transit-encryption-and-iam`: tasks mount EFS over TLS, as their task role. */
export const ecsEfsVolumeTransitEncryptionAndIam = resourcePolicy(
    {
        name: "ecs-efs-volume-transit-encryption-and-iam",
        title: "EFS volumes mounted with TLS and IAM authorization",
        description:
            "Checks that every EFS volume of an ECS task definition (volumes[].efsVolumeConfiguration) sets " +
            "transitEncryption to ENABLED and authorizationConfig.iam to ENABLED.",
        severity: "medium",
        enforcementLevel: "advisory",
        remediationSteps: [
            "1. Set efsVolumeConfiguration.transitEncryption: \"ENABLED\" on every EFS volume (NFS traffic then goes over TLS).",
            "2. Set efsVolumeConfiguration.authorizationConfig: {accessPointId: <an access point>, iam: \"ENABLED\"}, so the task mounts as its task role.",
            "3. Allow the task role elasticfilesystem:ClientMount (and ClientWrite for a writable volume) on the file system, conditioned on the access point.",
            "4. Give the file system a policy that denies requests without aws:SecureTransport.",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html",
        anchors: { securityHub: ["ECS.18"], checkov: ["CKV_AWS_97"] },
    },
    [T.ecsTaskDefinition],
    ({ type, name, props, report }) => {
        const owner = mention(type, name);
        const volumes = items(props, "volumes");
        if (volumes === UNKNOWN) {
            report.unverified(
                `${describe(type, name)} has volumes unknown during preview, so whether its EFS volumes are mounted ` +
                    "with encryption in transit and IAM authorization cannot be verified. Build volumes from values " +
                    "known at preview (IDs of resources may stay unknown).",
            );
            return;
        }
        (volumes ?? []).forEach((volume, i) => {
            const volumeName = str(volume, "name");
            const label = typeof volumeName === "string" ? `"${volumeName}"` : `#${i + 1}`;
            const subject = `EFS volume ${label} of ${owner}`;
            const efs = get(volume, "efsVolumeConfiguration");
            if (efs === undefined || efs === null) {
                return; // not an EFS volume
            }
            checkEfsSetting(efs, ["transitEncryption"], subject, report, {
                what: "encryption in transit",
                risk: "its NFS traffic crosses the VPC in plain text",
                fix: 'Set efsVolumeConfiguration.transitEncryption to "ENABLED".',
            });
            checkEfsSetting(efs, ["authorizationConfig", "iam"], subject, report, {
                what: "IAM authorization",
                risk: "the file system cannot tell the task role from any other client that reaches a mount target",
                fix: 'Set efsVolumeConfiguration.authorizationConfig.iam to "ENABLED" (it needs transitEncryption ' +
                    '"ENABLED") and allow the task role elasticfilesystem:ClientMount on the file system.',
            });
        });
    },
);

/** Reports an EFS volume setting that is not "ENABLED" (unset means DISABLED), or that is unknown. */
function checkEfsSetting(
    efs: unknown,
    path: string[],
    subject: string,
    report: Reporter,
    text: { what: string; risk: string; fix: string },
): void {
    const input = path.join(".");
    const value = isUnknown(efs) ? UNKNOWN : str(efs, ...path);
    if (value === UNKNOWN) {
        report.unverified(
            `${subject} has efsVolumeConfiguration.${input} unknown during preview, so whether it is mounted with ` +
                `${text.what} cannot be verified. Set ${input} to the literal "ENABLED".`,
        );
    } else if (value !== "ENABLED") {
        const setting = value === undefined ? `${input} is unset, which means DISABLED` : `${input} is "${value}"`;
        report.violation(`${subject} is mounted without ${text.what} (${setting}), so ${text.risk}. ${text.fix}`);
    }
}
