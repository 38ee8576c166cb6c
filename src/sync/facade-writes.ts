/**
 * Writes as the facade sees them, before the caller is known: the call (tokens resolved), its
 * answer and the side that executed it. For a request passed to the vendor whole, the writes are
 * read from the request and the vendor's answer bytes (left untouched); multirequest tokens in a
 * write's parameters are resolved against the answer's earlier slots, as the vendor resolved them.
 */
import { err, ok } from '../core/result';
import type { VendorOutcome } from '../core/vendor-error';
import { resolveTokens } from '../phoenix/multirequest-tokens';
import type { CaptureCaller, CapturedCall } from './capture-rules';
import { isCapturedOperation } from './capture-rules';
import { scalarText, type SyncSide } from './sync-types';

/** One successful write through the facade. */
export interface FacadeWrite {
  /** Lower-cased `service.action`. */
  readonly operationId: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly result: unknown;
  readonly side: SyncSide;
}

/** A call as the request names it. */
export interface NamedCall {
  readonly service?: string;
  readonly action?: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Lower-cased operation id of a call. */
export function operationIdOf(call: NamedCall): string {
  return `${(call.service ?? '').toLowerCase()}.${(call.action ?? '').toLowerCase()}`;
}

/** True when any of the calls is a synced write (only those requests need their answer read). */
export function hasCapturedWrite(calls: readonly NamedCall[]): boolean {
  return calls.some((call) => isCapturedOperation(operationIdOf(call)));
}

function toOutcome(slot: unknown): VendorOutcome {
  const record = typeof slot === 'object' && slot !== null ? (slot as Record<string, unknown>) : undefined;
  const failure = record?.objectType === 'KalturaAPIException' ? record : record?.error;
  if (typeof failure === 'object' && failure !== null) return err({ code: scalarText((failure as { code?: unknown }).code, '1'), message: '' });
  return ok(slot);
}

/** The vendor's answer to a passed-through request as one outcome per call (one for a single call). */
export function readVendorAnswer(answerText: string, callCount: number, multi: boolean): VendorOutcome[] | undefined {
  let envelope: unknown;
  try {
    envelope = JSON.parse(answerText);
  } catch {
    return undefined;
  }
  const result = typeof envelope === 'object' && envelope !== null ? (envelope as { result?: unknown }).result : undefined;
  if (!multi) return callCount === 1 ? [toOutcome(result)] : undefined;
  return Array.isArray(result) && result.length === callCount ? result.map(toOutcome) : undefined;
}

/** The successful synced writes of a passed-through request, read from its calls and the vendor's answer. */
export function passthroughWrites(calls: readonly NamedCall[], answerText: string, multi: boolean): FacadeWrite[] {
  const outcomes = readVendorAnswer(answerText, calls.length, multi);
  if (outcomes === undefined) return [];
  const writes: FacadeWrite[] = [];
  calls.forEach((call, index) => {
    const operationId = operationIdOf(call);
    const outcome = outcomes[index]!;
    if (!isCapturedOperation(operationId) || !outcome.ok) return;
    const params = multi ? resolveTokens(call.params, outcomes.slice(0, index)) : ok({ ...call.params });
    if (params.ok) writes.push({ operationId, params: params.value, result: outcome.value, side: 'vendor' });
  });
  return writes;
}

/** Pairs writes with their verified callers; writes without a valid user KS are dropped. */
export function toCapturedCalls(writes: readonly FacadeWrite[], callerOf: (ks: string) => CaptureCaller | undefined): CapturedCall[] {
  const calls: CapturedCall[] = [];
  for (const write of writes) {
    const ks = write.params.ks;
    const caller = typeof ks === 'string' ? callerOf(ks) : undefined;
    if (caller !== undefined) calls.push({ ...write, caller });
  }
  return calls;
}
