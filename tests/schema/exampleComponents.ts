/**
 * What an example program creates, in the schema's terms whatever its language: each component of the package, the
 * name it is given, the inputs it sets, the fields of object-typed inputs it spells out, the outputs it reads and the
 * component whose `ref` it runs on. Read without generating SDKs: YAML is parsed; Python, Go and C# sources are
 * scanned with strings and comments blanked and their names mapped back to the schema's with the SDK generators'
 * spellings (languageNames.ts); TypeScript is read with the compiler's type checker, so spread arguments count.
 * Names the schema does not define, and constructs these readers cannot see into, come back as problems.
 */
import * as path from "path";
import * as ts from "typescript";
import {
    blankStringsAndComments,
    bracketedAfter,
    bracketedRegions,
    EXAMPLE_PROGRAMS,
    ExampleProgram,
    namesSetIn,
    ProjectFile,
    readExampleFile,
    readProjectFile,
    SourceLanguage,
    topLevel,
} from "./exampleSupport";
import { csharpName, goName, pythonName, typeName } from "./languageNames";
import { COMPONENTS_DIR, EXAMPLES_DIR, PackageSchema, PROVIDER_NAME, REPO_ROOT, typeOf } from "./schemaSupport";

/** One component an example creates. */
export interface ComponentUse {
    /** Type token, e.g. `fargate-stack:index:WebService`. */
    token: string;
    /** The resource name the program gives it (`"catalog"`). */
    name: string;
    /** Schema names of the inputs it sets. */
    inputs: string[];
    /**
     * Schema names of the fields set on object-typed inputs written out in place, by the object type's token; for a
     * list of objects (`efsVolumes`), the fields set on any of its items.
     */
    objectFields: Record<string, string[]>;
    /** Schema names of the outputs the program reads from it. */
    outputs: string[];
    /** The resource name of the component whose `ref` output it gets as its `platform` input. */
    platformOf?: string;
}

/** The components of one example and the problems met reading them. */
export interface ProgramUse {
    components: ComponentUse[];
    problems: string[];
}

/** The workload input that takes a platform, and the platform output it takes. */
const PLATFORM_INPUT = "platform";
const REF_OUTPUT = "ref";

/** What one example creates. */
export function programUse(example: ExampleProgram, schema: PackageSchema): ProgramUse {
    const where = `examples/${example.dir}/${example.main}`;
    switch (example.language) {
        case "yaml":
            return yamlProgramUse(readProjectFile(example.dir), schema, where);
        case "typescript":
            return typeScriptProgramUse(path.join(EXAMPLES_DIR, example.dir, example.main), schema, where);
        default:
            return sourceProgramUse(example.language, readExampleFile(example.dir, example.main), schema, where);
    }
}

/** A lookup from a language's spelling of each name to the schema's; throws when two names spell the same. */
export function spellings(names: string[], spell: (name: string) => string): Map<string, string> {
    const map = new Map(names.map(n => [spell(n), n]));
    if (map.size !== names.length) {
        throw new Error(`two of the schema names ${names.join(", ")} spell the same in this language`);
    }
    return map;
}

/** Schema names for the spelled names given; the ones the schema does not define are added to `problems`. */
function schemaNames(used: string[], spelled: Map<string, string>, where: string, problems: string[]): string[] {
    for (const name of used.filter(n => !spelled.has(n))) {
        problems.push(`${where}: ${name} is not defined by the schema`);
    }
    return used.filter(n => spelled.has(n)).map(n => spelled.get(n)!);
}

/** The resource classes of the schema by their class name in every language. */
function resourceClasses(schema: PackageSchema): Map<string, string> {
    return new Map(Object.keys(schema.resources).map(token => [typeName(token), token]));
}

/** The object types of the schema (not enums), by token. */
function objectTypeTokens(schema: PackageSchema): string[] {
    return Object.entries(schema.types).filter(([, t]) => !t.enum && t.properties).map(([token]) => token);
}

/** The object type a resource input refers to, or the type of its items when it is a list of objects. */
function objectTypeOfInput(schema: PackageSchema, token: string, input: string): string | undefined {
    const property = schema.resources[token].inputProperties[input];
    const ref = property?.$ref ?? property?.items?.$ref;
    const type = ref === undefined ? undefined : typeOf(schema, ref);
    return type && !type.type.enum && type.type.properties ? type.token : undefined;
}

const unique = (names: string[]) => [...new Set(names)];

/** Adds the fields of one written-out object to those already seen for its type. */
function addFields(objectFields: Record<string, string[]>, objectType: string, fields: string[]): void {
    objectFields[objectType] = unique([...objectFields[objectType] ?? [], ...fields]);
}

const isMap = (value: unknown): value is Record<string, unknown> =>
    value !== null && typeof value === "object" && !Array.isArray(value);

// ---------------------------------------------------------------------------------------------------------------
// Pulumi YAML

/** `fargate-stack:WebService` → `fargate-stack:index:WebService`; full tokens stay as they are. */
export function yamlTypeToken(type: string): string {
    const parts = type.split(":");
    return parts.length === 2 ? `${parts[0]}:index:${parts[1]}` : type;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The package's resources of a Pulumi YAML program. */
export function yamlProgramUse(project: ProjectFile, schema: PackageSchema, where: string): ProgramUse {
    const problems: string[] = [];
    const components: ComponentUse[] = [];
    const expressions = JSON.stringify({ resources: project.resources, outputs: project.outputs });
    for (const [name, resource] of Object.entries(project.resources ?? {})) {
        if (!resource.type.startsWith(`${PROVIDER_NAME}:`)) {
            continue;
        }
        const token = yamlTypeToken(resource.type);
        const schemaResource = schema.resources[token];
        if (!schemaResource) {
            problems.push(`${where}: ${name} has type ${resource.type}, which the schema does not define`);
            continue;
        }
        const properties = resource.properties ?? {};
        const identity = spellings(Object.keys(schemaResource.inputProperties), n => n);
        const inputs = schemaNames(Object.keys(properties), identity, `${where} ${name}`, problems);
        const objectFields: Record<string, string[]> = {};
        for (const input of inputs) {
            const objectType = objectTypeOfInput(schema, token, input);
            if (objectType === undefined) {
                continue;
            }
            const value = properties[input];
            for (const item of (Array.isArray(value) ? value : [value]).filter(isMap)) {
                addFields(objectFields, objectType, schemaNames(Object.keys(item),
                    spellings(Object.keys(schema.types[objectType].properties!), n => n), `${where} ${name}.${input}`, problems));
            }
        }
        const platform = properties[PLATFORM_INPUT];
        const platformOf = typeof platform === "string"
            ? new RegExp(`^\\$\\{([^.}]+)\\.${REF_OUTPUT}\\}$`).exec(platform)?.[1] : undefined;
        const read = [...expressions.matchAll(new RegExp(`\\$\\{${escapeRegExp(name)}\\.(\\w+)`, "g"))].map(m => m[1]);
        const outputs = schemaNames(unique(read), spellings(Object.keys(schemaResource.properties), n => n),
            `${where} outputs of ${name}`, problems);
        components.push({ token, name, inputs, objectFields, outputs, ...(platformOf ? { platformOf } : {}) });
    }
    return { components, problems };
}

// ---------------------------------------------------------------------------------------------------------------
// Python, Go and C#: the generated SDKs' shapes

const SOURCE_SHAPES: Record<SourceLanguage, {
    spell: (name: string) => string;
    /** A construction, maybe assigned to a variable (group 1), of a class (group 2); ends with the call's `(`. */
    construct: RegExp;
    /** Where the inputs of resource class `cls` are written inside its call; none when they are keyword arguments. */
    argsOpener?: (cls: string) => RegExp;
    /** The literal of an object type (its `…Args` class); ends with `(` or `{`. */
    objectOpener: (name: string) => RegExp;
    /** Members every resource has besides the schema outputs. */
    resourceMembers: string[];
    /** Arguments of the call that are not inputs. */
    notInputs: string[];
}> = {
    python: {
        spell: pythonName,
        construct: /(?:\b(\w+)\s*=\s*)?\bfargate_stack\.(\w+)\(/g,
        objectOpener: name => new RegExp(`\\bfargate_stack\\.${name}Args\\(`, "g"),
        resourceMembers: ["urn"],
        notInputs: ["resource_name", "opts"],
    },
    go: {
        spell: goName,
        construct: /(?:\b(\w+),\s*\w+\s*:?=\s*)?\bfargatestack\.New(\w+)\(/g,
        argsOpener: cls => new RegExp(`&fargatestack\\.${cls}Args\\{`),
        objectOpener: name => new RegExp(`&fargatestack\\.${name}Args\\{`, "g"),
        resourceMembers: ["URN"],
        notInputs: [],
    },
    csharp: {
        spell: csharpName,
        construct: /(?:\bvar\s+(\w+)\s*=\s*)?\bnew\s+(\w+)\s*\(/g,
        argsOpener: cls => new RegExp(`\\bnew\\s+${cls}Args\\s*\\{`),
        objectOpener: name => new RegExp(`\\bnew\\s+${name}Args\\s*\\{`, "g"),
        resourceMembers: ["Urn"],
        notInputs: [],
    },
};

/** The components a Python, Go or C# program constructs through the generated SDK. */
export function sourceProgramUse(language: SourceLanguage, source: string, schema: PackageSchema, where: string): ProgramUse {
    const shape = SOURCE_SHAPES[language];
    const blanked = blankStringsAndComments(source, language);
    const classes = resourceClasses(schema);
    const problems: string[] = [];
    const found: { use: ComponentUse; variable?: string; platformVariable?: string }[] = [];
    for (const { match, start, end } of bracketedRegions(blanked, shape.construct)) {
        const [, variable, cls] = match;
        const token = classes.get(cls);
        if (!token) {
            continue;
        }
        const name = /(["'])(.*?)\1/.exec(source.slice(start, end))?.[2];
        const at = `${where} ${cls}(${name ?? "?"})`;
        if (name === undefined) {
            problems.push(`${at}: no resource name`);
        }
        const call = blanked.slice(start, end);
        const args = shape.argsOpener ? bracketedAfter(call, shape.argsOpener(cls)) : call;
        if (args === undefined) {
            problems.push(`${at}: no ${cls}Args`);
            continue;
        }
        if (language === "python" && topLevel(args).includes("**")) {
            problems.push(`${at}: passes **keyword arguments, which this check cannot read; write them out`);
        }
        const resource = schema.resources[token];
        const set = namesSetIn(args, language).filter(n => !shape.notInputs.includes(n));
        const inputs = schemaNames(set, spellings(Object.keys(resource.inputProperties), shape.spell), at, problems);
        const objectFields: Record<string, string[]> = {};
        for (const objectType of objectTypeTokens(schema)) {
            for (const region of bracketedRegions(args, shape.objectOpener(typeName(objectType)))) {
                addFields(objectFields, objectType, schemaNames(namesSetIn(args.slice(region.start, region.end), language),
                    spellings(Object.keys(schema.types[objectType].properties!), shape.spell), `${at} ${typeName(objectType)}`, problems));
            }
        }
        const platformVariable = new RegExp(
            `\\b${shape.spell(PLATFORM_INPUT)}\\s*[=:]\\s*(\\w+)\\.${shape.spell(REF_OUTPUT)}\\b`).exec(topLevel(args))?.[1];
        let outputs: string[] = [];
        if (variable) {
            const members = [...blanked.matchAll(new RegExp(`\\b${variable}\\.(\\w+)`, "g"))].map(m => m[1]);
            outputs = schemaNames(unique(members.filter(m => !shape.resourceMembers.includes(m))),
                spellings(Object.keys(resource.properties), shape.spell), `${at} outputs`, problems);
        }
        found.push({ use: { token, name: name ?? "?", inputs, objectFields, outputs }, variable, platformVariable });
    }
    return { components: withPlatforms(found, where, problems), problems };
}

/** Sets each component's `platformOf` from the variable whose `ref` it gets. */
function withPlatforms(
    found: { use: ComponentUse; variable?: string; platformVariable?: string }[], where: string, problems: string[],
): ComponentUse[] {
    return found.map(({ use, platformVariable }) => {
        if (platformVariable === undefined) {
            return use;
        }
        const platform = found.find(f => f.variable === platformVariable);
        if (!platform) {
            problems.push(`${where} ${use.name}: ${platformVariable} is not a component of the program`);
        }
        return { ...use, platformOf: platform?.use.name ?? platformVariable };
    });
}

// ---------------------------------------------------------------------------------------------------------------
// TypeScript

let typeScriptExamples: ts.Program | undefined;

/** The TypeScript examples, compiled together against the component's sources (not its build). */
export function typeScriptProgram(): ts.Program {
    if (!typeScriptExamples) {
        const files = EXAMPLE_PROGRAMS.filter(e => e.language === "typescript")
            .map(e => path.join(EXAMPLES_DIR, e.dir, e.main));
        typeScriptExamples = ts.createProgram(files, {
            strict: true, noEmit: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS,
            moduleResolution: ts.ModuleResolutionKind.Node10, types: ["node"], skipLibCheck: true,
            baseUrl: REPO_ROOT, paths: { "fargate-stack": [path.join(COMPONENTS_DIR, "index.ts")] },
        });
    }
    return typeScriptExamples;
}

/** A construction found in a TypeScript program, with the variable it is assigned to and the one whose `ref` it gets. */
interface TypeScriptConstruction {
    use: ComponentUse;
    variable?: ts.VariableDeclaration;
    platformVariable?: string;
}

/** The component classes a TypeScript program constructs with `new`, whatever it imports them as. */
export function typeScriptProgramUse(file: string, schema: PackageSchema, where: string): ProgramUse {
    const program = typeScriptProgram();
    const checker = program.getTypeChecker();
    const classes = resourceClasses(schema);
    const problems: string[] = [];
    const found: TypeScriptConstruction[] = [];
    const outputsRead = new Map<ts.VariableDeclaration, string[]>();

    const componentClass = (expression: ts.Expression): string | undefined => {
        let symbol = checker.getSymbolAtLocation(expression);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) {
            symbol = checker.getAliasedSymbol(symbol);
        }
        const fromComponents = symbol?.declarations?.some(d => d.getSourceFile().fileName.startsWith(COMPONENTS_DIR));
        return fromComponents && classes.has(symbol!.name) ? symbol!.name : undefined;
    };
    const visit = (node: ts.Node) => {
        const cls = ts.isNewExpression(node) ? componentClass(node.expression) : undefined;
        if (cls) {
            const construction = readConstruction(checker, schema, node as ts.NewExpression, classes.get(cls)!, `${where} new ${cls}`, problems);
            found.push(...(construction ? [construction] : []));
        }
        if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
            const declaration = checker.getSymbolAtLocation(node.expression)?.valueDeclaration;
            if (declaration && ts.isVariableDeclaration(declaration)) {
                outputsRead.set(declaration, [...outputsRead.get(declaration) ?? [], node.name.text]);
            }
        }
        ts.forEachChild(node, visit);
    };
    visit(program.getSourceFile(file)!);

    const components = found.map(({ use, variable, platformVariable }) => {
        const read = unique((variable && outputsRead.get(variable)) ?? []).filter(m => m !== "urn");
        const outputs = schemaNames(read, spellings(Object.keys(schema.resources[use.token].properties), n => n),
            `${where} outputs of ${use.name}`, problems);
        const platform = found.find(f => f.variable !== undefined && f.variable.name.getText() === platformVariable);
        if (platformVariable !== undefined && !platform) {
            problems.push(`${where} ${use.name}: ${platformVariable} is not a component of the program`);
        }
        return { ...use, outputs, ...(platformVariable ? { platformOf: platform?.use.name ?? platformVariable } : {}) };
    });
    return { components, problems };
}

/** One `new <Component>(name, { … })`: its inputs as the type checker sees the object literal, spreads included. */
function readConstruction(
    checker: ts.TypeChecker, schema: PackageSchema, node: ts.NewExpression, token: string, at: string, problems: string[],
): TypeScriptConstruction | undefined {
    const [nameArg, argsArg] = node.arguments ?? [];
    const name = nameArg && ts.isStringLiteralLike(nameArg) ? nameArg.text : "?";
    if (!argsArg || !ts.isObjectLiteralExpression(argsArg)) {
        problems.push(`${at}(${name}): the arguments are not an object literal`);
        return undefined;
    }
    const resource = schema.resources[token];
    const properties = checker.getTypeAtLocation(argsArg).getProperties();
    const inputs = schemaNames(properties.map(p => p.name), spellings(Object.keys(resource.inputProperties), n => n),
        `${at}(${name})`, problems);
    const objectFields: Record<string, string[]> = {};
    let platformVariable: string | undefined;
    for (const property of properties) {
        const declaration = property.valueDeclaration;
        if (!declaration || !ts.isPropertyAssignment(declaration)) {
            continue;
        }
        const value = declaration.initializer;
        const objectType = objectTypeOfInput(schema, token, property.name);
        if (objectType !== undefined) {
            const items = ts.isArrayLiteralExpression(value) ? [...value.elements] : [value];
            for (const item of items.filter(ts.isObjectLiteralExpression)) {
                const fields = checker.getTypeAtLocation(item).getProperties().map(p => p.name);
                addFields(objectFields, objectType, schemaNames(fields,
                    spellings(Object.keys(schema.types[objectType].properties!), n => n), `${at}(${name}) ${property.name}`, problems));
            }
        }
        if (property.name === PLATFORM_INPUT && ts.isPropertyAccessExpression(value) && value.name.text === REF_OUTPUT
            && ts.isIdentifier(value.expression)) {
            platformVariable = value.expression.text;
        }
    }
    const variable = ts.isVariableDeclaration(node.parent) ? node.parent : undefined;
    return { use: { token, name, inputs, objectFields, outputs: [] }, variable, platformVariable };
}
