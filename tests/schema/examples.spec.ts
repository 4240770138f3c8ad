/**
 * The example programs use only what the schema defines, in each language's spelling of it, and are the same
 * program: an HTTPS service with autoscaling and one secret. No SDK is generated (that needs the Pulumi CLI): the
 * YAML program is checked against the committed schema (which schema.spec.ts proves equal to the inferred one),
 * Python, Go and C# argument names against the names Pulumi's SDK generators derive from it (languageNames.ts), and
 * the TypeScript program is type-checked against the component's sources.
 */
import * as assert from "assert";
import * as path from "path";
import * as ts from "typescript";
import {
    blankStringsAndComments,
    bracketedAfter,
    classifyYamlValue,
    ConfigDeclaration,
    EXAMPLE_PROGRAMS,
    namesSetIn,
    readExampleFile,
    readProjectFile,
    runtimeName,
    SourceLanguage,
} from "./exampleSupport";
import {
    csharpEnumMember,
    csharpName,
    goEnumConstant,
    goName,
    pythonEnumMember,
    pythonName,
    typeName,
} from "./languageNames";
import {
    COMPONENTS_DIR,
    EXAMPLES_DIR,
    fargateStackOf,
    PackageSchema,
    PropertySchema,
    PROVIDER_NAME,
    readSnapshot,
    REPO_ROOT,
    ResourceSchema,
    TypeSchema,
    typeOf,
} from "./schemaSupport";

const HEALTH_CHECK_TOKEN = "fargate-stack:index:ContainerHealthCheck";
const YAML_TYPE_TOKENS = ["fargate-stack:FargateStack", "fargate-stack:index:FargateStack"];

/** Problems of one YAML value against the schema property it sets; empty when it fits. */
function yamlValueProblems(
    at: string,
    value: unknown,
    property: PropertySchema,
    schema: PackageSchema,
    config: Record<string, ConfigDeclaration>,
): string[] {
    const kind = classifyYamlValue(value, config);
    if (kind.kind === "output") {
        return property.plain ? [`${at}: a plain input needs a value known before deployment, not ${kind.expression}`] : [];
    }
    const enumType = property.$ref ? typeOf(schema, property.$ref).type : undefined;
    const expected = enumType?.enum ? "string" : property.type ?? "object";
    if (kind.kind === "config") {
        const configType = kind.declaration.type ?? "string";
        const fits = configType === expected || (configType === "integer" && expected === "number");
        const problems = fits ? [] : [`${at}: config ${kind.key} is ${configType}, the input is ${expected}`];
        if (enumType?.enum && kind.declaration.default !== undefined) {
            problems.push(...enumProblems(at, kind.declaration.default, enumType));
        }
        return problems;
    }
    if (kind.kind === "knownString") {
        return expected === "string" && !enumType ? [] : [`${at}: an interpolated string cannot be ${expected}`];
    }
    if (enumType?.enum) {
        return enumProblems(at, value, enumType);
    }
    if (property.$ref) {
        return objectProblems(at, value, typeOf(schema, property.$ref).type, schema, config);
    }
    switch (property.type) {
        case "string":
        case "boolean":
            return typeof value === property.type ? [] : [`${at}: expected a ${property.type}, got ${JSON.stringify(value)}`];
        case "number":
        case "integer":
            return typeof value === "number" ? [] : [`${at}: expected a number, got ${JSON.stringify(value)}`];
        case "array":
            return Array.isArray(value)
                ? value.flatMap((item, i) => yamlValueProblems(`${at}[${i}]`, item, property.items!, schema, config))
                : [`${at}: expected a list, got ${JSON.stringify(value)}`];
        case "object":
            return value !== null && typeof value === "object" && !Array.isArray(value)
                ? Object.entries(value).flatMap(([k, v]) =>
                    yamlValueProblems(`${at}.${k}`, v, property.additionalProperties!, schema, config))
                : [`${at}: expected a map, got ${JSON.stringify(value)}`];
        default:
            return [`${at}: the schema property has no type: ${JSON.stringify(property)}`];
    }
}

function enumProblems(at: string, value: unknown, type: TypeSchema): string[] {
    const allowed = type.enum!.map(e => e.value);
    return allowed.includes(value as string) ? [] : [`${at}: ${JSON.stringify(value)} is not one of ${allowed.join(", ")}`];
}

/** Problems of a YAML map against an object type or a resource's inputs: unknown keys, missing required ones, values. */
function objectProblems(
    at: string,
    value: unknown,
    type: { properties?: Record<string, PropertySchema>; required?: string[] },
    schema: PackageSchema,
    config: Record<string, ConfigDeclaration>,
): string[] {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return [`${at}: expected an object, got ${JSON.stringify(value)}`];
    }
    const properties = type.properties ?? {};
    const problems = (type.required ?? []).filter(k => !(k in value)).map(k => `${at}: required ${k} is missing`);
    for (const [key, v] of Object.entries(value)) {
        problems.push(...(properties[key]
            ? yamlValueProblems(`${at}.${key}`, v, properties[key], schema, config)
            : [`${at}: ${key} is not defined by the schema`]));
    }
    return problems;
}

/** The FargateStack resources of the YAML example. */
function yamlFargateStacks() {
    const project = readProjectFile("yaml");
    return Object.entries(project.resources ?? {})
        .filter(([, r]) => YAML_TYPE_TOKENS.includes(r.type))
        .map(([name, r]) => ({ name, properties: r.properties ?? {}, config: project.config ?? {} }));
}

/** A lookup from a language's spelling of each property to the schema name; fails on names that spell nothing. */
function reverseNames(names: string[], spell: (name: string) => string): Map<string, string> {
    const map = new Map(names.map(n => [spell(n), n]));
    assert.strictEqual(map.size, names.length, "two schema names spell the same in this language");
    return map;
}

function schemaNamesOf(used: string[], spelled: Map<string, string>, where: string): string[] {
    const unknown = used.filter(n => !spelled.has(n));
    assert.deepStrictEqual(unknown, [], `${where} uses names the schema does not define`);
    return used.map(n => spelled.get(n)!);
}

/** The enum types of the schema by their class name in every language. */
function enumTypes(schema: PackageSchema): Map<string, TypeSchema> {
    return new Map(Object.entries(schema.types).filter(([, t]) => t.enum).map(([token, t]) => [typeName(token), t]));
}

/** What one Python, Go or C# example sets: FargateStack inputs, health check fields, and the outputs it reads. */
interface SourceUse {
    inputs: string[];
    healthCheck: string[];
    outputs: string[];
}

/** The language-specific shapes of the component's API in generated SDKs. */
const SOURCE_SHAPES: Record<SourceLanguage, {
    dir: string;
    file: string;
    spell: (name: string) => string;
    construct: RegExp;
    healthCheck: RegExp;
    instance: RegExp;
    /** Members every resource has besides the schema outputs. */
    resourceMembers: string[];
}> = {
    python: {
        dir: "python", file: "__main__.py", spell: pythonName,
        construct: /\bfargate_stack\.FargateStack\(/,
        healthCheck: /\bfargate_stack\.ContainerHealthCheckArgs\(/,
        instance: /(\w+)\s*=\s*fargate_stack\.FargateStack\(/,
        resourceMembers: ["urn"],
    },
    go: {
        dir: "go", file: "main.go", spell: goName,
        construct: /&fargatestack\.FargateStackArgs\{/,
        healthCheck: /&fargatestack\.ContainerHealthCheckArgs\{/,
        instance: /(\w+),\s*\w+\s*:?=\s*fargatestack\.NewFargateStack\(/,
        resourceMembers: ["URN"],
    },
    csharp: {
        dir: "csharp", file: "Program.cs", spell: csharpName,
        construct: /\bnew\s+FargateStackArgs\s*\{/,
        healthCheck: /\bnew\s+ContainerHealthCheckArgs\s*\{/,
        instance: /var\s+(\w+)\s*=\s*new\s+FargateStack\(/,
        resourceMembers: ["Urn"],
    },
};

function sourceUse(language: SourceLanguage, schema: PackageSchema): SourceUse {
    const shape = SOURCE_SHAPES[language];
    const fargateStack = fargateStackOf(schema);
    const blanked = blankStringsAndComments(readExampleFile(shape.dir, shape.file), language);
    const where = `examples/${shape.dir}/${shape.file}`;

    const args = bracketedAfter(blanked, shape.construct);
    assert.ok(args !== undefined, `${where} does not construct FargateStack (${shape.construct})`);
    const inputs = schemaNamesOf(namesSetIn(args, language),
        reverseNames(Object.keys(fargateStack.inputProperties), shape.spell), `${where} FargateStack arguments`);

    const healthArgs = bracketedAfter(blanked, shape.healthCheck);
    const healthCheck = healthArgs === undefined ? [] : schemaNamesOf(namesSetIn(healthArgs, language),
        reverseNames(Object.keys(schema.types[HEALTH_CHECK_TOKEN].properties!), shape.spell),
        `${where} ContainerHealthCheck arguments`);

    const instance = shape.instance.exec(blanked)?.[1];
    assert.ok(instance, `${where}: no variable holds the FargateStack`);
    const members = [...blanked.matchAll(new RegExp(`\\b${instance}\\.(\\w+)`, "g"))].map(m => m[1]);
    const outputNames = reverseNames(Object.keys(fargateStack.properties), shape.spell);
    const outputs = schemaNamesOf(members.filter(m => !shape.resourceMembers.includes(m)), outputNames,
        `${where} FargateStack outputs`);
    return { inputs, healthCheck, outputs };
}

/** The inputs the YAML example sets: the reference set every other example must match. */
function yamlInputs(): string[] {
    const [stack] = yamlFargateStacks();
    return Object.keys(stack.properties).sort();
}

function yamlHealthCheck(): string[] {
    const [stack] = yamlFargateStacks();
    return Object.keys(stack.properties.containerHealthCheck as object).sort();
}

describe("example programs", () => {
    let schema: PackageSchema;
    let fargateStack: ResourceSchema;

    before(() => {
        schema = readSnapshot();
        fargateStack = fargateStackOf(schema);
    });

    describe("layout", () => {
        it("gives every example a Pulumi.yaml with its runtime, the package (except TypeScript) and the same config", () => {
            const reference = readProjectFile("yaml").config;
            for (const example of EXAMPLE_PROGRAMS) {
                const project = readProjectFile(example.dir);
                assert.strictEqual(runtimeName(project), example.runtime, example.dir);
                assert.deepStrictEqual(project.packages,
                    example.viaPulumiPackage ? { [PROVIDER_NAME]: "../../components" } : undefined, example.dir);
                assert.deepStrictEqual(project.config, reference, `${example.dir} declares the YAML example's config`);
                readExampleFile(example.dir, example.main);
            }
        });

        it("opens every README with \"This example creates:\", lists the commands and ends with the cost", () => {
            for (const example of EXAMPLE_PROGRAMS) {
                const readme = readExampleFile(example.dir, "README.md");
                const lines = readme.split("\n").map(l => l.trim()).filter(l => l !== "");
                const firstText = lines.find(l => !l.startsWith("#"));
                assert.strictEqual(firstText, "This example creates:", `examples/${example.dir}/README.md`);
                for (const command of [
                    "pulumi package add ../../components",
                    "pulumi up",
                    "pulumi preview --policy-pack ../../policy-pack",
                ]) {
                    assert.ok(readme.includes(command), `examples/${example.dir}/README.md lacks ${command}`);
                }
                const headings = lines.filter(l => l.startsWith("## "));
                assert.strictEqual(headings[headings.length - 1], "## Cost", `examples/${example.dir}/README.md`);
                assert.match(readme.slice(readme.lastIndexOf("## Cost")), /\$\d/, `examples/${example.dir} cost note`);
            }
        });
    });

    describe("YAML", () => {
        it("creates one FargateStack with the package's type token", () => {
            assert.strictEqual(yamlFargateStacks().length, 1);
        });

        it("sets only inputs the schema defines, every required one, with values of the schema's types", () => {
            for (const stack of yamlFargateStacks()) {
                assert.deepStrictEqual(
                    objectProblems(stack.name, stack.properties,
                        { properties: fargateStack.inputProperties, required: fargateStack.requiredInputs },
                        schema, stack.config),
                    [],
                );
            }
        });

        it("reads only outputs the schema defines", () => {
            const project = readProjectFile("yaml");
            const [stack] = yamlFargateStacks();
            const read = [...JSON.stringify(project.outputs).matchAll(new RegExp(`\\$\\{${stack.name}\\.(\\w+)`, "g"))]
                .map(m => m[1]);
            assert.ok(read.length > 0);
            assert.deepStrictEqual(read.filter(name => !(name in fargateStack.properties)), []);
        });

        it("builds an HTTPS service with autoscaling and exactly one secret", () => {
            const [{ properties }] = yamlFargateStacks();
            assert.ok(properties.domainName && properties.hostedZoneId, "HTTPS needs domainName and hostedZoneId");
            assert.strictEqual(properties.enableAutoscaling, true);
            assert.ok((properties.minTaskCount as number) < (properties.maxTaskCount as number));
            assert.strictEqual(Object.keys(properties.secrets as object).length, 1);
        });
    });

    for (const language of ["python", "go", "csharp"] as SourceLanguage[]) {
        describe(language, () => {
            it(`uses only names the schema defines, spelled as the ${language} SDK spells them`, () => {
                const use = sourceUse(language, schema);
                assert.ok(use.outputs.length > 0, "reads at least one output");
            });

            it("sets the same inputs and health check fields as the YAML example", () => {
                const use = sourceUse(language, schema);
                assert.deepStrictEqual([...use.inputs].sort(), yamlInputs());
                assert.deepStrictEqual([...use.healthCheck].sort(), yamlHealthCheck());
            });
        });
    }

    describe("enum members", () => {
        it("Python uses ClassName.MEMBER names the SDK defines", () => {
            const blanked = blankStringsAndComments(readExampleFile("python", "__main__.py"), "python");
            const enums = enumTypes(schema);
            const used = [...blanked.matchAll(/\bfargate_stack\.(\w+)\.(\w+)/g)];
            assert.ok(used.length > 0);
            for (const [, cls, member] of used) {
                const type = enums.get(cls);
                assert.ok(type, `fargate_stack.${cls} is not an enum of the schema`);
                assert.ok(type.enum!.some(v => pythonEnumMember(v.name) === member), `fargate_stack.${cls}.${member}`);
            }
        });

        it("Go uses only identifiers of the fargatestack package the SDK defines", () => {
            const blanked = blankStringsAndComments(readExampleFile("go", "main.go"), "go");
            const defined = new Set(["NewFargateStack", "FargateStack", "FargateStackArgs", "ContainerHealthCheckArgs"]);
            for (const [name, type] of enumTypes(schema)) {
                defined.add(name);
                type.enum!.forEach(v => defined.add(goEnumConstant(name, v.name)));
            }
            const used = [...blanked.matchAll(/\bfargatestack\.(\w+)/g)].map(m => m[1]);
            assert.deepStrictEqual(used.filter(n => !defined.has(n)), []);
            assert.ok(used.some(n => n.startsWith("CpuArchitecture")), "the example uses an enum constant");
        });

        it("C# uses EnumType.Member names the SDK defines", () => {
            const blanked = blankStringsAndComments(readExampleFile("csharp", "Program.cs"), "csharp");
            const enums = enumTypes(schema);
            const used = [...blanked.matchAll(new RegExp(`\\b(${[...enums.keys()].join("|")})\\.(\\w+)`, "g"))];
            assert.ok(used.length > 0);
            for (const [, cls, member] of used) {
                assert.ok(enums.get(cls)!.enum!.some(v => csharpEnumMember(v.name) === member), `${cls}.${member}`);
            }
        });
    });

    describe("imports", () => {
        it("each language imports the SDK pulumi package add generates", () => {
            assert.match(readExampleFile("python", "__main__.py"), /^import pulumi_fargate_stack as fargate_stack$/m);
            assert.match(readExampleFile("go", "main.go"), /"example\.com\/pulumi-fargate-stack\/sdk\/go\/fargatestack"/);
            assert.match(readExampleFile("go", "go.mod"), /^replace example\.com\/pulumi-fargate-stack\/sdk\/go => /m);
            assert.match(readExampleFile("csharp", "Program.cs"), /^using Pulumi\.FargateStack;$/m);
            assert.match(readExampleFile("typescript", "index.ts"), /from "fargate-stack";$/m);
            assert.match(readExampleFile("typescript", "package.json"), /"fargate-stack": "file:\.\.\/\.\.\/components"/);
        });
    });

    describe("TypeScript", function () {
        // Type-checking loads the @pulumi/aws typings.
        this.timeout(120000);

        it("type-checks against the component's sources and sets the same inputs as the YAML example", () => {
            const file = path.join(EXAMPLES_DIR, "typescript", "index.ts");
            const program = ts.createProgram([file], {
                strict: true, noEmit: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS,
                moduleResolution: ts.ModuleResolutionKind.Node10, types: ["node"], skipLibCheck: true,
                baseUrl: REPO_ROOT, paths: { "fargate-stack": [path.join(COMPONENTS_DIR, "index.ts")] },
            });
            const diagnostics = ts.getPreEmitDiagnostics(program)
                .map(d => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
            assert.deepStrictEqual(diagnostics, []);

            let inputs: string[] = [];
            const visit = (node: ts.Node) => {
                if (ts.isNewExpression(node) && node.expression.getText() === "FargateStack") {
                    const args = node.arguments?.[1];
                    assert.ok(args && ts.isObjectLiteralExpression(args));
                    inputs = args.properties.map(p => p.name!.getText());
                }
                ts.forEachChild(node, visit);
            };
            visit(program.getSourceFile(file)!);
            assert.deepStrictEqual(inputs.sort(), yamlInputs());
        });
    });
});
