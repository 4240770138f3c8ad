import * as assert from "assert";
import * as policySdk from "@pulumi/policy";
import * as pulumi from "@pulumi/pulumi";
import { bool, get, items, num, str, UNKNOWN, UNKNOWN_WIRE_VALUE } from "../../policy-pack/lib/values";
import { toWireValue } from "../../policy-pack/protocol/wire";

// Exported at run time, stripped from the published typings.
const { unknownCheckingProxy } = policySdk as unknown as { unknownCheckingProxy<T extends object>(v: T): T };

const props = () =>
    unknownCheckingProxy<Record<string, any>>({
        networkConfiguration: { subnets: ["subnet-1", UNKNOWN_WIRE_VALUE], assignPublicIp: UNKNOWN_WIRE_VALUE },
        target: UNKNOWN_WIRE_VALUE,
        cpu: "256",
        enabled: "true",
    });

describe("safe reads of possibly unknown values", () => {
    it("shows why they are needed: the SDK proxy throws on a plain read of an unknown", () => {
        assert.throws(() => props().networkConfiguration.assignPublicIp, /can't be known during preview/);
        assert.throws(() => props().networkConfiguration.subnets.forEach(() => undefined), /can't be known during preview/);
    });

    it("returns the UNKNOWN marker instead of throwing", () => {
        assert.strictEqual(get(props(), "networkConfiguration", "assignPublicIp"), UNKNOWN);
        assert.strictEqual(get(props(), "target", "ecsParameters", "networkConfiguration"), UNKNOWN);
    });

    it("reads arrays element by element", () => {
        assert.deepStrictEqual(items(props(), "networkConfiguration", "subnets"), ["subnet-1", UNKNOWN]);
        assert.strictEqual(items(props(), "target"), UNKNOWN);
        assert.strictEqual(items(props(), "missing"), undefined);
    });

    it("recognises raw sentinels without the proxy", () => {
        assert.strictEqual(get({ a: UNKNOWN_WIRE_VALUE }, "a"), UNKNOWN);
    });

    it("reads typed values", () => {
        assert.strictEqual(str(props(), "cpu"), "256");
        assert.strictEqual(num(props(), "cpu"), 256);
        assert.strictEqual(bool(props(), "enabled"), true);
        assert.strictEqual(str(props(), "networkConfiguration"), undefined);
    });

    it("puts recorded unknowns on the wire as the engine does", () => {
        const sdkUnknown = (pulumi as unknown as { unknown: unknown }).unknown;
        assert.deepStrictEqual(toWireValue({ a: Symbol("u"), b: undefined, c: [undefined, sdkUnknown, 1] }), {
            a: UNKNOWN_WIRE_VALUE,
            c: [null, UNKNOWN_WIRE_VALUE, 1],
        });
    });
});
