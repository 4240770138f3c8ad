/**
 * WebService on a Platform: public (its own `ip` target group and a listener rule) or internal (Service Connect only).
 * Exact child names, and the security facts: tasks in the private subnets without public IPs, ingress only from the
 * load balancer's and the platform services' security groups, on the container port only.
 */
import * as assert from "assert";
import { BuiltPlatform, IMAGE, buildPlatform, resolve } from "../support/platformFixture";
import { inventory, json } from "../support/fixture";

const childNames = (built: BuiltPlatform, name: string) => inventory(built.childrenOf(name)).map(l => l.split(" ")[1]).sort();

/** Every ingress rule on `securityGroupId`, as [name, port, what it admits]. */
function ingressTo(built: BuiltPlatform, securityGroupId: string): [string, number, string][] {
    return built.mocks.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
        .filter(r => r.inputs.securityGroupId === securityGroupId)
        .map(r => [r.name, r.inputs.fromPort, r.inputs.referencedSecurityGroupId ?? r.inputs.cidrIpv4] as [string, number, string])
        .sort();
}

describe("WebService", () => {
    describe("public, routed by host and path", () => {
        let built: BuiltPlatform;
        before(async () => {
            built = await buildPlatform([{
                kind: "web", name: "shop",
                args: { image: IMAGE, hostHeaders: ["shop.example.com"], pathPatterns: ["/cart/*"], priority: 10, requestsPerTaskPerMinute: 500 },
            }], { domainName: "example.com", hostedZoneId: "Z1" });
        });

        it("creates its task, roles, target group, listener rule, service and scaling, named after it", () => {
            assert.deepStrictEqual(childNames(built, "shop"), [
                "shop-alb-to-task-egress", "shop-cpu-high-alarm", "shop-cpu-scaling", "shop-exec-policy", "shop-exec-role",
                "shop-latency-p99-alarm", "shop-logs", "shop-memory-high-alarm", "shop-memory-scaling", "shop-requests-scaling",
                "shop-rule", "shop-running-tasks-alarm", "shop-scaling-target", "shop-service", "shop-target-5xx-alarm",
                "shop-task", "shop-task-egress", "shop-task-from-alb-ingress", "shop-task-from-services-ingress",
                "shop-task-role", "shop-task-sg", "shop-tg", "shop-unhealthy-targets-alarm",
            ]);
        });

        it("routes the host and path to an ip target group through a rule on the platform's HTTPS listener", () => {
            const rule = built.inputs("shop-rule");
            assert.strictEqual(rule.listenerArn, "arn:aws:lb:us-east-1:123456789012:main-https");
            assert.strictEqual(rule.priority, 10);
            assert.deepStrictEqual(rule.conditions, [
                { hostHeader: { values: ["shop.example.com"] } }, { pathPattern: { values: ["/cart/*"] } },
            ]);
            assert.deepStrictEqual(rule.actions, [{ type: "forward", targetGroupArn: "arn:aws:lb:us-east-1:123456789012:shop-tg" }]);
            assert.strictEqual(built.inputs("shop-tg").targetType, "ip");
            assert.strictEqual(built.inputs("shop-tg").vpcId, "main-vpc-id");
        });

        it("admits the load balancer and the platform's services on the container port, and nothing else", () => {
            assert.deepStrictEqual(ingressTo(built, "shop-task-sg-id"), [
                ["shop-task-from-alb-ingress", 8080, "main-alb-sg-id"],
                ["shop-task-from-services-ingress", 8080, "main-services-sg-id"],
            ]);
            const egress = built.inputs("shop-alb-to-task-egress");
            assert.deepStrictEqual([egress.securityGroupId, egress.referencedSecurityGroupId, egress.fromPort, egress.toPort],
                ["main-alb-sg-id", "shop-task-sg-id", 8080, 8080]);
        });

        it("runs in the platform's private subnets without public IPs, behind its rule, in the namespace", () => {
            const service = built.inputs("shop-service");
            assert.deepStrictEqual(service.networkConfiguration, {
                subnets: ["main-private-1-id", "main-private-2-id"],
                securityGroups: ["shop-task-sg-id", "main-services-sg-id"],
                assignPublicIp: false,
            });
            assert.strictEqual(service.cluster, "arn:aws:ecs:us-east-1:123456789012:main-cluster");
            assert.deepStrictEqual(service.deploymentCircuitBreaker, { enable: true, rollback: true });
            assert.deepStrictEqual(service.serviceConnectConfiguration.services, [
                { portName: "http", discoveryName: "shop", clientAlias: [{ port: 8080, dnsName: "shop" }] },
            ]);
            assert.strictEqual(service.serviceConnectConfiguration.logConfiguration.options["awslogs-group"], "/ecs/fargate-stack/test/shop");
            // The target group must be attached to the load balancer before ECS accepts it.
            assert.ok(built.mocks.named("shop-service").dependencies.includes(built.urn("shop-rule")));
        });

        it("declares HTTP on the container's port for Service Connect", () => {
            assert.deepStrictEqual(json(built.inputs("shop-task").containerDefinitions)[0].portMappings,
                [{ name: "http", containerPort: 8080, protocol: "tcp", appProtocol: "http" }]);
        });

        it("scales on requests per task measured on its own target group", () => {
            const requests = built.inputs("shop-requests-scaling").targetTrackingScalingPolicyConfiguration;
            assert.deepStrictEqual(requests.predefinedMetricSpecification, {
                predefinedMetricType: "ALBRequestCountPerTarget", resourceLabel: "app/main-alb/abc/targetgroup/shop-tg/def",
            });
            assert.strictEqual(requests.targetValue, 500);
        });

        it("reports its public URL and its Service Connect URL", async () => {
            const shop = built.workloads.shop as import("../../components").WebService;
            assert.strictEqual(await resolve(shop.url), "https://shop.example.com/cart/");
            assert.strictEqual(await resolve(shop.serviceConnectUrl), "http://shop:8080");
            assert.strictEqual(await resolve(shop.targetGroupArn), "arn:aws:lb:us-east-1:123456789012:shop-tg");
        });
    });

    describe("internal", () => {
        let built: BuiltPlatform;
        before(async () => {
            built = await buildPlatform([
                { kind: "web", name: "catalog", args: { image: IMAGE, internal: true, discoveryName: "catalog-api", containerPort: 9000 } },
            ]);
        });

        it("has no target group, listener rule or load balancer rule, and no request scaling", () => {
            assert.deepStrictEqual(childNames(built, "catalog"), [
                "catalog-cpu-high-alarm", "catalog-cpu-scaling", "catalog-exec-policy", "catalog-exec-role", "catalog-logs",
                "catalog-memory-high-alarm", "catalog-memory-scaling", "catalog-running-tasks-alarm", "catalog-scaling-target",
                "catalog-service", "catalog-task", "catalog-task-egress", "catalog-task-from-services-ingress",
                "catalog-task-role", "catalog-task-sg",
            ]);
            assert.strictEqual(built.inputs("catalog-service").loadBalancers, undefined);
            assert.strictEqual(built.inputs("catalog-service").healthCheckGracePeriodSeconds, undefined);
        });

        it("admits only the platform's services, on its container port", () => {
            assert.deepStrictEqual(ingressTo(built, "catalog-task-sg-id"),
                [["catalog-task-from-services-ingress", 9000, "main-services-sg-id"]]);
            assert.strictEqual(built.inputs("catalog-task-sg").description,
                "Tasks of catalog: the container port from the platform's services only");
        });

        it("publishes discoveryName:containerPort in the namespace, and that is its URL", async () => {
            assert.deepStrictEqual(built.inputs("catalog-service").serviceConnectConfiguration.services, [
                { portName: "http", discoveryName: "catalog-api", clientAlias: [{ port: 9000, dnsName: "catalog-api" }] },
            ]);
            const catalog = built.workloads.catalog as import("../../components").WebService;
            assert.strictEqual(await resolve(catalog.url), "http://catalog-api:9000");
            assert.strictEqual(await resolve(catalog.targetGroupArn), "");
        });
    });

    it("reads each platform field with its own dependencies, so a service depends on the private subnets only", async () => {
        const built = await buildPlatform([{ kind: "web", name: "api", args: { image: IMAGE, pathPatterns: ["/api/*"], priority: 5 } }],
            {}, { preview: true });
        const deps = built.mocks.named("api-service").propertyDependencies;
        assert.deepStrictEqual([...deps.networkConfiguration].sort(),
            [built.urn("main-private-1"), built.urn("main-private-2"), built.urn("api-task-sg"), built.urn("main-services-sg")].sort());
        assert.strictEqual(typeof built.inputs("api-task").containerDefinitions, "string", "the task definition is known at preview");
    });

    it("takes a literal ref for a platform built elsewhere", async () => {
        const built = await buildPlatform();
        const { WebService } = await import("../../components");
        new WebService("legacy", {
            image: IMAGE, pathPatterns: ["/legacy/*"], priority: 7,
            platform: {
                platformName: "old", vpcId: "vpc-9", privateSubnetIds: ["subnet-x", "subnet-y"],
                clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/old", clusterName: "old",
                listenerArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/old/1/2",
                loadBalancerArnSuffix: "app/old/1", loadBalancerSecurityGroupId: "sg-lb", url: "https://old.example.com",
                serviceConnectNamespaceArn: "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-1",
                servicesSecurityGroupId: "sg-services", executeCommandLogGroupName: "", alarmTopicArn: "arn:aws:sns:us-east-1:123456789012:ops",
            },
        });
        await import("../support/awsMocks").then(m => m.settle());
        assert.deepStrictEqual(built.inputs("legacy-service").networkConfiguration.subnets, ["subnet-x", "subnet-y"]);
        assert.strictEqual(built.inputs("legacy-rule").listenerArn, "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/old/1/2");
        assert.strictEqual(built.inputs("legacy-task-from-alb-ingress").referencedSecurityGroupId, "sg-lb");
    });
});
