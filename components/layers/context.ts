import * as pulumi from "@pulumi/pulumi";

/** What every layer gets besides its own inputs: the component's name, the parent for children, and the tags. */
export interface LayerContext {
    /** The component's class, `FargateStack`, `Platform`, …, for messages. */
    kind: string;
    /** The component's name; children are named `${name}-kebab-suffix`. */
    name: string;
    /** The component: every child's parent. */
    parent: pulumi.Resource;
    /** The user's tags, applied to every taggable child. */
    tags: Record<string, string>;
    /**
     * `project/stack/name`: hashed into the AWS names the component sets explicitly, so the same component name in
     * two stacks of one account never collides.
     */
    uniqueKey: string;
}

/** The context of a component's layers: `kind` and `name` as the component has them, its tags and unique key. */
export function layerContext(kind: string, name: string, parent: pulumi.Resource, tags: Record<string, string>): LayerContext {
    return { kind, name, parent, tags: { ...tags }, uniqueKey: `${pulumi.getProject()}/${pulumi.getStack()}/${name}` };
}

/** The user's tags plus a `Name` tag, for a child named `resourceName`. */
export function tagsFor(ctx: LayerContext, resourceName: string): Record<string, string> {
    return { ...ctx.tags, Name: resourceName };
}

/** Resource options for a child of the component. */
export function childOpts(ctx: LayerContext, extra?: pulumi.CustomResourceOptions): pulumi.CustomResourceOptions {
    return { ...extra, parent: ctx.parent };
}
