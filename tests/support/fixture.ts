/**
 * The shared fixture: build one FargateStack under fresh mocks and wait until every child is registered.
 */
import * as pulumi from "@pulumi/pulumi";
import { FargateStack, FargateStackArgs } from "../../components/index";
import { AwsMocks, RecordedResource, settle } from "./awsMocks";

export interface Built {
    mocks: AwsMocks;
    stack: FargateStack;
    /** Children of the component (every registration but the component itself). */
    children: RecordedResource[];
    /** Inputs of the one resource with this name. */
    inputs(name: string): Record<string, any>;
}

/** Options of {@link build}. */
export interface BuildOptions {
    /** Component name. Default "web". */
    name?: string;
    /** Run as a fresh stack's preview: outputs the provider computes are unknown. Default false. */
    preview?: boolean;
}

/** Builds `new FargateStack(name, args)` under fresh mocks (set before the component is created). */
export async function build(args: FargateStackArgs, options: BuildOptions = {}): Promise<Built> {
    const mocks = new AwsMocks(options.preview ?? false).install();
    const stack = new FargateStack(options.name ?? "web", args);
    await settle();
    return {
        mocks,
        stack,
        children: mocks.resources.filter(r => r.type !== "fargate-stack:index:FargateStack"),
        inputs: (name: string) => mocks.named(name).inputs,
    };
}

/** Resolves an Output in a deployed (non-preview) mock run. */
export function resolve<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise(done => output.apply(value => done(value)));
}

/** The `type name` lines of resources, sorted: a readable, exact picture of what was created. */
export function inventory(resources: RecordedResource[]): string[] {
    return resources.map(r => `${r.type} ${r.name}`).sort();
}

/** The wire form of a secret value: `{ [SECRET_SIG]: SECRET_VALUE_SIG, value }`. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** Parses a JSON string input (task definition containers, IAM policies), secret or not. */
export function json(value: unknown): any {
    if (value !== null && typeof value === "object" && SECRET_SIG in value) {
        return json((value as unknown as { value: unknown }).value);
    }
    if (typeof value !== "string") {
        throw new Error(`expected a JSON string, got ${typeof value}`);
    }
    return JSON.parse(value);
}
