/**
 * Offline answers to the data-source invokes a program makes. A real preview runs invokes against the cloud; offline
 * there is no account, so the invokes AWS programs commonly make get placeholders (account 123456789012, the
 * configured region, default us-east-1, and zones `<region>a` to `<region>f`), and every other invoke is answered
 * with unknown values, as a fresh account the preview cannot see. Each invoke is logged with how it was answered, so
 * the report can list what it did not know.
 */
import { dnsSuffixOf, partitionOf } from "../../components/rules";
import { unknownResult } from "./unknownAnswers";

/** The placeholder account ID of offline runs. */
export const OFFLINE_ACCOUNT_ID = "123456789012";

/** Answers for one region, keyed by invoke token. */
export function awsInvokes(region: string): Record<string, (inputs: Record<string, any>) => Record<string, unknown>> {
    const zones = ["a", "b", "c", "d", "e", "f"].map(letter => `${region}${letter}`);
    const partition = partitionOf(region);
    return {
        "aws:index/getCallerIdentity:getCallerIdentity": () => ({
            accountId: OFFLINE_ACCOUNT_ID, arn: `arn:${partition}:iam::${OFFLINE_ACCOUNT_ID}:user/offline-preview`,
            userId: "AIDAOFFLINEPREVIEW", id: OFFLINE_ACCOUNT_ID,
        }),
        "aws:index/getRegion:getRegion": () => ({
            region, name: region, id: region, description: region, endpoint: `ec2.${region}.amazonaws.com`,
        }),
        "aws:index/getPartition:getPartition": () => ({
            partition, id: partition, dnsSuffix: dnsSuffixOf(partition),
            reverseDnsPrefix: partition === "aws-cn" ? "cn.com.amazonaws" : "com.amazonaws",
        }),
        "aws:index/getAvailabilityZones:getAvailabilityZones": () => ({
            names: zones, zoneIds: zones.map((_, i) => `${region.replace(/-/g, "")}-az${i + 1}`), id: region,
            groupNames: [region],
        }),
    };
}

/** How an invoke was answered. */
export type AnsweredWith = "offline placeholders" | "unknowns";

/** One data source the program called, with how it was answered and how often. */
export interface InvokeRecord {
    token: string;
    answeredWith: AnsweredWith;
    /** Why it was answered with unknowns: no offline answer, or arguments unknown during preview. */
    reason?: string;
    calls: number;
}

/** Why an invoke got unknowns. */
export const UNKNOWN_REASONS = {
    noAnswer: "the offline preview cannot see the account",
    unknownInputs: "its arguments are unknown during preview",
} as const;

/** Answers a program's invokes offline and logs each one. */
export class OfflineInvokes {
    private readonly placeholders: ReturnType<typeof awsInvokes>;
    private readonly log = new Map<string, InvokeRecord>();

    constructor(region: string, private readonly programDir: string) {
        this.placeholders = awsInvokes(region);
    }

    /** The result of `token` called with `inputs`: a placeholder when there is one, unknowns otherwise. */
    answer(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
        const placeholder = this.placeholders[token];
        if (placeholder) {
            this.note(token, "offline placeholders");
            return placeholder(inputs);
        }
        this.note(token, "unknowns", UNKNOWN_REASONS.noAnswer);
        return unknownResult(token, inputs, this.programDir);
    }

    /**
     * The result of `token` when the SDK answered it without asking (its arguments were unknown): the SDK gives the
     * promise form an empty object, which the program would read as fields that do not exist.
     */
    answerUnasked(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
        return unknownResult(token, inputs, this.programDir);
    }

    /** Logs an invoke the SDK answered on its own, without asking the mocks (its arguments were unknown). */
    noteUnasked(token: string): void {
        this.note(token, "unknowns", UNKNOWN_REASONS.unknownInputs);
    }

    /** Every invoke the program made, by token and answer, in first-call order. */
    records(): InvokeRecord[] {
        return [...this.log.values()];
    }

    private note(token: string, answeredWith: AnsweredWith, reason?: string): void {
        const key = `${token}\u0000${answeredWith}\u0000${reason ?? ""}`;
        const record = this.log.get(key) ?? { token, answeredWith, ...(reason ? { reason } : {}), calls: 0 };
        record.calls++;
        this.log.set(key, record);
    }
}
