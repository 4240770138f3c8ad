import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { LayerContext, childOpts, tagsFor } from "./context";

/**
 * Requests an ACM certificate for `domainName`, validates it with a DNS record in the hosted zone, and returns the
 * ARN once the certificate is issued (so the HTTPS listener never gets a pending certificate).
 */
export function createCertificate(ctx: LayerContext, domainName: string, hostedZoneId: pulumi.Input<string>): pulumi.Output<string> {
    const opts = childOpts(ctx);
    const certificate = new aws.acm.Certificate(`${ctx.name}-cert`, {
        domainName,
        validationMethod: "DNS",
        tags: tagsFor(ctx, `${ctx.name}-cert`),
    }, opts);
    const option = certificate.domainValidationOptions[0];
    const record = new aws.route53.Record(`${ctx.name}-cert-validation-record`, {
        zoneId: hostedZoneId,
        name: option.resourceRecordName,
        type: option.resourceRecordType,
        records: [option.resourceRecordValue],
        ttl: 60,
        allowOverwrite: true,
    }, opts);
    const validation = new aws.acm.CertificateValidation(`${ctx.name}-cert-validation`, {
        certificateArn: certificate.arn,
        validationRecordFqdns: [record.fqdn],
    }, opts);
    return validation.certificateArn;
}

/** The inputs of the alias record. */
export interface AliasInputs {
    domainName: string;
    hostedZoneId: pulumi.Input<string>;
    loadBalancerDnsName: pulumi.Input<string>;
    loadBalancerZoneId: pulumi.Input<string>;
}

/** Points `domainName` at the load balancer with a Route 53 alias record. */
export function createAlias(ctx: LayerContext, inputs: AliasInputs): void {
    new aws.route53.Record(`${ctx.name}-alias`, {
        zoneId: inputs.hostedZoneId,
        name: inputs.domainName,
        type: "A",
        aliases: [{ name: inputs.loadBalancerDnsName, zoneId: inputs.loadBalancerZoneId, evaluateTargetHealth: true }],
    }, childOpts(ctx));
}
