/**
 * Entry point of the `fargate-stack-guardrails` CrossGuard pack. Constructing the PolicyPack starts the analyzer's
 * gRPC server and prints its port, so this file does nothing else: the policies live in importable modules.
 */
import { PolicyPack } from "@pulumi/policy";
import { allPolicies, POLICY_PACK_NAME } from "./policies/all";

new PolicyPack(POLICY_PACK_NAME, {
    description: "Enforces the documented AWS ECS Fargate practices at pulumi preview time, decided on a fresh stack.",
    displayName: "Fargate stack guardrails",
    tags: ["aws", "ecs", "fargate"],
    policies: allPolicies,
});
