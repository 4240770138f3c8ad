/**
 * Access practices, advisory by default: the ECS Exec sessions people open in tasks are logged by the cluster the
 * tasks run on, and interface VPC endpoints answer for the services' usual names (private DNS), so tasks reach AWS
 * services through them rather than through a NAT gateway.
 */
import { parseContainers } from "../lib/containers";
import {
    LauncherRef,
    namesCluster,
    namesTaskFamily,
    resolveLauncherRef,
} from "../lib/ecs";
import { EXEC_LAUNCHER_KINDS, ExecLauncherKind } from "../lib/exec";
import { Reporter, stackPolicy } from "../lib/policy";
import { Resource, StackIndex } from "../lib/stack";
import { describe, mention, S3_BUCKET_TYPES, T } from "../lib/types";
import { bool, get, isUnknown, str, UNKNOWN } from "../lib/values";

/** `ecs-exec-sessions-logged`: every command run through ECS Exec, and its output, is recorded. */
export const ecsExecSessionsLogged = stackPolicy(
    {
        name: "ecs-exec-sessions-logged",
        title: "ECS Exec sessions logged",
        description:
            "Checks that ECS services, EventBridge ECS targets and Scheduler ECS targets that enable ECS Exec " +
            "(enableExecuteCommand) run on a cluster of the stack that logs the sessions: " +
            "configuration.executeCommandConfiguration.logging OVERRIDE with a logConfiguration naming a " +
            "cloudWatchLogGroupName or s3BucketName, or DEFAULT (also when unset) when every container of the task " +
            "definition logs with the awslogs driver, the only place DEFAULT sends the sessions; NONE fails.",
        severity: "medium",
        enforcementLevel: "advisory",
        remediationSteps: [
            "1. Create a log group (or an S3 bucket) for ECS Exec sessions, with a retention and, if you need it, a KMS key.",
            "2. Set configuration.executeCommandConfiguration on the cluster to {logging: \"OVERRIDE\", logConfiguration: {cloudWatchLogGroupName: <its name>}} (or s3BucketName).",
            "3. Allow the task role logs:CreateLogStream, logs:DescribeLogStreams and logs:PutLogEvents on that log group (or s3:PutObject on the bucket).",
            "4. Or turn enableExecuteCommand off where nobody needs a shell in the tasks.",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html",
        anchors: { checkov: ["CKV_AWS_223"] },
    },
    ({ stack, report }) => {
        for (const kind of EXEC_LAUNCHER_KINDS) {
            for (const launcher of stack.withSettings(kind.type)) {
                checkExecLauncher(stack, launcher, kind, report);
            }
        }
    },
);

/** A reason a launcher's ECS Exec sessions are not logged, or cannot be shown to be. */
interface ExecFinding {
    decided: boolean;
    message: string;
}

const OVERRIDE_FIX =
    'Set the cluster\'s configuration.executeCommandConfiguration to {logging: "OVERRIDE", logConfiguration: ' +
    "{cloudWatchLogGroupName: <a log group>}} (or s3BucketName), or turn enableExecuteCommand off.";

function checkExecLauncher(stack: StackIndex, launcher: Resource, kind: ExecLauncherKind, report: Reporter): void {
    const exec = bool(launcher.props, ...kind.execPath);
    if (exec !== true && exec !== UNKNOWN) {
        return;
    }
    const who = describe(launcher.type, launcher.name);
    const findings = execFindings(stack, launcher, kind, who);
    if (exec === UNKNOWN && findings.length > 0) {
        report.unverified(
            `${who} has ${kind.execPathText} unknown during preview, and the cluster it runs on does not log ` +
                "ECS Exec sessions or cannot be shown to, so whether its sessions are logged cannot be verified. " +
                `Set ${kind.execPathText} to a literal value.`,
            launcher.urn,
        );
        return;
    }
    for (const finding of findings) {
        if (finding.decided) {
            report.violation(finding.message, launcher.urn);
        } else {
            report.unverified(finding.message, launcher.urn);
        }
    }
}

function execFindings(stack: StackIndex, launcher: Resource, kind: ExecLauncherKind, who: string): ExecFinding[] {
    const ref = resolveLauncherRef(stack, launcher, kind.clusterPath, kind.clusterKey, [T.ecsCluster], namesCluster);
    const whether = "so whether it logs ECS Exec sessions cannot be verified";
    const outside =
        "Create the cluster in this stack, or check by hand that its executeCommandConfiguration logs the sessions.";
    if (ref.resources.length === 0) {
        const message = ref.absent
            ? `${who} enables ECS Exec on the account's default cluster (cluster is unset), which is not created in ` +
              `this stack, ${whether}. Set cluster to an aws.ecs.Cluster of this stack.`
            : ref.literal !== undefined
              ? `${who} enables ECS Exec on cluster "${ref.literal}", which is not created in this stack, ` +
                `${whether}. ${outside}`
              : `${who} enables ECS Exec on a cluster whose ARN is unknown during preview and comes from no ` +
                `aws.ecs.Cluster in this stack, ${whether}. Pass the arn of an aws.ecs.Cluster in this stack, or a ` +
                "known ARN.";
        return [{ decided: false, message }];
    }
    return ref.resources.flatMap(cluster => clusterFindings(stack, launcher, kind, cluster, who));
}

function clusterFindings(
    stack: StackIndex,
    launcher: Resource,
    kind: ExecLauncherKind,
    cluster: Resource,
    who: string,
): ExecFinding[] {
    const on = `${who} enables ECS Exec on ${mention(cluster.type, cluster.name)}`;
    const config = get(cluster.props, "configuration", "executeCommandConfiguration");
    const logging = isUnknown(config) ? UNKNOWN : str(config, "logging");
    if (logging === UNKNOWN) {
        return [{
            decided: false,
            message: `${on}, whose configuration.executeCommandConfiguration.logging is unknown during preview, so ` +
                "whether it logs the sessions cannot be verified. Set logging to a literal value.",
        }];
    }
    if (logging === "OVERRIDE") {
        return overrideFindings(stack, cluster, config, on);
    }
    if (logging === undefined || logging === "DEFAULT") {
        return defaultFindings(stack, launcher, kind, logging, on);
    }
    return [{
        decided: true,
        message: `${on}, which sets configuration.executeCommandConfiguration.logging to "${logging}", so the ` +
            `commands people run in the tasks, and their output, are recorded nowhere. ${OVERRIDE_FIX}`,
    }];
}

/** OVERRIDE: the cluster's logConfiguration must name a destination. */
function overrideFindings(stack: StackIndex, cluster: Resource, config: unknown, on: string): ExecFinding[] {
    const destination = get(config, "logConfiguration");
    const read = (key: string): string | typeof UNKNOWN | undefined =>
        isUnknown(destination) ? UNKNOWN : str(destination, key);
    const group = read("cloudWatchLogGroupName");
    const bucket = read("s3BucketName");
    const named = (value: string | typeof UNKNOWN | undefined, types: readonly string[]) =>
        (typeof value === "string" && value !== "") ||
        (value === UNKNOWN && stack.dependenciesOf(cluster, "configuration", types).length > 0);
    if (named(group, [T.logGroup]) || named(bucket, S3_BUCKET_TYPES)) {
        return [];
    }
    if (group === UNKNOWN || bucket === UNKNOWN) {
        return [{
            decided: false,
            message: `${on}, whose executeCommandConfiguration.logConfiguration names a log group or bucket unknown ` +
                "during preview that comes from no log group or S3 bucket in this stack, so whether the sessions " +
                "are logged cannot be verified. Name the log group or bucket with a literal, or pass the name of " +
                "one created in this stack.",
        }];
    }
    return [{
        decided: true,
        message: `${on}, whose executeCommandConfiguration.logging is "OVERRIDE" but whose logConfiguration names ` +
            "no cloudWatchLogGroupName or s3BucketName, so the sessions are logged nowhere. Set " +
            "logConfiguration.cloudWatchLogGroupName to a log group (or s3BucketName to a bucket).",
    }];
}

/** DEFAULT (or unset): sessions are logged only through the awslogs driver of the task's containers. */
function defaultFindings(
    stack: StackIndex,
    launcher: Resource,
    kind: ExecLauncherKind,
    logging: "DEFAULT" | undefined,
    on: string,
): ExecFinding[] {
    const setting = logging === undefined
        ? "leaves configuration.executeCommandConfiguration.logging unset (DEFAULT)"
        : 'sets configuration.executeCommandConfiguration.logging to "DEFAULT"';
    const prefix = `${on}, which ${setting} and so logs the sessions only through the awslogs driver of the ` +
        "task's containers";
    const whether = "so whether every container logs with awslogs cannot be verified";
    const ref: LauncherRef = resolveLauncherRef(
        stack, launcher, kind.taskDefinitionPath, kind.taskDefinitionKey, [T.ecsTaskDefinition], namesTaskFamily,
    );
    if (ref.resources.length === 0) {
        const task = ref.literal !== undefined
            ? `its task definition "${ref.literal}" is not created in this stack`
            : ref.absent
              ? `it sets no ${kind.taskDefinitionPathText}`
              : `its ${kind.taskDefinitionPathText} is unknown during preview and comes from no task definition in ` +
                "this stack";
        return [{ decided: false, message: `${prefix}, and ${task}, ${whether}. ${OVERRIDE_FIX}` }];
    }
    return ref.resources.flatMap((task): ExecFinding[] => {
        const parsed = parseContainers(task.props);
        const taskText = mention(task.type, task.name);
        if ("unreadable" in parsed) {
            return [{
                decided: false,
                message: `${prefix}, and ${taskText} cannot be read because ${parsed.unreadable}, ${whether}. ` +
                    OVERRIDE_FIX,
            }];
        }
        const silent = parsed.containers
            .filter(c => str(c.definition, "logConfiguration", "logDriver") !== "awslogs")
            .map(c => `"${c.name}"`);
        if (silent.length === 0) {
            return [];
        }
        const containers = silent.length === 1
            ? `container ${silent[0]} of ${taskText} does not log with awslogs, so sessions in it are`
            : `containers ${silent.join(", ")} of ${taskText} do not log with awslogs, so sessions in them are`;
        return [{ decided: true, message: `${prefix}, but ${containers} recorded nowhere. ${OVERRIDE_FIX}` }];
    });
}

/** `vpc-interface-endpoint-private-dns`: tasks reach AWS services through the endpoint by their usual names. */
export const vpcInterfaceEndpointPrivateDns = stackPolicy(
    {
        name: "vpc-interface-endpoint-private-dns",
        title: "Interface VPC endpoints with private DNS",
        description:
            "Checks that interface VPC endpoints (vpcEndpointType Interface) enable private DNS (privateDnsEnabled " +
            "true, or left unset with an aws.vpc.EndpointPrivateDns enabling it), so the services' usual names " +
            "resolve to the endpoint; gateway endpoints and endpoint services of other accounts " +
            "(com.amazonaws.vpce.…) are not checked.",
        severity: "low",
        enforcementLevel: "advisory",
        remediationSteps: [
            "1. Set privateDnsEnabled: true on the interface endpoint (or enable it with an aws.vpc.EndpointPrivateDns, leaving privateDnsEnabled unset on the endpoint).",
            "2. Make sure the VPC sets enableDnsSupport and enableDnsHostnames to true, which private DNS requires.",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html",
    },
    ({ stack, report }) => {
        for (const endpoint of stack.withSettings(T.vpcEndpoint)) {
            checkPrivateDns(stack, endpoint, report);
        }
    },
);

function checkPrivateDns(stack: StackIndex, endpoint: Resource, report: Reporter): void {
    // The provider's default type is Gateway; Gateway Load Balancer, resource and service network endpoints have
    // no private DNS of a service to enable.
    const type = str(endpoint.props, "vpcEndpointType");
    const service = str(endpoint.props, "serviceName");
    const endpointService = typeof service === "string" && service.startsWith("com.amazonaws.vpce.");
    if ((type !== "Interface" && type !== UNKNOWN) || endpointService) {
        return; // an endpoint service of another account has a private DNS name only if its provider set one
    }
    const who = describe(endpoint.type, endpoint.name);
    const enabled = bool(endpoint.props, "privateDnsEnabled");
    if (enabled === true) {
        return;
    }
    // An aws.vpc.EndpointPrivateDns manages the setting when the endpoint leaves it unset (set in both, they fight).
    const settings = enabled === undefined ? stack.referrers(endpoint, [T.vpcEndpointPrivateDns], "vpcEndpointId") : [];
    const separate = settings.map(setting => bool(setting.props, "privateDnsEnabled"));
    if (separate.includes(true)) {
        return;
    }
    const forService = typeof service === "string" ? ` for "${service}"` : "";
    if (type === UNKNOWN) {
        report.unverified(
            `${who} has vpcEndpointType unknown during preview and does not enable private DNS, so whether it ` +
                "needs private DNS cannot be verified. Set vpcEndpointType to a literal value.",
            endpoint.urn,
        );
    } else if (enabled === UNKNOWN || separate.includes(UNKNOWN)) {
        report.unverified(
            `${who} is an interface endpoint${forService} whose privateDnsEnabled is unknown during preview, so ` +
                "whether tasks reach the service through it cannot be verified. Set privateDnsEnabled to the " +
                "literal true.",
            endpoint.urn,
        );
    } else {
        const setting = enabled === false
            ? "sets privateDnsEnabled to false"
            : "leaves privateDnsEnabled unset (false)";
        report.violation(
            `${who} is an interface endpoint${forService} that ${setting}, so tasks keep resolving the service's ` +
                "public name and reach it through a NAT gateway, or fail without one. Set privateDnsEnabled to true " +
                "(the VPC needs enableDnsSupport and enableDnsHostnames).",
            endpoint.urn,
        );
    }
}
