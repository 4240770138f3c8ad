/**
 * The shared rules module: Fargate sizes, AWS limits and naming rules, used by both the `FargateStack` component
 * (to validate inputs before anything is registered) and the `fargate-stack-guardrails` policy pack. Pure data and
 * functions with no Pulumi dependency.
 */
export * from "./taskSize";
export * from "./limits";
export * from "./names";
export * from "./schedule";
