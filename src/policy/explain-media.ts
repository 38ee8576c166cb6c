/**
 * The media decision for one hypothetical device and file, with its reason in words, for
 * `GET /admin/explain` (docs/media.md "Explain"): where such a device plays the file from under the
 * active policy. It is the policy's answer only: a file not verified in the bucket still plays from
 * the vendor's CDN whatever the policy says (`understudy media status` tells which are verified).
 */
import type { CompiledPolicy } from './compiled-policy';
import { decideMedia, type MediaDecision } from './decide-media';
import type { RoutingInput } from './decision';

/** The media decision and a sentence saying why. */
export interface MediaExplanation extends MediaDecision {
  readonly fileId: number | null;
  readonly because: string;
}

function mediaSentence(decision: MediaDecision): string {
  switch (decision.reason) {
    case 'kill-switch-global':
      return 'the global kill switch is on: every device plays from the vendor\'s CDN';
    case 'kill-switch-media':
      return 'killSwitch.media is on: every device plays from the vendor\'s CDN';
    case 'rule':
      return `media rule "${decision.ruleId}" matched: ${decision.source === 'storage' ? 'the company CDN, for files verified in the bucket' : 'the vendor\'s CDN'}`;
    case 'rule-percent-out':
      return `media rule "${decision.ruleId}" matched, but this device's bucket is outside its percentage: the vendor's CDN`;
    default:
      return `no media rule matched: the media default (${decision.source}) applies`;
  }
}

/** Decides where `input`'s device plays `fileId` from (null = no file named: file rules cannot match). */
export function explainMedia(policy: CompiledPolicy, input: RoutingInput, fileId: number | null): MediaExplanation {
  const decision = decideMedia(policy, input, fileId ?? 0);
  return { ...decision, fileId, because: mediaSentence(decision) };
}
