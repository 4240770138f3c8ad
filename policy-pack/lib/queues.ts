/**
 * SQS facts for the queue rules: where a redrive policy sends failed messages, and which queues in the stack serve
 * as dead-letter queues for other queues (their `redrivePolicy` or an `aws.sqs.RedrivePolicy`), EventBridge targets
 * and Scheduler schedules (`deadLetterConfig`). A dead-letter ARN is matched by a queue's known ARN or by its name
 * (an ARN composed from the name, region and account ID is known at first preview, when the queue's own ARN is not);
 * when the ARN is unknown, by the queues the input was built from.
 */
import { Resource, StackIndex, unique } from "./stack";
import { T } from "./types";
import { get, isSet, isUnknown, str, UNKNOWN } from "./values";

/** The queue name in an SQS ARN (`arn:<partition>:sqs:<region>:<account>:<name>`). */
function queueNameOf(arn: string): string | undefined {
    return /^arn:[^:]+:sqs:[^:]*:[^:]*:([^:]+)$/.exec(arn)?.[1];
}

/** The queues in the stack an SQS ARN names (by known ARN, else by queue name). */
export function queuesNamed(stack: StackIndex, arn: string): Resource[] {
    const byArn = stack.findByIdentifier(arn, [T.sqsQueue]);
    if (byArn) {
        return [byArn];
    }
    const name = queueNameOf(arn);
    return name ? stack.ofType(T.sqsQueue).filter(queue => str(queue.props, "name") === name) : [];
}

/**
 * The `deadLetterTargetArn` of a redrive policy (a JSON string, or an object): the ARN, {@link UNKNOWN}, or
 * `undefined` when the policy is unset, empty, not JSON or names no dead-letter queue.
 */
export function deadLetterTargetOf(policy: unknown): string | typeof UNKNOWN | undefined {
    if (isUnknown(policy)) {
        return UNKNOWN;
    }
    let parsed: unknown = policy;
    if (typeof policy === "string") {
        try {
            parsed = policy === "" ? undefined : JSON.parse(policy);
        } catch {
            return undefined;
        }
    }
    const arn = str(parsed, "deadLetterTargetArn");
    return arn === "" ? undefined : arn;
}

/** A resource that sends failed messages or runs to a dead-letter queue. */
export interface DeadLetterUse {
    owner: Resource;
    /** The input that names the dead-letter queue, as users write it (for messages). */
    input: string;
    /** Queues in the stack it sends them to. */
    queues: Resource[];
    /** Queues it may send them to: the input depends on them, but also names the schedule's target. */
    possible: Resource[];
    /** True when the dead-letter ARN is unknown during preview and no queue in the stack accounts for it. */
    untraced: boolean;
}

/** Every dead-letter reference in the stack. */
export function deadLetterUses(stack: StackIndex): DeadLetterUse[] {
    const uses: DeadLetterUse[] = [];
    const add = (owner: Resource, input: string, key: string, arn: unknown, target?: { arn: unknown }) => {
        if (typeof arn === "string") {
            uses.push({ owner, input, queues: queuesNamed(stack, arn), possible: [], untraced: false });
        } else if (isUnknown(arn)) {
            // A schedule's dependencies are recorded for its whole `target`, which also names what it invokes: a
            // queue the target invokes is not its dead-letter queue, and when the target is unknown either may be.
            const targets = typeof target?.arn === "string" ? queuesNamed(stack, target.arn) : [];
            const queues = stack.dependenciesOf(owner, key, [T.sqsQueue]).filter(queue => !targets.includes(queue));
            const ambiguous = isUnknown(target?.arn);
            const [certain, possible] = ambiguous ? [[], queues] : [queues, []];
            uses.push({ owner, input, queues: certain, possible, untraced: queues.length === 0 });
        }
    };
    for (const owner of stack.ofType(T.sqsQueue, T.sqsRedrivePolicy)) {
        const policy = get(owner.props, "redrivePolicy");
        if (isSet(policy)) {
            add(owner, "redrivePolicy", "redrivePolicy", deadLetterTargetOf(policy));
        }
    }
    for (const target of stack.ofType(T.eventTarget)) {
        add(target, "deadLetterConfig.arn", "deadLetterConfig", get(target.props, "deadLetterConfig", "arn"));
    }
    for (const schedule of stack.ofType(T.schedule)) {
        const arn = get(schedule.props, "target", "deadLetterConfig", "arn");
        // An ECS target's `arn` is its cluster, never a queue.
        const ecsParameters = get(schedule.props, "target", "ecsParameters");
        const ecs = isSet(ecsParameters) && !isUnknown(ecsParameters);
        const target = ecs ? undefined : { arn: get(schedule.props, "target", "arn") };
        add(schedule, "target.deadLetterConfig.arn", "target", arn, target);
    }
    return uses;
}

/** `aws.sqs.RedrivePolicy` resources attached to `queue`, and those whose queue cannot be told. */
export function redrivePoliciesOf(stack: StackIndex, queue: Resource): { attached: Resource[]; untraced: Resource[] } {
    const name = str(queue.props, "name");
    const attached = stack.referrers(queue, [T.sqsRedrivePolicy], "queueUrl");
    const byUrl = stack.ofType(T.sqsRedrivePolicy).filter(policy => {
        const url = str(policy.props, "queueUrl");
        return typeof name === "string" && typeof url === "string" && url.endsWith(`/${name}`);
    });
    const untraced = stack.ofType(T.sqsRedrivePolicy).filter(policy =>
        isUnknown(str(policy.props, "queueUrl")) && stack.dependenciesOf(policy, "queueUrl", [T.sqsQueue]).length === 0);
    return { attached: unique([...attached, ...byUrl]), untraced };
}
