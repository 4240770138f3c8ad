// New private subnets in an existing VPC (read with Vpc.get), each associated with a route table whose default
// route goes to the VPC's existing NAT gateway.
import * as aws from "@pulumi/aws";

const vpc = aws.ec2.Vpc.get("shared", "vpc-0a1b2c3d4e5f60010");
const rt = new aws.ec2.RouteTable("app-private", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: "nat-0a1b2c3d4e5f60011" }] });
const subnets = ["a", "b"].map((z, i) => {
    const subnet = new aws.ec2.Subnet(`app-private-${z}`, { vpcId: vpc.id, cidrBlock: `10.90.${100 + i}.0/24`, availabilityZone: `us-east-1${z}` });
    new aws.ec2.RouteTableAssociation(`app-private-${z}`, { subnetId: subnet.id, routeTableId: rt.id });
    return subnet;
});
const assume = aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" });
const exec = new aws.iam.Role("exec", { assumeRolePolicy: assume, managedPolicyArns: [aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy] });
const task = new aws.ecs.TaskDefinition("app", {
    family: "app", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], executionRoleArn: exec.arn,
    containerDefinitions: JSON.stringify([{ name: "app", image: "nginx:1.27" }]),
});
new aws.ecs.Service("app", {
    cluster: new aws.ecs.Cluster("app").arn, taskDefinition: task.arn, launchType: "FARGATE",
    networkConfiguration: { subnets: subnets.map(s => s.id), assignPublicIp: false },
});
