/**
 * The provider the component plugin serves (`components/plugin.ts`): `GetSchema` answers with the committed schema,
 * `Construct` builds a component with the inputs another language's program sends.
 *
 * Why not the SDK's `componentProviderHost`, which `run-plugin` uses when the package's main exports components: it
 * infers the schema from the TypeScript sources with the compiler API on every start (about 8 s here, before
 * `GetSchema` answers, on every `pulumi preview` and `pulumi up` of a Python, Go, .NET, Java or YAML program). The
 * schema it would infer is committed as `schema.json`, and `tests/schema/schema.spec.ts` keeps the two equal, so this
 * provider serves that file and constructs as `ComponentProvider.construct` does: `new Component(name, inputs,
 * options)`, returning its URN and the outputs the schema lists.
 */
import * as fs from "fs";
import * as path from "path";
import type { ComponentResourceOptions, Inputs } from "@pulumi/pulumi";
import type { ConstructResult, Provider } from "@pulumi/pulumi/provider";

/** The package directory: this file runs from the sources (`components/`) or compiled (`components/bin/`). */
const PACKAGE_DIR = path.basename(__dirname) === "bin" ? path.dirname(__dirname) : __dirname;

/** The parts of the committed schema this provider reads. */
interface CommittedSchema {
    name: string;
    version: string;
    resources: Record<string, { properties?: Record<string, unknown> }>;
}

/** A component class of this package, as `Construct` calls it. */
type ComponentClass = new (name: string, args: Inputs, opts?: ComponentResourceOptions) => Record<string, unknown> & { urn: unknown };

/** Serves the committed schema and constructs the package's components. */
export class FargateStackProvider implements Provider {
    /** The package version (`GetPluginInfo`), the schema's. */
    readonly version: string;
    private readonly schemaText: string;
    private readonly committed: CommittedSchema;

    constructor(packageDir: string = PACKAGE_DIR) {
        this.schemaText = fs.readFileSync(path.join(packageDir, "schema.json"), "utf8");
        this.committed = JSON.parse(this.schemaText);
        this.version = this.committed.version;
    }

    async getSchema(): Promise<string> {
        return this.schemaText;
    }

    async construct(name: string, type: string, inputs: Inputs, options: ComponentResourceOptions): Promise<ConstructResult> {
        const resource = this.committed.resources[type];
        if (!resource) {
            throw new Error(`The ${this.committed.name} plugin cannot construct "${type}": it provides ` +
                `${Object.keys(this.committed.resources).join(", ")}. Regenerate the SDK your program uses ` +
                "(`pulumi package add`) for this version of the package.");
        }
        // Loaded on the first Construct: GetSchema (what `pulumi package add` asks) needs none of @pulumi/aws.
        const components: Record<string, ComponentClass> = require("./index");
        const component = new components[type.split(":")[2]](name, inputs, options);
        const state: Inputs = {};
        for (const output of Object.keys(resource.properties ?? {})) {
            state[output] = component[output];
        }
        return { urn: component.urn as ConstructResult["urn"], state };
    }
}
