// A web service the way the ECS best-practices guide draws it: ALB in public subnets, tasks in private subnets
// behind a NAT gateway, an IP target group, and separate execution and task roles.
import * as aws from "@pulumi/aws";

const vpc = new aws.ec2.Vpc("main", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true });
const igw = new aws.ec2.InternetGateway("main", { vpcId: vpc.id });
const publicRt = new aws.ec2.RouteTable("public", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }] });
const zones = ["us-east-1a", "us-east-1b"];
const publicSubnets = zones.map((az, i) => {
    const subnet = new aws.ec2.Subnet(`public-${i}`, { vpcId: vpc.id, cidrBlock: `10.0.${i}.0/24`, availabilityZone: az, mapPublicIpOnLaunch: true });
    new aws.ec2.RouteTableAssociation(`public-${i}`, { subnetId: subnet.id, routeTableId: publicRt.id });
    return subnet;
});
const eip = new aws.ec2.Eip("nat", { domain: "vpc" });
const nat = new aws.ec2.NatGateway("nat", { allocationId: eip.id, subnetId: publicSubnets[0].id });
const privateRt = new aws.ec2.RouteTable("private", { vpcId: vpc.id });
new aws.ec2.Route("private-default", { routeTableId: privateRt.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: nat.id });
const privateSubnets = zones.map((az, i) => {
    const subnet = new aws.ec2.Subnet(`private-${i}`, { vpcId: vpc.id, cidrBlock: `10.0.${10 + i}.0/24`, availabilityZone: az });
    new aws.ec2.RouteTableAssociation(`private-${i}`, { subnetId: subnet.id, routeTableId: privateRt.id });
    return subnet;
});

const albSg = new aws.ec2.SecurityGroup("alb", {
    vpcId: vpc.id,
    ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
    egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
});
const taskSg = new aws.ec2.SecurityGroup("task", {
    vpcId: vpc.id,
    ingress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, securityGroups: [albSg.id] }],
    egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
});
const alb = new aws.lb.LoadBalancer("web", { loadBalancerType: "application", subnets: publicSubnets.map(s => s.id), securityGroups: [albSg.id], dropInvalidHeaderFields: true });
const tg = new aws.lb.TargetGroup("web", { port: 8080, protocol: "HTTP", targetType: "ip", vpcId: vpc.id, healthCheck: { path: "/healthz" } });
new aws.lb.Listener("https", {
    loadBalancerArn: alb.arn, port: 443, protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
    certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789",
    defaultActions: [{ type: "forward", targetGroupArn: tg.arn }],
});

const assumeByTasks = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const executionRole = new aws.iam.Role("execution", { assumeRolePolicy: assumeByTasks });
new aws.iam.RolePolicyAttachment("execution", { role: executionRole.name, policyArn: aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy });
const taskRole = new aws.iam.Role("task", { assumeRolePolicy: assumeByTasks });
const logs = new aws.cloudwatch.LogGroup("web", { name: "/ecs/web", retentionInDays: 30 });

const cluster = new aws.ecs.Cluster("main", { settings: [{ name: "containerInsights", value: "enabled" }] });
const taskDefinition = new aws.ecs.TaskDefinition("web", {
    family: "web", cpu: "512", memory: "1024", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"],
    executionRoleArn: executionRole.arn, taskRoleArn: taskRole.arn,
    containerDefinitions: logs.name.apply(group => JSON.stringify([{
        name: "web", image: "nginxinc/nginx-unprivileged:1.27", essential: true, user: "101", readonlyRootFilesystem: true,
        portMappings: [{ containerPort: 8080 }],
        logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": group, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web" } },
    }])),
});
new aws.ecs.Service("web", {
    cluster: cluster.arn, taskDefinition: taskDefinition.arn, desiredCount: 2, launchType: "FARGATE",
    networkConfiguration: { subnets: privateSubnets.map(s => s.id), securityGroups: [taskSg.id], assignPublicIp: false },
    loadBalancers: [{ targetGroupArn: tg.arn, containerName: "web", containerPort: 8080 }],
    deploymentCircuitBreaker: { enable: true, rollback: true },
});

export const url = alb.dnsName;
