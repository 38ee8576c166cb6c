/**
 * Applies sync changes to the vendor (docs/architecture.md §4 "Sync"): each change is written as the user it
 * belongs to, with a KS understudy mints itself (the partner secret it already verifies devices'
 * KS with), through the same pooled vendor client as mixed multirequests. The vendor has no origin
 * marker; its writes that bypass the facade are found by reconcile, so nothing here is re-captured.
 */
import type { Clock } from '../core/clock';
import { mintKs } from '../phoenix/ks-codec';
import { toVendorWrite, vendorAlreadyApplied } from '../sync/apply-rules';
import type { ApplyOutcome, SideApplier } from '../sync/sync-ports';
import type { SyncChange } from '../sync/sync-types';
import type { VendorOutcome } from '../core/vendor-error';
import { needsPrice, priceForVendor } from './sync-purchase-pricing';
import type { VendorCall, VendorCallClient } from './vendor-call-client';

export interface VendorApplierOptions {
  readonly vendor: VendorCallClient;
  readonly partnerId: number;
  readonly partnerSecret: string;
  readonly clock: Clock;
}

/** Vendor codes worth retrying: outages and the concurrency limit (a slot frees within minutes). */
const retryableCodes = new Set(['1', '4000', '4001', '500016']);
const ksLifetimeSeconds = 3600;
const maxCachedKs = 10_000;

/** Mints (and caches for most of its lifetime) a user KS for the sync's writes. */
export function createSyncKsMinter(options: VendorApplierOptions): (change: SyncChange) => string {
  const cache = new Map<string, { ks: string; renewAt: number }>();
  return (change) => {
    // A change without a user (a device from the platform feed) acts as a household-scoped sync user.
    const userId = change.userId ?? 'understudy-sync';
    const udid = change.udid ?? 'understudy-sync';
    const key = `${userId}|${change.householdId}|${udid}`;
    const nowSec = Math.floor(options.clock.nowMs() / 1000);
    const cached = cache.get(key);
    if (cached !== undefined && cached.renewAt > nowSec) return cached.ks;
    const privileges = { udid, hh: change.householdId, sid: `sync-${userId}` };
    const ks = mintKs({ partnerId: options.partnerId, secret: options.partnerSecret, userId, type: 'user', expiry: nowSec + ksLifetimeSeconds, createDate: nowSec - 1, privileges });
    if (cache.size >= maxCachedKs) cache.delete(cache.keys().next().value as string);
    cache.set(key, { ks, renewAt: nowSec + ksLifetimeSeconds / 2 });
    return ks;
  };
}

/** A vendor outcome as an apply outcome: "already there" answers count as applied (check-then-write). */
function toApplyOutcome(write: { service: string; action: string }, outcome: VendorOutcome): ApplyOutcome {
  if (outcome.ok) return { kind: 'applied' };
  if ((vendorAlreadyApplied[`${write.service}.${write.action}`] ?? []).includes(outcome.error.code)) return { kind: 'applied' };
  return { kind: 'failed', retryable: retryableCodes.has(outcome.error.code), error: `vendor ${write.service}.${write.action}: ${outcome.error.code} ${outcome.error.message}` };
}

const thrown = (error: unknown): ApplyOutcome => ({ kind: 'failed', retryable: true, error: error instanceof Error ? error.message : String(error) });

/** Applies changes one by one in order, stopping at the first failure. */
async function applyInOrder(apply: (change: SyncChange) => Promise<ApplyOutcome>, changes: readonly SyncChange[]): Promise<ApplyOutcome[]> {
  const outcomes: ApplyOutcome[] = [];
  for (const change of changes) {
    const outcome = await apply(change);
    outcomes.push(outcome);
    if (outcome.kind === 'failed') break;
  }
  return outcomes;
}

/**
 * The vendor side's applier. Several changes of one household go as one multirequest with
 * `abortOnError` (each sub-call with its user's KS): in order, nothing written after a failure.
 */
export function createVendorApplier(options: VendorApplierOptions): SideApplier {
  const ksFor = createSyncKsMinter(options);
  const callOf = (change: SyncChange): VendorCall | undefined => {
    const write = toVendorWrite(change);
    return write === undefined ? undefined : { service: write.service, action: write.action, params: { ...write.params, ks: ksFor(change) } };
  };
  const apply = async (unpriced: SyncChange): Promise<ApplyOutcome> => {
    const priced = await priceForVendor(options.vendor, ksFor(unpriced), unpriced).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
    if (!priced.ok) return { kind: 'failed', retryable: true, error: priced.error };
    const change = priced.change;
    const call = callOf(change);
    if (call === undefined) return { kind: 'failed', retryable: false, error: `no vendor write for ${change.entity}` };
    return options.vendor.call(call).then((outcome) => toApplyOutcome(call, outcome), thrown);
  };
  const callMany = options.vendor.callMany?.bind(options.vendor);
  if (callMany === undefined) return { apply };
  return {
    apply,
    async applyMany(changes): Promise<ApplyOutcome[]> {
      // A purchase from the change feed is priced first: one at a time, in order (purchases are few).
      if (changes.some(needsPrice)) return applyInOrder(apply, changes);
      const calls = changes.map(callOf);
      const firstMissing = calls.findIndex((c) => c === undefined);
      const sendable = (firstMissing < 0 ? calls : calls.slice(0, firstMissing)) as VendorCall[];
      const outcomes: ApplyOutcome[] = sendable.length === 0 ? [] : await callMany(sendable).then((slots) => slots.map((slot, i) => toApplyOutcome(sendable[i]!, slot)), (error: unknown) => [thrown(error)]);
      if (firstMissing >= 0 && !outcomes.some((o) => o.kind === 'failed')) outcomes.push({ kind: 'failed', retryable: false, error: `no vendor write for ${changes[firstMissing]!.entity}` });
      return outcomes;
    },
  };
}
