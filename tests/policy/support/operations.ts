/**
 * The storage and access stack plus the operations shapes the components register, as raw `@pulumi/aws` resources at
 * a fresh stack's first preview: an alarm topic encrypted with a KMS key of the stack (its ARN unknown, carried by
 * property dependency), the web service's deployment alarms notifying that topic on alarm and on recovery, and the
 * web service watching them (alarm names literal, as the component composes them) besides its circuit breaker. It
 * passes every policy with no finding; specs apply one mutation each.
 */
import { T } from "../../../policy-pack/lib/types";
import { StackFixture, U } from "./fixtures";
import { secureStorageAndAccess } from "./storageAndAccess";

/** The AWS names of the web service's deployment alarms, as the component composes them. */
export const DEPLOYMENT_ALARM_NAMES = ["fargate-dev-web-target-5xx", "fargate-dev-web-unhealthy-targets"];

/** Builds the storage and access stack with the operations shapes added. */
export function secureOperations(): StackFixture {
    const s = secureStorageAndAccess();
    const key = s.add(T.kmsKey, "app-alarms-key", { description: "Encrypts the alarm topic of app", enableKeyRotation: true, policy: U });
    const topic = s.add(T.snsTopic, "app-alarms", { kmsMasterKeyId: U }, { kmsMasterKeyId: [key] });
    for (const [i, metricName] of ["HTTPCode_Target_5XX_Count", "UnHealthyHostCount"].entries()) {
        const name = DEPLOYMENT_ALARM_NAMES[i];
        s.add(T.metricAlarm, `${name.replace("fargate-dev-", "")}-alarm`, {
            name, namespace: "AWS/ApplicationELB", metricName, dimensions: { TargetGroup: U, LoadBalancer: U },
            statistic: "Sum", period: 60, evaluationPeriods: 3, threshold: 1, comparisonOperator: "GreaterThanOrEqualToThreshold",
            alarmActions: [U], okActions: [U],
        }, { alarmActions: [topic], okActions: [topic], dimensions: [s.get("web-tg"), s.get("app-alb")] });
    }
    s.update("web-service", p => (p.alarms = { alarmNames: [...DEPLOYMENT_ALARM_NAMES], enable: true, rollback: true }));
    return s;
}
