/**
 * Offline answers to the data-source invokes AWS programs commonly make. A real preview runs invokes against AWS;
 * offline there is no account, so these are placeholders: account 123456789012, the configured region (default
 * us-east-1) and zones `<region>a` to `<region>f`. Any other invoke fails with its token named, never silently.
 */
import { dnsSuffixOf, partitionOf } from "../../components/rules";

/** The placeholder account ID of offline runs. */
export const OFFLINE_ACCOUNT_ID = "123456789012";

/** Answers for one region, keyed by invoke token. */
export function awsInvokes(region: string): Record<string, (inputs: Record<string, any>) => Record<string, unknown>> {
    const zones = ["a", "b", "c", "d", "e", "f"].map(letter => `${region}${letter}`);
    const partition = partitionOf(region);
    return {
        "aws:index/getCallerIdentity:getCallerIdentity": () => ({
            accountId: OFFLINE_ACCOUNT_ID, arn: `arn:${partition}:iam::${OFFLINE_ACCOUNT_ID}:user/offline-preview`,
            userId: "AIDAOFFLINEPREVIEW", id: OFFLINE_ACCOUNT_ID,
        }),
        "aws:index/getRegion:getRegion": () => ({
            region, name: region, id: region, description: region, endpoint: `ec2.${region}.amazonaws.com`,
        }),
        "aws:index/getPartition:getPartition": () => ({
            partition, id: partition, dnsSuffix: dnsSuffixOf(partition),
            reverseDnsPrefix: partition === "aws-cn" ? "cn.com.amazonaws" : "com.amazonaws",
        }),
        "aws:index/getAvailabilityZones:getAvailabilityZones": () => ({
            names: zones, zoneIds: zones.map((_, i) => `${region.replace(/-/g, "")}-az${i + 1}`), id: region,
            groupNames: [region],
        }),
    };
}

/** An invoke the offline preview cannot answer. */
export class UnmockedInvokeError extends Error {
    constructor(readonly token: string) {
        super(`the offline preview has no answer for the invoke ${token}; only ${Object.keys(awsInvokes("us-east-1")).join(", ")} are known`);
    }
}
