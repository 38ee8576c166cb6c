/**
 * Purchases in reconcile (docs/sync.md "Reconcile"). The two sides name a purchase by their own
 * ids, so reconcile compares a household's active entitlements by what was bought: the key
 * `household:product:<vendor product id>:<vendor file id or 0>` on both sides. A purchase is
 * append-only, so its only drift is `missing`; the repair buys the same product on the lacking side
 * and is keyed by the holder's entitlement (`household:<side>:entitlement:<id>`), so a product
 * bought again after an earlier entitlement ran out is a new purchase, not a duplicate.
 */
import type { DriftItem } from './reconcile';
import { scalarText } from './sync-types';

/** The comparison key of an active entitlement. */
export function purchaseProductKey(householdId: string, productId: string, contentId: number): string {
  return `${householdId}:product:${productId}:${contentId}`;
}

/** The drift item with its repair keyed by the holder's entitlement (purchases only). */
export function keyPurchaseRepair(item: DriftItem): DriftItem {
  if (item.entity !== 'purchase') return item;
  const entitlementId = scalarText(item.repair.value.transactionId, item.key);
  return { ...item, repair: { ...item.repair, key: `${item.householdId}:${item.repair.source}:entitlement:${entitlementId}` } };
}
