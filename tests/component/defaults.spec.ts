/**
 * `new FargateStack("web", { image: "nginx:1.27" })`: the whole secure-by-default stack, resource by resource.
 */
import * as assert from "assert";
import { Built, build, inventory, json, resolve } from "../support/fixture";
import { ACCOUNT_ID } from "../support/awsMocks";

const DEFAULT_INVENTORY = [
    "aws:appautoscaling/policy:Policy web-cpu-scaling",
    "aws:appautoscaling/policy:Policy web-memory-scaling",
    "aws:appautoscaling/target:Target web-scaling-target",
    "aws:cloudwatch/dashboard:Dashboard web-dashboard",
    "aws:cloudwatch/logGroup:LogGroup web-logs",
    "aws:cloudwatch/metricAlarm:MetricAlarm web-alb-5xx-alarm",
    "aws:cloudwatch/metricAlarm:MetricAlarm web-cpu-high-alarm",
    "aws:cloudwatch/metricAlarm:MetricAlarm web-latency-p99-alarm",
    "aws:cloudwatch/metricAlarm:MetricAlarm web-memory-high-alarm",
    "aws:cloudwatch/metricAlarm:MetricAlarm web-running-tasks-alarm",
    "aws:cloudwatch/metricAlarm:MetricAlarm web-target-5xx-alarm",
    "aws:cloudwatch/metricAlarm:MetricAlarm web-unhealthy-targets-alarm",
    "aws:ec2/eip:Eip web-nat-1-eip",
    "aws:ec2/internetGateway:InternetGateway web-igw",
    "aws:ec2/natGateway:NatGateway web-nat-1",
    "aws:ec2/route:Route web-private-1-default-route",
    "aws:ec2/route:Route web-private-2-default-route",
    "aws:ec2/route:Route web-public-default-route",
    "aws:ec2/routeTable:RouteTable web-private-1-rt",
    "aws:ec2/routeTable:RouteTable web-private-2-rt",
    "aws:ec2/routeTable:RouteTable web-public-rt",
    "aws:ec2/routeTableAssociation:RouteTableAssociation web-private-1-rta",
    "aws:ec2/routeTableAssociation:RouteTableAssociation web-private-2-rta",
    "aws:ec2/routeTableAssociation:RouteTableAssociation web-public-1-rta",
    "aws:ec2/routeTableAssociation:RouteTableAssociation web-public-2-rta",
    "aws:ec2/securityGroup:SecurityGroup web-alb-sg",
    "aws:ec2/securityGroup:SecurityGroup web-task-sg",
    "aws:ec2/subnet:Subnet web-private-1",
    "aws:ec2/subnet:Subnet web-private-2",
    "aws:ec2/subnet:Subnet web-public-1",
    "aws:ec2/subnet:Subnet web-public-2",
    "aws:ec2/vpc:Vpc web-vpc",
    "aws:ecs/cluster:Cluster web-cluster",
    "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders web-capacity-providers",
    "aws:ecs/service:Service web-service",
    "aws:ecs/taskDefinition:TaskDefinition web-task",
    "aws:iam/role:Role web-exec-role",
    "aws:iam/role:Role web-task-role",
    "aws:iam/rolePolicy:RolePolicy web-exec-policy",
    "aws:kms/key:Key web-alarms-key",
    "aws:lb/listener:Listener web-http",
    "aws:lb/loadBalancer:LoadBalancer web-alb",
    "aws:lb/targetGroup:TargetGroup web-tg",
    "aws:sns/topic:Topic web-alarms",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule web-alb-to-task-egress",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule web-task-egress",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule web-alb-http-ingress-1",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule web-task-from-alb-ingress",
];

describe("FargateStack with only an image", () => {
    let built: Built;
    before(async () => {
        built = await build({ image: "nginx:1.27" });
    });

    it(`registers exactly the expected ${DEFAULT_INVENTORY.length} children, each parented to the component`, () => {
        assert.deepStrictEqual(inventory(built.children), DEFAULT_INVENTORY);
        const component = built.mocks.named("web");
        assert.strictEqual(component.type, "fargate-stack:index:FargateStack");
        assert.strictEqual(component.urn, "urn:pulumi:test::fargate-stack::fargate-stack:index:FargateStack::web");
        for (const child of built.children) {
            assert.strictEqual(child.parent, component.urn, `${child.name} is not a child of the component`);
        }
    });

    it("creates a 10.0.0.0/16 VPC with private and public subnets in two AZs, none mapping public IPs", () => {
        assert.strictEqual(built.inputs("web-vpc").cidrBlock, "10.0.0.0/16");
        assert.strictEqual(built.inputs("web-vpc").enableDnsHostnames, true);
        const subnets = ["web-private-1", "web-private-2", "web-public-1", "web-public-2"].map(n => built.inputs(n));
        assert.deepStrictEqual(subnets.map(s => s.cidrBlock), ["10.0.0.0/18", "10.0.64.0/18", "10.0.128.0/18", "10.0.192.0/18"]);
        assert.deepStrictEqual(subnets.map(s => s.availabilityZone), ["us-east-1a", "us-east-1b", "us-east-1a", "us-east-1b"]);
        assert.deepStrictEqual(subnets.map(s => s.mapPublicIpOnLaunch), [false, false, false, false]);
    });

    it("routes public subnets to the internet gateway and private subnets to the single NAT gateway", () => {
        assert.deepStrictEqual(built.inputs("web-public-default-route"),
            { routeTableId: "web-public-rt-id", destinationCidrBlock: "0.0.0.0/0", gatewayId: "web-igw-id" });
        for (const i of [1, 2]) {
            assert.deepStrictEqual(built.inputs(`web-private-${i}-default-route`),
                { routeTableId: `web-private-${i}-rt-id`, destinationCidrBlock: "0.0.0.0/0", natGatewayId: "web-nat-1-id" });
            assert.deepStrictEqual(built.inputs(`web-private-${i}-rta`),
                { subnetId: `web-private-${i}-id`, routeTableId: `web-private-${i}-rt-id` });
            assert.deepStrictEqual(built.inputs(`web-public-${i}-rta`),
                { subnetId: `web-public-${i}-id`, routeTableId: "web-public-rt-id" });
        }
        assert.strictEqual(built.inputs("web-nat-1").subnetId, "web-public-1-id");
        assert.strictEqual(built.inputs("web-nat-1").allocationId, "web-nat-1-eip-id");
    });

    it("chains security groups: world → ALB on 80, ALB → tasks on the container port only", () => {
        const rules = built.children.filter(r => r.type.startsWith("aws:vpc/securityGroup"));
        const shape = (name: string) => {
            const { securityGroupId, referencedSecurityGroupId, cidrIpv4, ipProtocol, fromPort, toPort } = built.inputs(name);
            return { securityGroupId, referencedSecurityGroupId, cidrIpv4, ipProtocol, fromPort, toPort };
        };
        assert.strictEqual(rules.length, 4);
        assert.deepStrictEqual(shape("web-alb-http-ingress-1"), { securityGroupId: "web-alb-sg-id",
            referencedSecurityGroupId: undefined, cidrIpv4: "0.0.0.0/0", ipProtocol: "tcp", fromPort: 80, toPort: 80 });
        assert.deepStrictEqual(shape("web-alb-to-task-egress"), { securityGroupId: "web-alb-sg-id",
            referencedSecurityGroupId: "web-task-sg-id", cidrIpv4: undefined, ipProtocol: "tcp", fromPort: 8080, toPort: 8080 });
        assert.deepStrictEqual(shape("web-task-from-alb-ingress"), { securityGroupId: "web-task-sg-id",
            referencedSecurityGroupId: "web-alb-sg-id", cidrIpv4: undefined, ipProtocol: "tcp", fromPort: 8080, toPort: 8080 });
        assert.deepStrictEqual(shape("web-task-egress"), { securityGroupId: "web-task-sg-id",
            referencedSecurityGroupId: undefined, cidrIpv4: "0.0.0.0/0", ipProtocol: "-1", fromPort: undefined, toPort: undefined });
    });

    it("gives the execution and task roles separate identities, both trusting only this account's ECS tasks", () => {
        const task = built.inputs("web-task");
        assert.strictEqual(task.executionRoleArn, `arn:aws:iam:us-east-1:${ACCOUNT_ID}:web-exec-role`);
        assert.strictEqual(task.taskRoleArn, `arn:aws:iam:us-east-1:${ACCOUNT_ID}:web-task-role`);
        for (const role of ["web-exec-role", "web-task-role"]) {
            assert.deepStrictEqual(json(built.inputs(role).assumeRolePolicy).Statement, [{
                Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole",
                Condition: {
                    StringEquals: { "aws:SourceAccount": ACCOUNT_ID },
                    ArnLike: { "aws:SourceArn": `arn:aws:ecs:us-east-1:${ACCOUNT_ID}:*` },
                },
            }]);
        }
    });

    it("lets the execution role write only to its own log group, and gives the task role no permissions", () => {
        assert.strictEqual(built.inputs("web-exec-role").name, "web-exec-b81ae2b5");
        assert.strictEqual(built.inputs("web-task-role").name, "web-task-2625c20f");
        assert.strictEqual(built.inputs("web-exec-policy").role, "web-exec-b81ae2b5");
        assert.deepStrictEqual(json(built.inputs("web-exec-policy").policy), {
            Version: "2012-10-17",
            Statement: [{
                Sid: "Logs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: `arn:aws:logs:us-east-1:${ACCOUNT_ID}:log-group:/ecs/fargate-stack/test/web:log-stream:*`,
            }],
        });
        assert.deepStrictEqual(built.children.filter(r => r.type.startsWith("aws:iam/rolePolicy")).map(r => r.name),
            ["web-exec-policy"]);
    });

    it("creates the log group with an explicit name and 30 days of retention", () => {
        assert.deepStrictEqual(built.inputs("web-logs"), {
            name: "/ecs/fargate-stack/test/web", retentionInDays: 30, tags: { Name: "web-logs" },
        });
    });

    it("creates a cluster with Container Insights and the FARGATE and FARGATE_SPOT capacity providers", () => {
        assert.deepStrictEqual(built.inputs("web-cluster").settings, [{ name: "containerInsights", value: "enabled" }]);
        assert.deepStrictEqual(built.inputs("web-capacity-providers").capacityProviders, ["FARGATE", "FARGATE_SPOT"]);
    });

    it("registers a 256/512 Linux X86_64 Fargate task whose container logs to awslogs with a read-only root", () => {
        const task = built.inputs("web-task");
        assert.strictEqual(task.cpu, "256");
        assert.strictEqual(task.memory, "512");
        assert.strictEqual(task.networkMode, "awsvpc");
        assert.deepStrictEqual(task.requiresCompatibilities, ["FARGATE"]);
        assert.deepStrictEqual(task.runtimePlatform, { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" });
        assert.deepStrictEqual(json(task.containerDefinitions), [{
            name: "web", image: "nginx:1.27", essential: true,
            portMappings: [{ name: "http", containerPort: 8080, protocol: "tcp" }],
            mountPoints: [], environment: [], secrets: [],
            logConfiguration: { logDriver: "awslogs", options: {
                "awslogs-group": "/ecs/fargate-stack/test/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web",
            } },
            stopTimeout: 30, readonlyRootFilesystem: true,
        }]);
    });

    it("puts an internet-facing ALB in the public subnets with an ip target group on the container port", () => {
        const alb = built.inputs("web-alb");
        assert.deepStrictEqual(alb.subnets, ["web-public-1-id", "web-public-2-id"]);
        assert.deepStrictEqual(alb.securityGroups, ["web-alb-sg-id"]);
        assert.strictEqual(alb.internal, false);
        assert.strictEqual(alb.dropInvalidHeaderFields, true);
        const tg = built.inputs("web-tg");
        assert.strictEqual(tg.targetType, "ip");
        assert.strictEqual(tg.port, 8080);
        assert.strictEqual(tg.vpcId, "web-vpc-id");
        assert.strictEqual(tg.deregistrationDelay, 30);
        assert.deepStrictEqual(tg.healthCheck, { enabled: true, path: "/", matcher: "200-399", protocol: "HTTP",
            port: "traffic-port", interval: 10, timeout: 5, healthyThreshold: 2, unhealthyThreshold: 3 });
    });

    it("listens on HTTP only and forwards to the target group when no domain or certificate is given", () => {
        const listener = built.inputs("web-http");
        assert.strictEqual(listener.port, 80);
        assert.strictEqual(listener.protocol, "HTTP");
        assert.deepStrictEqual(listener.defaultActions, [{ type: "forward", targetGroupArn: `arn:aws:lb:us-east-1:${ACCOUNT_ID}:web-tg` }]);
    });

    it("runs 2 tasks in the private subnets without public IPs, behind the ALB, with rollback on failure", () => {
        const service = built.inputs("web-service");
        assert.deepStrictEqual(service.networkConfiguration, {
            subnets: ["web-private-1-id", "web-private-2-id"], securityGroups: ["web-task-sg-id"], assignPublicIp: false,
        });
        assert.strictEqual(service.launchType, "FARGATE");
        assert.strictEqual(service.desiredCount, 2);
        assert.deepStrictEqual(service.deploymentCircuitBreaker, { enable: true, rollback: true });
        assert.strictEqual(service.deploymentMinimumHealthyPercent, 100);
        assert.strictEqual(service.deploymentMaximumPercent, 200);
        assert.strictEqual(service.healthCheckGracePeriodSeconds, 60);
        assert.strictEqual(service.enableExecuteCommand, false);
        assert.deepStrictEqual(service.loadBalancers, [{
            targetGroupArn: `arn:aws:lb:us-east-1:${ACCOUNT_ID}:web-tg`, containerName: "web", containerPort: 8080,
        }]);
        const record = built.mocks.named("web-service");
        assert.deepStrictEqual(record.ignoreChanges, ["desiredCount"]);
        assert.ok(record.dependencies.includes(built.mocks.named("web-http").urn), "service waits for the listener");
    });

    it("scales between 2 and 10 tasks on CPU 70% and memory 75%", () => {
        const target = built.inputs("web-scaling-target");
        assert.strictEqual(target.minCapacity, 2);
        assert.strictEqual(target.maxCapacity, 10);
        assert.strictEqual(target.resourceId, "service/web-cluster-1234567/web-service-1234567");
        const policies = built.mocks.ofType("aws:appautoscaling/policy:Policy").map(p => {
            const config = p.inputs.targetTrackingScalingPolicyConfiguration;
            return [p.name, config.predefinedMetricSpecification.predefinedMetricType, config.targetValue];
        });
        assert.deepStrictEqual(policies, [
            ["web-cpu-scaling", "ECSServiceAverageCPUUtilization", 70],
            ["web-memory-scaling", "ECSServiceAverageMemoryUtilization", 75],
        ]);
    });

    it("exports the stack's outputs", async () => {
        const s = built.stack;
        assert.strictEqual(await resolve(s.url), "http://web-alb.us-east-1.elb.amazonaws.com");
        assert.strictEqual(await resolve(s.loadBalancerDnsName), "web-alb.us-east-1.elb.amazonaws.com");
        assert.strictEqual(await resolve(s.serviceName), "web-service-1234567");
        assert.strictEqual(await resolve(s.serviceArn), `arn:aws:ecs:us-east-1:${ACCOUNT_ID}:web-service`);
        assert.strictEqual(await resolve(s.clusterName), "web-cluster-1234567");
        assert.strictEqual(await resolve(s.clusterArn), `arn:aws:ecs:us-east-1:${ACCOUNT_ID}:web-cluster`);
        assert.strictEqual(await resolve(s.taskDefinitionArn), `arn:aws:ecs:us-east-1:${ACCOUNT_ID}:web-task`);
        assert.strictEqual(await resolve(s.vpcId), "web-vpc-id");
        assert.deepStrictEqual(await resolve(s.privateSubnetIds), ["web-private-1-id", "web-private-2-id"]);
        assert.deepStrictEqual(await resolve(s.publicSubnetIds), ["web-public-1-id", "web-public-2-id"]);
        assert.strictEqual(await resolve(s.executionRoleArn), `arn:aws:iam:us-east-1:${ACCOUNT_ID}:web-exec-role`);
        assert.strictEqual(await resolve(s.taskRoleArn), `arn:aws:iam:us-east-1:${ACCOUNT_ID}:web-task-role`);
        assert.strictEqual(await resolve(s.logGroupName), "/ecs/fargate-stack/test/web");
        assert.strictEqual(await resolve(s.repositoryUrl), "");
    });
});
