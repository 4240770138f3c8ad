// Tasks without public IPs, but in a subnet that maps public IPs on launch and routes to an internet gateway.
import * as aws from "@pulumi/aws";

const vpc = new aws.ec2.Vpc("app", { cidrBlock: "10.20.0.0/16" });
const igw = new aws.ec2.InternetGateway("app", { vpcId: vpc.id });
const rt = new aws.ec2.RouteTable("app", { vpcId: vpc.id });
new aws.ec2.Route("app-default", { routeTableId: rt.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id });
const subnets = ["a", "b"].map((z, i) => {
    const subnet = new aws.ec2.Subnet(`app-${z}`, { vpcId: vpc.id, cidrBlock: `10.20.${i}.0/24`, availabilityZone: `us-east-1${z}`, mapPublicIpOnLaunch: true });
    new aws.ec2.RouteTableAssociation(`app-${z}`, { subnetId: subnet.id, routeTableId: rt.id });
    return subnet;
});
const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("app-exec", { assumeRolePolicy: assume, managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy] });
const cluster = new aws.ecs.Cluster("app");
const task = new aws.ecs.TaskDefinition("app", {
    family: "app", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "app", image: "public.ecr.aws/nginx/nginx:1.27" }]),
});
new aws.ecs.Service("app", {
    cluster: cluster.id, taskDefinition: task.arn, desiredCount: 2, launchType: "FARGATE",
    networkConfiguration: { subnets: subnets.map(s => s.id), assignPublicIp: false },
});
