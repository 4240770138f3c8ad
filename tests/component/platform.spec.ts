/**
 * Platform: the foundation many workloads share. Each test builds one platform under fresh mocks and checks what
 * it creates, by exact child names and the inputs that carry its security facts.
 */
import * as assert from "assert";
import { buildPlatform, resolve } from "../support/platformFixture";
import { inventory, json } from "../support/fixture";

const names = (built: Awaited<ReturnType<typeof buildPlatform>>) => inventory(built.childrenOf("main")).map(l => l.split(" ")[1]);

describe("Platform", () => {
    describe("with defaults (HTTP only)", () => {
        let built: Awaited<ReturnType<typeof buildPlatform>>;
        before(async () => {
            built = await buildPlatform();
        });

        it("creates the network, cluster, load balancer, services security group and namespace, and nothing else", () => {
            assert.deepStrictEqual(names(built).sort(), [
                "main-alarms", "main-alarms-key", "main-alb", "main-alb-5xx-alarm", "main-alb-http-ingress-1", "main-alb-sg",
                "main-capacity-providers", "main-cluster", "main-dashboard", "main-exec-logs", "main-http", "main-igw", "main-namespace", "main-nat-1", "main-nat-1-eip", "main-private-1",
                "main-private-1-default-route", "main-private-1-rt", "main-private-1-rta", "main-private-2",
                "main-private-2-default-route", "main-private-2-rt", "main-private-2-rta", "main-public-1",
                "main-public-1-rta", "main-public-2", "main-public-2-rta", "main-public-default-route", "main-public-rt",
                "main-services-sg", "main-vpc",
            ]);
        });

        it("answers 404 for every request no web service's rule matches", () => {
            assert.deepStrictEqual(built.inputs("main-http").defaultActions, [{
                type: "fixed-response",
                fixedResponse: { contentType: "text/plain", messageBody: "Not found", statusCode: "404" },
            }]);
        });

        it("gives the services security group no rules at all: internal services admit it, it admits nothing", () => {
            assert.deepStrictEqual(built.inputs("main-services-sg").egress, []);
            assert.strictEqual(built.inputs("main-services-sg").ingress, undefined);
            const rules = built.mocks.resources.filter(r => /SecurityGroup(Ingress|Egress)Rule$/.test(r.type));
            assert.deepStrictEqual(rules.filter(r => r.inputs.securityGroupId === "main-services-sg-id").map(r => r.name), []);
        });

        it("names the Service Connect namespace <name>.internal", () => {
            assert.strictEqual(built.inputs("main-namespace").name, "main.internal");
        });

        it("creates the cluster with Container Insights and FARGATE / FARGATE_SPOT", () => {
            assert.deepStrictEqual(built.inputs("main-cluster").settings, [{ name: "containerInsights", value: "enabled" }]);
            assert.deepStrictEqual(built.inputs("main-capacity-providers").capacityProviders, ["FARGATE", "FARGATE_SPOT"]);
        });

        it("puts in its ref what workloads need, and neither public subnets nor anything else", async () => {
            assert.deepStrictEqual(await resolve(built.platform.ref), {
                platformName: "main",
                vpcId: "main-vpc-id",
                privateSubnetIds: ["main-private-1-id", "main-private-2-id"],
                clusterArn: "arn:aws:ecs:us-east-1:123456789012:main-cluster",
                clusterName: "main-cluster-1234567",
                listenerArn: "arn:aws:lb:us-east-1:123456789012:main-http",
                loadBalancerArnSuffix: "app/main-alb/abc",
                loadBalancerSecurityGroupId: "main-alb-sg-id",
                url: "http://main-alb.us-east-1.elb.amazonaws.com",
                serviceConnectNamespaceArn: "arn:aws:servicediscovery:us-east-1:123456789012:main-namespace",
                servicesSecurityGroupId: "main-services-sg-id",
                executeCommandLogGroupName: "/ecs/fargate-stack/test/main/exec",
                alarmTopicArn: "arn:aws:sns:us-east-1:123456789012:main-alarms",
            });
        });
    });

    describe("with a domain and a hosted zone", () => {
        let built: Awaited<ReturnType<typeof buildPlatform>>;
        before(async () => {
            built = await buildPlatform([], { domainName: "shop.example.com", hostedZoneId: "Z1", serviceConnectNamespace: "prod.internal" });
        });

        it("requests one certificate for the domain and its wildcard, validated by one DNS record", () => {
            assert.deepStrictEqual(built.inputs("main-cert").subjectAlternativeNames, ["*.shop.example.com"]);
            assert.strictEqual(built.inputs("main-cert").domainName, "shop.example.com");
            assert.deepStrictEqual(built.mocks.ofType("aws:route53/record:Record").map(r => r.name).sort(),
                ["main-alias", "main-cert-validation-record", "main-wildcard-alias"]);
        });

        it("points the domain and every name under it at the load balancer", () => {
            assert.strictEqual(built.inputs("main-alias").name, "shop.example.com");
            assert.strictEqual(built.inputs("main-wildcard-alias").name, "*.shop.example.com");
            assert.strictEqual(built.inputs("main-wildcard-alias").aliases[0].name, "main-alb.us-east-1.elb.amazonaws.com");
        });

        it("serves HTTPS with TLS 1.2+ answering 404, redirects HTTP, and gives workloads the HTTPS listener", async () => {
            const https = built.inputs("main-https");
            assert.strictEqual(https.sslPolicy, "ELBSecurityPolicy-TLS13-1-2-2021-06");
            assert.strictEqual(https.defaultActions[0].fixedResponse.statusCode, "404");
            assert.strictEqual(built.inputs("main-http").defaultActions[0].redirect.protocol, "HTTPS");
            const ref = await resolve(built.platform.ref);
            assert.strictEqual(ref.listenerArn, "arn:aws:lb:us-east-1:123456789012:main-https");
            assert.strictEqual(ref.url, "https://shop.example.com");
            assert.strictEqual(built.inputs("main-namespace").name, "prod.internal");
        });

        it("admits HTTP and HTTPS from the allowed CIDR blocks only", () => {
            assert.deepStrictEqual(built.mocks.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                .map(r => [r.name, r.inputs.fromPort, r.inputs.cidrIpv4]).sort(),
            [["main-alb-http-ingress-1", 80, "0.0.0.0/0"], ["main-alb-https-ingress-1", 443, "0.0.0.0/0"]]);
        });
    });

    it("adopts an existing VPC and cluster: no network or cluster resources, their IDs in the ref", async () => {
        const built = await buildPlatform([], {
            vpcId: "vpc-1", publicSubnetIds: ["subnet-p1", "subnet-p2"], privateSubnetIds: ["subnet-a", "subnet-b"],
            clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/shared",
        });
        assert.deepStrictEqual(names(built).sort(), [
            "main-alarms", "main-alarms-key", "main-alb", "main-alb-5xx-alarm", "main-alb-http-ingress-1", "main-alb-sg",
            "main-dashboard", "main-http", "main-namespace", "main-services-sg",
        ]);
        const ref = await resolve(built.platform.ref);
        assert.deepStrictEqual([ref.vpcId, ref.privateSubnetIds, ref.clusterName], ["vpc-1", ["subnet-a", "subnet-b"], "shared"]);
        assert.deepStrictEqual(built.inputs("main-alb").subnets, ["subnet-p1", "subnet-p2"]);
        assert.deepStrictEqual(json(JSON.stringify(built.inputs("main-alb").securityGroups)), ["main-alb-sg-id"]);
    });
});
