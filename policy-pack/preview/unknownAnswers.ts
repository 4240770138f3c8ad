/**
 * What a data source returns when the offline preview cannot see the account: every field unknown, as a provider's
 * computed values are on a fresh stack.
 *
 * Under the SDK's mocks an invoke's result travels as a protobuf Struct, and a field holding the engine's unknown
 * sentinel comes back to the program as the SDK's `unknown` marker (in preview mode). That is enough for the
 * Output form (`getVpcOutput`): one unknown field makes the whole result Output unknown, so everything the program
 * derives from it is unknown too. The promise form (`getVpc`) hands the program the fields themselves, and programs
 * read them as their declared types (`ids.slice(0, 2)`, `for (const id of ids)`): a list must stay a list. So the
 * result's shape comes from the function's own declaration in its package (`@pulumi/aws/ec2/getSubnets.d.ts`,
 * interface `GetSubnetsResult`): each list is a list of one unknown element, every other field is unknown, and the
 * optional fields a provider only echoes from the arguments (`filters`, `owners`) are echoed.
 */
import * as fs from "fs";
import * as path from "path";
import { UNKNOWN_WIRE_VALUE } from "../lib/values";

/** The field names of a function's result: lists apart, and the optional fields a provider echoes from its args. */
interface ResultShape {
    lists: string[];
    values: string[];
    echoed: string[];
}

const shapes = new Map<string, ResultShape | undefined>();

/**
 * An all-unknown result for the invoke `token` (`<package>:<module>/<function>:<function>`), shaped after the
 * function's declaration in the package the program uses (resolved from `programDir`). Without a declaration the
 * result is `{ id: <unknown> }`: the Output form is then unknown as a whole and the promise form has no other field.
 */
export function unknownResult(token: string, inputs: Record<string, unknown>, programDir: string): Record<string, unknown> {
    const key = `${programDir}\u0000${token}`;
    if (!shapes.has(key)) {
        shapes.set(key, readShape(token, programDir));
    }
    const shape = shapes.get(key);
    if (!shape) {
        return { id: UNKNOWN_WIRE_VALUE };
    }
    const result: Record<string, unknown> = { id: UNKNOWN_WIRE_VALUE };
    shape.values.forEach(field => (result[field] = UNKNOWN_WIRE_VALUE));
    shape.lists.forEach(field => (result[field] = [UNKNOWN_WIRE_VALUE]));
    shape.echoed.filter(field => inputs[field] !== undefined).forEach(field => (result[field] = inputs[field]));
    return result;
}

/** The `.d.ts` file and interface name that declare `token`'s result, e.g. `ec2/getVpc.d.ts` and `GetVpcResult`. */
export function declarationOf(token: string): { packageName: string; file: string; interfaceName: string } | undefined {
    const match = /^([a-z0-9-]+):([A-Za-z0-9_/-]+)\/([A-Za-z0-9_]+):([A-Za-z0-9_]+)$/.exec(token);
    if (!match) {
        return undefined;
    }
    const [, pkg, module, , fn] = match;
    const file = module === "index" ? `${fn}.d.ts` : `${module}/${fn}.d.ts`;
    return { packageName: `@pulumi/${pkg}`, file, interfaceName: `${fn.charAt(0).toUpperCase()}${fn.slice(1)}Result` };
}

function readShape(token: string, programDir: string): ResultShape | undefined {
    const declaration = declarationOf(token);
    if (!declaration) {
        return undefined;
    }
    let file: string;
    try {
        const packageJson = require.resolve(`${declaration.packageName}/package.json`, { paths: [programDir] });
        file = path.join(path.dirname(packageJson), declaration.file);
    } catch {
        return undefined;
    }
    if (!fs.existsSync(file)) {
        return undefined;
    }
    // TypeScript is loaded already (ts-node runs the preview); it reads the declaration without type-checking.
    const ts: typeof import("typescript") = require("typescript");
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, false);
    const found = source.statements.find((s): s is import("typescript").InterfaceDeclaration =>
        ts.isInterfaceDeclaration(s) && s.name.text === declaration.interfaceName);
    if (!found) {
        return undefined;
    }
    const shape: ResultShape = { lists: [], values: [], echoed: [] };
    for (const member of found.members) {
        if (!ts.isPropertySignature(member) || !member.type || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
            continue;
        }
        const name = member.name.text;
        const isList = ts.isArrayTypeNode(member.type)
            || (ts.isTypeReferenceNode(member.type) && member.type.typeName.getText(source) === "Array");
        if (member.questionToken) {
            shape.echoed.push(name);
        } else if (isList) {
            shape.lists.push(name);
        } else {
            shape.values.push(name);
        }
    }
    return shape;
}
