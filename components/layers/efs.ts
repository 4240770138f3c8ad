import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EfsVolume } from "../args/taskInputs";
import { EFS_VOLUME_DEFAULTS } from "../defaults";
import { AwsEnvironment } from "./environment";
import { LayerContext, childOpts, tagsFor } from "./context";

/** The inputs of a workload's EFS volumes. */
export interface EfsInputs {
    env: AwsEnvironment;
    volumes: EfsVolume[];
    vpcId: pulumi.Input<string>;
    /**
     * The private subnets, one mount target each. A list gives one mount target per entry at once; one Output of a
     * list (a platform ref from another language's program) can only be counted when it resolves, so those mount
     * targets are registered then, and a fresh stack's preview does not show them.
     */
    privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    taskSecurityGroupId: pulumi.Input<string>;
    taskRole: aws.iam.Role;
}

/** What the task definition and the service need from the EFS layer. */
export interface EfsMounts {
    /** Task definition volumes, `efs-1`, `efs-2`, …, in the order of `efsVolumes`. */
    volumes: aws.types.input.ecs.TaskDefinitionVolume[];
    /** The container's mount points for them (plain values, so the container definitions stay known at preview). */
    mountPoints: { sourceVolume: string; containerPath: string; readOnly: boolean }[];
    /** What a task must not start before: the mount targets and the task role's EFS permissions. */
    dependsOn: pulumi.Input<pulumi.Resource[]>;
}

/**
 * Mounts each volume through its own access point (enforced POSIX user, root directory created with that owner),
 * with encryption in transit and IAM authorization. Volumes without a `fileSystemId` share the workload's own file
 * system. The task role may mount each access point, and write through it unless the volume is read-only: no other
 * file system, and never `*`.
 */
export function createEfsVolumes(ctx: LayerContext, inputs: EfsInputs): EfsMounts {
    const own = inputs.volumes.some(v => v.fileSystemId === undefined) ? createFileSystem(ctx, inputs) : undefined;
    const { env } = inputs;
    const opts = childOpts(ctx);
    const mounts = inputs.volumes.map((volume, i) => {
        const fileSystemId = volume.fileSystemId ?? own!.fileSystem.id;
        const fileSystemArn = volume.fileSystemId === undefined ? own!.fileSystem.arn
            : pulumi.interpolate`arn:${env.partition}:elasticfilesystem:${env.region}:${env.accountId}:file-system/${volume.fileSystemId}`;
        const uid = volume.posixUid ?? EFS_VOLUME_DEFAULTS.posixUid;
        const gid = volume.posixGid ?? EFS_VOLUME_DEFAULTS.posixGid;
        const accessPoint = new aws.efs.AccessPoint(`${ctx.name}-efs-ap-${i + 1}`, {
            fileSystemId,
            posixUser: { uid, gid },
            rootDirectory: {
                path: volume.rootDirectory ?? volume.containerPath,
                creationInfo: { ownerUid: uid, ownerGid: gid, permissions: "750" },
            },
            tags: tagsFor(ctx, `${ctx.name}-efs-ap-${i + 1}`),
        }, opts);
        const readOnly = volume.readOnly ?? EFS_VOLUME_DEFAULTS.readOnly;
        return { volume, fileSystemId, fileSystemArn, accessPoint, readOnly, name: `efs-${i + 1}` };
    });
    const policy = new aws.iam.RolePolicy(`${ctx.name}-task-efs-policy`, {
        role: inputs.taskRole.name,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: mounts.map((m, i) => ({
                Sid: `MountVolume${i + 1}`, Effect: "Allow",
                Action: m.readOnly ? ["elasticfilesystem:ClientMount"] : ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
                Resource: m.fileSystemArn,
                Condition: { StringEquals: { "elasticfilesystem:AccessPointArn": m.accessPoint.arn } },
            })),
        }),
    }, opts);
    return {
        volumes: mounts.map(m => ({
            name: m.name,
            efsVolumeConfiguration: {
                fileSystemId: m.fileSystemId,
                transitEncryption: "ENABLED",
                authorizationConfig: { accessPointId: m.accessPoint.id, iam: "ENABLED" },
            },
        })),
        mountPoints: mounts.map(m => ({ sourceVolume: m.name, containerPath: m.volume.containerPath, readOnly: m.readOnly })),
        dependsOn: pulumi.output(own?.mountTargets ?? []).apply(targets => [policy, ...targets]),
    };
}

/**
 * The workload's own file system: encrypted at rest, automatic backups, older files to Infrequent Access after 30
 * days (and back on first access), a policy that refuses unencrypted connections, and a mount target in every
 * private subnet whose security group admits NFS (2049) from the workload's tasks only.
 */
function createFileSystem(ctx: LayerContext, inputs: EfsInputs) {
    const { name } = ctx;
    const opts = childOpts(ctx);
    const fileSystem = new aws.efs.FileSystem(`${name}-efs`, {
        encrypted: true,
        performanceMode: "generalPurpose",
        throughputMode: "elastic",
        lifecyclePolicies: [{ transitionToIa: "AFTER_30_DAYS" }, { transitionToPrimaryStorageClass: "AFTER_1_ACCESS" }],
        tags: tagsFor(ctx, `${name}-efs`),
    }, opts);
    new aws.efs.BackupPolicy(`${name}-efs-backup`, { fileSystemId: fileSystem.id, backupPolicy: { status: "ENABLED" } }, opts);
    new aws.efs.FileSystemPolicy(`${name}-efs-policy`, {
        fileSystemId: fileSystem.id,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [{
                Sid: "DenyUnencryptedTransport", Effect: "Deny", Principal: { AWS: "*" }, Action: "*", Resource: fileSystem.arn,
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            }],
        }),
    }, opts);
    const securityGroup = new aws.ec2.SecurityGroup(`${name}-efs-sg`, {
        vpcId: inputs.vpcId, description: `EFS of ${name}: NFS from its tasks only`, egress: [], tags: tagsFor(ctx, `${name}-efs-sg`),
    }, opts);
    new aws.vpc.SecurityGroupIngressRule(`${name}-efs-from-task-ingress`, {
        securityGroupId: securityGroup.id, referencedSecurityGroupId: inputs.taskSecurityGroupId,
        ipProtocol: "tcp", fromPort: 2049, toPort: 2049, description: "NFS from the workload's tasks",
        tags: tagsFor(ctx, `${name}-efs-from-task-ingress`),
    }, opts);
    const mountTarget = (subnetId: pulumi.Input<string>, i: number) => new aws.efs.MountTarget(`${name}-efs-mount-${i + 1}`, {
        fileSystemId: fileSystem.id, subnetId, securityGroups: [securityGroup.id],
    }, opts);
    const subnets = inputs.privateSubnetIds;
    const mountTargets: pulumi.Input<pulumi.Resource[]> = Array.isArray(subnets)
        ? subnets.map(mountTarget)
        : pulumi.output(subnets).apply(list => list.map(mountTarget));
    return { fileSystem, mountTargets };
}
