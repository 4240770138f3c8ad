/**
 * Container definitions of an ECS task definition. `containerDefinitions` is one JSON string input: it is known at
 * preview when every value inside is known, and unknown as a whole otherwise (a single embedded ARN suffices). Once
 * parsed it is plain data, so container rules read it directly.
 */
import { ResourceCheck } from "./policy";
import { describe, mention } from "./types";
import { get, isUnknown, str } from "./values";

/** One parsed container definition. */
export interface Container {
    name: string;
    definition: Record<string, unknown>;
}

/** The parsed containers, or why they cannot be read. */
export type Containers = { containers: Container[] } | { unreadable: string };

/** Parses a task definition's `containerDefinitions` (a JSON string, or an array from tools that pre-parse it). */
export function parseContainers(props: unknown): Containers {
    const raw = get(props, "containerDefinitions");
    if (isUnknown(raw)) {
        return { unreadable: "its containerDefinitions are unknown during preview" };
    }
    let parsed: unknown = raw;
    if (typeof raw === "string") {
        try {
            parsed = JSON.parse(raw);
        } catch {
            return { unreadable: "its containerDefinitions are not valid JSON" };
        }
    }
    if (!Array.isArray(parsed)) {
        return { unreadable: "its containerDefinitions are not a JSON array" };
    }
    const containers = parsed.map((definition: unknown, i) => {
        const name = str(definition, "name");
        return {
            name: typeof name === "string" ? name : `#${i + 1}`,
            definition: (definition ?? {}) as Record<string, unknown>,
        };
    });
    return { containers };
}

/**
 * Runs `check` on every container of the task definition. When the definitions cannot be read, reports one
 * "cannot verify" finding naming `what` the policy checks, instead of passing silently.
 */
export function forEachContainer(
    resource: ResourceCheck<object>,
    what: string,
    check: (container: Container, subject: string) => void,
): void {
    const parsed = parseContainers(resource.props);
    const owner = describe(resource.type, resource.name);
    if ("unreadable" in parsed) {
        resource.report.unverified(
            `${owner} cannot be checked for ${what} because ${parsed.unreadable}. Build containerDefinitions from ` +
                "values known at preview (for example an explicit log group name instead of its ARN).",
        );
        return;
    }
    for (const container of parsed.containers) {
        check(container, `Container "${container.name}" in ${mention(resource.type, resource.name)}`);
    }
}

/** Splits an image reference into repository, tag and digest (`host:5000/repo:tag@sha256:…`). */
export function parseImage(image: string): { repository: string; tag?: string; digest?: string } {
    const [nameAndTag, digest] = image.split("@", 2);
    const lastSlash = nameAndTag.lastIndexOf("/");
    const lastColon = nameAndTag.lastIndexOf(":");
    // A colon before the last slash belongs to a registry port, not a tag.
    const hasTag = lastColon > lastSlash;
    return {
        repository: hasTag ? nameAndTag.slice(0, lastColon) : nameAndTag,
        tag: hasTag ? nameAndTag.slice(lastColon + 1) : undefined,
        digest: digest || undefined,
    };
}
