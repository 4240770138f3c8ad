/**
 * Offline answers to the data-source invokes a program makes. A real preview runs invokes against the cloud; offline
 * there is no account, so the invokes AWS programs commonly make get placeholders (account 123456789012, the
 * configured region, default us-east-1, and zones `<region>a` to `<region>f`), and every other invoke is answered
 * with unknown values, as a fresh account the preview cannot see. Each invoke is logged with how it was answered, so
 * the report can list what it did not know.
 */
import { dnsSuffixOf, partitionOf } from "../../components/rules";
import { unknownResult } from "./unknownAnswers";
import { UNKNOWN_WIRE_VALUE } from "../lib/values";

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
export type AnsweredWith = "offline placeholders" | "unknowns" | "invokes file";

/** Answers the user gives (`--invokes <file>`): invoke token → the whole result object, used for every call. */
export type InvokeAnswers = Record<string, Record<string, unknown>>;

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
    method: "a method of a remote component, answered by its plugin",
} as const;

/** Answers a program's invokes offline and logs each one. */
export class OfflineInvokes {
    private readonly placeholders: ReturnType<typeof awsInvokes>;
    private readonly log = new Map<string, InvokeRecord>();

    constructor(region: string, private readonly programDir: string, private readonly answers: InvokeAnswers = {}) {
        this.placeholders = awsInvokes(region);
    }

    /**
     * The result of `token` called with `inputs`: the user's answer when there is one (`--invokes`), else a
     * placeholder when there is one, else unknowns.
     */
    answer(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
        const given = this.given(token);
        if (given) {
            return given;
        }
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
        return this.given(token) ?? unknownResult(token, inputs, this.programDir);
    }

    /** The result of a remote component's method `token`: the user's answer, else an unknown result. */
    answerMethod(token: string): Record<string, unknown> {
        const given = this.given(token);
        if (given) {
            return given;
        }
        this.note(token, "unknowns", UNKNOWN_REASONS.method);
        return { result: UNKNOWN_WIRE_VALUE };
    }

    /** Logs an invoke the SDK answered on its own, without asking the mocks (its arguments were unknown). */
    noteUnasked(token: string): void {
        this.note(token, "unknowns", UNKNOWN_REASONS.unknownInputs);
    }

    /** Every invoke the program made, by token and answer, in first-call order. */
    records(): InvokeRecord[] {
        return [...this.log.values()];
    }

    /** A copy of the user's answer for `token` (the program may change what it gets), logged; undefined without one. */
    private given(token: string): Record<string, unknown> | undefined {
        const answer = this.answers[token];
        if (!answer) {
            return undefined;
        }
        this.note(token, "invokes file");
        return JSON.parse(JSON.stringify(answer));
    }

    private note(token: string, answeredWith: AnsweredWith, reason?: string): void {
        const key = `${token}\u0000${answeredWith}\u0000${reason ?? ""}`;
        const record = this.log.get(key) ?? { token, answeredWith, ...(reason ? { reason } : {}), calls: 0 };
        record.calls++;
        this.log.set(key, record);
    }
}

/**
 * Reads an `--invokes` file: a JSON object whose keys are invoke tokens (`aws:ec2/getVpc:getVpc`, as the report lists
 * them) and whose values are the results to give. Fails with what is wrong and how to fix it.
 */
export function parseInvokeAnswers(file: string, text: string): InvokeAnswers {
    let document: unknown;
    try {
        document = JSON.parse(text);
    } catch (error) {
        throw new Error(`--invokes ${file} is not valid JSON (${(error as Error).message}). Write one object: ` +
            '{"<invoke token>": {<result fields>}}, e.g. {"aws:ec2/getVpc:getVpc": {"id": "vpc-0123456789abcdef0"}}.');
    }
    if (document === null || typeof document !== "object" || Array.isArray(document)) {
        throw new Error(`--invokes ${file} must hold one JSON object, invoke token → result object; got ${Array.isArray(document) ? "an array" : JSON.stringify(document)}.`);
    }
    const problems: string[] = [];
    for (const [token, result] of Object.entries(document)) {
        // A data source's token (`aws:ec2/getVpc:getVpc`), or a remote component method's (`eks:index:Cluster/getKubeconfig`).
        if (!/^[A-Za-z0-9_-]+:[A-Za-z0-9_./-]*:[A-Za-z0-9_]+(\/[A-Za-z0-9_]+)?$/.test(token)) {
            problems.push(`\`${token}\` is not an invoke token; use the token the report lists, e.g. aws:ec2/getVpc:getVpc.`);
        } else if (result === null || typeof result !== "object" || Array.isArray(result)) {
            problems.push(`\`${token}\` must map to the invoke's result object (its fields, e.g. {"id": "…"}); got ${JSON.stringify(result)}.`);
        }
    }
    if (problems.length > 0) {
        throw new Error(`--invokes ${file} has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}:\n${problems.map(p => `  - ${p}`).join("\n")}`);
    }
    return document as InvokeAnswers;
}
