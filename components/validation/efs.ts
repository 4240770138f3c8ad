/** Validation of a task's EFS volumes. */
import * as pulumi from "@pulumi/pulumi";
import { Inputs } from "../defaults";
import { Problems, described, isPlainMap } from "./problems";

const FILE_SYSTEM_ID = /^fs-[0-9a-f]{8,40}$/;
const POSIX_ID = { min: 0, max: 4294967295 };

/** EFS volumes: Linux only, absolute unique paths (not also a writable path), valid POSIX IDs and file system IDs. */
export function validateEfsVolumes(resolved: Inputs, windows: boolean, problems: Problems): void {
    const volumes: unknown = resolved.efsVolumes;
    if (volumes === undefined) {
        return;
    }
    if (!Array.isArray(volumes)) {
        problems.add("efsVolumes", "must be a list of volumes", volumes, `Use a list such as [{"containerPath": "/data"}].`);
        return;
    }
    if (windows && volumes.length > 0) {
        problems.add("efsVolumes", "are not supported for Windows containers on Fargate", described(`${volumes.length} volumes`),
            "Remove them, or run the task on Linux.");
    }
    const writable = Array.isArray(resolved.writablePaths) ? resolved.writablePaths : [];
    const seen: string[] = [];
    volumes.forEach((volume: unknown, i: number) => {
        const path = `efsVolumes[${i}]`;
        if (!isPlainMap(volume)) {
            problems.add(path, "must be an object with a `containerPath`", volume, `Use {"containerPath": "/data"}.`);
            return;
        }
        const where = volume.containerPath;
        if (typeof where !== "string" || !where.startsWith("/") || where === "/") {
            problems.add(`${path}.containerPath`, "must be an absolute path below /", where, `Use a path such as "/data".`);
        } else if (seen.includes(where) || writable.includes(where)) {
            problems.add(`${path}.containerPath`, `is already mounted (${seen.includes(where) ? "by an earlier volume" : "as a writable path"})`,
                where, "Mount each path once.");
        } else {
            seen.push(where);
        }
        const root = volume.rootDirectory;
        if (root !== undefined && !(typeof root === "string" && root.startsWith("/") && root.length <= 100)) {
            problems.add(`${path}.rootDirectory`, "must be an absolute path of at most 100 characters", root, `Use a path such as "/data".`);
        }
        problems.checkBoolean(`${path}.readOnly`, volume.readOnly);
        problems.checkRange(`${path}.posixUid`, volume.posixUid, POSIX_ID);
        problems.checkRange(`${path}.posixGid`, volume.posixGid, POSIX_ID);
        const id = volume.fileSystemId;
        if (id !== undefined && !pulumi.Output.isInstance(id) && !(typeof id === "string" && FILE_SYSTEM_ID.test(id))) {
            problems.add(`${path}.fileSystemId`, "must be an EFS file system ID", id, `Use an ID such as "fs-0123456789abcdef0", or leave it out.`);
        }
    });
}
