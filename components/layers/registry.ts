import * as aws from "@pulumi/aws";
import type * as awsxTypes from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import { AwsEnvironment } from "./environment";
import { LayerContext, childOpts, tagsFor } from "./context";
import { NAME_RULES, dnsSuffixOf, stableName } from "../rules";

/** The repository the service's images are pushed to. */
export interface Registry {
    repositoryUrl: pulumi.Output<string>;
    /** Built from the explicit name, so it is known at preview (the execution role's policy holds it). */
    repositoryArn: pulumi.Output<string>;
    /** The repository: what pushes to it must wait for (its URL and ARN are built without depending on it). */
    repository: aws.ecr.Repository;
}

/**
 * Creates an ECR repository with scan on push, immutable tags and a lifecycle policy keeping the newest
 * `keepImageCount` images. Its name is explicit (stable, unique per stack) so that the image reference and the
 * execution role's policy can be computed without waiting for the repository to exist.
 */
export function createRepository(ctx: LayerContext, env: AwsEnvironment, keepImageCount: number): Registry {
    const repositoryName = stableName(ctx.name, ctx.uniqueKey, NAME_RULES.ecrRepository);
    const opts = childOpts(ctx);
    const repository = new aws.ecr.Repository(`${ctx.name}-repo`, {
        name: repositoryName,
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfigurations: [{ encryptionType: "AES256" }],
        tags: tagsFor(ctx, `${ctx.name}-repo`),
    }, opts);
    new aws.ecr.LifecyclePolicy(`${ctx.name}-repo-lifecycle`, {
        repository: repository.name,
        policy: JSON.stringify({
            rules: [{
                rulePriority: 1,
                description: `Keep the newest ${keepImageCount} images`,
                selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: keepImageCount },
                action: { type: "expire" },
            }],
        }),
    }, opts);
    return {
        repositoryUrl: pulumi.interpolate`${env.accountId}.dkr.ecr.${env.region}.${env.partition.apply(dnsSuffixOf)}/${repositoryName}`,
        repositoryArn: pulumi.interpolate`arn:${env.partition}:ecr:${env.region}:${env.accountId}:repository/${repositoryName}`,
        repository,
    };
}

/** The inputs of an image build. */
export interface ImageBuildInputs {
    registry: Registry;
    contextPath: string;
    imageTag: string;
    /** `linux/amd64` or `linux/arm64`. */
    platform: string;
}

/**
 * Builds the image from a directory with a Dockerfile and pushes it to the repository, using awsx's `ecr.Image`
 * (which handles the registry login). The service refers to the image by `<repository>:<tag>`, which is known at
 * preview, rather than by the pushed digest, which is not: the policy pack must be able to read the image reference.
 */
export function buildImage(ctx: LayerContext, inputs: ImageBuildInputs): pulumi.Resource {
    // Loaded here, not at the top: only this input needs awsx, and loading it costs every other program (and each
    // Construct of the component plugin) about 0.1 s.
    const awsx: typeof awsxTypes = require("@pulumi/awsx");
    return new awsx.ecr.Image(`${ctx.name}-image`, {
        repositoryUrl: inputs.registry.repositoryUrl,
        context: inputs.contextPath,
        imageTag: inputs.imageTag,
        platform: inputs.platform,
    }, childOpts(ctx, { dependsOn: [inputs.registry.repository] }));
}
