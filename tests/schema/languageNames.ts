/**
 * The names Pulumi's SDK generators give schema properties and enum values in each language, so that the example
 * programs can be checked against the schema without generating SDKs (which needs the Pulumi CLI).
 *
 * Ported from the code generators in github.com/pulumi/pulumi (`pkg/codegen/python/python.go` `pyName` and
 * `utilities.go` `makeSafeEnumName`; `pkg/codegen/go/gen.go` `Title` and `utilities.go` `makeSafeEnumName`) and
 * github.com/pulumi/pulumi-dotnet (`pulumi-language-dotnet/codegen` `propertyName`, `makeSafeEnumName`). Only the
 * cases a schema inferred from TypeScript can produce are covered: ASCII identifiers without `$` or `-`.
 */

const PYTHON_KEYWORDS = new Set([
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]);

const isUpper = (c: string) => c >= "A" && c <= "Z";
const isDigit = (c: string) => c >= "0" && c <= "9";

function assertPlainIdentifier(name: string): void {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        throw new Error(`${JSON.stringify(name)} is outside what these name rules cover`);
    }
}

/**
 * Python's snake_case for a camelCase schema name (`pyName`): `memoryMiB` → `memory_mi_b` (why the input is `memoryMib`), `vpcId` → `vpc_id`,
 * `SHA256Hash` → `sha256_hash`. Keywords get a trailing underscore.
 */
export function pythonName(name: string): string {
    assertPlainIdentifier(name);
    type State = "first" | "upper" | "acronym" | "lowerOrNumber";
    const parts: string[] = [];
    let current = "";
    let state: State = "first";
    for (const c of name) {
        switch (state) {
            case "first":
                state = isUpper(c) ? "upper" : "lowerOrNumber";
                current += c.toLowerCase();
                break;
            case "upper":
                state = isUpper(c) ? "acronym" : "lowerOrNumber";
                current += c.toLowerCase();
                break;
            case "acronym":
                if (isUpper(c)) {
                    current += c.toLowerCase();
                } else if (isDigit(c) || c === "s") {
                    // Digits and a plural "s" stay with the acronym.
                    state = "lowerOrNumber";
                    current += c;
                } else {
                    parts.push(current.slice(0, -1));
                    current = current.slice(-1) + c;
                    state = "lowerOrNumber";
                }
                break;
            case "lowerOrNumber":
                if (isUpper(c)) {
                    parts.push(current);
                    current = c.toLowerCase();
                    state = "upper";
                } else {
                    current += c;
                }
                break;
        }
    }
    if (current !== "") {
        parts.push(current);
    }
    const result = parts.join("_");
    return PYTHON_KEYWORDS.has(result) ? `${result}_` : result;
}

/** Go's exported field name (`Title`): the first letter upper-cased, `memoryMib` → `MemoryMib`. */
export function goName(name: string): string {
    assertPlainIdentifier(name);
    return name.charAt(0).toUpperCase() + name.slice(1);
}

/** C#'s property name (`propertyName`): the first letter upper-cased, `memoryMib` → `MemoryMib`. */
export function csharpName(name: string): string {
    assertPlainIdentifier(name);
    return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The name of a type token's class in every language: the last part of `fargate-stack:index:CpuArchitecture`. */
export function typeName(token: string): string {
    return token.split(":")[2];
}

/** Python's enum member for an enum value name: `OnePerAz` → `ONE_PER_AZ`, `X86_64` → `X86_64`. */
export function pythonEnumMember(valueName: string): string {
    return pythonName(valueName).toUpperCase().replace(/_+/g, "_");
}

/** Go's enum constant: the type name plus the value name, with `_` when the value has one (`CpuArchitecture_X86_64`). */
export function goEnumConstant(enumTypeName: string, valueName: string): string {
    let safe = goName(valueName).replace(/_+/g, "_");
    if (safe.includes("_") && !safe.startsWith("_")) {
        safe = `_${safe}`;
    }
    return enumTypeName + safe;
}

/** C#'s enum member: the value name with its first letter upper-cased (`OnePerAz`, `X86_64`). */
export function csharpEnumMember(valueName: string): string {
    return csharpName(valueName).replace(/_+/g, "_");
}
