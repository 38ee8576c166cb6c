/**
 * The routing decision for one hypothetical call, with its reason in words, for the admin
 * `GET /admin/explain` (docs/policy.md "Explain"): an operator asks "where does this household's
 * asset.get go, and why?" without sending a device request.
 */
import type { CompiledPolicy } from './compiled-policy';
import { bucketCount, bucketOf, decideTarget } from './decide-target';
import type { Decision, RoutingInput } from './decision';

/** The decision, the household/device bucket and a sentence saying why. */
export interface Explanation {
  readonly decision: Decision;
  readonly bucket: number;
  readonly because: string;
}

function ruleSentence(policy: CompiledPolicy, decision: Decision, bucket: number): string {
  const rule = policy.rules.find((r) => r.id === decision.ruleId);
  const limit = rule === undefined ? 0 : rule.bucketLimit;
  const share = `${limit / 100}% of buckets`;
  if (decision.reason === 'rule-percent-out') return `rule "${decision.ruleId}" matched, but bucket ${bucket} is outside its ${share} (< ${limit} of ${bucketCount}), so the vendor answers`;
  if (limit >= bucketCount) return `rule "${decision.ruleId}" matched (100%), target ${decision.target}`;
  return `rule "${decision.ruleId}" matched and bucket ${bucket} is inside its ${share} (< ${limit} of ${bucketCount}), target ${decision.target}`;
}

function sentence(policy: CompiledPolicy, decision: Decision, input: RoutingInput, bucket: number): string {
  switch (decision.reason) {
    case 'kill-switch-global':
      return 'the global kill switch is on: every call goes to the vendor';
    case 'kill-switch-operation':
      return `the kill switch for ${input.operationId} is on (killSwitch.operations)`;
    case 'qa-override':
      return `device ${input.udid ?? ''} is a listed QA device and asked for ${decision.target}`;
    case 'default':
      return `no rule matched ${input.operationId}: the default target ${decision.target} answers`;
    default:
      return ruleSentence(policy, decision, bucket);
  }
}

/** Decides `input` under `policy` exactly as a device call would be decided, and says why. */
export function explainDecision(policy: CompiledPolicy, input: RoutingInput): Explanation {
  const decision = decideTarget(policy, input);
  const bucket = bucketOf(policy.salt, input);
  return { decision, bucket, because: sentence(policy, decision, input, bucket) };
}
