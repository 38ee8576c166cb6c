/**
 * Shadow samples from a multirequest forwarded whole to the vendor (brief §3): each shadowed read
 * sub-call becomes one sample, compared slot by slot. Its `{N:result:…}` tokens are resolved
 * against the vendor's own earlier slots, exactly as the device's call was; a sub-call whose
 * tokens cannot be resolved that way is counted as `unsupported`.
 */
import type { RoutedDecision } from '../gateway/route-request';
import { resolveTokens } from '../phoenix/multirequest-tokens';
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

function slotsOf(body: string): unknown[] | undefined {
  try {
    const parsed = JSON.parse(body) as { result?: unknown };
    return Array.isArray(parsed.result) ? parsed.result : undefined;
  } catch {
    return undefined;
  }
}

/** Offers one job per chosen sub-call to the executor. */
export function offerMultirequestSamples(executor: ShadowExecutor, input: MultirequestSampleInput): void {
  const slots = slotsOf(input.body);
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
    const primaryText = JSON.stringify({ result: slots[index] });
    const job: ShadowJob = {
      operationId,
      region: input.region,
      call: { service: sub.service ?? '', action: sub.action ?? '', params: params.value },
      apiBaseUrl: input.apiBaseUrl,
      primary: { json: { result: slots[index] }, text: primaryText },
      primaryBytes: primaryText.length,
      primaryMs: input.primaryMs,
    };
    executor.offer(job);
  }
}
