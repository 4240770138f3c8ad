import * as pulumi from "@pulumi/pulumi";
import { CpuArchitecture, OperatingSystemFamily } from "../args/enums";
import { Inputs } from "../defaults";
import {
    CONTAINER_HEALTH_CHECK, LOG_RETENTION_DAYS, PORT_RANGE, STOP_TIMEOUT_SECONDS, WINDOWS_RESERVED_PORT,
    checkTaskSize, isWindowsFamily,
} from "../rules";
import { Problems, described, isPlainMap } from "./problems";
import { validateEfsVolumes } from "./efs";

/** The managed policy ECS needs on the execution role, in any partition; it never belongs on the task role. */
export const ECS_TASK_EXECUTION_POLICY_ARN = /^arn:aws[a-z-]*:iam::aws:policy\/service-role\/AmazonECSTaskExecutionRolePolicy$/;

const SECRET_ARN = /^arn:aws[a-z-]*:(secretsmanager|ssm):[a-z0-9-]+:\d{12}:(secret:|parameter\/)/;
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const hasOwn = (map: object, key: string) => Object.prototype.hasOwnProperty.call(map, key);

/** Validates the task role's policies: the execution policy must not be among them. */
export function validateIam(resolved: Inputs, problems: Problems): void {
    const arns: unknown = resolved.taskRolePolicyArns;
    if (!Array.isArray(arns)) {
        // One attachment per ARN: the list itself must be known when the program runs (its items may be Outputs).
        problems.add("taskRolePolicyArns", "must be a list of IAM policy ARNs", arns,
            `Use a list such as ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]; its items may be Outputs.`);
        return;
    }
    arns.forEach((arn, i) => {
        if (typeof arn === "string" && ECS_TASK_EXECUTION_POLICY_ARN.test(arn)) {
            problems.add(`taskRolePolicyArns[${i}]`, "gives the application the execution role's policy", arn,
                "Remove it: the execution role already has what ECS needs; give the task role only your application's permissions.");
        }
    });
}

/** Validates the image and repository inputs. */
export function validateImage(given: Inputs, resolved: Inputs, problems: Problems): void {
    if (given.image === undefined && resolved.createRepository !== true) {
        problems.add("image", "is required unless `createRepository` is true", undefined,
            `Set \`image\` to an image reference such as "nginx:1.27", or set \`createRepository\` to true with \`imageTag\`.`);
    } else if (given.image === "") {
        problems.add("image", "must not be empty", "", `Use an image reference such as "nginx:1.27".`);
    }
    problems.checkBoolean("createRepository", given.createRepository);
    if (resolved.createRepository === true && given.image === undefined && given.imageTag === undefined) {
        problems.add("imageTag", "is required when `createRepository` is true and `image` is not set", undefined,
            "Set it to the tag you push to the repository, such as a version or a commit SHA.");
    }
    if (given.imageTag !== undefined && !(typeof given.imageTag === "string" && IMAGE_TAG.test(given.imageTag))) {
        problems.add("imageTag", "must be a Docker tag: up to 128 letters, digits, `_`, `.` and `-`", given.imageTag,
            `Use a tag such as "v1.4.2".`);
    }
    validateImageBuild(given, problems);
    problems.checkRange("repositoryKeepImageCount", resolved.repositoryKeepImageCount, { min: 1, max: 10000 });
    validateRegistryCredentials(given, problems);
}

const SECRETS_MANAGER_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+$/;
const ECR_HOST = /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com/;

/** Registry credentials are a Secrets Manager secret, for a registry other than ECR (ECR pulls use the role). */
function validateRegistryCredentials(given: Inputs, problems: Problems): void {
    const arn: unknown = given.repositoryCredentialsSecretArn;
    if (arn === undefined || pulumi.Output.isInstance(arn)) {
        return;
    }
    if (!(typeof arn === "string" && SECRETS_MANAGER_ARN.test(arn))) {
        problems.add("repositoryCredentialsSecretArn", "must be the ARN of a Secrets Manager secret", arn,
            "Store the registry's username and password in Secrets Manager and give the secret's ARN.");
    } else if (given.createRepository === true || (typeof given.image === "string" && ECR_HOST.test(given.image))) {
        problems.add("repositoryCredentialsSecretArn", "is for a private registry other than ECR, and the image is in ECR", arn,
            "Remove it: the execution role pulls from ECR with its own permissions.");
    }
}

function validateImageBuild(given: Inputs, problems: Problems): void {
    const context = given.imageBuildContextPath;
    if (context === undefined) {
        return;
    }
    if (typeof context !== "string" || context.trim() === "") {
        problems.add("imageBuildContextPath", "must be the path of a directory with a Dockerfile", context,
            `Use a path such as "./app".`);
    } else if (given.createRepository !== true) {
        problems.add("imageBuildContextPath", "needs `createRepository` to be true: the image is pushed there", context,
            "Set `createRepository` to true, or remove `imageBuildContextPath` and give `image`.");
    } else if (given.image !== undefined) {
        problems.add("imageBuildContextPath", "cannot be combined with `image`", context,
            "Remove `image`: the built image is the one the service runs.");
    }
}

/** Validates the log group inputs. */
export function validateLogs(resolved: Inputs, problems: Problems): void {
    if (!LOG_RETENTION_DAYS.includes(resolved.logRetentionDays as number)) {
        problems.add("logRetentionDays", "must be a retention period CloudWatch Logs allows", resolved.logRetentionDays,
            `Use one of ${LOG_RETENTION_DAYS.join(", ")}.`);
    }
}

/** Validates the task size and platform, then the container inputs, in the order of the inputs. */
export function validateTask(given: Inputs, resolved: Inputs, problems: Problems): void {
    validateTaskSize(given, resolved, problems);
    const windows = isWindowsFamily(String(resolved.operatingSystemFamily));
    if (problems.checkRange("containerPort", resolved.containerPort, PORT_RANGE, "Use the port your container listens on, such as 8080.")
        && windows && resolved.containerPort === WINDOWS_RESERVED_PORT) {
        problems.add("containerPort", "is reserved by Fargate for Windows containers", resolved.containerPort,
            "Use another port, such as 8080.");
    }
    validateEnvironment(resolved, problems);
    validateSecretsKmsKeyArns(resolved, problems);
    validateContainerHealthCheck(given, problems);
    problems.checkRange("stopTimeoutSeconds", resolved.stopTimeoutSeconds, STOP_TIMEOUT_SECONDS);
    problems.checkBoolean("readonlyRootFilesystem", given.readonlyRootFilesystem);
    if (windows && given.readonlyRootFilesystem === true) {
        problems.add("readonlyRootFilesystem", "is not supported for Windows containers", true,
            "Remove it or set it to false for Windows.");
    }
    validateWritablePaths(resolved, problems);
    validateEfsVolumes(resolved, windows, problems);
    if (given.user !== undefined && (typeof given.user !== "string" || given.user.trim() === "")) {
        problems.add("user", "must be a user name or UID, optionally with a group", given.user, `Use a value such as "1000:1000".`);
    }
}

function validateTaskSize(given: Inputs, resolved: Inputs, problems: Problems): void {
    const { cpu, memoryMib, cpuArchitecture, operatingSystemFamily } = resolved;
    // A value the user did not set is the default: say so, or "got 256" reads like a typo of theirs.
    const shown = (value: unknown, key: keyof Inputs) => given[key] === undefined ? described(`${value} (the default)`) : value;
    const numbers = typeof cpu === "number" && typeof memoryMib === "number";
    for (const [key, value] of [["cpu", cpu], ["memoryMib", memoryMib]] as const) {
        if (typeof value !== "number") {
            problems.add(key, "must be a number", value, key === "cpu"
                ? `Use one of 256, 512, 1024, 2048, 4096, 8192, 16384.` : "Use a memory size in MiB, such as 512.");
        }
    }
    const platformValid = Object.values<string>(CpuArchitecture).includes(String(cpuArchitecture))
        && Object.values<string>(OperatingSystemFamily).includes(String(operatingSystemFamily));
    if (numbers && platformValid) {
        const order = ["cpu", "memory", "cpuArchitecture"];
        const sizeProblems = checkTaskSize(cpu, memoryMib, operatingSystemFamily, cpuArchitecture)
            .sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
        for (const p of sizeProblems) {
            const key = p.field === "memory" ? "memoryMib" : p.field;
            problems.add(key, p.problem, shown(resolved[key], key), p.fix);
        }
    }
    problems.checkOneOf("cpuArchitecture", cpuArchitecture, Object.values(CpuArchitecture));
    problems.checkOneOf("operatingSystemFamily", operatingSystemFamily, Object.values(OperatingSystemFamily));
}

/** Environment and secret maps that arrived as one Output (possible from other languages) are not inspected. */
function validateEnvironment(resolved: Inputs, problems: Problems): void {
    const { environment, secrets } = resolved;
    for (const [key, map] of [["environment", environment], ["secrets", secrets]] as const) {
        if (!pulumi.Output.isInstance(map) && !isPlainMap(map)) {
            problems.add(key, "must be a map of variable names to values", map, `Use a map such as {"LOG_LEVEL": "info"}.`);
        }
    }
    if (!isPlainMap(environment) || !isPlainMap(secrets)) {
        return;
    }
    for (const [where, map] of [["environment", environment], ["secrets", secrets]] as const) {
        for (const key of Object.keys(map).filter(k => k === "" || k.includes("="))) {
            problems.add(where, "has a variable name that is empty or contains `=`", key, "Use a name such as DATABASE_URL.");
        }
    }
    for (const [key, arn] of Object.entries(secrets)) {
        if (hasOwn(environment, key)) {
            problems.add(`secrets.${key}`, "is also set in `environment`", described(`\`environment.${key}\` as well`),
                "Set each variable in one of them only.");
        }
        if (!(pulumi.Output.isInstance(arn) || arn instanceof Promise)) {
            checkSecretArn(key, arn, problems);
        }
    }
}

/** IAM grants `kms:Decrypt` on key ARNs only: an alias or a key ID would silently grant nothing. */
function validateSecretsKmsKeyArns(resolved: Inputs, problems: Problems): void {
    const arns: unknown = resolved.secretsKmsKeyArns;
    if (pulumi.Output.isInstance(arns)) {
        return; // a whole list from another language's program: used as it resolves
    }
    if (!Array.isArray(arns)) {
        problems.add("secretsKmsKeyArns", "must be a list of KMS key ARNs", arns,
            `Use a list such as ["arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"].`);
        return;
    }
    arns.forEach((arn, i) => {
        if (!pulumi.Output.isInstance(arn) && !(typeof arn === "string" && KMS_KEY_ARN.test(arn))) {
            problems.add(`secretsKmsKeyArns[${i}]`, "must be the ARN of a KMS key (not an alias or a key ID)", arn,
                "Use the key's ARN, arn:aws:kms:<region>:<account>:key/<key id>.");
        }
    });
}

/**
 * Checks that a secret's value is the ARN of a Secrets Manager secret or an SSM parameter. Also run when a value
 * that arrived as an Output resolves.
 */
export function checkSecretArn(key: string, arn: unknown, problems: Problems): void {
    if (typeof arn !== "string" || !SECRET_ARN.test(arn)) {
        // Never echo the value: a mistaken secret must not end up in CLI and CI logs.
        problems.add(`secrets.${key}`, "must be the ARN of a Secrets Manager secret or an SSM parameter",
            described(typeof arn === "string" ? "a string that is not an ARN (value hidden)" : `a ${typeof arn}`),
            "Store the value in Secrets Manager or SSM Parameter Store and give its ARN.");
    }
}

function validateContainerHealthCheck(given: Inputs, problems: Problems): void {
    const check: unknown = given.containerHealthCheck;
    if (check === undefined) {
        return;
    }
    if (!isPlainMap(check)) {
        problems.add("containerHealthCheck", "must be an object with a `command`", check,
            `Use {"command": ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"]}.`);
        return;
    }
    const command = check.command;
    if (!Array.isArray(command) || command.length < 2 || !["CMD", "CMD-SHELL"].includes(command[0])) {
        problems.add("containerHealthCheck.command", "must start with \"CMD\" or \"CMD-SHELL\" followed by the command", command,
            `Use a command such as ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"].`);
    }
    for (const field of ["intervalSeconds", "timeoutSeconds", "retries", "startPeriodSeconds"] as const) {
        problems.checkRange(`containerHealthCheck.${field}`, check[field], CONTAINER_HEALTH_CHECK[field]);
    }
}

function validateWritablePaths(resolved: Inputs, problems: Problems): void {
    const paths: unknown = resolved.writablePaths;
    if (!Array.isArray(paths)) {
        problems.add("writablePaths", "must be a list of absolute paths", paths, `Use a list such as ["/tmp"].`);
        return;
    }
    paths.forEach((path, i) => {
        if (typeof path !== "string" || !path.startsWith("/") || path === "/") {
            problems.add(`writablePaths[${i}]`, "must be an absolute path below /", path, `Use a path such as "/tmp".`);
        } else if (paths.indexOf(path) !== i) {
            problems.add(`writablePaths[${i}]`, "repeats an earlier path", path, "List each path once.");
        }
    });
}
