/**
 * The example programs use only what the schema defines, in each language's spelling of it, and each family of
 * examples is one program in several languages: an HTTPS service with autoscaling and one secret (FargateStack), and
 * a shop on one platform (Platform and its workloads). No SDK is generated (that needs the Pulumi CLI): YAML programs
 * are checked against the committed schema (which schema.spec.ts proves equal to the inferred one), Python, Go and C#
 * names against the names Pulumi's SDK generators derive from it (languageNames.ts), and the TypeScript programs are
 * type-checked against the components' sources. What each program creates is read by exampleComponents.ts.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { ComponentUse, programUse, ProgramUse, typeScriptProgram, yamlTypeToken } from "./exampleComponents";
import {
    blankStringsAndComments,
    classifyYamlValue,
    ConfigDeclaration,
    EXAMPLE_FAMILIES,
    EXAMPLE_PROGRAMS,
    ExampleProgram,
    readExampleFile,
    readProjectFile,
    runtimeName,
} from "./exampleSupport";
import { csharpEnumMember, goEnumConstant, pythonEnumMember, typeName } from "./languageNames";
import {
    EXAMPLES_DIR,
    FARGATE_STACK_TOKEN,
    PackageSchema,
    PropertySchema,
    PROVIDER_NAME,
    readSnapshot,
    TypeSchema,
    typeOf,
} from "./schemaSupport";

const PLATFORM_TOKEN = "fargate-stack:index:Platform";

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

/** The package's resources of a YAML example, as written. */
function yamlResources(dir: string) {
    const project = readProjectFile(dir);
    return Object.entries(project.resources ?? {})
        .filter(([, r]) => r.type.startsWith(`${PROVIDER_NAME}:`))
        .map(([name, r]) => ({ name, type: r.type, properties: r.properties ?? {}, config: project.config ?? {} }));
}

const programUses = new Map<string, ProgramUse>();

/** What an example creates (read once per example). */
function useOf(example: ExampleProgram, schema: PackageSchema): ProgramUse {
    if (!programUses.has(example.dir)) {
        programUses.set(example.dir, programUse(example, schema));
    }
    return programUses.get(example.dir)!;
}

function exampleAt(dir: string): ExampleProgram {
    return EXAMPLE_PROGRAMS.find(e => e.dir === dir)!;
}

/** Required inputs, and required fields of object literals, that the components leave out. */
function missingRequired(components: ComponentUse[], schema: PackageSchema): string[] {
    return components.flatMap(c => [
        ...schema.resources[c.token].requiredInputs.filter(i => !c.inputs.includes(i))
            .map(i => `${c.name}: required input ${i} is missing`),
        ...Object.entries(c.objectFields).flatMap(([token, fields]) => (schema.types[token].required ?? [])
            .filter(f => !fields.includes(f)).map(f => `${c.name}: required ${typeName(token)}.${f} is missing`)),
    ]);
}

/** What every language's version of a program must have in common, per component by its resource name. */
function sameProgramView(use: ProgramUse) {
    return Object.fromEntries(use.components.map(c => [c.name, {
        type: typeName(c.token),
        inputs: [...c.inputs].sort(),
        objectFields: Object.fromEntries(Object.entries(c.objectFields).map(([t, f]) => [typeName(t), [...f].sort()])),
        outputs: [...c.outputs].sort(),
        platformOf: c.platformOf,
    }]));
}

/** The enum types of the schema by their class name in every language. */
function enumTypes(schema: PackageSchema): Map<string, TypeSchema> {
    return new Map(Object.entries(schema.types).filter(([, t]) => t.enum).map(([token, t]) => [typeName(token), t]));
}

/** The object types of the schema (their `…Args` classes in the SDKs) by class name. */
function objectTypeNames(schema: PackageSchema): string[] {
    return Object.entries(schema.types).filter(([, t]) => !t.enum).map(([token]) => typeName(token));
}

describe("example programs", function () {
    // Reading the TypeScript examples loads the @pulumi/aws typings.
    this.timeout(120000);

    let schema: PackageSchema;

    before(() => {
        schema = readSnapshot();
    });

    describe("layout", () => {
        it("checks every directory under examples/", () => {
            const dirs = fs.readdirSync(EXAMPLES_DIR, { withFileTypes: true }).filter(d => d.isDirectory()).map(d => d.name);
            assert.deepStrictEqual(dirs.sort(), EXAMPLE_PROGRAMS.map(e => e.dir).sort());
        });

        it("gives every example a Pulumi.yaml with its runtime, the package (except TypeScript) and its family's config", () => {
            for (const family of EXAMPLE_FAMILIES) {
                const reference = readProjectFile(family.reference).config;
                for (const example of family.programs) {
                    const project = readProjectFile(example.dir);
                    assert.strictEqual(runtimeName(project), example.runtime, example.dir);
                    assert.deepStrictEqual(project.packages,
                        example.viaPulumiPackage ? { [PROVIDER_NAME]: "../../components" } : undefined, example.dir);
                    assert.deepStrictEqual(project.config, reference,
                        `${example.dir} declares the config of examples/${family.reference}`);
                    readExampleFile(example.dir, example.main);
                }
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

    for (const family of EXAMPLE_FAMILIES) {
        describe(family.title, () => {
            for (const example of family.programs) {
                it(`examples/${example.dir} creates only components the schema defines, sets only their inputs, spelled the ${example.language} way, and every required one, and reads only their outputs`, () => {
                    const use = useOf(example, schema);
                    assert.deepStrictEqual([...use.problems, ...missingRequired(use.components, schema)], []);
                    const names = use.components.map(c => c.name);
                    assert.ok(names.length > 0, "creates at least one component");
                    assert.deepStrictEqual(names.filter((n, i) => names.indexOf(n) !== i), [], "gives each component its own name");
                    assert.ok(use.components.some(c => c.outputs.length > 0), "reads at least one output");
                });

                if (example.dir !== family.reference) {
                    it(`examples/${example.dir} creates the same components with the same inputs and reads the same outputs as examples/${family.reference}`, () => {
                        assert.deepStrictEqual(sameProgramView(useOf(example, schema)),
                            sameProgramView(useOf(exampleAt(family.reference), schema)));
                    });
                }
            }
        });
    }

    describe("YAML values", () => {
        for (const example of EXAMPLE_PROGRAMS.filter(e => e.language === "yaml")) {
            it(`examples/${example.dir} gives every input a value of the schema's type, known before deployment where the input is plain`, () => {
                const problems = yamlResources(example.dir).flatMap(r => {
                    const resource = schema.resources[yamlTypeToken(r.type)];
                    return resource ? objectProblems(r.name, r.properties,
                        { properties: resource.inputProperties, required: resource.requiredInputs }, schema, r.config) : [];
                });
                assert.deepStrictEqual(problems, []);
            });
        }
    });

    describe("the FargateStack example", () => {
        it("creates one FargateStack with the package's type token", () => {
            const resources = yamlResources("yaml");
            assert.strictEqual(resources.length, 1);
            assert.strictEqual(yamlTypeToken(resources[0].type), FARGATE_STACK_TOKEN);
        });

        it("builds an HTTPS service with autoscaling and exactly one secret", () => {
            const [{ properties }] = yamlResources("yaml");
            assert.ok(properties.domainName && properties.hostedZoneId, "HTTPS needs domainName and hostedZoneId");
            assert.strictEqual(properties.enableAutoscaling, true);
            assert.ok((properties.minTaskCount as number) < (properties.maxTaskCount as number));
            assert.strictEqual(Object.keys(properties.secrets as object).length, 1);
        });
    });

    describe("the platform example", () => {
        const platformFamily = EXAMPLE_FAMILIES.find(f => f.reference === "platform")!;
        for (const example of platformFamily.programs) {
            it(`examples/${example.dir} runs every workload on its one Platform, given as the platform's ref`, () => {
                const { components } = useOf(example, schema);
                const platforms = components.filter(c => c.token === PLATFORM_TOKEN);
                assert.strictEqual(platforms.length, 1);
                const workloads = components.filter(c => c.token !== PLATFORM_TOKEN);
                assert.ok(workloads.length > 0);
                assert.deepStrictEqual(workloads.filter(w => w.platformOf !== platforms[0].name).map(w => w.name), []);
            });
        }

        it("routes the API by path before the storefront by host, keeps the catalog internal, lets the worker scale to zero and runs the report at 03:00 in Paris", () => {
            const r = Object.fromEntries(yamlResources("platform-yaml").map(x => [x.name, x.properties]));
            assert.strictEqual(r.catalog.internal, true);
            assert.strictEqual((r.api.environment as Record<string, string>).CATALOG_URL, "${catalog.serviceConnectUrl}");
            assert.deepStrictEqual(r.api.pathPatterns, ["/api/*"]);
            assert.deepStrictEqual(r.storefront.hostHeaders, ["${domainName}"]);
            assert.ok((r.api.priority as number) < (r.storefront.priority as number), "the path rule is evaluated first");
            assert.strictEqual(r["order-worker"].minTaskCount, 0);
            assert.strictEqual(r["nightly-report"].schedule, "cron(0 3 * * ? *)");
            assert.strictEqual(r["nightly-report"].scheduleTimezone, "Europe/Paris");
        });

        it("keeps the catalog's /data on EFS as nginx's user, runs the worker on Spot, shrinks the storefront from 22:00 to 07:00 in Paris and takes natGateways from config", () => {
            const r = Object.fromEntries(yamlResources("platform-yaml").map(x => [x.name, x.properties]));
            assert.deepStrictEqual(r.catalog.efsVolumes, [{ containerPath: "/data", posixUid: 101, posixGid: 101 }]);
            assert.strictEqual(r.catalog.user, "101");
            assert.strictEqual(r["order-worker"].capacityStrategy, "Spot");
            assert.deepStrictEqual(r.storefront.scheduledCapacity, [
                { schedule: "cron(0 22 * * ? *)", minTaskCount: 1, maxTaskCount: 2, scheduleTimezone: "Europe/Paris" },
                { schedule: "cron(0 7 * * ? *)", minTaskCount: 2, maxTaskCount: 10, scheduleTimezone: "Europe/Paris" },
            ]);
            assert.strictEqual(r.shop.natGateways, "${natGateways}");
            assert.strictEqual(readProjectFile("platform").config!.natGateways.default, "Single");
        });
    });

    describe("SDK identifiers and enum members", () => {
        for (const example of EXAMPLE_PROGRAMS.filter(e => e.language === "python")) {
            it(`examples/${example.dir}: Python uses only classes and ClassName.MEMBER names the SDK defines`, () => {
                const blanked = blankStringsAndComments(readExampleFile(example.dir, example.main), "python");
                const enums = enumTypes(schema);
                const defined = new Set([
                    ...Object.keys(schema.resources).map(typeName), ...objectTypeNames(schema).map(n => `${n}Args`), ...enums.keys(),
                ]);
                const classes = [...blanked.matchAll(/\bfargate_stack\.(\w+)/g)].map(m => m[1]);
                assert.deepStrictEqual(classes.filter(n => !defined.has(n)), []);
                const used = [...blanked.matchAll(/\bfargate_stack\.(\w+)\.(\w+)/g)];
                assert.ok(used.length > 0, "the example uses an enum member");
                for (const [, cls, member] of used) {
                    const type = enums.get(cls);
                    assert.ok(type, `fargate_stack.${cls} is not an enum of the schema`);
                    assert.ok(type.enum!.some(v => pythonEnumMember(v.name) === member), `fargate_stack.${cls}.${member}`);
                }
            });
        }

        it("Go uses only identifiers of the fargatestack package the SDK defines", () => {
            const blanked = blankStringsAndComments(readExampleFile("go", "main.go"), "go");
            const defined = new Set(objectTypeNames(schema).map(n => `${n}Args`));
            for (const resource of Object.keys(schema.resources).map(typeName)) {
                [`New${resource}`, resource, `${resource}Args`].forEach(n => defined.add(n));
            }
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
            for (const example of EXAMPLE_PROGRAMS.filter(e => e.language === "python")) {
                assert.match(readExampleFile(example.dir, example.main), /^import pulumi_fargate_stack as fargate_stack$/m, example.dir);
            }
            assert.match(readExampleFile("go", "main.go"), /"example\.com\/pulumi-fargate-stack\/sdk\/go\/fargatestack"/);
            assert.match(readExampleFile("go", "go.mod"), /^replace example\.com\/pulumi-fargate-stack\/sdk\/go => /m);
            assert.match(readExampleFile("csharp", "Program.cs"), /^using Pulumi\.FargateStack;$/m);
        });

        it("the TypeScript examples import the npm package from ../../components", () => {
            for (const example of EXAMPLE_PROGRAMS.filter(e => e.language === "typescript")) {
                assert.match(readExampleFile(example.dir, example.main), /from "fargate-stack";$/m, example.dir);
                assert.match(readExampleFile(example.dir, "package.json"), /"fargate-stack": "file:\.\.\/\.\.\/components"/, example.dir);
            }
        });
    });

    describe("TypeScript", () => {
        it("type-checks every TypeScript example against the components' sources", () => {
            const diagnostics = ts.getPreEmitDiagnostics(typeScriptProgram()).map(d =>
                `${d.file ? path.relative(EXAMPLES_DIR, d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
            assert.deepStrictEqual(diagnostics, []);
        });
    });
});
