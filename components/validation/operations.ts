/** Validation of the alarm topic, its subscriptions, the dashboard switch and the alarm thresholds. */
import * as pulumi from "@pulumi/pulumi";
import { Inputs } from "../defaults";
import { Problems } from "./problems";

const TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Where alarms go: an SNS topic ARN or the component's own topic, with email subscriptions that look like addresses. */
export function validateMonitoring(given: Inputs, problems: Problems): void {
    const arn: unknown = given.alarmTopicArn;
    if (arn !== undefined && !pulumi.Output.isInstance(arn) && !(typeof arn === "string" && TOPIC_ARN.test(arn))) {
        problems.add("alarmTopicArn", "must be the ARN of an SNS topic", arn, "Use arn:aws:sns:<region>:<account>:<topic>, or leave it out.");
    }
    const emails: unknown = given.alarmEmails;
    if (emails !== undefined && !Array.isArray(emails)) {
        problems.add("alarmEmails", "must be a list of email addresses", emails, `Use a list such as ["oncall@example.com"].`);
    } else if (Array.isArray(emails)) {
        emails.forEach((email: unknown, i: number) => {
            if (!(typeof email === "string" && EMAIL.test(email))) {
                problems.add(`alarmEmails[${i}]`, "must be an email address", email, `Use an address such as "oncall@example.com".`);
            }
        });
        if (emails.length > 0 && arn !== undefined) {
            problems.add("alarmEmails", "subscribe to the component's own topic, and `alarmTopicArn` replaces it", emails,
                "Subscribe the addresses to your topic yourself, or remove `alarmTopicArn`.");
        }
    }
    problems.checkBoolean("enableDashboard", given.enableDashboard);
}

/** The alarm switch and thresholds, where the component has them. */
export function validateAlarmThresholds(given: Inputs, problems: Problems): void {
    problems.checkBoolean("enableAlarms", given.enableAlarms);
    problems.checkRange("targetErrorRatePercent", given.targetErrorRatePercent, { min: 1, max: 100 });
    // An ALB waits at most 4000 s (its longest idle timeout) for a response.
    problems.checkRange("latencyThresholdMs", given.latencyThresholdMs, { min: 1, max: 4000000 });
    problems.checkRange("cpuAlarmPercent", given.cpuAlarmPercent, { min: 1, max: 100 });
    problems.checkRange("memoryAlarmPercent", given.memoryAlarmPercent, { min: 1, max: 100 });
    // SQS keeps a message at most 14 days.
    problems.checkRange("messageAgeAlarmSeconds", given.messageAgeAlarmSeconds, { min: 60, max: 1209600 });
}
