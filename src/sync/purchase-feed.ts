/**
 * A platform purchase seen on the change feed → the purchase change the sync carries to the vendor
 * (docs/sync.md "Entities"). New client apps buy on the platform directly; the feed's `purchase`
 * entry names the buyer, the product and the file in platform ids, and the purchase id, which keys
 * the change (`household:platform:purchaseId`: append-only, a second delivery is a duplicate). The
 * price is not in the entry: the vendor applier reads the vendor's own price before writing.
 * The entry's `entitlement` twin is not carried: the vendor creates it with the purchase.
 */
import type { UnstampedChange } from './capture-rules';
import type { VendorIdLookup } from './feed-changes';
import { scalarText } from './sync-types';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The purchase change of a feed `purchase` entry, or undefined when its ids are not in the id map. */
export function purchaseFeedChange(data: unknown, ids: { readonly householdId: string; readonly userId?: string }, lookup: VendorIdLookup): UnstampedChange | undefined {
  const purchase = record(data);
  const entitlement = record(purchase.entitlement);
  const purchaseId = scalarText(purchase.purchaseId, '');
  const productId = lookup.toVendor('product', scalarText(entitlement.productId, ''));
  const platformFileId = scalarText(entitlement.fileId, '');
  const contentId = platformFileId === '' ? 0 : Number(lookup.toVendor('file', platformFileId) ?? NaN);
  if (purchaseId === '' || productId === undefined || Number.isNaN(contentId) || ids.userId === undefined) return undefined;
  const udid = scalarText(entitlement.deviceUdid, '');
  const value = { transactionId: purchaseId, productId: Number.isInteger(Number(productId)) ? Number(productId) : productId, productType: scalarText(entitlement.productType, ''), contentId };
  return { entity: 'purchase', op: 'upsert', key: `${ids.householdId}:platform:${purchaseId}`, householdId: ids.householdId, userId: ids.userId, source: 'platform', value, ...(udid === '' ? {} : { udid }) };
}
