/**
 * Shadow samples from a multirequest forwarded whole to the vendor (brief §3): each shadowed read
 * sub-call becomes one sample, compared slot by slot. Its `{N:result:…}` tokens are resolved
 * against the vendor's own earlier slots, exactly as the device's call was; a sub-call whose
 * tokens cannot be resolved that way is counted as `unsupported`.
 */
import type { RoutedDecision } from '../gateway/route-request';
import { collectTokenIndexes, resolveTokens } from '../phoenix/multirequest-tokens';
import type { GatewayAnswer } from '../gateway/facade-request-handler';
import { shadowableReads } from '../shadow/multirequest-reads';
import type { SplitMultirequest } from '../phoenix/multirequest-split';
import type { ShadowExecutor, ShadowJob } from '../shadow/shadow-executor';
import { outcomeFromEnvelope } from '../upstream/vendor-call-client';
import type { VendorOutcome } from '../core/vendor-error';

export interface MultirequestSampleInput {
  readonly split: SplitMultirequest;
  readonly decisions: readonly RoutedDecision[];
  /** Positions (0-based) chosen for shadowing: shadowed, sampled reads. */
  readonly chosen: readonly number[];
  readonly body: string;
  readonly apiBaseUrl: string;
  readonly region: string;
  readonly primaryMs: number;
}

/** The slots of the vendor's answer and its `executionTime` (each slot's envelope carries it, as a single call's does). */
function slotsOf(body: string): { slots: unknown[]; executionTime: unknown } | undefined {
  try {
    const parsed = JSON.parse(body) as { result?: unknown; executionTime?: unknown };
    return Array.isArray(parsed.result) ? { slots: parsed.result, executionTime: parsed.executionTime ?? 0 } : undefined;
  } catch {
    return undefined;
  }
}

/** Offers one job per chosen sub-call to the executor. */
export function offerMultirequestSamples(executor: ShadowExecutor, input: MultirequestSampleInput): void {
  const answer = slotsOf(input.body);
  const slots = answer?.slots;
  const outcomes: VendorOutcome[] = (slots ?? []).map((slot) => outcomeFromEnvelope({ result: slot }) ?? { ok: true, value: slot });
  for (const index of input.chosen) {
    const operationId = input.decisions[index]!.operationId;
    const sub = input.split.subRequests[index]!;
    if (slots === undefined || index >= slots.length) {
      executor.drop('unsupported', operationId);
      continue;
    }
    const params = resolveTokens(sub.params, outcomes.slice(0, index));
    if (!params.ok) {
      executor.drop('unsupported', operationId);
      continue;
    }
    const envelope = { executionTime: answer!.executionTime, result: slots[index] };
    const primaryText = JSON.stringify(envelope);
    const job: ShadowJob = {
      operationId,
      region: input.region,
      call: { service: sub.service ?? '', action: sub.action ?? '', params: params.value },
      apiBaseUrl: input.apiBaseUrl,
      primary: { json: envelope, text: primaryText },
      primaryBytes: primaryText.length,
      primaryMs: input.primaryMs,
    };
    executor.offer(job);
  }
}

/** Calls that issue a KS and change nothing a later read in the same multirequest shows. */
const sessionIssuers = new Set(['ottuser.anonymouslogin', 'ottuser.login', 'ottuser.refreshsession']);

type PassthroughAnswer = Extract<GatewayAnswer, { kind: 'passthrough' }>;

/**
 * For a multirequest that writes: per slot, whether it is a read that may be shadowed
 * (multirequest-reads.ts). Undefined when the request does not write (every read may be).
 */
export function readsOfWritingMultirequest(answer: PassthroughAnswer, isReadOnly: (operationId: string) => boolean): boolean[] | undefined {
  if (answer.parsed.kind !== 'multi') return undefined;
  return readsOfWritingSlots(answer.decisions, answer.parsed.split.subRequests, isReadOnly);
}

/** The same for any multirequest's decisions and sub-requests (as sent, tokens unresolved). */
export function readsOfWritingSlots(decisions: readonly RoutedDecision[], subRequests: SplitMultirequest['subRequests'], isReadOnly: (operationId: string) => boolean): boolean[] | undefined {
  const writes = decisions.some((d) => !isReadOnly(d.operationId) && !sessionIssuers.has(d.operationId));
  if (!writes) return undefined;
  return shadowableReads(
    decisions.map((d, index) => ({
      operationId: d.operationId,
      readOnly: isReadOnly(d.operationId),
      issuesSession: sessionIssuers.has(d.operationId),
      references: new Set([...collectTokenIndexes(subRequests[index]?.params ?? {})].map((position) => position - 1)),
    })),
  );
}

/** A write's parameters as sent, when known before the answer: a single call, or a sub-call without tokens. */
export function writeParams(answer: PassthroughAnswer, index: number): Readonly<Record<string, unknown>> | undefined {
  const { parsed } = answer;
  if (parsed.kind === 'single') return parsed.call.params;
  if (parsed.kind !== 'multi') return undefined;
  const params = parsed.split.subRequests[index]?.params;
  return params === undefined || collectTokenIndexes(params).size > 0 ? undefined : params;
}
