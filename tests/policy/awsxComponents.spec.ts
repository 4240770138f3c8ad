/**
 * awsx components judged from their inputs (lib/awsx.ts): the stack an offline preview shows holds each remote awsx
 * component as one resource with the program's inputs and none of the children the awsx plugin creates. The
 * mandatory rules decide what those inputs say — public IPs, task sizes, target types, subnets — and only while the
 * stack holds none of the component's children: with the children (the Pulumi CLI's stack) the children are judged
 * and the component's inputs are not, so nothing is reported twice.
 */
import { ecsNoPublicIp } from "../../policy-pack/policies/noPublicIp";
import { fargateValidCpuMemory } from "../../policy-pack/policies/cpuMemory";
import { albTargetGroupIpTargetType } from "../../policy-pack/policies/targetGroupIpType";
import { ecsTasksInPrivateSubnets } from "../../policy-pack/policies/privateSubnets";
import { T, TARGET_GROUP_TYPES } from "../../policy-pack/lib/types";
import { StackFixture, U } from "./support/fixtures";
import { expectFindings, mandatory, unverified } from "./support/scenario";

const FIX =
    "Run ECS tasks in private subnets: mapPublicIpOnLaunch false and outbound traffic through a NAT gateway or VPC " +
    "endpoints, never a route to an internet gateway.";
const PUBLIC_IP = "which gives every task a public IP address. Set it to false and run the tasks in private subnets with a NAT gateway or VPC endpoints for outbound traffic.";
const WEB = 'awsx Fargate service "web"';

/**
 * A secure awsx program as an offline preview records it: an awsx VPC (awsx's default layout: public and private
 * subnets), an awsx load balancer, and an awsx Fargate service in the VPC's private subnets, with no public IP, a
 * valid task size and a container port mapped to the load balancer's default target group.
 */
function awsxStack(): StackFixture {
    const s = new StackFixture("awsx-app");
    const vpc = s.add(T.awsxVpc, "vpc", {});
    const lb = s.add(T.awsxApplicationLoadBalancer, "lb", { subnetIds: U }, { subnetIds: [vpc] });
    const sg = s.add(T.securityGroup, "web-sg", { vpcId: U }, { vpcId: [vpc] });
    s.add(T.awsxFargateService, "web", {
        cluster: U,
        networkConfiguration: { subnets: U, securityGroups: [U], assignPublicIp: false },
        taskDefinitionArgs: {
            cpu: "256", memory: "512",
            container: { name: "app", image: "nginx:1.27", portMappings: [{ containerPort: 80, targetGroup: U }] },
        },
    }, { networkConfiguration: [vpc, sg], taskDefinitionArgs: [lb] });
    return s;
}

/** The ECS service the awsx plugin creates for "web", as the Pulumi CLI's stack shows it. */
function withChildService(assignPublicIp: boolean) {
    return (s: StackFixture) => {
        const web = s.get("web");
        s.add(T.ecsService, "web", {
            cluster: U, taskDefinition: U, launchType: "FARGATE",
            networkConfiguration: { subnets: [U], securityGroups: [U], assignPublicIp },
        }, {}, web);
    };
}

const PRIVATE_SUBNETS_UNDECIDED = unverified(`${WEB} places tasks in subnets of awsx VPC "vpc", which creates public and private subnets in the awsx plugin; this preview shows neither those subnets nor which of the VPC's subnet lists the tasks get (privateSubnetIds or publicSubnetIds), so whether they are private cannot be verified. Give the tasks its privateSubnetIds; under the Pulumi CLI the pack judges each subnet awsx creates.`);

describe("awsx components judged from their inputs while the stack holds none of their children", () => {
    describe("ecs-no-public-ip", () => {
        it("passes a service with assignPublicIp false", async () => {
            await expectFindings(ecsNoPublicIp, undefined, [], {}, awsxStack);
        });

        it("fails networkConfiguration.assignPublicIp true", async () => {
            await expectFindings(ecsNoPublicIp, s => s.update("web", p => (p.networkConfiguration.assignPublicIp = true)), [
                mandatory(`${WEB} sets networkConfiguration.assignPublicIp to true, ${PUBLIC_IP}`),
            ], {}, awsxStack);
        });

        it("fails assignPublicIp true without networkConfiguration (the default VPC's public subnets)", async () => {
            await expectFindings(ecsNoPublicIp, s => s.update("web", p => {
                delete p.networkConfiguration;
                p.assignPublicIp = true;
            }), [mandatory(`${WEB} sets assignPublicIp to true, ${PUBLIC_IP}`)], {}, awsxStack);
        });

        it("judges the service awsx creates, not the component's inputs, when the stack holds it: one finding", async () => {
            await expectFindings(ecsNoPublicIp, s => {
                s.update("web", p => (p.networkConfiguration.assignPublicIp = true));
                withChildService(true)(s);
            }, [mandatory(`ECS service "web" sets networkConfiguration.assignPublicIp to true, ${PUBLIC_IP}`)], {}, awsxStack);
        });

        it("reports nothing from the inputs when the child service it creates assigns no public IP", async () => {
            await expectFindings(ecsNoPublicIp, s => {
                s.update("web", p => (p.networkConfiguration.assignPublicIp = true));
                withChildService(false)(s);
            }, [], {}, awsxStack);
        });
    });

    describe("fargate-valid-cpu-memory", () => {
        it("passes taskDefinitionArgs with a valid pair", async () => {
            await expectFindings(fargateValidCpuMemory, undefined, [], {}, awsxStack);
        });

        it("fails taskDefinitionArgs with a pair Fargate does not offer", async () => {
            await expectFindings(fargateValidCpuMemory, s => s.update("web", p => (p.taskDefinitionArgs.memory = "4096")), [
                mandatory(`${WEB}: taskDefinitionArgs.memory 4096 is not a valid Fargate memory size for 256 cpu units. Use one of 512, 1024, 2048 MiB.`),
            ], {}, awsxStack);
        });

        it("fails an awsx FargateTaskDefinition's own cpu and memory", async () => {
            await expectFindings(fargateValidCpuMemory, s => s.add(T.awsxFargateTaskDefinition, "batch", { cpu: "512", memory: "512", container: { name: "job", image: "busybox:1.36" } }), [
                mandatory('awsx Fargate task definition "batch": memory 512 is not a valid Fargate memory size for 512 cpu units. Use one of 1024, 2048, 3072, 4096 MiB.'),
            ], {}, awsxStack);
        });

        it("cannot verify a size awsx completes from the containers (memory left out)", async () => {
            await expectFindings(fargateValidCpuMemory, s => s.update("web", p => delete p.taskDefinitionArgs.memory), [
                unverified(`${WEB} sets taskDefinitionArgs.cpu but not taskDefinitionArgs.memory, which awsx computes from the containers' needs, so whether the pair is one Fargate supports cannot be verified. Set both taskDefinitionArgs.cpu and taskDefinitionArgs.memory to a supported pair.`),
            ], {}, awsxStack);
        });

        it("passes a Linux service that leaves both to awsx, which picks a supported Linux size", async () => {
            await expectFindings(fargateValidCpuMemory, s => s.update("web", p => {
                delete p.taskDefinitionArgs.cpu;
                delete p.taskDefinitionArgs.memory;
            }), [], {}, awsxStack);
        });

        it("does not judge the inputs when the stack holds the task definition awsx creates", async () => {
            await expectFindings(fargateValidCpuMemory, s => {
                s.update("web", p => (p.taskDefinitionArgs.memory = "4096"));
                s.add(T.ecsTaskDefinition, "web", { family: "web", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], containerDefinitions: "[]" }, {}, s.get("web"));
            }, [], {}, awsxStack);
        });
    });

    describe("alb-target-group-ip-target-type", () => {
        it("passes a container mapped to an awsx load balancer's default target group (awsx's default: ip)", async () => {
            await expectFindings(albTargetGroupIpTargetType, undefined, [], {}, awsxStack);
        });

        it("fails a default target group set to instance targets", async () => {
            await expectFindings(albTargetGroupIpTargetType, s => s.update("lb", p => (p.defaultTargetGroup = { port: 80, targetType: "instance" })), [
                mandatory(`The default target group of awsx application load balancer "lb" has targetType "instance" (defaultTargetGroup.targetType) but fronts awsvpc ${WEB}, whose tasks register by IP address. Set it to "ip", or leave it unset (awsx's default is "ip").`),
            ], {}, awsxStack);
        });

        it("decides a raw ECS service's loadBalancers entry built from an awsx load balancer, with no untraceable note", async () => {
            await expectFindings(albTargetGroupIpTargetType, s => {
                s.update("lb", p => (p.defaultTargetGroup = { targetType: "instance" }));
                s.add(T.ecsService, "api", { cluster: U, taskDefinition: U, launchType: "FARGATE", loadBalancers: [{ targetGroupArn: U, containerName: "api", containerPort: 80 }] }, { loadBalancers: [s.get("lb")] });
                s.update("web", p => delete p.taskDefinitionArgs.container.portMappings[0].targetGroup);
            }, [
                mandatory('The default target group of awsx application load balancer "lb" has targetType "instance" (defaultTargetGroup.targetType) but fronts awsvpc ECS service "api", whose tasks register by IP address. Set it to "ip", or leave it unset (awsx\'s default is "ip").'),
            ], {}, awsxStack);
        });

        it("does not judge the inputs when the stack holds the target group awsx creates", async () => {
            await expectFindings(albTargetGroupIpTargetType, s => {
                s.update("lb", p => (p.defaultTargetGroup = { targetType: "instance" }));
                s.add(TARGET_GROUP_TYPES[0], "lb", { port: 80, protocol: "HTTP", targetType: "ip", vpcId: U }, {}, s.get("lb"));
            }, [], {}, awsxStack);
        });
    });

    describe("ecs-tasks-in-private-subnets", () => {
        it("cannot verify subnets of an awsx VPC with public and private subnets (which list the tasks get is not an input)", async () => {
            await expectFindings(ecsTasksInPrivateSubnets, undefined, [PRIVATE_SUBNETS_UNDECIDED], {}, awsxStack);
        });

        it("fails subnets of an awsx VPC whose subnetSpecs are public only", async () => {
            await expectFindings(ecsTasksInPrivateSubnets, s => s.update("vpc", p => (p.subnetSpecs = [{ type: "Public" }, { type: "Unused" }])), [
                mandatory(`${WEB} places tasks in subnets of awsx VPC "vpc", whose subnetSpecs create public subnets only. ${FIX}`),
            ], {}, awsxStack);
        });

        it("fails subnets of awsx's default VPC", async () => {
            await expectFindings(ecsTasksInPrivateSubnets, s => {
                const vpc = s.add(T.awsxDefaultVpc, "default", {});
                s.dependOn("web", "networkConfiguration", [vpc, s.get("web-sg")]);
            }, [
                mandatory(`${WEB} places tasks in subnets of awsx default VPC "default": a default VPC's subnets are public (AWS maps public IPs on launch in them and routes their main route table to the default VPC's internet gateway). ${FIX}`),
            ], {}, awsxStack);
        });

        it("judges the subnets awsx creates, not the VPC's inputs, when the stack holds them", async () => {
            await expectFindings(ecsTasksInPrivateSubnets, s => {
                s.update("vpc", p => (p.subnetSpecs = [{ type: "Public" }]));
                s.add(T.subnet, "vpc-public-1", { vpcId: U, cidrBlock: "10.0.0.0/24", mapPublicIpOnLaunch: true }, {}, s.get("vpc"));
            }, [
                unverified(`${WEB} places tasks in subnets whose IDs are unknown during preview and do not come from subnets in this stack (networkConfiguration.subnets), so whether they are private cannot be verified. Pass the IDs of aws.ec2.Subnet resources in this stack, or known IDs listed in privateSubnetIds.`),
            ], {}, awsxStack);
        });
    });
});
