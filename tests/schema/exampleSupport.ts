/**
 * Reading the example programs under `examples/` without their toolchains: which examples there are (families of one
 * program written in several languages), a YAML program's resources and config, and, for Python, Go and C#, the
 * bracketed regions and argument names of a source file (string literals and comments blanked first, so that their
 * contents never count as code). What each program creates is read from these by exampleComponents.ts.
 */
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { EXAMPLES_DIR } from "./schemaSupport";

/** The languages examples are written in. */
export type ExampleLanguage = "typescript" | "python" | "go" | "csharp" | "yaml";

/** One example program. */
export interface ExampleProgram {
    /** Directory under examples/. */
    dir: string;
    /** The language of its program, which decides how the program is read. */
    language: ExampleLanguage;
    /** The `runtime` of its Pulumi.yaml. */
    runtime: string;
    /** The program file, relative to the example directory. */
    main: string;
    /** Whether it uses the component through its Pulumi package (`pulumi package add`) rather than npm. */
    viaPulumiPackage: boolean;
}

/** Examples that are one program written in several languages, and the one the others must match. */
export interface ExampleFamily {
    /** What the program builds. */
    title: string;
    /** Directory of the program the others are compared with; its Pulumi.yaml `config:` is the family's too. */
    reference: string;
    programs: ExampleProgram[];
}

/** An example in `examples/<dir>`, with its language's runtime, main file and way of using the package. */
const program = (dir: string, language: ExampleLanguage): ExampleProgram => ({
    dir,
    language,
    ...{
        typescript: { runtime: "nodejs", main: "index.ts", viaPulumiPackage: false },
        python: { runtime: "python", main: "__main__.py", viaPulumiPackage: true },
        go: { runtime: "go", main: "main.go", viaPulumiPackage: true },
        csharp: { runtime: "dotnet", main: "Program.cs", viaPulumiPackage: true },
        yaml: { runtime: "yaml", main: "Pulumi.yaml", viaPulumiPackage: true },
    }[language],
});

export const EXAMPLE_FAMILIES: ExampleFamily[] = [
    {
        title: "an HTTPS service with autoscaling and one secret (FargateStack)",
        reference: "yaml",
        programs: [
            program("typescript", "typescript"),
            program("python", "python"),
            program("go", "go"),
            program("csharp", "csharp"),
            program("yaml", "yaml"),
        ],
    },
    {
        title: "a shop on one platform (Platform, WebService, WorkerService, ScheduledTask)",
        reference: "platform",
        programs: [
            program("platform", "typescript"),
            program("platform-python", "python"),
            program("platform-yaml", "yaml"),
        ],
    },
];

export const EXAMPLE_PROGRAMS: ExampleProgram[] = EXAMPLE_FAMILIES.flatMap(family => family.programs);

/** A file of an example, as text. */
export function readExampleFile(dir: string, file: string): string {
    return fs.readFileSync(path.join(EXAMPLES_DIR, dir, file), "utf8");
}

/** A config key declared in a Pulumi.yaml `config:` block. */
export interface ConfigDeclaration {
    type?: "string" | "integer" | "boolean" | "array" | "object";
    default?: unknown;
    description?: string;
    secret?: boolean;
}

/** The parts of a Pulumi.yaml the checks read (YAML programs add resources and outputs). */
export interface ProjectFile {
    name: string;
    description?: string;
    runtime: string | { name: string; options?: Record<string, unknown> };
    packages?: Record<string, string>;
    config?: Record<string, ConfigDeclaration>;
    resources?: Record<string, { type: string; properties?: Record<string, unknown> }>;
    outputs?: Record<string, unknown>;
}

/** An example's Pulumi.yaml, parsed. */
export function readProjectFile(dir: string): ProjectFile {
    return yaml.load(readExampleFile(dir, "Pulumi.yaml")) as ProjectFile;
}

/** The runtime name of a project file (`runtime: go` or `runtime: {name: go}`). */
export function runtimeName(project: ProjectFile): string {
    return typeof project.runtime === "string" ? project.runtime : project.runtime.name;
}

/** What a Pulumi YAML value is, as far as a check before deployment can tell. */
export type YamlValueKind =
    | { kind: "literal" }
    /** `${key}` of a declared config key. */
    | { kind: "config"; key: string; declaration: ConfigDeclaration }
    /** A string built only from config and `pulumi.*` values: known before anything is deployed. */
    | { kind: "knownString" }
    /** A resource output or a function call (`fn::…`): possibly unknown until deployment. */
    | { kind: "output"; expression: string };

const WHOLE_EXPRESSION = /^\$\{([^}]+)\}$/;
const EXPRESSIONS = /\$\{([^}]+)\}/g;

/** Classifies a YAML value of a resource property. */
export function classifyYamlValue(value: unknown, config: Record<string, ConfigDeclaration>): YamlValueKind {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        const keys = Object.keys(value);
        if (keys.length === 1 && keys[0].startsWith("fn::")) {
            return { kind: "output", expression: keys[0] };
        }
        return { kind: "literal" };
    }
    if (typeof value !== "string" || !value.includes("${")) {
        return { kind: "literal" };
    }
    const whole = WHOLE_EXPRESSION.exec(value);
    if (whole && config[whole[1]] !== undefined) {
        return { kind: "config", key: whole[1], declaration: config[whole[1]] };
    }
    for (const [, expression] of value.matchAll(EXPRESSIONS)) {
        const root = expression.split(/[.[]/)[0];
        if (config[root] === undefined && root !== "pulumi") {
            return { kind: "output", expression };
        }
    }
    return { kind: "knownString" };
}

/**
 * The inputs a YAML resource sends to the component, with config references replaced by the given values and
 * `${pulumi.stack}` / `${pulumi.project}` by the stack and project. Throws on anything only known after deployment.
 */
export function resolveYamlInputs(
    properties: Record<string, unknown>,
    config: Record<string, ConfigDeclaration>,
    values: Record<string, unknown>,
    builtins: { stack: string; project: string },
): Record<string, unknown> {
    const lookup = (expression: string): unknown => {
        if (expression === "pulumi.stack") {
            return builtins.stack;
        }
        if (expression === "pulumi.project") {
            return builtins.project;
        }
        if (config[expression] === undefined) {
            throw new Error(`\${${expression}} is not a config value; it cannot be resolved before deployment`);
        }
        const value = values[expression] ?? config[expression].default;
        if (value === undefined) {
            throw new Error(`no value for config ${expression}`);
        }
        return value;
    };
    const resolve = (value: unknown): unknown => {
        if (Array.isArray(value)) {
            return value.map(resolve);
        }
        if (value !== null && typeof value === "object") {
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
        }
        if (typeof value !== "string") {
            return value;
        }
        const whole = WHOLE_EXPRESSION.exec(value);
        if (whole) {
            return lookup(whole[1]);
        }
        return value.replace(EXPRESSIONS, (_, expression: string) => String(lookup(expression)));
    };
    return resolve(properties) as Record<string, unknown>;
}

/** Comment and string syntax of the languages whose sources are scanned. */
export type SourceLanguage = "python" | "go" | "csharp";

/**
 * The source with every comment and string literal replaced by spaces (line breaks kept), so that names and
 * brackets inside them are not mistaken for code. Covers the literal forms the examples use: Python `#` comments and
 * '…', "…", triple-quoted and prefixed strings; Go `//`, `/* … *\/`, "…", `…` and runes; C# `//`, `/* … *\/`, "…",
 * @"…", $"…" and chars.
 */
export function blankStringsAndComments(source: string, language: SourceLanguage): string {
    const out = source.split("");
    const blank = (from: number, to: number) => {
        for (let i = from; i < to && i < out.length; i++) {
            if (out[i] !== "\n") {
                out[i] = " ";
            }
        }
    };
    const closing = (token: string, from: number) => {
        const at = source.indexOf(token, from);
        if (at < 0) {
            throw new Error(`unterminated comment or string starting before offset ${from}`);
        }
        return at + token.length;
    };
    const lineEnd = (from: number) => (source.indexOf("\n", from) < 0 ? source.length : source.indexOf("\n", from));
    let i = 0;
    while (i < source.length) {
        const rest = source.slice(i, i + 3);
        let end: number | undefined;
        if (language === "python" && rest.startsWith("#")) {
            end = lineEnd(i);
        } else if (language !== "python" && rest.startsWith("//")) {
            end = lineEnd(i);
        } else if (language !== "python" && rest.startsWith("/*")) {
            end = closing("*/", i + 2);
        } else if (language === "python" && (rest === '"""' || rest === "'''")) {
            end = closing(rest, i + 3);
        } else if (language === "go" && rest.startsWith("`")) {
            end = closing("`", i + 1);
        } else if (language === "csharp" && rest.startsWith('@"')) {
            end = verbatimStringEnd(source, i + 2);
        } else if (rest.startsWith('"') || rest.startsWith("'")) {
            end = quotedEnd(source, i);
        }
        if (end === undefined) {
            i++;
            continue;
        }
        blank(i, end);
        i = end;
    }
    return out.join("");
}

function quotedEnd(source: string, start: number): number {
    const quote = source[start];
    for (let i = start + 1; i < source.length; i++) {
        if (source[i] === "\\") {
            i++;
        } else if (source[i] === quote) {
            return i + 1;
        } else if (source[i] === "\n") {
            break;
        }
    }
    throw new Error(`unterminated string at offset ${start}`);
}

function verbatimStringEnd(source: string, from: number): number {
    for (let i = from; i < source.length; i++) {
        if (source[i] === '"') {
            if (source[i + 1] === '"') {
                i++;
            } else {
                return i + 1;
            }
        }
    }
    throw new Error(`unterminated verbatim string at offset ${from}`);
}

const CLOSING: Record<string, string> = { "(": ")", "{": "}", "[": "]" };

/**
 * The text between the bracket that ends `opener` (the first match of the pattern, which must end with `(`, `{` or
 * `[`) and its matching closing bracket, in blanked source. Undefined when the pattern does not occur.
 */
export function bracketedAfter(blanked: string, opener: RegExp): string | undefined {
    const match = new RegExp(opener.source, opener.flags.replace("g", "")).exec(blanked);
    if (!match) {
        return undefined;
    }
    const open = match.index + match[0].length - 1;
    return blanked.slice(open + 1, closingBracket(blanked, open));
}

/** A bracketed region of blanked source: what `opener` matched, and the offsets of the text between the brackets. */
export interface BracketedRegion {
    match: RegExpExecArray;
    start: number;
    end: number;
}

/** Every match of `opener` (as in {@link bracketedAfter}) with the offsets of the region its bracket opens. */
export function bracketedRegions(blanked: string, opener: RegExp): BracketedRegion[] {
    const global = new RegExp(opener.source, opener.flags.includes("g") ? opener.flags : `${opener.flags}g`);
    return [...blanked.matchAll(global)].map(match => {
        const open = match.index! + match[0].length - 1;
        return { match, start: open + 1, end: closingBracket(blanked, open) };
    });
}

/** The offset of the bracket that closes the one at `open`. */
function closingBracket(blanked: string, open: number): number {
    const stack: string[] = [];
    for (let i = open; i < blanked.length; i++) {
        const c = blanked[i];
        if (CLOSING[c]) {
            stack.push(CLOSING[c]);
        } else if (c === ")" || c === "}" || c === "]") {
            if (stack.pop() !== c) {
                throw new Error(`unbalanced ${c} at offset ${i}`);
            }
            if (stack.length === 0) {
                return i;
            }
        }
    }
    throw new Error(`no closing bracket for the ${blanked[open]} at offset ${open}`);
}

/** The text of a bracketed region with everything inside nested brackets removed: its top level only. */
export function topLevel(region: string): string {
    let depth = 0;
    let out = "";
    for (const c of region) {
        if (CLOSING[c]) {
            depth++;
        } else if (c === ")" || c === "}" || c === "]") {
            depth--;
        } else if (depth === 0) {
            out += c;
        }
    }
    return out;
}

/**
 * The argument or field names set at the top level of a call or initializer: Python `name=` keyword arguments,
 * Go `Name:` composite-literal keys, C# `Name =` object-initializer members.
 */
export function namesSetIn(region: string, language: SourceLanguage): string[] {
    const top = topLevel(region);
    const pattern = {
        python: /\b([A-Za-z_]\w*)\s*=(?!=)/g,
        go: /\b([A-Za-z_]\w*)\s*:(?!=)/g,
        csharp: /\b([A-Za-z_]\w*)\s*=(?![=>])/g,
    }[language];
    return [...top.matchAll(pattern)].map(m => m[1]);
}
