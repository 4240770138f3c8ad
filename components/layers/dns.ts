import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { LayerContext, childOpts, tagsFor } from "./context";

/**
 * Requests an ACM certificate for `domainName` (and, for a platform, `*.<domainName>`), validates it with a DNS
 * record in the hosted zone, and returns the ARN once the certificate is issued (so the HTTPS listener never gets a
 * pending certificate). ACM validates a name and its wildcard with the same record, so one record serves both.
 */
export function createCertificate(
    ctx: LayerContext, domainName: string, hostedZoneId: pulumi.Input<string>, withWildcard: boolean = false,
): pulumi.Output<string> {
    const opts = childOpts(ctx);
    const certificate = new aws.acm.Certificate(`${ctx.name}-cert`, {
        domainName,
        subjectAlternativeNames: withWildcard ? [`*.${domainName}`] : undefined,
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

/**
 * Points `domainName` at the load balancer with a Route 53 alias record (`<name>-alias`); with `wildcard`, points
 * `*.<domainName>` there too (`<name>-wildcard-alias`).
 */
export function createAlias(ctx: LayerContext, inputs: AliasInputs, wildcard: boolean = false): void {
    createAliasRecord(ctx, `${ctx.name}-alias`, inputs.domainName, inputs);
    if (wildcard) {
        createAliasRecord(ctx, `${ctx.name}-wildcard-alias`, `*.${inputs.domainName}`, inputs);
    }
}

function createAliasRecord(ctx: LayerContext, resourceName: string, recordName: string, inputs: AliasInputs): void {
    new aws.route53.Record(resourceName, {
        zoneId: inputs.hostedZoneId,
        name: recordName,
        type: "A",
        aliases: [{ name: inputs.loadBalancerDnsName, zoneId: inputs.loadBalancerZoneId, evaluateTargetHealth: true }],
    }, childOpts(ctx));
}
