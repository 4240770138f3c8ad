/**
 * `ecs-no-public-ip`: tasks never get public IP addresses, whichever resource launches them.
 */
import { assignsPublicIp, LAUNCHER_KINDS, networkConfigurations } from "../lib/ecs";
import { childlessComponents } from "../lib/awsx";
import { Reporter, resourcePolicyWithStackCheck } from "../lib/policy";
import { describe } from "../lib/types";
import { get, UNKNOWN } from "../lib/values";

/** The policy. */
export const ecsNoPublicIp = resourcePolicyWithStackCheck(
    {
        name: "ecs-no-public-ip",
        title: "ECS tasks get no public IP",
        description:
            "Checks that ECS services, task sets, EventBridge ECS targets, Scheduler ECS targets, EventBridge Pipes " +
            "ECS targets, Step Functions ecs:runTask states and awsx Fargate services do not assign public IP " +
            "addresses to tasks (assignPublicIp is not true or ENABLED).",
        severity: "high",
        enforcementLevel: "mandatory",
        remediationSteps: [
            "1. Set networkConfiguration.assignPublicIp to false (or leave it unset).",
            "2. Run the tasks in private subnets whose outbound traffic goes through a NAT gateway or VPC endpoints.",
            "3. Expose the application through a load balancer in public subnets instead.",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-2",
        anchors: { securityHub: ["ECS.2", "ECS.16"], checkov: ["CKV_AWS_333"], controlTower: ["CT.ECS.PR.9"] },
    },
    // awsx components are judged by the stack part below: only when the stack does not show the service they create.
    LAUNCHER_KINDS.filter(kind => !kind.component).map(kind => kind.type),
    ({ type, name, props, report }) => checkLauncher(type, name, props, report),
    ({ stack, report }) => {
        for (const component of childlessComponents(stack, LAUNCHER_KINDS.filter(kind => kind.component).map(kind => kind.type))) {
            checkLauncher(component.type, component.name, component.props, report, component.urn);
        }
    },
);

/** Reports the public IPs a launcher's network configurations give its tasks (on `urn`, or the resource checked). */
function checkLauncher(type: string, name: string, props: unknown, report: Reporter, urn?: string): void {
    const who = describe(type, name);
    for (const network of networkConfigurations(type, props)) {
        const assign = assignsPublicIp(network);
        if (assign === true) {
            const raw = get(network.config, "assignPublicIp");
            report.violation(
                `${who} sets ${network.publicIpText} to ${typeof raw === "string" ? raw : "true"}, which gives every ` +
                    "task a public IP address. Set it to false and run the tasks in private subnets with a NAT " +
                    "gateway or VPC endpoints for outbound traffic.",
                urn,
            );
        } else if (assign === UNKNOWN && network.pathText === "definition") {
            report.unverified(
                `${who} has a definition that is unknown during preview, so whether its ecs:runTask states give ` +
                    "tasks public IPs cannot be verified. Build the definition from values known at preview, with " +
                    "AssignPublicIp DISABLED.",
                urn,
            );
        } else if (assign === UNKNOWN) {
            report.unverified(
                `${who} has a ${network.publicIpText} that is unknown during preview, so whether tasks get ` +
                    "public IPs cannot be verified. Set assignPublicIp to the literal false.",
                urn,
            );
        }
    }
}
