/**
 * SQS practices for the queues workers consume, advisory by default: messages encrypted at rest, and a dead-letter
 * queue for every queue that is not itself one. Both are stack policies: an unknown KMS key or dead-letter ARN is
 * explained by the resources its input was built from.
 */
import { Reporter, stackPolicy } from "../lib/policy";
import { DeadLetterUse, deadLetterTargetOf, deadLetterUses, redrivePoliciesOf } from "../lib/queues";
import { Resource, StackIndex } from "../lib/stack";
import { describe, mention, T } from "../lib/types";
import { bool, get, isSet, str, UNKNOWN } from "../lib/values";

/** `sqs-queue-encrypted`: queues encrypt messages at rest (SSE-SQS, AWS's default for new queues, or SSE-KMS). */
export const sqsQueueEncrypted = stackPolicy(
    {
        name: "sqs-queue-encrypted",
        title: "SQS queues encrypted at rest",
        description:
            "Checks that SQS queues encrypt messages at rest, with SQS-managed keys (SSE-SQS, which AWS applies to " +
            "new queues when sqsManagedSseEnabled is unset) or a KMS key in kmsMasterKeyId: sqsManagedSseEnabled " +
            "false without a KMS key fails.",
        severity: "medium",
        enforcementLevel: "advisory",
        remediationSteps: [
            "1. Remove sqsManagedSseEnabled: false from the queue, or set it to true (SSE-SQS: no key to manage or pay for).",
            "2. Or set kmsMasterKeyId to a KMS key ID, ARN or alias (SSE-KMS) when you need to control the key and its policy.",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
        anchors: { securityHub: ["SQS.1"], checkov: ["CKV_AWS_27"] },
    },
    ({ stack, report }) => {
        for (const queue of stack.withSettings(T.sqsQueue)) {
            checkEncryption(stack, queue, report);
        }
    },
);

function checkEncryption(stack: StackIndex, queue: Resource, report: Reporter): void {
    const who = describe(queue.type, queue.name);
    const key = str(queue.props, "kmsMasterKeyId");
    // An unknown key ID is a key when it comes from a KMS key or alias of this stack.
    const keyFromStack = key === UNKNOWN && stack.dependenciesOf(queue, "kmsMasterKeyId", [T.kmsKey, T.kmsAlias]).length > 0;
    if ((typeof key === "string" && key !== "") || keyFromStack) {
        return; // SSE-KMS
    }
    const sse = bool(queue.props, "sqsManagedSseEnabled");
    if (sse === true || sse === undefined) {
        return; // SSE-SQS, explicit or AWS's default (which an unset or empty key leaves in place)
    }
    if (sse === false && key !== UNKNOWN) {
        report.violation(
            `${who} sets sqsManagedSseEnabled to false and no kmsMasterKeyId, so its messages are stored ` +
                "unencrypted. Remove sqsManagedSseEnabled: false (SQS-managed encryption is the default) or set " +
                "kmsMasterKeyId to a KMS key.",
            queue.urn,
        );
        return;
    }
    const unknown = [...(sse === UNKNOWN ? ["sqsManagedSseEnabled"] : []), ...(key === UNKNOWN ? ["kmsMasterKeyId"] : [])];
    report.unverified(
        `${who} has ${unknown.join(" and ")} unknown during preview, so whether it is encrypted at rest cannot be ` +
            "verified. Set sqsManagedSseEnabled to the literal true, or kmsMasterKeyId to a known key or a KMS key " +
            "created in this stack.",
        queue.urn,
    );
}

/** `sqs-queue-dead-letter-queue`: a message that keeps failing is moved aside instead of being received forever. */
export const sqsQueueDeadLetterQueue = stackPolicy(
    {
        name: "sqs-queue-dead-letter-queue",
        title: "SQS queues have a dead-letter queue",
        description:
            "Checks that every SQS queue that is not itself the dead-letter queue of another queue, an EventBridge " +
            "target or a Scheduler schedule in the stack has a redrive policy that names a dead-letter queue " +
            "(redrivePolicy, or an aws.sqs.RedrivePolicy).",
        severity: "medium",
        enforcementLevel: "advisory",
        remediationSteps: [
            "1. Create a dead-letter queue: an encrypted aws.sqs.Queue keeping messages for the longest period a failure may take to be looked at (up to 14 days).",
            "2. Set redrivePolicy on the queue to JSON {deadLetterTargetArn: <dead-letter queue ARN>, maxReceiveCount: <receives before a message moves>} (or attach an aws.sqs.RedrivePolicy).",
            "3. Alarm on the dead-letter queue's ApproximateNumberOfMessagesVisible.",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html",
    },
    ({ stack, report }) => {
        const uses = deadLetterUses(stack);
        for (const queue of stack.withSettings(T.sqsQueue)) {
            if (!uses.some(use => use.queues.includes(queue))) {
                checkRedrive(stack, queue, uses, report);
            }
        }
    },
);

const BUILD_KNOWN = "compose the dead-letter queue's ARN from its name, region and account ID";

function checkRedrive(stack: StackIndex, queue: Resource, uses: DeadLetterUse[], report: Reporter): void {
    const who = describe(queue.type, queue.name);
    const { attached, untraced } = redrivePoliciesOf(stack, queue);
    const own = get(queue.props, "redrivePolicy");
    const sources = [
        ...(isSet(own) && own !== "" ? [{ via: "its redrivePolicy", target: deadLetterTargetOf(own) }] : []),
        ...attached.map(p => ({ via: mention(p.type, p.name), target: deadLetterTargetOf(get(p.props, "redrivePolicy")) })),
    ];
    if (sources.some(source => typeof source.target === "string")) {
        return;
    }
    const unknown = sources.find(source => source.target === UNKNOWN);
    if (unknown) {
        report.unverified(
            `${who} has a redrive policy unknown during preview (${unknown.via}), so whether it names a dead-letter ` +
                `queue cannot be verified. Build the redrive policy from values known at preview: ${BUILD_KNOWN}.`,
            queue.urn,
        );
    } else if (sources.length > 0) {
        report.violation(
            `${who} has a redrive policy without a deadLetterTargetArn (${sources[0].via}), so messages that keep ` +
                "failing are never moved aside. Set deadLetterTargetArn to the ARN of a dead-letter queue, with a " +
                "maxReceiveCount.",
            queue.urn,
        );
    } else if (!reportUndecided(queue, uses, untraced, report)) {
        report.violation(
            `${who} has no redrive policy, so a message that keeps failing is received again and again until it ` +
                "expires. Create a dead-letter queue and set redrivePolicy to {deadLetterTargetArn: <its ARN>, " +
                "maxReceiveCount: <receives before a message moves>}, or attach an aws.sqs.RedrivePolicy.",
            queue.urn,
        );
    }
}

/** Reports why a queue without a redrive policy may be a dead-letter queue after all; true when it did. */
function reportUndecided(queue: Resource, uses: DeadLetterUse[], untraced: Resource[], report: Reporter): boolean {
    const who = describe(queue.type, queue.name);
    const others = uses.filter(use => use.owner !== queue && (use.possible.includes(queue) || use.untraced));
    for (const use of others) {
        const how = use.possible.includes(queue)
            ? `whose ${use.input} is unknown during preview and whose target depends on this queue`
            : `whose ${use.input} is unknown during preview and comes from no queue in this stack`;
        const owner = mention(use.owner.type, use.owner.name);
        report.unverified(
            `${who} has no redrive policy, and it may be the dead-letter queue of ${owner}, ${how}, so whether it ` +
                `needs one cannot be verified. In ${use.input}, ${BUILD_KNOWN}, so it is known at preview.`,
            queue.urn,
        );
    }
    for (const policy of untraced) {
        report.unverified(
            `${who} has no redrive policy of its own, and ${mention(policy.type, policy.name)} applies to a queue ` +
                "whose URL is unknown during preview and comes from no queue in this stack, so whether it is this " +
                "queue's cannot be verified. Set its queueUrl to the url output of the aws.sqs.Queue it belongs to.",
            queue.urn,
        );
    }
    return others.length + untraced.length > 0;
}
