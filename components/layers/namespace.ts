import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { LayerContext, childOpts, tagsFor } from "./context";

/**
 * Creates the Cloud Map namespace a platform's services join with Service Connect. An HTTP namespace: Service Connect
 * resolves names in its own proxy, so no private hosted zone (and its monthly cost) is needed.
 */
export function createServiceConnectNamespace(ctx: LayerContext, namespaceName: string): aws.servicediscovery.HttpNamespace {
    return new aws.servicediscovery.HttpNamespace(`${ctx.name}-namespace`, {
        name: namespaceName,
        description: `Service Connect namespace of ${ctx.name}`,
        tags: tagsFor(ctx, `${ctx.name}-namespace`),
    }, childOpts(ctx));
}

/** The name of a namespace: a known literal, used for `http://<discoveryName>` addresses in messages and docs. */
export function namespaceNameOf(namespace: aws.servicediscovery.HttpNamespace): pulumi.Output<string> {
    return namespace.name;
}
