/**
 * Shadow mode for requests the facade executes itself (docs/shadow.md "Multirequests the facade
 * executes"): a multirequest with some slots on the platform runs here slot by slot; the slots the
 * vendor answered under a shadow decision are collected while it runs and handed over once the
 * answer is built, so their platform candidates run afterwards, off the request path.
 */
import type { VendorOutcome } from '../core/vendor-error';
import type { Decision } from '../policy/decision';
import type { ParsedVendorApiRequest, VendorApiCall } from '../phoenix/vendor-api-handler';
import type { RoutedDecision } from './route-request';
import type { RequestFacts } from './routing-input';

/** One slot the vendor answered while the policy shadows it: the call as run (tokens resolved) and its outcome. */
export interface ShadowedSlot {
  /** 0-based position in the request. */
  readonly index: number;
  readonly call: VendorApiCall;
  readonly outcome: VendorOutcome;
  readonly apiBaseUrl: string;
  /** How long the vendor took for this slot. */
  readonly ms: number;
}

/** An executed request's shadowed slots, handed over once its answer is built. */
export interface ExecutedShadowRequest {
  readonly parsed: ParsedVendorApiRequest;
  readonly decisions: readonly RoutedDecision[];
  readonly slots: readonly ShadowedSlot[];
  readonly facts: RequestFacts;
}

/** Takes the shadowed slots of executed requests (compose-shadow provides it). Returns at once; never throws. */
export interface ExecutedShadowHook {
  offer(request: ExecutedShadowRequest): void;
}

/** Collects the shadowed, vendor-answered slots of one executed request. */
export class ShadowedSlots {
  readonly slots: ShadowedSlot[] = [];

  /** When the slot's vendor call starts, or undefined when the decision does not shadow it (nothing is timed). */
  start(decision: Decision): number | undefined {
    return decision.shadow ? performance.now() : undefined;
  }

  /** Keeps a slot the vendor answered under a shadow decision (`startedMs` from `start`). */
  keep(call: VendorApiCall, outcome: VendorOutcome, answeredBy: string, apiBaseUrl: string, startedMs: number | undefined): void {
    if (startedMs === undefined || answeredBy !== 'vendor') return;
    const position = (call as { position?: unknown }).position;
    this.slots.push({ index: typeof position === 'number' ? position - 1 : 0, call, outcome, apiBaseUrl, ms: performance.now() - startedMs });
  }
}
