/**
 * SNS practices for the topics alarms notify, advisory by default: messages encrypted at rest with a KMS key, and a
 * key CloudWatch can use when CloudWatch alarms notify the topic. A stack policy: an unknown key ID is explained by
 * the KMS key or alias it was built from, and the alarms that notify a topic are found by property dependency.
 */
import { Reporter, stackPolicy } from "../lib/policy";
import { Resource, StackIndex, knownIdentifiers } from "../lib/stack";
import { describe, T } from "../lib/types";
import { items, knownStrings, str, UNKNOWN } from "../lib/values";

/** The AWS managed key of SNS, by alias name or alias ARN. Its key policy cannot be changed to let CloudWatch in. */
const AWS_MANAGED_SNS_KEY = /^(arn:[^:]+:kms:[^:]*:[^:]*:)?alias\/aws\/sns$/;

/** The inputs of a CloudWatch alarm that list the topics it notifies. */
const ALARM_ACTION_INPUTS = ["alarmActions", "okActions", "insufficientDataActions"];

const CUSTOMER_KEY_FIX =
    "Set kmsMasterKeyId to a customer managed KMS key whose key policy allows the service principal " +
    "cloudwatch.amazonaws.com kms:Decrypt and kms:GenerateDataKey*.";

/** `sns-topic-encrypted`: topics encrypt messages at rest with a KMS key that their publishers can use. */
export const snsTopicEncrypted = stackPolicy(
    {
        name: "sns-topic-encrypted",
        title: "SNS topics encrypted at rest with a KMS key",
        description:
            "Checks that SNS topics encrypt messages at rest with a KMS key (kmsMasterKeyId is set), and that a " +
            "topic CloudWatch alarms of the stack notify does not use the AWS managed key alias/aws/sns, which " +
            "CloudWatch cannot use.",
        severity: "medium",
        enforcementLevel: "advisory",
        remediationSteps: [
            "1. Create a customer managed KMS key (aws.kms.Key, with enableKeyRotation) and set kmsMasterKeyId on the topic to its ARN.",
            "2. In the key policy, allow kms:Decrypt and kms:GenerateDataKey* to every service that publishes to the topic: CloudWatch alarms cannot publish to a topic encrypted with the AWS managed key alias/aws/sns, whose policy cannot be changed, so a topic alarms notify needs a customer managed key whose policy allows the service principal cloudwatch.amazonaws.com (with an aws:SourceAccount condition).",
            "3. Allow the same actions to the IAM principals that publish to the topic.",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html",
        // Security Hub's SNS.1 checks the same; it left the Foundational Security Best Practices standard in April
        // 2024 (it remains in NIST SP 800-53 Rev. 5), so it is not a Security Hub anchor here.
        anchors: { checkov: ["CKV_AWS_26"] },
    },
    ({ stack, report }) => {
        for (const topic of stack.withSettings(T.snsTopic)) {
            checkTopic(stack, topic, report);
        }
    },
);

function checkTopic(stack: StackIndex, topic: Resource, report: Reporter): void {
    const who = describe(topic.type, topic.name);
    const key = str(topic.props, "kmsMasterKeyId");
    if (key === undefined || key === "") {
        const setting = key === undefined ? "sets no kmsMasterKeyId" : "sets kmsMasterKeyId to an empty string";
        report.violation(
            `${who} ${setting}, so its messages are not encrypted at rest with a KMS key. Set kmsMasterKeyId to a ` +
                "customer managed KMS key (or to alias/aws/sns when no CloudWatch alarm notifies the topic).",
            topic.urn,
        );
    } else if (key === UNKNOWN) {
        // An unknown key ID is a key when it comes from a KMS key or alias of this stack.
        if (stack.dependenciesOf(topic, "kmsMasterKeyId", [T.kmsKey, T.kmsAlias]).length === 0) {
            report.unverified(
                `${who} has kmsMasterKeyId unknown during preview, and it comes from no KMS key or alias in this ` +
                    "stack, so whether the topic is encrypted with a KMS key cannot be verified. Set kmsMasterKeyId " +
                    "to a known key ARN or alias, or to the arn of an aws.kms.Key of this stack.",
                topic.urn,
            );
        }
    } else if (AWS_MANAGED_SNS_KEY.test(key)) {
        const alarms = alarmsNotifying(stack, topic);
        if (alarms.length > 0) {
            report.violation(
                `${who} is encrypted with the AWS managed key alias/aws/sns, whose key policy does not let ` +
                    `CloudWatch use it, so the alarms cannot be delivered: ${alarmList(alarms)} cannot publish to ` +
                    `the topic. ${CUSTOMER_KEY_FIX}`,
                topic.urn,
            );
        }
    }
}

/** `CloudWatch alarm "a"`, or `CloudWatch alarms "a", "b" and "c"` (then `and N more`) for a message. */
function alarmList(alarms: Resource[]): string {
    const shown = alarms.slice(0, 3).map(alarm => `"${alarm.name}"`);
    const more = alarms.length - shown.length;
    const names = more > 0
        ? `${shown.join(", ")} and ${more} more`
        : shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
    return `CloudWatch alarm${alarms.length === 1 ? "" : "s"} ${names}`;
}

/** The CloudWatch alarms of the stack whose actions notify `topic`: by property dependency or by its known ARN. */
function alarmsNotifying(stack: StackIndex, topic: Resource): Resource[] {
    const ids = knownIdentifiers(topic);
    return stack.ofType(T.metricAlarm).filter(alarm =>
        ALARM_ACTION_INPUTS.some(input =>
            (alarm.propertyDependencies?.[input] ?? []).some(dep => dep.urn === topic.urn) ||
            knownStrings(items(alarm.props, input)).some(action => ids.includes(action)),
        ),
    );
}
