/**
 * A fresh stack's first preview: every ID and ARN a provider computes is unknown. The policy pack must still be able
 * to decide every rule, so what it reads has to be known, and cross-resource facts must be in propertyDependencies.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { Built, build, json } from "../support/fixture";

const isUnknown = (value: unknown) => pulumi.Output.isInstance(value) || (value !== null && typeof value === "object" &&
    (value as object).constructor?.name === "Unknown");
const urn = (built: Built, name: string) => built.mocks.named(name).urn;

describe("FargateStack at a fresh stack's preview", () => {
    let built: Built;
    before(async () => {
        built = await build({
            image: "nginx:1.27", domainName: "app.example.com", hostedZoneId: "Z123",
            secrets: { DB_PASSWORD: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf" },
        }, { preview: true });
    });

    it("keeps the container definitions known, so policies can read them", () => {
        const definitions = built.inputs("web-task").containerDefinitions;
        assert.strictEqual(typeof definitions, "string");
        assert.strictEqual(json(definitions)[0].logConfiguration.options["awslogs-group"], "/ecs/fargate-stack/test/web");
        assert.strictEqual(built.inputs("web-task").cpu, "256");
    });

    it("keeps the execution role's policy known: it is built from invoke results and plain names", () => {
        const policy = built.inputs("web-exec-policy").policy;
        assert.strictEqual(typeof policy, "string");
        assert.deepStrictEqual(json(policy).Statement.map((s: any) => s.Sid), ["Logs", "Secrets"]);
    });

    it("leaves computed IDs unknown, as a real preview does", () => {
        const service = built.inputs("web-service");
        assert.ok(isUnknown(service.networkConfiguration.subnets[0]), "subnet IDs are unknown");
        assert.strictEqual(service.networkConfiguration.assignPublicIp, false);
        assert.ok(isUnknown(built.inputs("web-task").executionRoleArn), "role ARNs are unknown");
    });

    it("records which subnets, security group and target group the service depends on", () => {
        const deps = built.mocks.named("web-service").propertyDependencies;
        assert.deepStrictEqual([...deps.networkConfiguration].sort(),
            [urn(built, "web-private-1"), urn(built, "web-private-2"), urn(built, "web-task-sg")].sort());
        assert.deepStrictEqual(deps.loadBalancers, [urn(built, "web-tg")]);
    });

    it("records which role each of the task definition's role ARNs comes from", () => {
        const deps = built.mocks.named("web-task").propertyDependencies;
        assert.deepStrictEqual(deps.executionRoleArn, [urn(built, "web-exec-role")]);
        assert.deepStrictEqual(deps.taskRoleArn, [urn(built, "web-task-role")]);
    });

    it("records the route table and gateway behind every private subnet's route", () => {
        for (const i of [1, 2]) {
            const association = built.mocks.named(`web-private-${i}-rta`).propertyDependencies;
            assert.deepStrictEqual(association.subnetId, [urn(built, `web-private-${i}`)]);
            assert.deepStrictEqual(association.routeTableId, [urn(built, `web-private-${i}-rt`)]);
            const route = built.mocks.named(`web-private-${i}-default-route`).propertyDependencies;
            assert.deepStrictEqual(route.natGatewayId, [urn(built, "web-nat-1")]);
        }
        assert.deepStrictEqual(built.mocks.named("web-public-default-route").propertyDependencies.gatewayId, [urn(built, "web-igw")]);
    });
});
