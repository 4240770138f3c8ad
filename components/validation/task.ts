import * as pulumi from "@pulumi/pulumi";
import { CpuArchitecture, FargateStackArgs, OperatingSystemFamily } from "../fargateStackArgs";
import { ResolvedArgs } from "../defaults";
import {
    CONTAINER_HEALTH_CHECK, LOG_RETENTION_DAYS, PORT_RANGE, STOP_TIMEOUT_SECONDS, WINDOWS_RESERVED_PORT,
    checkTaskSize, isWindowsFamily,
} from "../rules";
import { Problems } from "./problems";

/** The managed policy ECS needs on the execution role; it never belongs on the task role. */
export const ECS_TASK_EXECUTION_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

const SECRET_ARN = /^arn:aws[a-z-]*:(secretsmanager|ssm):[a-z0-9-]+:\d{12}:(secret:|parameter\/)/;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** Validates the image, repository and IAM inputs. */
export function validateImage(args: FargateStackArgs, resolved: ResolvedArgs, problems: Problems): void {
    problems.checkBoolean("createRepository", args.createRepository);
    if (args.image === undefined && !resolved.createRepository) {
        problems.add("image", "is required unless `createRepository` is true", undefined,
            `Set \`image\` to an image reference such as "nginx:1.27", or set \`createRepository\` to true with \`imageTag\`.`);
    } else if (args.image === "") {
        problems.add("image", "must not be empty", "", `Use an image reference such as "nginx:1.27".`);
    }
    if (resolved.createRepository && args.image === undefined && args.imageTag === undefined) {
        problems.add("imageTag", "is required when `createRepository` is true and `image` is not set", undefined,
            "Set it to the tag you push to the repository, such as a version or a commit SHA.");
    }
    if (args.imageTag !== undefined && !(typeof args.imageTag === "string" && IMAGE_TAG.test(args.imageTag))) {
        problems.add("imageTag", "must be a Docker tag: up to 128 letters, digits, `_`, `.` and `-`", args.imageTag,
            `Use a tag such as "v1.4.2".`);
    }
    problems.checkRange("repositoryKeepImageCount", resolved.repositoryKeepImageCount, { min: 1, max: 10000 });
    resolved.taskRolePolicyArns.forEach((arn, i) => {
        if (arn === ECS_TASK_EXECUTION_POLICY_ARN) {
            problems.add(`taskRolePolicyArns[${i}]`, "gives the application the execution role's policy", arn,
                "Remove it: the execution role already has what ECS needs; give the task role only your application's permissions.");
        }
    });
}

/** Validates the log group inputs. */
export function validateLogs(resolved: ResolvedArgs, problems: Problems): void {
    if (!LOG_RETENTION_DAYS.includes(resolved.logRetentionDays)) {
        problems.add("logRetentionDays", "must be a retention period CloudWatch Logs allows", resolved.logRetentionDays,
            `Use one of ${LOG_RETENTION_DAYS.join(", ")}.`);
    }
}

/** Validates the task size, platform and container inputs. */
export function validateTask(args: FargateStackArgs, resolved: ResolvedArgs, problems: Problems): void {
    problems.checkOneOf("cpuArchitecture", resolved.cpuArchitecture, Object.values(CpuArchitecture));
    problems.checkOneOf("operatingSystemFamily", resolved.operatingSystemFamily, Object.values(OperatingSystemFamily));
    const windows = isWindowsFamily(String(resolved.operatingSystemFamily));
    const values: Record<string, unknown> = { cpu: resolved.cpu, memory: resolved.memoryMiB, cpuArchitecture: resolved.cpuArchitecture };
    const argNames: Record<string, string> = { cpu: "cpu", memory: "memoryMiB", cpuArchitecture: "cpuArchitecture" };
    for (const p of checkTaskSize(resolved.cpu, resolved.memoryMiB, resolved.operatingSystemFamily, resolved.cpuArchitecture)) {
        problems.add(argNames[p.field], p.problem, values[p.field], p.fix);
    }
    problems.checkRange("containerPort", resolved.containerPort, PORT_RANGE,
        "Use the port your container listens on, such as 8080.");
    if (windows && resolved.containerPort === WINDOWS_RESERVED_PORT) {
        problems.add("containerPort", "is reserved by Fargate for Windows containers", resolved.containerPort,
            "Use another port, such as 8080.");
    }
    problems.checkRange("stopTimeoutSeconds", resolved.stopTimeoutSeconds, STOP_TIMEOUT_SECONDS);
    problems.checkBoolean("readonlyRootFilesystem", args.readonlyRootFilesystem);
    if (windows && args.readonlyRootFilesystem === true) {
        problems.add("readonlyRootFilesystem", "is not supported for Windows containers", true,
            "Remove it or set it to false for Windows.");
    }
    validateWritablePaths(resolved, problems);
    if (args.user !== undefined && (typeof args.user !== "string" || args.user.trim() === "")) {
        problems.add("user", "must be a user name or UID, optionally with a group", args.user, `Use a value such as "1000:1000".`);
    }
    validateEnvironment(resolved, problems);
    validateContainerHealthCheck(args, problems);
}

function validateWritablePaths(resolved: ResolvedArgs, problems: Problems): void {
    const paths = resolved.writablePaths;
    paths.forEach((path, i) => {
        if (typeof path !== "string" || !path.startsWith("/") || path === "/") {
            problems.add(`writablePaths[${i}]`, "must be an absolute path below /", path, `Use a path such as "/tmp".`);
        } else if (paths.indexOf(path) !== i) {
            problems.add(`writablePaths[${i}]`, "repeats an earlier path", path, "List each path once.");
        }
    });
}

function validateEnvironment(resolved: ResolvedArgs, problems: Problems): void {
    const { environment, secrets } = resolved;
    for (const key of [...Object.keys(environment), ...Object.keys(secrets)]) {
        if (key === "" || key.includes("=")) {
            const where = key in environment ? "environment" : "secrets";
            problems.add(where, "has a variable name that is empty or contains `=`", key,
                "Use a name such as DATABASE_URL.");
        }
    }
    for (const [key, arn] of Object.entries(secrets)) {
        if (key in environment) {
            problems.add(`secrets.${key}`, "is also set in `environment`", key, "Set each variable in one of them only.");
        }
        if (typeof arn === "string" && !SECRET_ARN.test(arn)) {
            problems.add(`secrets.${key}`, "must be the ARN of a Secrets Manager secret or an SSM parameter", arn,
                "Store the value in Secrets Manager or SSM Parameter Store and give its ARN.");
        } else if (!(typeof arn === "string" || pulumi.Output.isInstance(arn) || arn instanceof Promise)) {
            problems.add(`secrets.${key}`, "must be the ARN of a Secrets Manager secret or an SSM parameter", arn,
                "Give the secret's ARN as a string.");
        }
    }
}

function validateContainerHealthCheck(args: FargateStackArgs, problems: Problems): void {
    const check = args.healthCheck;
    if (check === undefined) {
        return;
    }
    const command = check.command;
    if (!Array.isArray(command) || command.length < 2 || !["CMD", "CMD-SHELL"].includes(command[0])) {
        problems.add("healthCheck.command", "must start with \"CMD\" or \"CMD-SHELL\" followed by the command", command,
            `Use a command such as ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"].`);
    }
    for (const field of ["intervalSeconds", "timeoutSeconds", "retries", "startPeriodSeconds"] as const) {
        problems.checkRange(`healthCheck.${field}`, check[field], CONTAINER_HEALTH_CHECK[field]);
    }
}
