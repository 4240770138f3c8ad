/**
 * A secure Fargate web stack as a fresh stack's first preview shows it: raw `@pulumi/aws` shapes, every ID and ARN
 * unknown, references carried by property dependencies. It mirrors what `FargateStack` registers (with the HTTPS
 * variant, a non-root image and an execution policy built from known ARNs), so it passes every policy with no
 * finding at all. Specs copy it and apply one mutation each.
 */
import { T, TARGET_GROUP_TYPES, LISTENER_TYPES, LOAD_BALANCER_TYPES } from "../../../policy-pack/lib/types";
import { Handle, StackFixture, U } from "./fixtures";

/** Container definitions of the secure task definition (known at preview: no Outputs inside). */
export const SECURE_CONTAINERS = [
    {
        name: "app",
        image: "nginxinc/nginx-unprivileged:1.27",
        essential: true,
        user: "101:101",
        readonlyRootFilesystem: true,
        portMappings: [{ containerPort: 8080, protocol: "tcp" }],
        environment: [{ name: "LOG_LEVEL", value: "info" }],
        secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf" }],
        logConfiguration: {
            logDriver: "awslogs",
            options: { "awslogs-group": "/ecs/app", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "app" },
        },
    },
];

/** The execution role policy, with ARNs composed from known names, account and region. */
export const SECURE_EXEC_POLICY = {
    Version: "2012-10-17",
    Statement: [
        { Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: "*" },
        {
            Effect: "Allow",
            Action: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
            Resource: "arn:aws:ecr:us-east-1:123456789012:repository/app",
        },
        {
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:*",
        },
        {
            Effect: "Allow",
            Action: ["secretsmanager:GetSecretValue"],
            Resource: ["arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"],
        },
    ],
};

/** The trust policy of the task and execution roles. */
export const TRUST_ECS_TASKS = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

function network(s: StackFixture, parent: Handle) {
    const vpc = s.add(T.vpc, "app-vpc", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true }, {}, parent);
    const igw = s.add(T.internetGateway, "app-igw", { vpcId: U }, { vpcId: [vpc] }, parent);
    const subnet = (name: string, cidr: string, az: string) =>
        s.add(T.subnet, name, { vpcId: U, cidrBlock: cidr, availabilityZone: az, mapPublicIpOnLaunch: false }, { vpcId: [vpc] }, parent);
    const public1 = subnet("app-public-1", "10.0.0.0/20", "us-east-1a");
    const public2 = subnet("app-public-2", "10.0.16.0/20", "us-east-1b");
    const private1 = subnet("app-private-1", "10.0.128.0/20", "us-east-1a");
    const private2 = subnet("app-private-2", "10.0.144.0/20", "us-east-1b");
    const publicRt = s.add(T.routeTable, "app-public-rt", { vpcId: U }, { vpcId: [vpc] }, parent);
    s.add(T.route, "app-public-default", { routeTableId: U, destinationCidrBlock: "0.0.0.0/0", gatewayId: U }, { routeTableId: [publicRt], gatewayId: [igw] }, parent);
    const eip = s.add("aws:ec2/eip:Eip", "app-nat-eip-1", { domain: "vpc" }, {}, parent);
    const nat = s.add("aws:ec2/natGateway:NatGateway", "app-nat-1", { allocationId: U, subnetId: U }, { allocationId: [eip], subnetId: [public1] }, parent);
    const privateRt = s.add(T.routeTable, "app-private-rt-1", { vpcId: U }, { vpcId: [vpc] }, parent);
    s.add(T.route, "app-private-default-1", { routeTableId: U, destinationCidrBlock: "0.0.0.0/0", natGatewayId: U }, { routeTableId: [privateRt], natGatewayId: [nat] }, parent);
    const associate = (name: string, sub: Handle, rt: Handle) =>
        s.add(T.routeTableAssociation, name, { subnetId: U, routeTableId: U }, { subnetId: [sub], routeTableId: [rt] }, parent);
    associate("app-public-1-rta", public1, publicRt);
    associate("app-public-2-rta", public2, publicRt);
    associate("app-private-1-rta", private1, privateRt);
    associate("app-private-2-rta", private2, privateRt);
    return { vpc, public1, public2, private1, private2 };
}

function securityGroups(s: StackFixture, parent: Handle, vpc: Handle) {
    const albSg = s.add(T.securityGroup, "app-alb-sg", { vpcId: U, description: "ALB" }, { vpcId: [vpc] }, parent);
    const taskSg = s.add(T.securityGroup, "app-task-sg", { vpcId: U, description: "Tasks" }, { vpcId: [vpc] }, parent);
    for (const port of [80, 443]) {
        s.add(T.securityGroupIngressRule, `app-alb-ingress-${port}`, { securityGroupId: U, ipProtocol: "tcp", fromPort: port, toPort: port, cidrIpv4: "0.0.0.0/0" }, { securityGroupId: [albSg] }, parent);
    }
    s.add(T.securityGroupIngressRule, "app-task-ingress", { securityGroupId: U, ipProtocol: "tcp", fromPort: 8080, toPort: 8080, referencedSecurityGroupId: U }, { securityGroupId: [taskSg], referencedSecurityGroupId: [albSg] }, parent);
    s.add("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "app-task-egress", { securityGroupId: U, ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" }, { securityGroupId: [taskSg] }, parent);
    return { albSg, taskSg };
}

function iam(s: StackFixture, parent: Handle) {
    const execRole = s.add(T.iamRole, "app-exec-role", { assumeRolePolicy: TRUST_ECS_TASKS }, {}, parent);
    const taskRole = s.add(T.iamRole, "app-task-role", { assumeRolePolicy: TRUST_ECS_TASKS }, {}, parent);
    s.add(T.iamRolePolicy, "app-exec-policy", { role: U, policy: JSON.stringify(SECURE_EXEC_POLICY) }, { role: [execRole] }, parent);
    s.add(T.iamRolePolicyAttachment, "app-task-policy-1", { role: U, policyArn: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" }, { role: [taskRole] }, parent);
    return { execRole, taskRole };
}

/** Builds the secure stack. Resource names are the ones specs mutate (`app-service`, `app-task`, …). */
export function secureStack(): StackFixture {
    const s = new StackFixture();
    const parent = s.add("fargate-stack:index:FargateStack", "app", {});
    const { vpc, public1, public2, private1, private2 } = network(s, parent);
    const { albSg, taskSg } = securityGroups(s, parent, vpc);
    const { execRole, taskRole } = iam(s, parent);
    s.add(T.ecrRepository, "app-repo", { name: "app", imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true } }, {}, parent);
    s.add(T.logGroup, "app-logs", { name: "/ecs/app", retentionInDays: 30 }, {}, parent);
    const cluster = s.add(T.ecsCluster, "app-cluster", { settings: [{ name: "containerInsights", value: "enabled" }] }, {}, parent);
    const task = s.add(T.ecsTaskDefinition, "app-task", {
        family: "app", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"],
        runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
        executionRoleArn: U, taskRoleArn: U, containerDefinitions: JSON.stringify(SECURE_CONTAINERS),
    }, { executionRoleArn: [execRole], taskRoleArn: [taskRole] }, parent);
    const alb = s.add(LOAD_BALANCER_TYPES[0], "app-alb", { loadBalancerType: "application", subnets: [U, U], securityGroups: [U], dropInvalidHeaderFields: true }, { subnets: [public1, public2], securityGroups: [albSg] }, parent);
    const tg = s.add(TARGET_GROUP_TYPES[0], "app-tg", { port: 8080, protocol: "HTTP", targetType: "ip", vpcId: U }, { vpcId: [vpc] }, parent);
    s.add(LISTENER_TYPES[0], "app-https", {
        loadBalancerArn: U, port: 443, protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06", certificateArn: U,
        defaultActions: [{ type: "forward", targetGroupArn: U }],
    }, { loadBalancerArn: [alb], defaultActions: [tg] }, parent);
    s.add(LISTENER_TYPES[0], "app-http", {
        loadBalancerArn: U, port: 80, protocol: "HTTP",
        defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
    }, { loadBalancerArn: [alb] }, parent);
    s.add(T.ecsService, "app-service", {
        cluster: U, taskDefinition: U, launchType: "FARGATE", desiredCount: 2,
        networkConfiguration: { subnets: [U, U], securityGroups: [U], assignPublicIp: false },
        loadBalancers: [{ targetGroupArn: U, containerName: "app", containerPort: 8080 }],
        deploymentCircuitBreaker: { enable: true, rollback: true },
    }, { cluster: [cluster], taskDefinition: [task], networkConfiguration: [private1, private2, taskSg], loadBalancers: [tg] }, parent);
    return s;
}
