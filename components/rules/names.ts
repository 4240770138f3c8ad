/**
 * AWS physical names: sanitised, length-limited and stable. A name that would exceed its AWS limit is truncated and
 * given a short hash of the full name, so it stays unique and never changes between deployments.
 */
import { createHash } from "crypto";

/** The AWS rules for one kind of name. */
export interface NameRule {
    /** Maximum length. */
    maxLength: number;
    /** Characters allowed; every other character becomes `-`. */
    allowed: RegExp;
    /** Whether the name must be lower case (ECR repositories). */
    lowerCase?: boolean;
    /** Whether runs of separators (`.`, `_`, `/`, `-`) must be collapsed to one (ECR repositories). */
    collapseSeparators?: boolean;
}

/**
 * Name limits per AWS resource kind.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
 */
export const NAME_RULES = {
    loadBalancer: { maxLength: 32, allowed: /[A-Za-z0-9-]/ },
    targetGroup: { maxLength: 32, allowed: /[A-Za-z0-9-]/ },
    iamRole: { maxLength: 64, allowed: /[\w+=,.@-]/ },
    ecsName: { maxLength: 255, allowed: /[A-Za-z0-9_-]/ },
    logGroup: { maxLength: 512, allowed: /[A-Za-z0-9_\-/.#]/ },
    ecrRepository: { maxLength: 256, allowed: /[a-z0-9._/-]/, lowerCase: true, collapseSeparators: true },
    sqsQueue: { maxLength: 80, allowed: /[A-Za-z0-9_-]/ },
    schedule: { maxLength: 64, allowed: /[A-Za-z0-9_.-]/ },
    alarm: { maxLength: 255, allowed: /[A-Za-z0-9_.\-/#:]/ },
    dashboard: { maxLength: 255, allowed: /[A-Za-z0-9_-]/ },
} satisfies Record<string, NameRule>;

/** Length of the hash suffix added to names built by {@link stableName}. */
export const NAME_HASH_LENGTH = 8;

/** A short, stable hex hash of `input`. */
export function shortHash(input: string, length: number = NAME_HASH_LENGTH): string {
    return createHash("sha256").update(input).digest("hex").slice(0, length);
}

function sanitize(base: string, rule: NameRule): string {
    const cased = rule.lowerCase ? base.toLowerCase() : base;
    const clean = [...cased].map(c => (rule.allowed.test(c) ? c : "-")).join("");
    // ECR allows no two separators in a row (`my--app` is rejected); one hyphen reads the same everywhere else.
    return rule.collapseSeparators ? clean.replace(/([._/-])[._/-]+/g, "$1") : clean;
}

/**
 * Builds `<base>-<hash>` within the rule's length, where `hash` is a stable hash of `uniqueKey` (for example
 * `project/stack/name`), so two stacks deploying the same component name into one account do not collide.
 * The base is sanitised and truncated first; no leading or trailing hyphens remain.
 */
export function stableName(base: string, uniqueKey: string, rule: NameRule): string {
    const hash = shortHash(uniqueKey);
    const room = rule.maxLength - hash.length - 1;
    const trimmed = sanitize(base, rule).slice(0, room).replace(/^-+|-+$/g, "");
    return trimmed ? `${trimmed}-${hash}` : hash;
}

/**
 * Returns `name` sanitised for `rule`; when it is longer than the limit, truncates it and appends a stable hash of the
 * full name instead of failing.
 */
export function fitName(name: string, rule: NameRule): string {
    const clean = sanitize(name, rule);
    if (clean.length <= rule.maxLength) {
        return clean;
    }
    const hash = shortHash(name);
    return `${clean.slice(0, rule.maxLength - hash.length - 1).replace(/-+$/, "")}-${hash}`;
}
