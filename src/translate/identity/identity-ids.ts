/** Vendor ↔ platform ids of users and households; a platform id without a vendor id is a bug. */
import type { IdMapper } from '../../core/id-mapper';

/** The vendor user id (string) of a platform user. */
export function vendorUserId(ids: IdMapper, platformId: string): string {
  const id = ids.toVendor('user', platformId);
  if (id === undefined) throw new Error(`no vendor id for platform user ${platformId}`);
  return id;
}

/** The vendor household id (number) of a platform household; null → 0 (no household). */
export function vendorHouseholdId(ids: IdMapper, platformId: string | null): number {
  if (platformId === null) return 0;
  const id = ids.toVendor('household', platformId);
  if (id === undefined) throw new Error(`no vendor id for platform household ${platformId}`);
  return Number(id);
}
