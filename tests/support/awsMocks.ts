/**
 * Pulumi mocks for the AWS resources and invokes the component uses, recording every registration with the
 * offline preview's recorder (parent, dependencies and property dependencies included). Invoke mocks are strict: an
 * invoke nobody mocked throws, so a new data-source call cannot slip in unnoticed.
 */
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { deserializeProperties } from "@pulumi/pulumi/runtime/rpc";
import { RecordedResource, recordRegistrations } from "../../policy-pack/preview/recorder";
import { OFFLINE_ACCOUNT_ID, awsInvokes } from "../../policy-pack/preview/invokes";

export { RecordedResource };

export const ACCOUNT_ID = OFFLINE_ACCOUNT_ID;
export const REGION = "us-east-1";

/** Invoke results, keyed by token: the offline preview's answers. */
const INVOKES = awsInvokes(REGION);

/** Outputs a provider computes, for a deployed (non-preview) run: IDs, ARNs and names derived from the inputs. */
function computedState(type: string, name: string, inputs: Record<string, any>): Record<string, unknown> {
    const arn = `arn:aws:${type.split(":")[1].split("/")[0]}:${REGION}:${ACCOUNT_ID}:${name}`;
    const state: Record<string, unknown> = { ...inputs, arn, name: inputs.name ?? `${name}-1234567` };
    switch (type) {
        case "aws:lb/loadBalancer:LoadBalancer":
            return { ...state, dnsName: `${name}.${REGION}.elb.amazonaws.com`, zoneId: "Z35SXDOTRQ7X7K", arnSuffix: `app/${name}/abc` };
        case "aws:lb/targetGroup:TargetGroup":
            return { ...state, arnSuffix: `targetgroup/${name}/def` };
        case "aws:acm/certificate:Certificate":
            return { ...state, domainValidationOptions: [{
                domainName: inputs.domainName, resourceRecordName: `_x.${inputs.domainName}.`,
                resourceRecordType: "CNAME", resourceRecordValue: "_y.acm-validations.aws.",
            }] };
        case "aws:acm/certificateValidation:CertificateValidation":
            return { ...state, certificateArn: inputs.certificateArn };
        case "aws:route53/record:Record":
            return { ...state, fqdn: inputs.name };
        default:
            return state;
    }
}

/** Installs the mocks and records registrations; call in `before()`/`beforeEach()` before creating resources. */
export class AwsMocks implements pulumi.runtime.Mocks {
    readonly resources: RecordedResource[] = [];
    readonly invokes: string[] = [];

    constructor(readonly preview: boolean = false, readonly project = "fargate-stack", readonly stack = "test") {}

    /** Sets these mocks as the process's Pulumi runtime (it is process-global) and starts recording. */
    install(): this {
        pulumi.runtime.setMocks(this, this.project, this.stack, this.preview);
        const monitor = (pulumi.runtime as any).getMonitor() as MockMonitor;
        recordRegistrations(monitor, deserializeProperties, record => this.resources.push(record));
        return this;
    }

    /**
     * A monitor of these mocks that records into `resources` like the installed one, for a plugin to reach over gRPC
     * (`serveMonitor`). Its URNs use the project and stack of the installed runtime: install these mocks too.
     */
    recordingMonitor(): MockMonitor {
        const monitor = new MockMonitor(this);
        recordRegistrations(monitor, deserializeProperties, record => this.resources.push(record));
        return monitor;
    }

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
        if (this.preview) {
            // A fresh stack's preview: the provider knows nothing but the inputs.
            return { id: undefined, state: { ...args.inputs } };
        }
        return { id: `${args.name}-id`, state: computedState(args.type, args.name, args.inputs) };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        const invoke = INVOKES[args.token];
        if (!invoke) {
            throw new Error(`unmocked invoke ${args.token}`);
        }
        this.invokes.push(args.token);
        return invoke(args.inputs);
    }

    /** Resources of one type token, in registration order. */
    ofType(type: string): RecordedResource[] {
        return this.resources.filter(r => r.type === type);
    }

    /** The one resource with this name; fails when there is none or more than one. */
    named(name: string): RecordedResource {
        const found = this.resources.filter(r => r.name === name);
        if (found.length !== 1) {
            throw new Error(`expected one resource named ${name}, found ${found.length}`);
        }
        return found[0];
    }
}

/**
 * Waits until every registration the program started has reached the monitor. Uses the SDK's internal
 * `waitForRPCs` (the same wait `pulumi.runtime` does before it disconnects), because the public API has none.
 */
export async function settle(): Promise<void> {
    const settings = require("@pulumi/pulumi/runtime/settings");
    await settings.waitForRPCs();
}

/** Resolves an Output's value in a test (undefined when unknown). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise(resolve => output.apply(v => { resolve(v); return v; }));
}
