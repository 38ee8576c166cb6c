/** The rollout policy (docs/architecture.md §4 "Policy"): documents, compilation, decisions, live versions. */
export { compilePolicy } from './compile-policy';
export type { CompiledPolicy, CompiledRule } from './compiled-policy';
export { bucketOf, decideTarget, resolveRegion } from './decide-target';
export { decisionReasons, type Decision, type DecisionReason, type RoutingInput } from './decision';
export { defaultQaOverrideHeader, vendorOnlyPolicy, type PolicyDocument, type PolicyRule, type Target } from './policy-document';
export { loadPolicyFile, parsePolicyText, watchPolicyFile, type PolicyFileOptions, type PolicyFileWatch } from './policy-file';
export { PolicyHolder, type KillSwitchChange, type PolicyHolderOptions, type PolicyVersion } from './policy-holder';
export { policySchema } from './policy-schema';
