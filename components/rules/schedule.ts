/**
 * EventBridge Scheduler schedule expressions: `cron(minutes hours day-of-month month day-of-week year)` and
 * `rate(value unit)`. Pure functions, shared by the `ScheduledTask` component and the policy pack.
 *
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html
 */

/** What is wrong with an expression, phrased to follow "`schedule` …"; undefined when it is valid. */
export type ScheduleProblem = string | undefined;

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

interface CronField {
    name: string;
    min: number;
    max: number;
    names?: string[];
    /** Extra tokens the field allows besides numbers, ranges, lists, `*` and `/`. */
    special?: RegExp;
}

/** The six fields, in order, with AWS's ranges. */
const CRON_FIELDS: CronField[] = [
    { name: "minutes", min: 0, max: 59 },
    { name: "hours", min: 0, max: 23 },
    { name: "day-of-month", min: 1, max: 31, special: /^(\?|L|LW|\d{1,2}W)$/ },
    { name: "month", min: 1, max: 12, names: MONTHS },
    { name: "day-of-week", min: 1, max: 7, names: DAYS, special: /^(\?|L|\d{1}L|\d#[1-5]|[A-Z]{3}#[1-5]|[A-Z]{3}L)$/ },
    { name: "year", min: 1970, max: 2199 },
];

function valueOk(token: string, field: CronField): boolean {
    if (/^\d+$/.test(token)) {
        return Number(token) >= field.min && Number(token) <= field.max;
    }
    return field.names?.includes(token.toUpperCase()) ?? false;
}

/** One element of a comma list: `*`, `v`, `a-b`, with an optional `/step`. */
function elementOk(element: string, field: CronField): boolean {
    if (field.special?.test(element.toUpperCase())) {
        return true;
    }
    const [base, step, ...rest] = element.split("/");
    if (rest.length > 0 || (step !== undefined && !(/^\d+$/.test(step) && Number(step) > 0))) {
        return false;
    }
    if (base === "*") {
        return true;
    }
    const bounds = base.split("-");
    return bounds.length <= 2 && bounds.every(b => valueOk(b, field));
}

function cronProblem(body: string): ScheduleProblem {
    const fields = body.trim().split(/\s+/);
    if (fields.length !== 6) {
        return `must have six cron fields (minutes hours day-of-month month day-of-week year), not ${fields.length}`;
    }
    for (const [i, field] of CRON_FIELDS.entries()) {
        if (!fields[i].split(",").every(element => elementOk(element, field))) {
            return `has an invalid ${field.name} field "${fields[i]}"`;
        }
    }
    // AWS requires exactly one of the two day fields to be `?`.
    if ((fields[2] === "?") === (fields[4] === "?")) {
        return "must have `?` in exactly one of day-of-month and day-of-week";
    }
    return undefined;
}

function rateProblem(body: string): ScheduleProblem {
    const match = /^\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*$/.exec(body);
    if (!match || Number(match[1]) < 1) {
        return "must be rate(<positive whole number> <minutes, hours or days>)";
    }
    const singular = !match[2].endsWith("s");
    if ((Number(match[1]) === 1) !== singular) {
        return `must use "${Number(match[1]) === 1 ? match[2].replace(/s$/, "") : `${match[2]}s`}" with ${match[1]}`;
    }
    return undefined;
}

/** Why `expression` is not a recurring EventBridge Scheduler expression, or undefined when it is one. */
export function scheduleExpressionProblem(expression: string): ScheduleProblem {
    const match = /^(cron|rate)\((.*)\)$/.exec(expression.trim());
    if (!match) {
        return "must be cron(...) or rate(...)";
    }
    return match[1] === "cron" ? cronProblem(match[2]) : rateProblem(match[2]);
}

/**
 * Why `expression` is not an Application Auto Scaling schedule (scheduled scaling), or undefined when it is one:
 * the recurring forms of {@link scheduleExpressionProblem}, or `at(yyyy-mm-ddThh:mm:ss)` once.
 * @see https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScheduledAction.html
 */
export function scalingScheduleProblem(expression: string): ScheduleProblem {
    const at = /^at\((.*)\)$/.exec(expression.trim());
    if (!at) {
        const problem = scheduleExpressionProblem(expression);
        return problem === "must be cron(...) or rate(...)" ? "must be cron(...), rate(...) or at(...)" : problem;
    }
    const when = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(at[1]);
    const valid = when && !Number.isNaN(Date.parse(`${at[1]}Z`)) && Number(when[4]) < 24 && Number(when[5]) < 60 && Number(when[6]) < 60;
    return valid ? undefined : "must be at(yyyy-mm-ddThh:mm:ss) with a real date and time";
}

/** True when `zone` is an IANA time zone name Node.js knows (the names EventBridge Scheduler accepts). */
export function isTimeZone(zone: string): boolean {
    if (zone === "UTC") {
        return true;
    }
    try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
        return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone);
    } catch {
        return false;
    }
}
