/**
 * The input docs are part of the product (README tables, the multi-language schema): every input has a summary,
 * every optional input a `@default`, and a `@default` written as a literal is exactly the value the code uses, so
 * docs and code cannot drift. `@default - text` describes a behaviour and carries no literal.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { DEFAULTS, EFS_VOLUME_DEFAULTS, HEALTH_CHECK_DEFAULTS, SCHEDULED_CAPACITY_DEFAULTS } from "../components/defaults";

const COMPONENTS_DIR = path.join(__dirname, "..", "components");
/** The files that declare public inputs: the shared input groups and each component's args. */
const ARGS_FILES = [
    ...fs.readdirSync(path.join(COMPONENTS_DIR, "args")).filter(f => f.endsWith("Inputs.ts") || f === "enums.ts")
        .map(f => path.join(COMPONENTS_DIR, "args", f)),
    ...fs.readdirSync(COMPONENTS_DIR).filter(f => f.endsWith("Args.ts")).map(f => path.join(COMPONENTS_DIR, f)),
].sort();
const README_FILE = path.join(__dirname, "..", "README.md");
const ENUM_LIKE_CONSTS = ["NatGatewayStrategy", "CpuArchitecture", "OperatingSystemFamily", "CapacityStrategy"];

/** One documented member: an interface property or a const object's member. */
interface DocumentedMember {
    /** `Owner.member`, for failure messages. */
    label: string;
    name: string;
    optional: boolean;
    /** The TSDoc text before the first tag, trimmed; empty when there is none. */
    summary: string;
    /** The text of the `@default` tag, trimmed; undefined when there is no tag. */
    defaultTag?: string;
}

/** A `@default` value: `- text` (a behaviour), a JSON literal, or neither (a malformed tag). */
type DefaultValue = { kind: "behaviour" } | { kind: "literal"; value: unknown } | { kind: "malformed" };

function parseDefault(text: string): DefaultValue {
    if (/^-\s+\S/.test(text)) {
        return { kind: "behaviour" };
    }
    try {
        return { kind: "literal", value: JSON.parse(text) };
    } catch {
        return { kind: "malformed" };
    }
}

function isExported(node: ts.Node): boolean {
    return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some(m => m.kind === ts.SyntaxKind.ExportKeyword);
}

function describeMember(owner: string, node: ts.Node, name: string, optional: boolean): DocumentedMember {
    const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
    const summary = docs.map(doc => ts.getTextOfJSDocComment(doc.comment) ?? "").join("\n").trim();
    const tag = ts.getJSDocTags(node).find(t => t.tagName.text === "default");
    const defaultTag = tag === undefined ? undefined : (ts.getTextOfJSDocComment(tag.comment) ?? "").trim();
    return { label: `${owner}.${name}`, name, optional, summary, defaultTag };
}

/**
 * The exported interfaces and exported `{ ... } as const` objects of the args files, with their members' docs. An
 * interface's members include those it inherits (`extends`), as the multi-language schema does.
 */
function readArgsFiles() {
    const own = new Map<string, { members: DocumentedMember[]; bases: string[] }>();
    const consts = new Map<string, { summary: string; members: DocumentedMember[] }>();
    for (const file of ARGS_FILES) {
        const source = ts.createSourceFile(file, ts.sys.readFile(file) ?? "", ts.ScriptTarget.ES2020, true);
        for (const statement of source.statements) {
            if (ts.isInterfaceDeclaration(statement) && isExported(statement)) {
                const owner = statement.name.text;
                const bases = (statement.heritageClauses ?? []).flatMap(c => c.types.map(t => t.expression.getText(source)));
                own.set(owner, {
                    bases,
                    members: statement.members.filter(ts.isPropertySignature).map(p =>
                        describeMember(owner, p, p.name.getText(source), p.questionToken !== undefined)),
                });
            }
            if (ts.isVariableStatement(statement) && isExported(statement)) {
                for (const declaration of statement.declarationList.declarations) {
                    let init = declaration.initializer;
                    while (init !== undefined && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) {
                        init = init.expression;
                    }
                    if (init === undefined || !ts.isObjectLiteralExpression(init)) {
                        continue;
                    }
                    const owner = declaration.name.getText(source);
                    const members = init.properties.filter(ts.isPropertyAssignment).map(p =>
                        describeMember(owner, p, p.name.getText(source), false));
                    consts.set(owner, { summary: describeMember(owner, statement, owner, false).summary, members });
                }
            }
        }
    }
    const withInherited = (name: string): DocumentedMember[] => {
        const entry = own.get(name);
        assert.ok(entry, `exported interface ${name} not found in the args files`);
        return [...entry.members, ...entry.bases.flatMap(withInherited)];
    };
    const interfaces = new Map([...own.keys()].map(name => [name, withInherited(name)]));
    return { interfaces, consts };
}

const { interfaces, consts } = readArgsFiles();
/** Every input name of every exported interface: a DEFAULTS entry must belong to one of them. */
const ALL_INPUT_NAMES = new Set([...interfaces.values()].flat().map(m => m.name));

function membersOf(name: string): DocumentedMember[] {
    const members = interfaces.get(name);
    assert.ok(members && members.length > 0, `exported interface ${name} not found in the args files`);
    return members;
}

/** Failures of the literal `@default`s of `owner` against `defaults`, in both directions. */
function driftBetween(owner: string, defaults: Record<string, unknown>, defaultsName: string) {
    const members = new Map(membersOf(owner).map(m => [m.name, m]));
    const missing: string[] = [];
    const disagreeing: string[] = [];
    for (const [key, value] of Object.entries(defaults)) {
        const member = members.get(key);
        if (member === undefined && ALL_INPUT_NAMES.has(key)) {
            continue; // an input of another component
        }
        if (member === undefined || !member.optional) {
            missing.push(`${defaultsName}.${key} has no optional input ${owner}.${key}`);
            continue;
        }
        const parsed = parseDefault(member.defaultTag ?? "");
        if (parsed.kind !== "literal") {
            missing.push(`${member.label} has @default ${JSON.stringify(member.defaultTag)}, not the literal ${JSON.stringify(value)} of ${defaultsName}.${key}`);
        } else if (!isDeepStrictEqual(parsed.value, value)) {
            disagreeing.push(`${member.label} has @default ${member.defaultTag}, but ${defaultsName}.${key} is ${JSON.stringify(value)}`);
        }
    }
    const unbacked: string[] = [];
    for (const member of members.values()) {
        const parsed = parseDefault(member.defaultTag ?? "");
        if (parsed.kind === "literal" && !(member.name in defaults)) {
            unbacked.push(`${member.label} has @default ${member.defaultTag}, but ${defaultsName} has no ${member.name}`);
        }
    }
    return { docsMatchDefaults: [...missing, ...disagreeing], literalsBacked: unbacked };
}

function isDeepStrictEqual(a: unknown, b: unknown): boolean {
    try {
        assert.deepStrictEqual(a, b);
        return true;
    } catch {
        return false;
    }
}

/**
 * The sentence that states a default in the summary: the schema (what other languages' IDEs show) carries only the
 * comment text, not TSDoc tags, so the `@default` is repeated there.
 */
function defaultSentence(defaultTag: string): string {
    return parseDefault(defaultTag).kind === "behaviour"
        ? `Default: ${defaultTag.replace(/^-\s+/, "").replace(/\.$/, "")}.`
        : `Default: \`${defaultTag}\`.`;
}

/** The rows of a Markdown table whose first column names an input: name → the other columns, as written. */
function tableRows(table: string): Map<string, string[]> {
    const rows = new Map<string, string[]>();
    for (const line of table.split("\n")) {
        const match = /^\| `(\w+)` \| (.*) \|$/.exec(line);
        if (match) {
            rows.set(match[1], match[2].split(" | "));
        }
    }
    return rows;
}

/** The README's inputs table: input name → [type, default, description] as written. */
function readmeInputRows(): Map<string, string[]> {
    const text = fs.readFileSync(README_FILE, "utf8");
    return tableRows(text.slice(text.indexOf("\n## Inputs\n"), text.indexOf("\n## Outputs\n")));
}

/** The rows of the table after `### <heading>` (up to the next heading): first column's names → the other columns. */
function readmeTableAfter(heading: string): Map<string, string[]> {
    const text = fs.readFileSync(README_FILE, "utf8");
    const start = text.indexOf(`\n### ${heading}\n`);
    assert.ok(start >= 0, `the README has a "### ${heading}" section`);
    const rest = text.slice(start + heading.length + 6);
    return tableRows(rest.slice(0, rest.search(/\n#{2,3} /)));
}

/** How the README shows a member's default and description. */
function readmeView(m: DocumentedMember): { shownDefault: string; description: string } {
    return {
        description: m.summary.replace(/\nDefault: [^\n]*$/, "").replace(/\s*\n\s*/g, " "),
        shownDefault: m.defaultTag === undefined ? "required"
            : parseDefault(m.defaultTag).kind === "behaviour" ? m.defaultTag.replace(/^-\s+/, "") : `\`${m.defaultTag}\``,
    };
}

describe("platform components' docs", () => {
    for (const component of ["Platform", "WebService", "WorkerService", "ScheduledTask"]) {
        it(`lists exactly ${component}'s own inputs (those FargateStack lacks) in its README table, as documented`, () => {
            const shared = new Set(membersOf("FargateStackArgs").map(m => m.name));
            const own = membersOf(`${component}Args`).filter(m => !shared.has(m.name));
            const rows = readmeTableAfter(`${component} inputs`);
            const failures: string[] = [];
            for (const m of own) {
                const row = rows.get(m.name);
                const { shownDefault, description } = readmeView(m);
                if (row === undefined) {
                    failures.push(`${m.name} has no row`);
                } else if (row[1] !== shownDefault || row[2] !== description) {
                    failures.push(`${m.name}: README says ${JSON.stringify(row.slice(1))}; the docs say ${JSON.stringify([shownDefault, description])}`);
                }
            }
            failures.push(...[...rows.keys()].filter(name => !own.some(m => m.name === name)).map(name => `the table lists ${name}`));
            assert.deepStrictEqual(failures, []);
        });

        it(`states ${component}'s defaults as DEFAULTS has them, and backs its literal defaults`, () => {
            const drift = driftBetween(`${component}Args`, DEFAULTS, "DEFAULTS");
            assert.deepStrictEqual([...drift.docsMatchDefaults, ...drift.literalsBacked], []);
        });

        it(`lists exactly ${component}'s outputs in its README outputs table`, () => {
            const schema = JSON.parse(fs.readFileSync(path.join(COMPONENTS_DIR, "schema.json"), "utf8"));
            const outputs = Object.keys(schema.resources[`fargate-stack:index:${component}`].properties).sort();
            assert.deepStrictEqual([...readmeTableAfter(`${component} outputs`).keys()].sort(), outputs);
        });
    }
});

describe("FargateStackArgs docs", () => {
    const allMembers = () => [...interfaces.values()].flat();

    it("finds FargateStackArgs, with every input it inherits, and ContainerHealthCheck", () => {
        assert.ok(interfaces.has("ContainerHealthCheck"), "ContainerHealthCheck is declared in an args file");
        assert.ok(membersOf("FargateStackArgs").length >= 40, "FargateStackArgs looks truncated");
    });

    it("gives every property of every exported interface a doc summary", () => {
        const failures = allMembers().filter(m => m.summary === "").map(m => `${m.label} has no doc summary`);
        assert.deepStrictEqual(failures, []);
    });

    it("gives every optional property of every exported interface a @default tag", () => {
        const failures = allMembers()
            .filter(m => m.optional && (m.defaultTag === undefined || m.defaultTag === ""))
            .map(m => `${m.label} is optional but has no @default`);
        assert.deepStrictEqual(failures, []);
    });

    it("writes every @default as a JSON literal or as `- behaviour`", () => {
        const failures = allMembers()
            .filter(m => m.defaultTag !== undefined && parseDefault(m.defaultTag).kind === "malformed")
            .map(m => `${m.label} has @default ${JSON.stringify(m.defaultTag)}: write a JSON literal, or "- text" for a behaviour`);
        assert.deepStrictEqual(failures, []);
    });

    it("repeats every @default as the summary's last sentence, which the multi-language schema carries", () => {
        const failures = allMembers().filter(m => m.defaultTag !== undefined)
            .filter(m => !m.summary.endsWith(`\n${defaultSentence(m.defaultTag!)}`))
            .map(m => `${m.label}: the summary should end with the line ${JSON.stringify(defaultSentence(m.defaultTag!))}`);
        assert.deepStrictEqual(failures, []);
    });

    it("lists every FargateStackArgs input in the README with the same default and description", () => {
        const rows = readmeInputRows();
        const failures: string[] = [];
        for (const m of membersOf("FargateStackArgs")) {
            const row = rows.get(m.name);
            const description = m.summary.replace(/\nDefault: [^\n]*$/, "").replace(/\s*\n\s*/g, " ");
            const shownDefault = m.defaultTag === undefined ? "required"
                : parseDefault(m.defaultTag).kind === "behaviour" ? m.defaultTag.replace(/^-\s+/, "") : `\`${m.defaultTag}\``;
            if (row === undefined) {
                failures.push(`${m.name} has no row in the README's inputs table`);
            } else if (row[1] !== shownDefault || row[2] !== description) {
                failures.push(`${m.name}: README says default ${JSON.stringify(row[1])}, description ${JSON.stringify(row[2])}; ` +
                    `the docs say ${JSON.stringify(shownDefault)}, ${JSON.stringify(description)}`);
            }
        }
        const extra = [...rows.keys()].filter(name => !membersOf("FargateStackArgs").some(m => m.name === name));
        assert.deepStrictEqual([...failures, ...extra.map(name => `the README lists ${name}, which is not an input`)], []);
    });

    it("states every DEFAULTS value in its input's @default", () => {
        assert.deepStrictEqual(driftBetween("FargateStackArgs", DEFAULTS, "DEFAULTS").docsMatchDefaults, []);
    });

    it("backs every literal @default of FargateStackArgs with a DEFAULTS entry", () => {
        assert.deepStrictEqual(driftBetween("FargateStackArgs", DEFAULTS, "DEFAULTS").literalsBacked, []);
    });

    it("states every HEALTH_CHECK_DEFAULTS value in ContainerHealthCheck's @default", () => {
        assert.deepStrictEqual(
            driftBetween("ContainerHealthCheck", HEALTH_CHECK_DEFAULTS, "HEALTH_CHECK_DEFAULTS").docsMatchDefaults, []);
    });

    it("backs every literal @default of ContainerHealthCheck with a HEALTH_CHECK_DEFAULTS entry", () => {
        assert.deepStrictEqual(
            driftBetween("ContainerHealthCheck", HEALTH_CHECK_DEFAULTS, "HEALTH_CHECK_DEFAULTS").literalsBacked, []);
    });

    for (const [owner, defaults, name] of [
        ["EfsVolume", EFS_VOLUME_DEFAULTS, "EFS_VOLUME_DEFAULTS"],
        ["ScheduledCapacity", SCHEDULED_CAPACITY_DEFAULTS, "SCHEDULED_CAPACITY_DEFAULTS"],
    ] as const) {
        it(`states every ${name} value in ${owner}'s @default, and backs its literal defaults`, () => {
            const drift = driftBetween(owner, defaults, name);
            assert.deepStrictEqual([...drift.docsMatchDefaults, ...drift.literalsBacked], []);
        });
    }

    it("documents each enum-like const object and every one of its members", () => {
        assert.deepStrictEqual([...consts.keys()].sort(), [...ENUM_LIKE_CONSTS].sort());
        const failures: string[] = [];
        for (const [name, { summary, members }] of consts) {
            if (summary === "") {
                failures.push(`${name} has no doc summary`);
            }
            if (members.length === 0) {
                failures.push(`${name} has no members`);
            }
            failures.push(...members.filter(m => m.summary === "").map(m => `${m.label} has no doc summary`));
        }
        assert.deepStrictEqual(failures, []);
    });
});
