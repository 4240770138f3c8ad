/**
 * The multi-language schema of the component package, as the Pulumi plugin host infers it, and the committed
 * snapshot (`components/schema.json`) it must equal. Shared by the schema specs and by `npm run schema`.
 *
 * The in-process provider is built exactly as `@pulumi/pulumi/cmd/run-plugin` builds it: provider name = the unscoped
 * part of `components/package.json` `name`, namespace = its scope, every exported ComponentResource of `components/`.
 * Schema analysis loads the `@pulumi/aws` typings (several seconds), so the provider and its schema are shared.
 */
import * as fs from "fs";
import * as path from "path";
import { ComponentProvider, ComponentResourceConstructor, getPulumiComponents } from "@pulumi/pulumi/provider/experimental";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const COMPONENTS_DIR = path.join(REPO_ROOT, "components");
export const EXAMPLES_DIR = path.join(REPO_ROOT, "examples");
export const SNAPSHOT_PATH = path.join(COMPONENTS_DIR, "schema.json");

/** The provider name other languages see: `pulumi package add` names the SDK after it. */
export const PROVIDER_NAME = "fargate-stack";
/** The type token of the one public component. */
export const FARGATE_STACK_TOKEN = "fargate-stack:index:FargateStack";

/** A property of a resource or object type in a Pulumi package schema. */
export interface PropertySchema {
    type?: "string" | "number" | "integer" | "boolean" | "array" | "object";
    $ref?: string;
    items?: PropertySchema;
    additionalProperties?: PropertySchema;
    plain?: boolean;
    optional?: boolean;
    description?: string;
}

/** A component resource in the schema. */
export interface ResourceSchema {
    type: "object";
    isComponent?: boolean;
    description?: string;
    inputProperties: Record<string, PropertySchema>;
    requiredInputs: string[];
    properties: Record<string, PropertySchema>;
    required: string[];
}

/** One value of an enum type. */
export interface EnumValueSchema {
    name: string;
    value: string | number;
    description?: string;
}

/** An object or enum type in the schema. */
export interface TypeSchema {
    type: "object" | "string" | "number" | "integer";
    properties?: Record<string, PropertySchema>;
    required?: string[];
    enum?: EnumValueSchema[];
    description?: string;
}

/** The parts of a Pulumi package schema the component provider emits. */
export interface PackageSchema {
    name: string;
    version: string;
    description?: string;
    namespace?: string;
    resources: Record<string, ResourceSchema>;
    types: Record<string, TypeSchema>;
    language?: Record<string, unknown>;
    dependencies?: unknown[];
}

/** Provider name and namespace from `components/package.json`, derived the way the plugin host derives them. */
export function providerIdentity(): { name: string; namespace?: string; version: string } {
    const manifest = JSON.parse(fs.readFileSync(path.join(COMPONENTS_DIR, "package.json"), "utf8"));
    const match = /^(?:@([^/]+)\/)?(.+)$/.exec(manifest.name)!;
    return { name: match[2].replace(/[^-a-zA-Z0-9_]/g, "-"), namespace: match[1], version: manifest.version };
}

/** Every exported ComponentResource class of the package, collected with the plugin host's own function. */
export function exportedComponents(): ComponentResourceConstructor[] {
    // Required lazily, as the plugin host does: a spec that needs mocks installs them before component code loads.
    return getPulumiComponents(require(path.join(COMPONENTS_DIR, "index")));
}

let shared: ComponentProvider | undefined;

/** The in-process component provider, shared so that the schema is analysed once per process. */
export function componentProvider(): ComponentProvider {
    if (!shared) {
        const { name, namespace } = providerIdentity();
        shared = new ComponentProvider({ components: exportedComponents(), dirname: COMPONENTS_DIR, name, namespace });
    }
    return shared;
}

/** The schema the plugin host infers from the TypeScript sources (what `GetSchema` returns), parsed. */
export async function inferSchema(): Promise<PackageSchema> {
    return JSON.parse(await componentProvider().getSchema());
}

/** The committed snapshot. */
export function readSnapshot(): PackageSchema {
    return JSON.parse(fs.readFileSync(SNAPSHOT_PATH, "utf8"));
}

/** The snapshot's file format: two-space JSON with a final newline, in the order the provider emits. */
export function formatSchema(schema: PackageSchema): string {
    return `${JSON.stringify(schema, null, 2)}\n`;
}

/** The FargateStack resource of a schema; fails when it is missing. */
export function fargateStackOf(schema: PackageSchema): ResourceSchema {
    const resource = schema.resources[FARGATE_STACK_TOKEN];
    if (!resource) {
        throw new Error(`the schema has no ${FARGATE_STACK_TOKEN}; it has ${Object.keys(schema.resources).join(", ")}`);
    }
    return resource;
}

/** The type a `$ref` points to within this package (`#/types/<token>`). */
export function typeOf(schema: PackageSchema, ref: string): { token: string; type: TypeSchema } {
    const token = ref.replace(/^#\/types\//, "");
    const type = schema.types[token];
    if (!type) {
        throw new Error(`${ref} does not name a type of the schema`);
    }
    return { token, type };
}
