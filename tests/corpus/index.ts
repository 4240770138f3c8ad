/**
 * Runs the corpus program named by the config key `fargate-corpus:case` (a module of `programs/`). The module's
 * top-level code is the program, as a user writes it, and its exports are the stack outputs. Exporting a function
 * lets the offline preview run every case in one process: each program module is loaded once, by its own run.
 */
import * as pulumi from "@pulumi/pulumi";

export = async () => {
    const name = new pulumi.Config("fargate-corpus").require("case");
    return { ...require(`./programs/${name}`) };
};
