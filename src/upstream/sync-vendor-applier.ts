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
import type { VendorCallClient } from './vendor-call-client';

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

/** The vendor side's applier. */
export function createVendorApplier(options: VendorApplierOptions): SideApplier {
  const ksFor = createSyncKsMinter(options);
  return {
    async apply(change): Promise<ApplyOutcome> {
      const write = toVendorWrite(change);
      if (write === undefined) return { kind: 'failed', retryable: false, error: `no vendor write for ${change.entity}` };
      try {
        const outcome = await options.vendor.call({ service: write.service, action: write.action, params: { ...write.params, ks: ksFor(change) } });
        if (outcome.ok) return { kind: 'applied' };
        if ((vendorAlreadyApplied[`${write.service}.${write.action}`] ?? []).includes(outcome.error.code)) return { kind: 'applied' };
        return { kind: 'failed', retryable: retryableCodes.has(outcome.error.code), error: `vendor ${write.service}.${write.action}: ${outcome.error.code} ${outcome.error.message}` };
      } catch (error) {
        return { kind: 'failed', retryable: true, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
