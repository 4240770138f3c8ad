/**
 * `ecs-no-public-ip`: tasks never get public IP addresses, whichever resource launches them.
 */
import { LAUNCHER_KINDS, networkConfiguration } from "../lib/ecs";
import { resourcePolicy } from "../lib/policy";
import { describe } from "../lib/types";
import { bool, isUnknown, UNKNOWN } from "../lib/values";

/** The policy. */
export const ecsNoPublicIp = resourcePolicy(
    {
        name: "ecs-no-public-ip",
        title: "ECS tasks get no public IP",
        description:
            "Checks that ECS services, task sets, EventBridge ECS targets and Scheduler ECS targets do not assign " +
            "public IP addresses to tasks (assignPublicIp is not true).",
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
    LAUNCHER_KINDS.map(kind => kind.type),
    ({ type, name, props, report }) => {
        const network = networkConfiguration(type, props);
        if (!network || network.config === undefined || network.config === null) {
            return; // no awsvpc configuration: nothing can carry a public IP
        }
        const who = describe(type, name);
        const path = `${network.kind.networkPathText}.assignPublicIp`;
        const assign = isUnknown(network.config) ? UNKNOWN : bool(network.config, "assignPublicIp");
        if (assign === true) {
            report.violation(
                `${who} sets ${path} to true, which gives every task a public IP address. Set it to false and ` +
                    "run the tasks in private subnets with a NAT gateway or VPC endpoints for outbound traffic.",
            );
        } else if (assign === UNKNOWN) {
            report.unverified(
                `${who} has a ${path} that is unknown during preview, so whether tasks get public IPs cannot be ` +
                    "verified. Set assignPublicIp to the literal false.",
            );
        }
    },
);
