/**
 * Builders for the pack's policies: shared metadata shape, config defaults, and a reporter that separates real
 * violations (at the policy's level) from "cannot verify" findings (at the configurable `unverifiedLevel`).
 */
import {
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { StackIndex } from "./stack";

/** Levels a "cannot verify" finding can be reported at; `disabled` drops such findings. */
export type UnverifiedLevel = "advisory" | "mandatory" | "disabled";

/** Scanner and framework IDs that name the same practice (see shared/reference/fargate-facts.md). */
export interface Anchors {
    /** AWS Security Hub (Foundational Security Best Practices) control IDs, e.g. `ECS.2`. */
    securityHub?: string[];
    /** Checkov check IDs, e.g. `CKV_AWS_333`. */
    checkov?: string[];
    /** AWS Control Tower proactive control IDs. */
    controlTower?: string[];
}

/** What every policy in the pack declares. */
export interface PolicyMeta {
    /** Kebab-case policy name. */
    name: string;
    /** Short human title. */
    title: string;
    /** One sentence starting "Checks that". */
    description: string;
    severity: Severity;
    enforcementLevel: "mandatory" | "advisory";
    /** Numbered steps to fix a violation. */
    remediationSteps: string;
    /** The AWS documentation page behind the rule. */
    url: string;
    anchors?: Anchors;
    /** Policy-specific settings (JSON schema with a `default` each); `unverifiedLevel` is added to every policy. */
    settings?: Record<string, PolicyConfigJSONSchema>;
}

/** Settings every policy has. */
export interface CommonConfig {
    /** Level of "cannot verify" findings (a value unknown during preview, a resource outside the stack). */
    unverifiedLevel: UnverifiedLevel;
}

const COMMON_SETTINGS: Record<string, PolicyConfigJSONSchema> = {
    unverifiedLevel: {
        type: "string",
        enum: ["advisory", "mandatory", "disabled"],
        default: "advisory",
        description: "Level of findings the policy cannot decide (values unknown during preview, resources not in the stack).",
    },
};

/** Every "cannot verify" message starts with this, so tools can tell undecided findings from decided ones. */
export const UNVERIFIED_PREFIX = "Cannot verify: ";

/**
 * True when a diagnostic's message is a finding the pack could not decide: one of this pack's "cannot verify"
 * findings, or the SDK's "can't run policy … during preview" note (a policy that read an unknown value).
 */
export function isUndecided(message: string): boolean {
    const prefixed = message.startsWith(UNVERIFIED_PREFIX) || message.includes(`\n${UNVERIFIED_PREFIX}`);
    return prefixed || /^can't run policy/.test(message);
}

// The published typings only declare `reportViolation(message, urn)`; at run time the SDK also accepts an object
// whose `enforcementLevel` overrides the policy's level for that one finding (server.js makeReportViolationFun).
type ReportViolationInfo = (info: { message: string; urn?: string; enforcementLevel: string }) => void;

/** Reports findings for one policy run, dropping exact duplicates. */
export class Reporter {
    private readonly seen = new Set<string>();

    constructor(
        private readonly reportViolation: ReportViolation,
        private readonly description: string,
        private readonly unverifiedLevel: UnverifiedLevel,
        private readonly defaultUrn?: string,
    ) {}

    /** A decided violation, at the policy's enforcement level. */
    violation(message: string, urn?: string): void {
        if (this.first(message, urn)) {
            this.reportViolation(message, urn ?? this.defaultUrn);
        }
    }

    /** A finding the policy cannot decide, at the configured `unverifiedLevel` (never a silent pass). */
    unverified(message: string, urn?: string): void {
        if (this.unverifiedLevel === "disabled" || !this.first(message, urn)) {
            return;
        }
        // Same text layout as the string form, which the SDK prefixes with the description.
        (this.reportViolation as unknown as ReportViolationInfo)({
            message: `${this.description}\n${UNVERIFIED_PREFIX}${message}`,
            urn: urn ?? this.defaultUrn,
            enforcementLevel: this.unverifiedLevel,
        });
    }

    private first(message: string, urn?: string): boolean {
        const key = `${urn ?? this.defaultUrn ?? ""}\u0000${message}`;
        const isNew = !this.seen.has(key);
        this.seen.add(key);
        return isNew;
    }
}

/** The defaults declared in a settings schema. */
export function settingDefaults(settings: Record<string, PolicyConfigJSONSchema>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(settings).map(([key, schema]) => [key, schema.default]));
}

function metadata(meta: PolicyMeta) {
    const settings = { ...(meta.settings ?? {}), ...COMMON_SETTINGS };
    const anchors = meta.anchors ?? {};
    const tags = [
        ...(anchors.securityHub ?? []).map(id => `securityhub:${id}`),
        ...(anchors.checkov ?? []).map(id => `checkov:${id}`),
        ...(anchors.controlTower ?? []).map(id => `controltower:${id}`),
    ];
    // Versions: the Security Hub standard's own (standards/aws-foundational-security-best-practices/v/1.0.0), and
    // Checkov's major version 3, under which the cited check IDs are defined (the SDK requires a version).
    const framework = anchors.securityHub?.length
        ? { name: "AWS Foundational Security Best Practices", version: "1.0.0", reference: anchors.securityHub[0] }
        : anchors.checkov?.length
          ? { name: "Checkov", version: "3", reference: anchors.checkov[0] }
          : undefined;
    const configSchema: PolicyConfigSchema = { properties: settings };
    return {
        policy: {
            name: meta.name,
            displayName: meta.title,
            description: meta.description,
            enforcementLevel: meta.enforcementLevel,
            severity: meta.severity,
            remediationSteps: meta.remediationSteps,
            url: meta.url,
            tags,
            configSchema,
            ...(framework ? { framework: { ...framework, specification: meta.title } } : {}),
        },
        defaults: settingDefaults(settings),
    };
}

/** What a resource rule receives: the resource, its merged config and a reporter bound to its URN. */
export interface ResourceCheck<C> {
    type: string;
    name: string;
    urn: string;
    props: Record<string, unknown>;
    config: C & CommonConfig;
    report: Reporter;
}

/** What a stack rule receives: an index over the stack's resources, its merged config and a reporter. */
export interface StackCheck<C> {
    stack: StackIndex;
    config: C & CommonConfig;
    report: Reporter;
}

/** Defines a resource policy that runs `check` on resources of the given type tokens only. */
export function resourcePolicy<C extends object = object>(
    meta: PolicyMeta,
    types: readonly string[],
    check: (resource: ResourceCheck<C>) => void,
): ResourceValidationPolicy {
    const { policy, defaults } = metadata(meta);
    return {
        ...policy,
        validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
            if (!types.includes(args.type)) {
                args.notApplicable(`Applies only to ${types.join(", ")}.`);
            }
            const config = { ...defaults, ...args.getConfig<object>() } as C & CommonConfig;
            const report = new Reporter(reportViolation, meta.description, config.unverifiedLevel, args.urn);
            check({ type: args.type, name: args.name, urn: args.urn, props: args.props, config, report });
        },
    };
}

/**
 * Defines a resource policy that also decides, under the same name, level and config, what only the whole stack can
 * tell: `stackCheck` runs on `AnalyzeStack` (the SDK runs a policy's `validateResource` on each `Analyze` and its
 * `validateStack` on `AnalyzeStack`). The pack uses it for awsx components judged from their inputs, which applies
 * only when the stack holds none of the component's children (see lib/awsx.ts).
 */
export function resourcePolicyWithStackCheck<C extends object = object>(
    meta: PolicyMeta,
    types: readonly string[],
    check: (resource: ResourceCheck<C>) => void,
    stackCheck: (stack: StackCheck<C>) => void,
): ResourceValidationPolicy & Pick<StackValidationPolicy, "validateStack"> {
    return { ...resourcePolicy(meta, types, check), validateStack: stackPolicy(meta, stackCheck).validateStack };
}

/** Defines a stack policy: `check` sees every resource with its parent and property dependencies resolved. */
export function stackPolicy<C extends object = object>(
    meta: PolicyMeta,
    check: (stack: StackCheck<C>) => void,
): StackValidationPolicy {
    const { policy, defaults } = metadata(meta);
    return {
        ...policy,
        validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
            const config = { ...defaults, ...args.getConfig<object>() } as C & CommonConfig;
            const report = new Reporter(reportViolation, meta.description, config.unverifiedLevel);
            check({ stack: new StackIndex(args.resources), config, report });
        },
    };
}
