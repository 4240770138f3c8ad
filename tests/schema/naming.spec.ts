/**
 * The naming rules of the README's "Naming" section, checked on every name other languages see: each input and
 * output of every component and each property of every object type in the schema snapshot (which schema.spec.ts
 * keeps equal to the inferred schema), in the form each SDK generator gives it. A new input that breaks a rule fails
 * here with the rule it breaks.
 */
import * as assert from "assert";
import { RENAMED_INPUTS } from "../../components/validation";
import { csharpEnumMember, goName, pythonEnumMember, pythonName, typeName } from "./languageNames";
import { PackageSchema, PropertySchema, readSnapshot } from "./schemaSupport";

interface NamedProperty {
    /** Where it is, for failure messages: `Platform input vpcId`. */
    where: string;
    name: string;
    property: PropertySchema;
    /** An input of a component (not an output or an object type's property). */
    input: boolean;
}

function namedProperties(schema: PackageSchema): NamedProperty[] {
    const found: NamedProperty[] = [];
    for (const [token, resource] of Object.entries(schema.resources)) {
        for (const [name, property] of Object.entries(resource.inputProperties)) {
            found.push({ where: `${typeName(token)} input ${name}`, name, property, input: true });
        }
        for (const [name, property] of Object.entries(resource.properties)) {
            found.push({ where: `${typeName(token)} output ${name}`, name, property, input: false });
        }
    }
    for (const [token, type] of Object.entries(schema.types)) {
        for (const [name, property] of Object.entries(type.properties ?? {})) {
            found.push({ where: `${typeName(token)}.${name}`, name, property, input: false });
        }
    }
    return found;
}

const isRenamed = (p: NamedProperty) => p.input && p.name in RENAMED_INPUTS;

/** The 0.1.0 descriptions of renamed inputs, where one stated a unit the old name lacked. */
const OLD_DESCRIPTIONS: Record<string, string> = {
    requestsPerTarget: "ALB requests per task per minute that autoscaling keeps the service at.",
};

/** Unit spellings the rules replace: the unit each one should be written as. */
const OTHER_UNIT_SPELLINGS: [RegExp, string][] = [
    [/(Secs?|Second)(?=[A-Z]|$)/, "Seconds"],
    [/(Millis|Milliseconds)(?=[A-Z]|$)/, "Ms"],
    [/(Mins?|Minutes)(?=[A-Z]|$)/, "Seconds (or PerMinute for a rate)"],
    [/(Pct|Percentage)(?=[A-Z]|$)/, "Percent"],
    [/(MiB|MB|Mb|Megabytes)(?=[A-Z]|$)/, "Mib"],
];

/** Units a description states first ("Seconds between …", "Task memory in MiB"), and the word the name must carry. */
const UNITS_IN_DESCRIPTIONS: [RegExp, string][] = [
    [/^Seconds\b/, "Seconds"],
    [/^Days\b/, "Days"],
    [/\bin MiB\b/, "Mib"],
    [/\(percent\)/, "Percent"],
    [/\bper minute\b/, "PerMinute"],
];

/** The rules of the naming table, each returning why `p` breaks it, or nothing. */
const RULES: { rule: string; check(p: NamedProperty): string | undefined }[] = [
    {
        rule: "camelCase with acronyms and units as words (no two capitals in a row)",
        check: p => /^[a-z][a-z0-9]*([A-Z][a-z0-9]+)*$/.test(p.name) ? undefined : "write acronyms and units as words (Id, Arn, Kms, Mib)",
    },
    {
        rule: "a Python form without one-letter words",
        check: p => /(^|_)[a-z0-9](_|$)/.test(pythonName(p.name)) ? `it is ${pythonName(p.name)} in Python` : undefined,
    },
    {
        rule: "each unit spelled one way",
        check: p => OTHER_UNIT_SPELLINGS.filter(([pattern]) => pattern.test(p.name)).map(([, unit]) => `spell the unit as ${unit}`)[0],
    },
    {
        rule: "the unit a description states is in the name",
        check: p => UNITS_IN_DESCRIPTIONS.filter(([pattern, unit]) => pattern.test(p.property.description ?? "") && !p.name.includes(unit))
            .map(([, unit]) => `its description gives the unit; the name should contain ${unit}`)[0],
    },
    {
        // healthCheckGracePeriodSeconds and desiredCount are the ECS service's own fields, as the AWS provider names them.
        rule: "what a health check or a count applies to is in the name",
        check: p => !["healthCheckGracePeriodSeconds", "desiredCount"].includes(p.name)
            && (/^(healthCheck|healthy|unhealthy)/.test(p.name) || /^(min|max)Count$/.test(p.name))
            ? "prefix it with what it applies to (container…, target…, …Task…)" : undefined,
    },
];

function breaches(p: NamedProperty): string[] {
    return RULES.map(r => r.check(p)).filter((why): why is string => why !== undefined).map(why => `${p.where}: ${why}`);
}

describe("API names (README \"Naming\")", () => {
    const schema = readSnapshot();
    const properties = namedProperties(schema);
    const current = properties.filter(p => !isRenamed(p));

    it("checks every component of the package", () => {
        assert.ok(Object.keys(schema.resources).length >= 1);
        assert.ok(current.length >= 50, "the schema looks truncated");
    });

    for (const { rule, check } of RULES) {
        it(`keeps the rule: ${rule}`, () => {
            const failures = current.map(p => ({ p, why: check(p) })).filter(({ why }) => why !== undefined)
                .map(({ p, why }) => `${p.where}: ${why}`);
            assert.deepStrictEqual(failures, []);
        });
    }

    it("would have caught every name renamed in 0.2.0", () => {
        const renamed = properties.filter(isRenamed);
        assert.strictEqual(renamed.length, Object.keys(RENAMED_INPUTS).length);
        const missed = renamed.filter(p => breaches({ ...p, property: { ...p.property,
            // The old description, before it said "Deprecated": the docs the name had in 0.1.0 stated its unit.
            description: OLD_DESCRIPTIONS[p.name] ?? "" } }).length === 0);
        assert.deepStrictEqual(missed.map(p => p.where), []);
    });

    it("names enum members so each SDK's constant reads cleanly", () => {
        const failures: string[] = [];
        for (const [token, type] of Object.entries(schema.types)) {
            for (const member of type.enum ?? []) {
                const python = pythonEnumMember(member.name);
                if (!/^([A-Z][a-z0-9]*)+$/.test(member.name) && !/^[A-Z0-9_]+$/.test(member.name)) {
                    failures.push(`${typeName(token)}.${member.name}: use PascalCase, or the AWS value when it is one word`);
                }
                if (/(^|_)[A-Z0-9](_|$)/.test(python) && !/^[A-Z0-9_]+$/.test(member.name)) {
                    failures.push(`${typeName(token)}.${member.name} is ${python} in Python`);
                }
                if (csharpEnumMember(member.name) !== goName(member.name).replace(/_+/g, "_")) {
                    failures.push(`${typeName(token)}.${member.name}: C# and Go disagree on the member name`);
                }
            }
        }
        assert.deepStrictEqual(failures, []);
    });

    it("keeps each renamed input in the schema, described as deprecated, with the type of its new name", () => {
        const stack = schema.resources["fargate-stack:index:FargateStack"];
        const failures: string[] = [];
        for (const [oldName, newName] of Object.entries(RENAMED_INPUTS)) {
            const old = stack.inputProperties[oldName];
            const replacement = stack.inputProperties[newName];
            if (!old || !replacement) {
                failures.push(`${oldName} and ${newName} must both be FargateStack inputs`);
                continue;
            }
            if (!(old.description ?? "").startsWith(`Deprecated: use \`${newName}\``)) {
                failures.push(`${oldName}: its description must start with "Deprecated: use \`${newName}\`"`);
            }
            const shape = (p: PropertySchema) => JSON.stringify({ ...p, description: undefined });
            if (shape(old) !== shape(replacement)) {
                failures.push(`${oldName} has another type than ${newName}`);
            }
        }
        assert.deepStrictEqual(failures, []);
    });

    it("accepts renamed inputs on FargateStack only: new components are born with the final names", () => {
        const elsewhere = properties.filter(p => isRenamed(p) && !p.where.startsWith("FargateStack "));
        assert.deepStrictEqual(elsewhere.map(p => p.where), []);
    });
});
