import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { partitionOf } from "../rules";

/**
 * The account, partition and region the stack deploys to. Read with invokes, which the engine answers during
 * preview too, so ARNs built from them (log group, repository, trust conditions) are known on a fresh stack's first
 * preview and the policy pack can inspect the policies that hold them.
 */
export interface AwsEnvironment {
    region: pulumi.Output<string>;
    accountId: pulumi.Output<string>;
    partition: pulumi.Output<string>;
}

/** Reads the deployment environment once for all layers. */
export function readEnvironment(parent: pulumi.Resource): AwsEnvironment {
    const identity = aws.getCallerIdentityOutput({}, { parent });
    return {
        region: aws.getRegionOutput({}, { parent }).region,
        accountId: identity.accountId,
        // arn:<partition>:iam::<account>:... — one invoke fewer than getPartition.
        partition: identity.arn.apply(arn => arn.split(":")[1]),
    };
}

const ECR_IMAGE = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9._/-]+)(?::[\w.-]+)?(?:@sha256:[a-f0-9]{64})?$/;

/** The ECR repository ARN of an ECR image reference, or undefined for images from other registries. */
export function ecrRepositoryArnOf(image: string): string | undefined {
    const match = ECR_IMAGE.exec(image);
    if (!match) {
        return undefined;
    }
    const [, account, region, repository] = match;
    return `arn:${partitionOf(region)}:ecr:${region}:${account}:repository/${repository}`;
}
