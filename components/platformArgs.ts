import { ClusterArgs, LoadBalancerArgs, NetworkArgs, TagsArgs } from "./args/platformInputs";
import { LogArgs } from "./args/taskInputs";
import { MonitoringArgs } from "./args/operationsInputs";

/**
 * What a workload needs from its platform, as one value: pass a `Platform`'s `ref` output as a workload's `platform`
 * input. Public subnets are left out on purpose: no workload runs there, and a workload's network settings then
 * depend on the private subnets only, which is what lets the policy pack prove them private at preview.
 */
export interface PlatformRef {
    /** Name of the `Platform` component. */
    platformName: string;
    /** ID of the VPC. */
    vpcId: string;
    /** IDs of the private subnets workloads run in. */
    privateSubnetIds: string[];
    /** ARN of the ECS cluster. */
    clusterArn: string;
    /** Name of the ECS cluster. */
    clusterName: string;
    /** ARN of the listener public web services add their rules to: HTTPS when the platform has a certificate. */
    listenerArn: string;
    /** The load balancer's ARN suffix (`app/<name>/<id>`), for request-count scaling. */
    loadBalancerArnSuffix: string;
    /** The load balancer's security group: public web services admit it on their container port. */
    loadBalancerSecurityGroupId: string;
    /** The platform's URL: `https://<domainName>` with HTTPS, otherwise `http://<load balancer DNS name>`. */
    url: string;
    /** ARN of the Cloud Map namespace services publish themselves in and find each other through (Service Connect). */
    serviceConnectNamespaceArn: string;
    /** The security group every workload's tasks join: internal web services and VPC endpoints admit it. */
    servicesSecurityGroupId: string;
    /** The log group ECS Exec sessions are logged to, or an empty string when the platform adopted a cluster. */
    executeCommandLogGroupName: string;
    /** The SNS topic every alarm of the platform's workloads notifies. */
    alarmTopicArn: string;
}

/**
 * Inputs of {@link Platform}: the network, the internet-facing load balancer and the cluster its workloads share, and
 * the Service Connect namespace they find each other in. Each input means what the `FargateStack` input of the same
 * name means.
 */
export interface PlatformArgs extends NetworkArgs, LoadBalancerArgs, ClusterArgs, LogArgs, MonitoringArgs, TagsArgs {
    /**
     * Name of the Cloud Map namespace the platform's services join for Service Connect: an internal API named `api`
     * is reached at `http://api:<containerPort>` from every service of the platform.
     * Default: `<name>.internal`.
     * @default - `<name>.internal`
     */
    serviceConnectNamespace?: string;
    /**
     * With `natGateways` `None`: interface endpoints for Secrets Manager and SSM Parameter Store, which workloads with
     * `secrets` or `repositoryCredentialsSecretArn` need to start. (ECR, CloudWatch Logs and S3 endpoints are always
     * created without NAT gateways.)
     * Default: `false`.
     * @default false
     */
    enableSecretsEndpoints?: boolean;
    /**
     * With `natGateways` `None`: the SSM messages interface endpoint that `aws ecs execute-command` (workloads with
     * `enableExecuteCommand`) needs.
     * Default: `false`.
     * @default false
     */
    enableExecuteCommandEndpoint?: boolean;
    /**
     * With `natGateways` `None`: the SQS interface endpoint that `WorkerService` workloads need to read their queue.
     * Default: `false`.
     * @default false
     */
    enableQueueEndpoint?: boolean;
}
