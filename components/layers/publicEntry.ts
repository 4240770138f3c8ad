import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { LoadBalancerArgs } from "../args/platformInputs";
import { Resolved } from "../defaults";
import { LayerContext } from "./context";
import { Network } from "./network";
import { DefaultAction, createListeners, createLoadBalancer } from "./loadBalancer";
import { createAlias, createCertificate } from "./dns";

/** Whether the load balancer serves HTTPS: with a given certificate, or a domain in a hosted zone to request one for. */
export function servesHttps(args: Resolved<LoadBalancerArgs>): boolean {
    return args.certificateArn !== undefined || (args.domainName !== undefined && args.hostedZoneId !== undefined);
}

/** The way in from the internet: the load balancer, its listeners and its URL. */
export interface PublicEntry {
    alb: aws.lb.LoadBalancer;
    /** The listener that serves requests first (HTTPS when there is a certificate), then the HTTP redirect. */
    listeners: aws.lb.Listener[];
    /** `https://<domainName>` with HTTPS, otherwise `http(s)://<load balancer DNS name>`. */
    url: pulumi.Output<string>;
}

/** The inputs of the public entry. */
export interface PublicEntryInputs {
    args: Resolved<LoadBalancerArgs>;
    network: Network;
    securityGroupId: pulumi.Input<string>;
    /** What the serving listener does with requests no rule matches. */
    defaultAction: DefaultAction;
    /** A platform's certificate and alias also cover `*.<domainName>`, for the web services routed by host under it. */
    coverSubdomains: boolean;
}

/**
 * Creates the internet-facing ALB, its certificate (requested and DNS-validated for a domain in a hosted zone, or
 * the given one), the listeners, and the alias record of the domain.
 */
export function createPublicEntry(ctx: LayerContext, inputs: PublicEntryInputs): PublicEntry {
    const { args, network } = inputs;
    const https = servesHttps(args);
    const certificateArn = args.certificateArn
        ?? (https ? createCertificate(ctx, args.domainName!, args.hostedZoneId!, inputs.coverSubdomains) : undefined);
    const alb = createLoadBalancer(ctx, {
        publicSubnetIds: network.publicSubnetIds, securityGroupId: inputs.securityGroupId,
        enableDeletionProtection: args.enableDeletionProtection,
    });
    const listeners = createListeners(ctx, alb, inputs.defaultAction, certificateArn);
    if (args.domainName !== undefined && args.hostedZoneId !== undefined) {
        createAlias(ctx, {
            domainName: args.domainName, hostedZoneId: args.hostedZoneId, loadBalancerDnsName: alb.dnsName, loadBalancerZoneId: alb.zoneId,
        }, inputs.coverSubdomains);
    }
    const url = https && args.domainName !== undefined
        ? pulumi.output(`https://${args.domainName}`)
        : pulumi.interpolate`${https ? "https" : "http"}://${alb.dnsName}`;
    return { alb, listeners, url };
}
