/**
 * The corpus: realistic Fargate programs written the way people write them (raw `@pulumi/aws`, awsx, this
 * repository's components), secure and insecure, each with what `pulumi preview --policy-pack` must say about it —
 * the exit status and every mandatory policy that fails — and why, citing AWS documentation or the rule's description.
 * Each program is `programs/<name>.ts`.
 */

/** One corpus case. */
export interface CorpusCase {
    name: string;
    /** The preview's exit status: 1 when a mandatory policy fails, 0 otherwise. */
    status: 0 | 1;
    /** Every policy that must fail as mandatory. */
    mandatory: string[];
    /** Advisory policies that must (or must not) report something. */
    advisory?: { includes?: string[]; excludes?: string[] };
    /** One line: why, from AWS documentation or the rule's description. */
    why: string;
}

const PRIVATE = "ecs-tasks-in-private-subnets";
const PUBLIC_IP = "ecs-no-public-ip";
const ROLES = "ecs-separate-task-and-execution-roles";
const TARGET_TYPE = "alb-target-group-ip-target-type";
const SIZE = "fargate-valid-cpu-memory";

/** Every case, in the order the spec runs them. */
export const CORPUS: readonly CorpusCase[] = [
    // Raw @pulumi/aws services.
    { name: "raw-private-nat", status: 0, mandatory: [], why: "ALB in public subnets, tasks in private subnets behind a NAT gateway, IP targets, separate roles: the ECS best-practices networking guide's layout." },
    { name: "raw-tutorial-public", status: 1, mandatory: [PRIVATE, PUBLIC_IP], why: "Public IPs on tasks in a subnet routed to an internet gateway (Security Hub ECS.2, EC2.15)." },
    { name: "raw-public-subnet-no-ip", status: 1, mandatory: [PRIVATE], why: "No public IPs, but the subnet maps public IPs on launch and routes 0.0.0.0/0 to an internet gateway (EC2.15)." },
    { name: "raw-shared-role", status: 1, mandatory: [ROLES], why: "One role as task and execution role, carrying AmazonECSTaskExecutionRolePolicy as the task role (CKV_AWS_249)." },
    { name: "raw-invalid-size", status: 1, mandatory: [SIZE], why: "512 CPU units need 1-4 GB; 512 MiB is not a Fargate size (ECS task-cpu-memory-error)." },
    { name: "raw-instance-target-group", status: 1, mandatory: [TARGET_TYPE], why: "A target group left at targetType instance in front of awsvpc tasks, which register by IP (ECS guide, Application Load Balancers)." },
    { name: "raw-undeclared-fargate-size", status: 1, mandatory: [SIZE], why: "No requiresCompatibilities, but a FARGATE service runs it: Fargate rejects 256 CPU units with 4 GB." },
    { name: "raw-spot-capacity", status: 0, mandatory: [], why: "Fargate Spot through a capacity provider strategy, 2 vCPU / 4 GB, private subnet, separate roles." },
    { name: "ec2-launch-type", status: 0, mandatory: [], why: "An EC2-launched, bridge-mode task: not a Fargate task, so Fargate sizes and awsvpc rules do not apply." },
    { name: "task-set-public-ip", status: 1, mandatory: [PUBLIC_IP], why: "A task set with assignPublicIp true (Security Hub ECS.16)." },
    { name: "world-open-task-sg", status: 0, mandatory: [], advisory: { includes: ["ecs-task-sg-no-world-ingress"] }, why: "Private tasks whose security group allows 0.0.0.0/0: advisory by the rule's description, not mandatory." },
    { name: "arm64-graviton", status: 0, mandatory: [], advisory: { excludes: ["ecs-container-read-only-root", "ecs-container-non-root-user"] }, why: "ARM64 Linux at 2 vCPU / 4 GB is a Fargate size (Linux, platform 1.4.0); hardened containers." },
    { name: "windows-task", status: 0, mandatory: [], advisory: { excludes: ["ecs-container-read-only-root", "ecs-container-non-root-user"] }, why: "Windows at 1 vCPU / 2 GB is valid; ECS supports neither readonlyRootFilesystem nor user for Windows containers." },
    { name: "windows-too-small", status: 1, mandatory: [SIZE], why: "Fargate runs Windows only at 1, 2 or 4 vCPU; 512 CPU units is refused." },

    // Resources read with aws.<type>.get.
    { name: "read-role-shared", status: 1, mandatory: [ROLES], why: "The console's ecsTaskExecutionRole, read with Role.get, as both task and execution role (CKV_AWS_249)." },
    { name: "read-role-name-and-arn", status: 1, mandatory: [ROLES], why: "One existing role as execution role (its ARN, an Output of the read role) and task role (its name)." },
    { name: "read-role-arn-forms", status: 1, mandatory: [ROLES], why: "role/service-role/billing and role/billing are one role: IAM role names are unique whatever the path." },
    { name: "read-exec-role", status: 0, mandatory: [], advisory: { includes: [ROLES] }, why: "An existing execution role beside the program's own task role: distinct; the read role's policies cannot be inspected." },
    { name: "read-existing-network", status: 0, mandatory: [], advisory: { includes: [PRIVATE, "ecs-task-sg-no-world-ingress"] }, why: "Subnets and a security group read with .get: their routes and rules are not in the program, so cannot verify, not pass." },
    { name: "read-vpc-private-subnets", status: 0, mandatory: [], why: "New subnets in an existing VPC, each on a route table whose default route goes to a NAT gateway." },
    { name: "read-vpc-main-table", status: 0, mandatory: [], advisory: { includes: [PRIVATE] }, why: "A new subnet on an existing VPC's main route table, which the program does not manage: cannot verify." },
    { name: "read-target-group-and-cluster", status: 0, mandatory: [], advisory: { includes: [TARGET_TYPE] }, why: "An existing target group read with .get: its targetType is not shown, so cannot verify instead of assuming instance." },

    // Default VPCs.
    { name: "default-vpc-adopted", status: 1, mandatory: [PRIVATE], why: "A subnet in aws.ec2.DefaultVpc on its main route table, which AWS routes to the default VPC's internet gateway (VPC guide, default VPC components)." },
    { name: "default-subnets", status: 1, mandatory: [PRIVATE, PUBLIC_IP], why: "Default subnets (public by AWS's definition) and public IPs: the default-VPC quick start." },
    { name: "default-vpc-read", status: 1, mandatory: [PRIVATE], why: "A subnet in the default VPC (read with Vpc.get, 172.31.0.0/16) left on its main route table, run by an EventBridge rule." },
    { name: "default-vpc-lookup", status: 1, mandatory: [PRIVATE], why: "A subnet in the VPC getVpc({default: true}) found, on its main route table: public by AWS's definition of a default VPC." },

    // Every documented execution-role need.
    { name: "exec-environment-files", status: 0, mandatory: [], why: "s3:GetObject and s3:GetBucketLocation for an environment file in S3 (ECS guide, task execution role)." },
    { name: "exec-firelens-s3-config", status: 0, mandatory: [], why: "s3:GetObject and s3:GetBucketLocation for a FireLens configuration file in S3 (ECS guide, FireLens)." },
    { name: "exec-private-registry", status: 0, mandatory: [], why: "secretsmanager:GetSecretValue and kms:Decrypt for private registry credentials (ECS guide, private registry authentication)." },
    { name: "exec-pull-through-cache", status: 0, mandatory: [], why: "ecr:CreateRepository and ecr:BatchImportUpstreamImage for an ECR pull through cache (ECR guide, pull through cache IAM)." },
    { name: "exec-secrets-kms", status: 0, mandatory: [], why: "secretsmanager:GetSecretValue, ssm:GetParameters and kms:Decrypt for secrets (ECS guide, Secrets Manager or Systems Manager permissions)." },
    { name: "exec-pull-only", status: 0, mandatory: [], why: "AmazonEC2ContainerRegistryPullOnly and log-stream writes: exactly what the agent does." },
    { name: "exec-app-permissions", status: 1, mandatory: [ROLES], why: "dynamodb:* on the execution role: an application permission the agent never uses (the rule's description)." },
    { name: "exec-s3-without-feature", status: 1, mandatory: [ROLES], why: "s3:GetObject on the execution role with no environment file or FireLens config in S3 to read." },
    { name: "exec-registry-readonly", status: 1, mandatory: [ROLES], why: "AmazonEC2ContainerRegistryReadOnly and CloudWatchLogsFullAccess grant more than pulls and log writes." },

    // Every way a task gets a network.
    { name: "eventbridge-public", status: 1, mandatory: [PRIVATE, PUBLIC_IP], why: "An EventBridge rule's ecsTarget with public IPs in a public subnet (Security Hub ECS.2)." },
    { name: "scheduler-private", status: 0, mandatory: [], why: "A Scheduler schedule in private subnets with a scoped role, retries and a dead-letter queue." },
    { name: "scheduler-public-subnet", status: 1, mandatory: [PRIVATE], why: "A Scheduler schedule in a subnet whose (main) route table sends 0.0.0.0/0 to an internet gateway." },
    { name: "pipes-public-ip", status: 1, mandatory: [PUBLIC_IP], why: "An EventBridge pipe's ECS target with awsVpcConfiguration.assignPublicIp ENABLED." },
    { name: "pipes-private", status: 0, mandatory: [], why: "An EventBridge pipe's ECS target in a private subnet with assignPublicIp DISABLED." },
    { name: "sfn-runtask-public-ip", status: 1, mandatory: [PUBLIC_IP], advisory: { includes: [PRIVATE] }, why: "A Step Functions ecs:runTask.sync state with AssignPublicIp ENABLED in existing subnets." },
    { name: "sfn-runtask-private", status: 0, mandatory: [], advisory: { includes: [PUBLIC_IP] }, why: "A Step Functions ecs:runTask state built from the program's private subnet: unknown at preview, its subnet followed." },

    // awsx.
    { name: "awsx-vpc-raw-service", status: 0, mandatory: [], advisory: { includes: [PRIVATE] }, why: "Subnets of an awsx VPC are built in the awsx plugin: which ones the service uses cannot be verified." },
    { name: "awsx-fargate-public", status: 1, mandatory: [PUBLIC_IP], why: "awsx FargateService with assignPublicIp true: awsx passes it to the service it creates." },
    { name: "awsx-fargate-default-network", status: 1, mandatory: [PRIVATE, PUBLIC_IP], why: "awsx FargateService with no networkConfiguration and public IPs: the default VPC's public subnets." },
    { name: "awsx-fargate-private", status: 0, mandatory: [], why: "awsx FargateService in an awsx VPC's private subnets without public IPs, behind an awsx load balancer." },

    // This repository's components.
    { name: "component-fargate-stack", status: 0, mandatory: [], why: "FargateStack: private tasks, IP target group, separate least-privilege roles, a valid size (README)." },
    { name: "component-platform-workloads", status: 0, mandatory: [], why: "A Platform with a web service and a scheduled task, every resource decided at first preview." },
];
