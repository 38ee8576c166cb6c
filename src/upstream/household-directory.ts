/**
 * Household members as the vendor lists them (`household.get` → `users`, masters first), for the
 * sync's reads and for writes that name no user (a device change from the platform feed): the
 * platform only issues tokens to users. Cached per household for a minute, bounded.
 */
import { scalarText } from '../sync/sync-types';
import type { VendorCallClient } from './vendor-call-client';

export interface HouseholdDirectory {
  /** Vendor user ids of the household (masters first); [] when the vendor does not know it. */
  membersOf(householdId: string): Promise<string[]>;
}

const ttlMs = 60_000;
const maxEntries = 10_000;

/** Creates the directory; `ksFor` mints a KS for the household (sync-vendor-applier.ts). */
export function createHouseholdDirectory(vendor: VendorCallClient, ksFor: (householdId: string) => string): HouseholdDirectory {
  const cache = new Map<string, { members: string[]; until: number }>();
  return {
    async membersOf(householdId) {
      const cached = cache.get(householdId);
      if (cached !== undefined && cached.until > Date.now()) return cached.members;
      const outcome = await vendor.call({ service: 'household', action: 'get', params: { ks: ksFor(householdId) } });
      if (!outcome.ok) return [];
      const record = (outcome.value ?? {}) as { users?: { id?: unknown }[]; masterUsers?: { id?: unknown }[] };
      const ids = [...(record.masterUsers ?? []), ...(record.users ?? [])].map((u) => scalarText(u.id)).filter((id) => id !== '');
      const members = [...new Set(ids)];
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
      cache.set(householdId, { members, until: Date.now() + ttlMs });
      return members;
    },
  };
}
