/**
 * The workloads stack plus the storage and access shapes the components register, as raw `@pulumi/aws` resources at
 * a fresh stack's first preview: an encrypted EFS file system mounted by the web task definition through an access
 * point with encryption in transit and IAM authorization, ECS Exec on the web service and the scheduled task with
 * the cluster logging the sessions to its own log group (a literal name, as the component composes it), and VPC
 * endpoints (an S3 gateway endpoint and an ECR API interface endpoint with private DNS). It passes every policy with
 * no finding; specs apply one mutation each.
 */
import { T } from "../../../policy-pack/lib/types";
import { StackFixture, U } from "./fixtures";
import { secureWorkloads } from "./workloads";

/** The name of the ECS Exec log group, as the component composes it from project, stack and component name. */
export const EXEC_LOG_GROUP = "/ecs/fargate/dev/app/exec";

function efs(s: StackFixture): void {
    const fileSystem = s.add(T.efsFileSystem, "app-efs", {
        encrypted: true, performanceMode: "generalPurpose", throughputMode: "elastic",
    });
    const accessPoint = s.add("aws:efs/accessPoint:AccessPoint", "app-efs-ap-1", {
        fileSystemId: U, posixUser: { uid: 1000, gid: 1000 },
        rootDirectory: { path: "/data", creationInfo: { ownerUid: 1000, ownerGid: 1000, permissions: "750" } },
    }, { fileSystemId: [fileSystem] });
    s.update("app-task", p => (p.volumes = [{
        name: "efs-1",
        efsVolumeConfiguration: { fileSystemId: U, transitEncryption: "ENABLED", authorizationConfig: { accessPointId: U, iam: "ENABLED" } },
    }])).dependOn("app-task", "volumes", [fileSystem, accessPoint]);
}

function execLogging(s: StackFixture): void {
    s.add(T.logGroup, "app-exec-logs", { name: EXEC_LOG_GROUP, retentionInDays: 30 });
    s.update("app-cluster", p => (p.configuration = {
        executeCommandConfiguration: {
            logging: "OVERRIDE",
            logConfiguration: { cloudWatchLogGroupName: EXEC_LOG_GROUP, cloudWatchEncryptionEnabled: false },
        },
    }));
    s.update("app-service", p => (p.enableExecuteCommand = true));
    s.update("job-schedule", p => (p.target.ecsParameters.enableExecuteCommand = true));
}

function endpoints(s: StackFixture): void {
    const vpc = s.get("app-vpc");
    s.add(T.vpcEndpoint, "app-s3-endpoint", {
        vpcId: U, vpcEndpointType: "Gateway", serviceName: "com.amazonaws.us-east-1.s3", routeTableIds: [U],
    }, { vpcId: [vpc], routeTableIds: [s.get("app-private-rt-1")] });
    const sg = s.add(T.securityGroup, "app-endpoints-sg", { vpcId: U, description: "VPC endpoints", egress: [] }, { vpcId: [vpc] });
    s.add(T.securityGroupIngressRule, "app-endpoints-from-task-ingress", {
        securityGroupId: U, referencedSecurityGroupId: U, ipProtocol: "tcp", fromPort: 443, toPort: 443,
    }, { securityGroupId: [sg], referencedSecurityGroupId: [s.get("app-task-sg")] });
    s.add(T.vpcEndpoint, "app-ecr-api-endpoint", {
        vpcId: U, vpcEndpointType: "Interface", serviceName: "com.amazonaws.us-east-1.ecr.api", privateDnsEnabled: true,
        subnetIds: [U, U], securityGroupIds: [U],
    }, { vpcId: [vpc], subnetIds: [s.get("app-private-1"), s.get("app-private-2")], securityGroupIds: [sg] });
}

/** Builds the workloads stack with the storage and access shapes added. */
export function secureStorageAndAccess(): StackFixture {
    const s = secureWorkloads();
    efs(s);
    execLogging(s);
    endpoints(s);
    return s;
}
