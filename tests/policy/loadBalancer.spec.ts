import { albDropInvalidHeaderFields, albListenerHttps, albListenerTls12 } from "../../policy-pack/policies/loadBalancer";
import { LISTENER_TYPES, LOAD_BALANCER_TYPES } from "../../policy-pack/lib/types";
import { StackFixture, U } from "./support/fixtures";
import { advisory, expectFindings, unverified } from "./support/scenario";

const HTTPS_FIX = 'Add an HTTPS listener with an ACM certificate and make this listener\'s default action a redirect with protocol "HTTPS".';
const TLS_FIX = "Set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06 or newer.";
const forwardHttp = (s: StackFixture) => s.update("app-http", p => (p.defaultActions = [{ type: "forward", targetGroupArn: U }]));

describe("load balancer policies", () => {
    it("pass the secure stack (HTTPS listener plus HTTP redirect)", async () => {
        for (const policy of [albListenerHttps, albListenerTls12, albDropInvalidHeaderFields]) {
            await expectFindings(policy, undefined, []);
        }
    });

    describe("alb-listener-https", () => {
        it("flags an HTTP listener that forwards instead of redirecting (the dev stack's HTTP-only mode)", async () => {
            await expectFindings(albListenerHttps, forwardHttp, [
                advisory(`Listener "app-http" serves plain HTTP on port 80 without redirecting to HTTPS. ${HTTPS_FIX}`),
            ]);
        });
        it("treats a listener without protocol as HTTP and covers the aws.alb alias", async () => {
            await expectFindings(albListenerHttps, s => s.add(LISTENER_TYPES[1], "legacy", { port: 8080, defaultActions: [{ type: "fixed-response" }] }), [
                advisory(`Listener "legacy" serves plain HTTP on port 8080 without redirecting to HTTPS. ${HTTPS_FIX}`),
            ]);
        });
        it("ignores Gateway Load Balancer listeners, which have neither protocol nor port", async () => {
            await expectFindings(albListenerHttps, s => s.add(LISTENER_TYPES[0], "gwlb", { defaultActions: [{ type: "forward", targetGroupArn: U }] }), []);
        });
        it("ignores non-HTTP listeners of network load balancers", async () => {
            await expectFindings(albListenerHttps, s => s.add(LISTENER_TYPES[0], "tcp", { port: 5432, protocol: "TCP", defaultActions: [{ type: "forward" }] }), []);
        });
        it("reports an unknown default action as cannot verify", async () => {
            await expectFindings(albListenerHttps, s => s.update("app-http", p => (p.defaultActions = [U])), [
                unverified('Listener "app-http" serves HTTP with a default action unknown during preview, so whether it redirects to HTTPS cannot be verified. Use literal values.'),
            ]);
        });
    });

    describe("alb-listener-tls-1-2", () => {
        it("fails an HTTPS listener without sslPolicy", async () => {
            await expectFindings(albListenerTls12, s => s.update("app-https", p => delete p.sslPolicy), [
                advisory(`Listener "app-https" sets no sslPolicy, so AWS applies ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1. ${TLS_FIX}`),
            ]);
        });
        it("reads the protocol in any case, as the provider accepts it", async () => {
            await expectFindings(albListenerTls12, s => s.update("app-https", p => { p.protocol = "https"; delete p.sslPolicy; }), [
                advisory(`Listener "app-https" sets no sslPolicy, so AWS applies ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1. ${TLS_FIX}`),
            ]);
        });
        it("fails a policy that accepts TLS 1.0 or 1.1", async () => {
            for (const policy of ["ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-TLS13-1-1-2021-06", "ELBSecurityPolicy-FS-1-1-2019-08"]) {
                await expectFindings(albListenerTls12, s => s.update("app-https", p => (p.sslPolicy = policy)), [
                    advisory(`Listener "app-https" uses sslPolicy "${policy}", which accepts TLS versions older than 1.2. ${TLS_FIX}`),
                ]);
            }
        });
        it("accepts TLS 1.2+, TLS 1.3 and FIPS policies, and configured extras", async () => {
            for (const policy of ["ELBSecurityPolicy-TLS13-1-3-2021-06", "ELBSecurityPolicy-TLS-1-2-Ext-2018-06", "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04"]) {
                await expectFindings(albListenerTls12, s => s.update("app-https", p => (p.sslPolicy = policy)), []);
            }
            await expectFindings(albListenerTls12, s => s.update("app-https", p => (p.sslPolicy = "Custom-Strict")), [], { additionalAllowedPolicies: ["Custom-Strict"] });
        });
    });

    describe("alb-drop-invalid-header-fields", () => {
        it("fails an application load balancer that forwards invalid headers", async () => {
            await expectFindings(albDropInvalidHeaderFields, s => s.update("app-alb", p => delete p.dropInvalidHeaderFields), [
                advisory('Load balancer "app-alb" forwards HTTP headers with invalid field names to targets. Set dropInvalidHeaderFields to true.'),
            ]);
        });
        it("ignores network load balancers", async () => {
            await expectFindings(albDropInvalidHeaderFields, s => s.add(LOAD_BALANCER_TYPES[1], "nlb", { loadBalancerType: "network" }), []);
        });
    });
});
