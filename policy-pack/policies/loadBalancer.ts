/**
 * Load balancer hygiene, advisory by default: clients reach the service over HTTPS (or are redirected to it), HTTPS
 * listeners refuse TLS below 1.2, and ALBs drop malformed headers. One rule per practice, each covering both the
 * `aws.lb` and `aws.alb` tokens.
 */
import { resourcePolicy } from "../lib/policy";
import { describe, LISTENER_TYPES, LOAD_BALANCER_TYPES } from "../lib/types";
import { bool, get, isSet, isUnknown, items, str, UNKNOWN } from "../lib/values";

/** `alb-listener-https`: no plain-HTTP listener unless it only redirects to HTTPS. */
export const albListenerHttps = resourcePolicy(
    {
        name: "alb-listener-https",
        title: "HTTPS listener or HTTP-to-HTTPS redirect",
        description:
            "Checks that load balancer listeners use HTTPS, or that a plain HTTP listener's default action redirects " +
            "to HTTPS.",
        severity: "high",
        enforcementLevel: "advisory",
        remediationSteps: [
            "1. Request an ACM certificate for the domain (DNS validation).",
            "2. Add an HTTPS listener on 443 with that certificate and a TLS 1.2+ sslPolicy, forwarding to the " +
                "target group.",
            "3. Change the HTTP listener's default action to {type: \"redirect\", redirect: {protocol: \"HTTPS\", " +
                "port: \"443\", statusCode: \"HTTP_301\"}}.",
        ].join("\n"),
        url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html",
        anchors: { securityHub: ["ELB.1"], checkov: ["CKV_AWS_2", "CKV2_AWS_20"] },
    },
    LISTENER_TYPES,
    ({ type, name, props, report }) => {
        const who = describe(type, name);
        if (str(props, "protocol") === undefined && !isSet(get(props, "port"))) {
            return; // neither protocol nor port: a Gateway Load Balancer listener, which carries no HTTP
        }
        // The provider defaults an ALB listener's protocol to HTTP.
        const protocol = str(props, "protocol") ?? "HTTP";
        const actions = items(props, "defaultActions");
        if (protocol === UNKNOWN || (protocol === "HTTP" && actions === UNKNOWN)) {
            report.unverified(
                `${who} has a protocol or default action unknown during preview, so whether it serves plain HTTP ` +
                    "cannot be verified. Use literal values.",
            );
            return;
        }
        if (protocol.toUpperCase() !== "HTTP") {
            return; // HTTPS, or a non-HTTP (NLB/GWLB) listener
        }
        const list = Array.isArray(actions) ? actions : [];
        const redirects = list.some(
            action =>
                str(action, "type") === "redirect" &&
                String(str(action, "redirect", "protocol")).toUpperCase() === "HTTPS",
        );
        const unclear = list.some(action => [str(action, "type"), str(action, "redirect", "protocol")].some(isUnknown));
        if (!redirects && unclear) {
            report.unverified(
                `${who} serves HTTP with a default action unknown during preview, so whether it redirects to ` +
                    "HTTPS cannot be verified. Use literal values.",
            );
        } else if (!redirects) {
            const port = get(props, "port");
            const where = typeof port === "number" ? ` on port ${port}` : "";
            report.violation(
                `${who} serves plain HTTP${where} without redirecting to HTTPS. Add an HTTPS listener with an ACM ` +
                    "certificate and make this listener's default action a redirect with protocol \"HTTPS\".",
            );
        }
    },
);

/** SSL policy name prefixes that accept only TLS 1.2 and 1.3 (FIPS, PQ and Res variants share them). */
const TLS12_POLICY = /^ELBSecurityPolicy-(TLS13-1-2|TLS13-1-3|TLS-1-2|FS-1-2)(-|$)/;

interface TlsConfig {
    additionalAllowedPolicies: string[];
}

/** `alb-listener-tls-1-2`: HTTPS and TLS listeners use a security policy without TLS 1.0/1.1. */
export const albListenerTls12 = resourcePolicy<TlsConfig>(
    {
        name: "alb-listener-tls-1-2",
        title: "TLS 1.2 or newer on HTTPS listeners",
        description: "Checks that HTTPS and TLS listeners use an SSL policy that accepts only TLS 1.2 or newer.",
        severity: "medium",
        enforcementLevel: "advisory",
        remediationSteps: "1. Set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06 (or a TLS13-1-3 / FIPS variant).",
        url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html",
        anchors: { checkov: ["CKV_AWS_103"] },
        settings: {
            additionalAllowedPolicies: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Further SSL policy names to accept (custom or newly released policies).",
            },
        },
    },
    LISTENER_TYPES,
    ({ type, name, props, config, report }) => {
        const who = describe(type, name);
        const written = str(props, "protocol");
        // The provider accepts any case and stores the protocol upper-cased.
        const protocol = typeof written === "string" && !isUnknown(written) ? written.toUpperCase() : written;
        const policy = str(props, "sslPolicy");
        const secure = protocol === "HTTPS" || protocol === "TLS";
        if (protocol === UNKNOWN || (secure && policy === UNKNOWN)) {
            report.unverified(
                `${who} has a protocol or sslPolicy unknown during preview, so its TLS versions cannot be verified. ` +
                    "Use literal values.",
            );
            return;
        }
        if (!secure) {
            return;
        }
        const fix = "Set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06 or newer.";
        if (policy === undefined) {
            report.violation(
                `${who} sets no sslPolicy, so AWS applies ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1. ${fix}`,
            );
        } else if (
            typeof policy === "string" &&
            !TLS12_POLICY.test(policy) &&
            !config.additionalAllowedPolicies.includes(policy)
        ) {
            report.violation(`${who} uses sslPolicy "${policy}", which accepts TLS versions older than 1.2. ${fix}`);
        }
    },
);

/** `alb-drop-invalid-header-fields`: ALBs drop headers with invalid field names instead of forwarding them. */
export const albDropInvalidHeaderFields = resourcePolicy(
    {
        name: "alb-drop-invalid-header-fields",
        title: "ALB drops invalid header fields",
        description: "Checks that application load balancers set dropInvalidHeaderFields to true.",
        severity: "medium",
        enforcementLevel: "advisory",
        remediationSteps: "1. Set dropInvalidHeaderFields: true on the application load balancer.",
        url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html",
        anchors: { securityHub: ["ELB.4"], checkov: ["CKV_AWS_131"] },
    },
    LOAD_BALANCER_TYPES,
    ({ type, name, props, report }) => {
        const kind = str(props, "loadBalancerType") ?? "application";
        const drop = bool(props, "dropInvalidHeaderFields");
        const who = describe(type, name);
        if (isUnknown(kind) || (kind === "application" && isUnknown(drop))) {
            report.unverified(
                `${who} has loadBalancerType or dropInvalidHeaderFields unknown during preview. Use literal values.`,
            );
        } else if (kind === "application" && drop !== true) {
            report.violation(
                `${who} forwards HTTP headers with invalid field names to targets. Set dropInvalidHeaderFields to true.`,
            );
        }
    },
);
