/**
 * The package's `main`, which only a directory `require` reaches (importing "fargate-stack" goes through `exports`).
 *
 * The Pulumi CLI starts the component plugin for programs in other languages as
 * `node <@pulumi/pulumi>/cmd/run-plugin <this package> <engine>`, and that runner requires the package's main: started
 * that way, this module serves {@link FargateStackProvider} with the SDK's provider server (which prints the port the
 * CLI reads) and exports nothing, so the runner leaves serving to it rather than inferring the schema again. Required
 * any other way it is the package itself, so a tool that still resolves `main` gets the components and no server.
 */
import * as path from "path";

/** `run-plugin` keeps its own script as `process.argv[1]` when it hands the rest of the arguments to the plugin. */
function startedByPluginRunner(): boolean {
    return path.basename(process.argv[1] ?? "").replace(/\.js$/, "") === "run-plugin"
        || path.basename(path.dirname(process.argv[1] ?? "")) === "run-plugin";
}

if (startedByPluginRunner()) {
    const { main } = require("@pulumi/pulumi/provider") as typeof import("@pulumi/pulumi/provider");
    const { FargateStackProvider } = require("./componentProvider") as typeof import("./componentProvider");
    main(new FargateStackProvider(), process.argv.slice(2)).catch((error: unknown) => {
        console.error(`The fargate-stack component plugin stopped: ${error instanceof Error ? error.stack : String(error)}`);
        process.exit(1);
    });
} else {
    module.exports = require("./index");
}
