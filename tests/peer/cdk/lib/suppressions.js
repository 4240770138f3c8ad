/**
 * cdk-nag findings on what fargate-stack deliberately does differently from the AwsSolutions pack (each one a choice
 * the Pulumi side makes too), suppressed with the reason, as a CDK user makes `cdk synth` pass. A suppression does not
 * skip a check: cdk-nag evaluates every rule on every resource and only reports a suppressed finding as
 * "Suppressed" (see the NagReport CSV in the output directory).
 */
"use strict";
const { NagSuppressions } = require("cdk-nag");

const REASONS = {
    "AwsSolutions-VPC7": "fargate-stack creates no VPC flow logs; the Pulumi stack has none either.",
    "AwsSolutions-ELB2": "fargate-stack creates no access-log bucket for the load balancer; the Pulumi stack has none either.",
    "AwsSolutions-EC23": "A public web service: the load balancer admits 0.0.0.0/0 on its listener ports, as allowedCidrBlocks defaults to.",
    "AwsSolutions-ECS2": "The dev stack sets plain, non-secret environment variables (APP_ENV, LOG_LEVEL) on the container.",
    "AwsSolutions-IAM5": {
        reason: "ecr:GetAuthorizationToken has no resource-level permissions; fargate-stack's execution role grants it on * too.",
        appliesTo: ["Resource::*"],
    },
};

/** Suppresses, stack-wide, the findings listed above that `ids` names (all of them by default). */
function suppressDeliberateFindings(stack, ids = Object.keys(REASONS)) {
    NagSuppressions.addStackSuppressions(stack, ids.map(id => (
        typeof REASONS[id] === "string" ? { id, reason: REASONS[id] } : { id, ...REASONS[id] })));
}

module.exports = { suppressDeliberateFindings, REASONS };
