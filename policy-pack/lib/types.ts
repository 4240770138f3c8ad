/**
 * The resource type tokens the pack inspects. Rules match on tokens instead of importing `@pulumi/aws` classes: the
 * pack then starts without loading the AWS SDK (seconds faster), and one rule covers every alias of a type (the
 * `aws.lb` and `aws.alb` modules register the same resources under two tokens).
 */

/** Type tokens, one constant per resource kind. */
export const T = {
    vpc: "aws:ec2/vpc:Vpc",
    defaultVpc: "aws:ec2/defaultVpc:DefaultVpc",
    subnet: "aws:ec2/subnet:Subnet",
    defaultSubnet: "aws:ec2/defaultSubnet:DefaultSubnet",
    internetGateway: "aws:ec2/internetGateway:InternetGateway",
    routeTable: "aws:ec2/routeTable:RouteTable",
    defaultRouteTable: "aws:ec2/defaultRouteTable:DefaultRouteTable",
    route: "aws:ec2/route:Route",
    routeTableAssociation: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    mainRouteTableAssociation: "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    securityGroupIngressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    ecsService: "aws:ecs/service:Service",
    ecsTaskSet: "aws:ecs/taskSet:TaskSet",
    ecsTaskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
    ecsCluster: "aws:ecs/cluster:Cluster",
    eventTarget: "aws:cloudwatch/eventTarget:EventTarget",
    schedule: "aws:scheduler/schedule:Schedule",
    pipe: "aws:pipes/pipe:Pipe",
    stateMachine: "aws:sfn/stateMachine:StateMachine",
    awsxFargateService: "awsx:ecs:FargateService",
    awsxFargateTaskDefinition: "awsx:ecs:FargateTaskDefinition",
    awsxApplicationLoadBalancer: "awsx:lb:ApplicationLoadBalancer",
    awsxNetworkLoadBalancer: "awsx:lb:NetworkLoadBalancer",
    awsxVpc: "awsx:ec2:Vpc",
    awsxDefaultVpc: "awsx:ec2:DefaultVpc",
    iamRole: "aws:iam/role:Role",
    iamRolePolicy: "aws:iam/rolePolicy:RolePolicy",
    iamRolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    iamPolicyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
    iamPolicy: "aws:iam/policy:Policy",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    ecrRepository: "aws:ecr/repository:Repository",
    sqsQueue: "aws:sqs/queue:Queue",
    sqsRedrivePolicy: "aws:sqs/redrivePolicy:RedrivePolicy",
    kmsKey: "aws:kms/key:Key",
    kmsAlias: "aws:kms/alias:Alias",
    snsTopic: "aws:sns/topic:Topic",
    metricAlarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    efsFileSystem: "aws:efs/fileSystem:FileSystem",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    vpcEndpointPrivateDns: "aws:vpc/endpointPrivateDns:EndpointPrivateDns",
} as const;

/** S3 bucket tokens (`aws.s3.Bucket` and the deprecated `aws.s3.BucketV2`, the same resource in provider v7). */
export const S3_BUCKET_TYPES: readonly string[] = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];

/** Target group tokens (`aws.lb.TargetGroup` and its `aws.alb` alias). */
export const TARGET_GROUP_TYPES: readonly string[] = [
    "aws:lb/targetGroup:TargetGroup",
    "aws:alb/targetGroup:TargetGroup",
];

/** Listener tokens (`aws.lb.Listener` and its `aws.alb` alias). */
export const LISTENER_TYPES: readonly string[] = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"];

/** Load balancer tokens (`aws.lb.LoadBalancer` and its `aws.alb` alias). */
export const LOAD_BALANCER_TYPES: readonly string[] = [
    "aws:lb/loadBalancer:LoadBalancer",
    "aws:alb/loadBalancer:LoadBalancer",
];

/** Listener rule tokens (`aws.lb.ListenerRule` and its `aws.alb` alias). */
export const LISTENER_RULE_TYPES: readonly string[] = [
    "aws:lb/listenerRule:ListenerRule",
    "aws:alb/listenerRule:ListenerRule",
];

/** Route table tokens whose inline `routes` apply to associated subnets. */
export const ROUTE_TABLE_TYPES: readonly string[] = [T.routeTable, T.defaultRouteTable];

/** Human names for types, used in violation messages ("ECS service \"web\" ..."). */
const KIND_NAMES: Record<string, string> = {
    [T.vpc]: "VPC",
    [T.defaultVpc]: "Default VPC",
    [T.subnet]: "Subnet",
    [T.defaultSubnet]: "Default subnet",
    [T.routeTable]: "Route table",
    [T.defaultRouteTable]: "Default route table",
    [T.securityGroup]: "Security group",
    [T.ecsService]: "ECS service",
    [T.ecsTaskSet]: "ECS task set",
    [T.ecsTaskDefinition]: "Task definition",
    [T.ecsCluster]: "ECS cluster",
    [T.eventTarget]: "EventBridge target",
    [T.schedule]: "Scheduler schedule",
    [T.pipe]: "EventBridge pipe",
    [T.stateMachine]: "State machine",
    [T.awsxFargateService]: "awsx Fargate service",
    [T.awsxFargateTaskDefinition]: "awsx Fargate task definition",
    [T.awsxApplicationLoadBalancer]: "awsx application load balancer",
    [T.awsxNetworkLoadBalancer]: "awsx network load balancer",
    [T.awsxVpc]: "awsx VPC",
    [T.awsxDefaultVpc]: "awsx default VPC",
    [T.iamRole]: "IAM role",
    [T.iamRolePolicy]: "IAM role policy",
    [T.iamRolePolicyAttachment]: "IAM role policy attachment",
    [T.iamPolicyAttachment]: "IAM policy attachment",
    [T.logGroup]: "Log group",
    [T.ecrRepository]: "ECR repository",
    [T.sqsQueue]: "SQS queue",
    [T.sqsRedrivePolicy]: "SQS redrive policy",
    [T.kmsKey]: "KMS key",
    [T.kmsAlias]: "KMS alias",
    [T.snsTopic]: "SNS topic",
    [T.metricAlarm]: "CloudWatch alarm",
    [T.efsFileSystem]: "EFS file system",
    [T.vpcEndpoint]: "VPC endpoint",
    [T.vpcEndpointPrivateDns]: "VPC endpoint private DNS setting",
    ...Object.fromEntries(S3_BUCKET_TYPES.map(t => [t, "S3 bucket"])),
    ...Object.fromEntries(TARGET_GROUP_TYPES.map(t => [t, "Target group"])),
    ...Object.fromEntries(LISTENER_TYPES.map(t => [t, "Listener"])),
    ...Object.fromEntries(LOAD_BALANCER_TYPES.map(t => [t, "Load balancer"])),
    ...Object.fromEntries(LISTENER_RULE_TYPES.map(t => [t, "Listener rule"])),
};

/** `Kind "name"`, the way every message names a resource. */
export function describe(type: string, name: string): string {
    return `${KIND_NAMES[type] ?? type} "${name}"`;
}

/** {@link describe} for use inside a sentence (`route table "rt"`). */
export function mention(type: string, name: string): string {
    const text = describe(type, name);
    return /^(ECS|IAM|ECR|ALB|SQS|SNS|KMS|EFS|VPC|S3|EventBridge|Scheduler|CloudWatch)\b/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
