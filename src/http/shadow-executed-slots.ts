/**
 * Shadow samples from multirequests the facade executes itself (some slots on the platform;
 * docs/shadow.md "Multirequests the facade executes"): each slot the vendor answered under a
 * shadow decision is compared with the platform's candidate for the same call, the way a slot of a
 * multirequest forwarded whole is. The device already has the vendor's answer in that slot; the
 * candidates run afterwards through the executor's bounded queue. Reads follow the rule for
 * multirequests that write (multirequest-reads.ts); a shadowed write the vendor executed is watched
 * for a comparison by state, like a forwarded one.
 */
import type { ExecutedShadowHook, ExecutedShadowRequest, ShadowedSlot } from '../gateway/executed-shadow';
import type { RequestFacts } from '../gateway/routing-input';
import { outcomeEnvelope } from '../phoenix/envelope';
import type { ShadowExecutor } from '../shadow/shadow-executor';
import { readsOfWritingSlots } from './shadow-multirequest';
import type { ShadowedWrite } from './shadow-tap';

export interface ExecutedShadowOptions {
  readonly executor: ShadowExecutor;
  readonly isReadOnly: (operationId: string) => boolean;
  /** The request's region for parity counts ('' when unknown). */
  readonly regionOf: (facts: RequestFacts) => string;
  /** Watches a shadowed write for a comparison by state; false when it cannot be (counted as `write`). */
  readonly watchWrite?: (write: ShadowedWrite) => boolean;
}

type Chosen = { readonly slot: ShadowedSlot; readonly operationId: string };

/** The slots sampled for shadowing; writes are watched (or counted) here, reads returned. */
function chooseReads(options: ExecutedShadowOptions, request: ExecutedShadowRequest, region: string): Chosen[] {
  const { executor } = options;
  const reads: Chosen[] = [];
  for (const slot of request.slots) {
    const routed = request.decisions[slot.index];
    if (routed === undefined || !executor.sampled(routed.decision.shadowPercent)) continue;
    const { operationId } = routed;
    if (options.isReadOnly(operationId)) reads.push({ slot, operationId });
    // Writes are never shadowed to a live backend (docs/architecture.md §2): compared by state, or excluded.
    else if (options.watchWrite?.({ operationId, params: slot.call.params, region, apiBaseUrl: slot.apiBaseUrl, result: slot.outcome.ok ? slot.outcome.value : undefined }) !== true) executor.drop('write', operationId);
  }
  return reads;
}

/** Offers one job per read slot that saw nothing of the request's own writes. */
function offerReads(options: ExecutedShadowOptions, request: ExecutedShadowRequest, reads: readonly Chosen[], region: string): void {
  const { executor } = options;
  const subRequests = request.parsed.kind === 'multi' ? request.parsed.split.subRequests : [];
  const allowed = readsOfWritingSlots(request.decisions, subRequests, options.isReadOnly);
  for (const { slot, operationId } of reads) {
    if (allowed !== undefined && allowed[slot.index] !== true) {
      executor.drop('write', operationId);
      continue;
    }
    // The slot as the device got it, in a single call's envelope (the candidate is serialised alike).
    const envelope = outcomeEnvelope(slot.outcome, 0);
    const text = JSON.stringify(envelope);
    const call = { service: slot.call.service ?? '', action: slot.call.action ?? '', params: slot.call.params };
    executor.offer({ operationId, region, call, apiBaseUrl: slot.apiBaseUrl, primary: { json: envelope, text }, primaryBytes: text.length, primaryMs: slot.ms });
  }
}

/** Builds the hook the gateway hands executed requests' shadowed slots to. */
export function createExecutedShadow(options: ExecutedShadowOptions): ExecutedShadowHook {
  const { executor } = options;
  return {
    offer(request) {
      try {
        const region = options.regionOf(request.facts);
        const reads = chooseReads(options, request, region);
        if (reads.length === 0) return;
        const refused = executor.admits(0);
        if (refused !== undefined) return void reads.forEach((r) => executor.drop(refused, r.operationId));
        // Offered once the device's answer is on its way: an offer may start a candidate at once.
        const captured = executor.trackCapture();
        setImmediate(() => {
          try {
            offerReads(options, request, reads, region);
          } catch {
            // As below: samples lost, never the process.
          } finally {
            captured();
          }
        });
      } catch {
        // Shadowing never fails the device's request; a bug here loses samples only.
      }
    },
  };
}
