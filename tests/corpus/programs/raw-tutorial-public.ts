// The shape of many getting-started posts: one public subnet, tasks with public IPs so they can pull their image.
import * as aws from "@pulumi/aws";

const vpc = new aws.ec2.Vpc("demo", { cidrBlock: "10.10.0.0/16" });
const igw = new aws.ec2.InternetGateway("demo", { vpcId: vpc.id });
const rt = new aws.ec2.RouteTable("demo", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }] });
const subnet = new aws.ec2.Subnet("demo", { vpcId: vpc.id, cidrBlock: "10.10.1.0/24", mapPublicIpOnLaunch: true });
new aws.ec2.RouteTableAssociation("demo", { subnetId: subnet.id, routeTableId: rt.id });
const sg = new aws.ec2.SecurityGroup("demo", {
    vpcId: vpc.id,
    ingress: [{ protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] }],
    egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
});
const executionRole = new aws.iam.Role("demo-exec", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" }),
    managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy],
});
const cluster = new aws.ecs.Cluster("demo");
const task = new aws.ecs.TaskDefinition("demo", {
    family: "demo", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"],
    executionRoleArn: executionRole.arn,
    containerDefinitions: JSON.stringify([{ name: "demo", image: "nginx", portMappings: [{ containerPort: 80 }] }]),
});
new aws.ecs.Service("demo", {
    cluster: cluster.arn, taskDefinition: task.arn, desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { subnets: [subnet.id], securityGroups: [sg.id], assignPublicIp: true },
});
