/**
 * Plain-data shapes of the Analyzer protocol and their conversion to and from the protobuf messages in
 * `@pulumi/pulumi/proto/analyzer_pb`. Tools describe resources as plain objects (what a recorder of registrations
 * naturally produces) and get plain diagnostics back.
 */
import { isUnknown as isSdkUnknown } from "@pulumi/pulumi";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { UNKNOWN_WIRE_VALUE } from "../lib/values";

/** Enforcement levels by name. */
export type EnforcementLevelName = "advisory" | "mandatory" | "disabled" | "remediate";

/** Severities by name (`unspecified` when a policy declares none). */
export type SeverityName = "unspecified" | "low" | "medium" | "high" | "critical";

/** One resource as the engine sends it: inputs for `Analyze`, outputs (inputs at preview) for `AnalyzeStack`. */
export interface WireResource {
    type: string;
    name: string;
    urn: string;
    /** Property values; unknowns as {@link UNKNOWN_WIRE_VALUE} (the SDK's `unknown` marker and symbols are converted). */
    properties: Record<string, unknown>;
    /** Parent URN. */
    parent?: string;
    /** URNs this resource depends on. */
    dependencies?: string[];
    /** For each top-level input, the URNs of the resources it was built from. */
    propertyDependencies?: Record<string, string[]>;
    protect?: boolean;
    /**
     * True for a resource the program read with `.get`: the engine lists it in `AnalyzeStack` but sends no `Analyze`
     * for it (resource policies judge what a program creates).
     */
    read?: boolean;
}

/** A registration as a recorder of the mock monitor captures it (inputs rather than properties). */
export interface RecordedRegistration {
    type: string;
    name: string;
    urn: string;
    parent?: string;
    inputs: Record<string, unknown>;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    read?: boolean;
}

/**
 * Recorded registrations as the engine would send them at a fresh stack's preview, where a new resource's state is
 * its inputs with the provider's computed values unknown. Component resources are kept: policies ignore them.
 */
export function fromRegistrations(records: readonly RecordedRegistration[]): WireResource[] {
    return records.map(record => ({
        type: record.type,
        name: record.name,
        urn: record.urn,
        parent: record.parent || undefined,
        properties: toWireValue(record.inputs) as Record<string, unknown>,
        dependencies: record.dependencies ?? [],
        propertyDependencies: record.propertyDependencies ?? {},
        ...(record.read ? { read: true } : {}),
    }));
}

/** A policy finding as returned by the pack. */
export interface Diagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    message: string;
    enforcementLevel: EnforcementLevelName;
    urn: string;
    severity: SeverityName;
}

/** One policy as `GetAnalyzerInfo` describes it. */
export interface PolicySummary {
    name: string;
    displayName: string;
    description: string;
    enforcementLevel: EnforcementLevelName;
    severity: SeverityName;
    policyType: "resource" | "stack" | "unknown";
    /** Config schema properties (JSON schema per setting), when the policy has settings. */
    configSchema?: Record<string, Record<string, unknown>>;
    tags: string[];
    remediationSteps: string;
    url: string;
    framework?: { name: string; version: string; reference: string; specification: string };
}

/** The pack as `GetAnalyzerInfo` describes it. */
export interface AnalyzerSummary {
    name: string;
    version: string;
    displayName: string;
    description: string;
    supportsConfig: boolean;
    policies: PolicySummary[];
}

const LEVELS: Record<number, EnforcementLevelName> = {
    [analyzerpb.EnforcementLevel.ADVISORY]: "advisory",
    [analyzerpb.EnforcementLevel.MANDATORY]: "mandatory",
    [analyzerpb.EnforcementLevel.DISABLED]: "disabled",
    [analyzerpb.EnforcementLevel.REMEDIATE]: "remediate",
};

const SEVERITIES: Record<number, SeverityName> = {
    [analyzerpb.PolicySeverity.POLICY_SEVERITY_UNSPECIFIED]: "unspecified",
    [analyzerpb.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
    [analyzerpb.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
    [analyzerpb.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
    [analyzerpb.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

/** The protobuf enum value of a level name. */
export function levelToProto(level: EnforcementLevelName): analyzerpb.EnforcementLevel {
    const entry = Object.entries(LEVELS).find(([, name]) => name === level);
    if (!entry) {
        throw new Error(`Unknown enforcement level "${level}"; use advisory, mandatory, remediate or disabled.`);
    }
    return Number(entry[0]) as analyzerpb.EnforcementLevel;
}

/**
 * Makes a value encodable as a protobuf Struct: `undefined` object members are dropped (the engine never sends
 * them), `undefined` array items become null, and unknown markers (the SDK's `unknown` value that mocks record in
 * preview mode, or any symbol) become the wire sentinel.
 */
export function toWireValue(value: unknown): unknown {
    if (typeof value === "symbol" || isSdkUnknown(value)) {
        return UNKNOWN_WIRE_VALUE;
    }
    if (Array.isArray(value)) {
        return value.map(item => (item === undefined ? null : toWireValue(item)));
    }
    if (value !== null && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [key, member] of Object.entries(value)) {
            if (member !== undefined && typeof member !== "function") {
                out[key] = toWireValue(member);
            }
        }
        return out;
    }
    return value;
}

function toStruct(value: Record<string, unknown>): Struct {
    return Struct.fromJavaScript(toWireValue(value) as Record<string, never>);
}

function options(resource: WireResource): analyzerpb.AnalyzerResourceOptions {
    // The SDK refuses requests without options ("A more recent version of the Pulumi CLI is required").
    const opts = new analyzerpb.AnalyzerResourceOptions();
    opts.setProtect(resource.protect ?? false);
    if (resource.parent) {
        opts.setParent(resource.parent);
    }
    return opts;
}

/** The `Analyze` request for one resource. */
export function toAnalyzeRequest(resource: WireResource): analyzerpb.AnalyzeRequest {
    const request = new analyzerpb.AnalyzeRequest();
    request.setType(resource.type);
    request.setName(resource.name);
    request.setUrn(resource.urn);
    request.setProperties(toStruct(resource.properties));
    request.setOptions(options(resource));
    return request;
}

/** The `AnalyzeStack` request for a stack. */
export function toAnalyzeStackRequest(resources: readonly WireResource[]): analyzerpb.AnalyzeStackRequest {
    const request = new analyzerpb.AnalyzeStackRequest();
    request.setResourcesList(
        resources.map(resource => {
            const message = new analyzerpb.AnalyzerResource();
            message.setType(resource.type);
            message.setName(resource.name);
            message.setUrn(resource.urn);
            message.setProperties(toStruct(resource.properties));
            message.setOptions(options(resource));
            message.setParent(resource.parent ?? "");
            message.setDependenciesList(resource.dependencies ?? []);
            const map = message.getPropertydependenciesMap();
            for (const [key, urns] of Object.entries(resource.propertyDependencies ?? {})) {
                map.set(key, new analyzerpb.AnalyzerPropertyDependencies().setUrnsList(urns));
            }
            return message;
        }),
    );
    return request;
}

/** Plain diagnostics of an `Analyze`/`AnalyzeStack` response. */
export function fromAnalyzeResponse(response: analyzerpb.AnalyzeResponse): Diagnostic[] {
    return response.getDiagnosticsList().map(d => ({
        policyName: d.getPolicyname(),
        policyPackName: d.getPolicypackname(),
        policyPackVersion: d.getPolicypackversion(),
        description: d.getDescription(),
        message: d.getMessage(),
        enforcementLevel: LEVELS[d.getEnforcementlevel()],
        urn: d.getUrn(),
        severity: SEVERITIES[d.getSeverity()] ?? "unspecified",
    }));
}

/** Plain summary of a `GetAnalyzerInfo` response. */
export function fromAnalyzerInfo(info: analyzerpb.AnalyzerInfo): AnalyzerSummary {
    return {
        name: info.getName(),
        version: info.getVersion(),
        displayName: info.getDisplayname(),
        description: info.getDescription(),
        supportsConfig: info.getSupportsconfig(),
        policies: info.getPoliciesList().map(policy => {
            const framework = policy.getFramework();
            const schema = policy.getConfigschema()?.getProperties()?.toJavaScript();
            return {
                name: policy.getName(),
                displayName: policy.getDisplayname(),
                description: policy.getDescription(),
                enforcementLevel: LEVELS[policy.getEnforcementlevel()],
                severity: SEVERITIES[policy.getSeverity()] ?? "unspecified",
                policyType:
                    policy.getPolicyType() === analyzerpb.PolicyType.POLICY_TYPE_RESOURCE
                        ? "resource"
                        : policy.getPolicyType() === analyzerpb.PolicyType.POLICY_TYPE_STACK
                          ? "stack"
                          : "unknown",
                configSchema: schema as PolicySummary["configSchema"],
                tags: policy.getTagsList(),
                remediationSteps: policy.getRemediationSteps(),
                url: policy.getUrl(),
                framework: framework?.toObject(),
            };
        }),
    };
}
