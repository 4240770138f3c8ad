/**
 * Where each kind of ECS task launcher that can enable ECS Exec keeps the switch and the references to the cluster
 * and task definition its tasks run on, for `ecs-exec-sessions-logged`.
 */
import { T } from "./types";

/**
 * Where a kind of ECS task launcher keeps its ECS Exec switch and the references to the cluster and task definition
 * its tasks run on. Services, EventBridge ECS targets and Scheduler ECS targets can each enable ECS Exec; task sets
 * cannot.
 */
export interface ExecLauncherKind {
    type: string;
    /** Path to `enableExecuteCommand`, and the input path as users write it. */
    execPath: string[];
    execPathText: string;
    /** Path to the cluster ARN (or name), and the top-level input whose property dependencies include the cluster. */
    clusterPath: string[];
    clusterKey: string;
    /** Path to the task definition ARN (or family), and the top-level input carrying its property dependencies. */
    taskDefinitionPath: string[];
    taskDefinitionKey: string;
    taskDefinitionPathText: string;
}

/** Every launcher kind that can enable ECS Exec. */
export const EXEC_LAUNCHER_KINDS: readonly ExecLauncherKind[] = [
    {
        type: T.ecsService,
        execPath: ["enableExecuteCommand"],
        execPathText: "enableExecuteCommand",
        clusterPath: ["cluster"],
        clusterKey: "cluster",
        taskDefinitionPath: ["taskDefinition"],
        taskDefinitionKey: "taskDefinition",
        taskDefinitionPathText: "taskDefinition",
    },
    {
        type: T.eventTarget,
        execPath: ["ecsTarget", "enableExecuteCommand"],
        execPathText: "ecsTarget.enableExecuteCommand",
        clusterPath: ["arn"],
        clusterKey: "arn",
        taskDefinitionPath: ["ecsTarget", "taskDefinitionArn"],
        taskDefinitionKey: "ecsTarget",
        taskDefinitionPathText: "ecsTarget.taskDefinitionArn",
    },
    {
        type: T.schedule,
        execPath: ["target", "ecsParameters", "enableExecuteCommand"],
        execPathText: "target.ecsParameters.enableExecuteCommand",
        clusterPath: ["target", "arn"],
        clusterKey: "target",
        taskDefinitionPath: ["target", "ecsParameters", "taskDefinitionArn"],
        taskDefinitionKey: "target",
        taskDefinitionPathText: "target.ecsParameters.taskDefinitionArn",
    },
];

