import { randomUUID } from 'node:crypto';
import type { CatalogIndex } from '../../catalog/catalog-index';
import { platformIdFor } from '../../catalog/platform-ids';
import type { CatalogStore } from '../catalog/catalog-store';
import { toIso } from '../http/iso-time';
import { appendEntitlement, holdsActiveEntitlement, type CommerceState, type EntitlementRecord } from './commerce-state';
import { priceOf, toEntitlementView, type Money } from './commerce-views';

/**
 * A purchase (lab-rules "Commerce"), checked in the lab's order: unknown product, price mismatch,
 * PPV file not unlocked by the product, already entitled; success creates an entitlement from now
 * for the product's duration.
 */
export interface PurchaseInput {
  readonly productId: string;
  readonly fileId?: string;
  readonly price: Money;
  readonly userId: string;
  readonly householdId: string;
  readonly deviceUdid: string;
}

export type PurchaseOutcome =
  | { readonly ok: true; readonly entitlement: EntitlementRecord; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly code: 'product_not_found' | 'price_mismatch' | 'content_not_in_product' | 'already_entitled'; readonly detail: string };

const day = 86400;

/** Decides and, when allowed, records a purchase. */
export function purchaseProduct(state: CommerceState, index: CatalogIndex, store: CatalogStore, input: PurchaseInput, nowSec: number): PurchaseOutcome {
  const product = index.productByPlatformId.get(input.productId);
  if (!product) return { ok: false, code: 'product_not_found', detail: `no product ${input.productId}` };
  const price = priceOf(product);
  if (price.amountMinor !== input.price.amountMinor || price.currency !== input.price.currency) {
    return { ok: false, code: 'price_mismatch', detail: `the price is ${price.amountMinor} ${price.currency} (minor units)` };
  }
  const file = product.type === 'ppv' && input.fileId !== undefined ? store.fileById.get(input.fileId) : undefined;
  if (product.type === 'ppv' && !file?.ppvProductIds.includes(product.platformId)) {
    return { ok: false, code: 'content_not_in_product', detail: 'a PPV purchase names a file the product unlocks' };
  }
  if (holdsActiveEntitlement(state, input.householdId, [product.platformId], nowSec)) {
    return { ok: false, code: 'already_entitled', detail: 'the household holds an unexpired entitlement for this product' };
  }
  const sortKey = state.nextSortKey++;
  const entitlement: EntitlementRecord = {
    // Same derivation as catalogue entitlements: the n-th entitlement has the same id on every run.
    id: platformIdFor('entitlement', sortKey),
    sortKey,
    productId: product.platformId,
    productType: product.type,
    householdId: input.householdId,
    userId: input.userId,
    purchasedAt: nowSec,
    endsAt: nowSec + product.durationDays * day,
    ...(file ? { fileId: file.id, itemId: file.itemId } : {}),
    deviceUdid: input.deviceUdid,
    // A purchase through this API names no payment method, so none is recorded.
    paymentMethod: 'unknown',
    isRenewable: product.isRenewable,
  };
  appendEntitlement(state.byHousehold, entitlement);
  const body = { purchaseId: randomUUID(), state: 'completed', createdAt: toIso(nowSec), entitlement: toEntitlementView(entitlement) };
  return { ok: true, entitlement, body };
}
