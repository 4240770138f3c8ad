/**
 * What an ECS task execution role may be granted beyond the base set (`EXECUTION_ROLE_ACTIONS` in `iam.ts`: ECR pulls,
 * CloudWatch Logs writes, secret and parameter reads with `kms:Decrypt`): the actions AWS documents for the features a
 * task definition uses. Each feature is recognised in the container definitions, so a role is allowed an action when
 * a task definition that uses it as its execution role needs it, and a documented need is never a violation.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
 */
import { parseContainers } from "./containers";
import { Resource } from "./stack";
import { get, isUnknown, items } from "./values";

/** A feature of a task definition that needs actions on the execution role. */
export interface ExecutionRoleFeature {
    /** What the feature is, for messages ("environment files in Amazon S3"). */
    feature: string;
    /** The actions AWS documents for it. */
    actions: readonly string[];
    /** The AWS page that lists them. */
    url: string;
    /** Whether a container definition uses the feature. */
    usedBy(container: Record<string, unknown>): boolean;
}

/** Every feature with execution-role needs beyond the base set. */
export const EXECUTION_ROLE_FEATURES: readonly ExecutionRoleFeature[] = [
    {
        feature: "environment files in Amazon S3 (environmentFiles)",
        actions: ["s3:GetObject", "s3:GetBucketLocation"],
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/use-environment-file.html",
        usedBy: container => {
            const files = items(container, "environmentFiles");
            return Array.isArray(files) && files.length > 0;
        },
    },
    {
        feature: "a FireLens configuration file in Amazon S3 (firelensConfiguration config-file-type s3)",
        actions: ["s3:GetObject", "s3:GetBucketLocation"],
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/firelens-taskdef.html",
        usedBy: container => get(container, "firelensConfiguration", "options", "config-file-type") === "s3",
    },
    {
        // Pulling through a cache rule creates the cache repository on first use (when no repository creation
        // template creates it) and imports the upstream image; BatchImportUpstreamImage is in the base set.
        feature: "images pulled through an Amazon ECR pull through cache (a private ECR image)",
        actions: ["ecr:CreateRepository", "ecr:BatchImportUpstreamImage"],
        url: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache-iam.html",
        usedBy: container => isPrivateEcrImage(get(container, "image")),
    },
];

/** `<account>.dkr.ecr.<region>.amazonaws.com[.cn]/…`, the only images a pull through cache serves. */
function isPrivateEcrImage(image: unknown): boolean {
    return isUnknown(image) || (typeof image === "string" && /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//.test(image));
}

/** The feature actions the task definitions using a role as their execution role need, and what could not be read. */
export interface FeatureNeeds {
    /** Actions some task definition's features need. */
    needed: Set<string>;
    /** Task definitions whose container definitions cannot be read (unknown during preview). */
    unreadable: Resource[];
}

/** What the task definitions in `taskDefinitions` need from their execution role, feature by feature. */
export function featureNeeds(taskDefinitions: readonly Resource[]): FeatureNeeds {
    const needs: FeatureNeeds = { needed: new Set(), unreadable: [] };
    for (const task of taskDefinitions) {
        const parsed = parseContainers(task.props);
        if ("unreadable" in parsed) {
            needs.unreadable.push(task);
            continue;
        }
        for (const feature of EXECUTION_ROLE_FEATURES) {
            if (parsed.containers.some(container => feature.usedBy(container.definition))) {
                feature.actions.forEach(action => needs.needed.add(action.toLowerCase()));
            }
        }
    }
    return needs;
}

/** The feature that documents `action`, lower-cased, if any (for messages). */
export function featuresOf(action: string): ExecutionRoleFeature[] {
    return EXECUTION_ROLE_FEATURES.filter(f => f.actions.some(a => a.toLowerCase() === action.toLowerCase()));
}
