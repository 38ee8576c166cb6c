import type { Catalog, ProductType } from '../../../core/catalog';
import type { CatalogIndex } from '../../catalog/catalog-index';

/** An entitlement in platform vocabulary (epoch seconds inside, ISO on the wire). */
export interface EntitlementRecord {
  readonly id: string;
  /** The catalogue's entitlement number; purchases continue the sequence (list tie-break). */
  readonly sortKey: number;
  readonly productId: string;
  readonly productType: ProductType;
  readonly householdId: string;
  readonly userId: string;
  readonly purchasedAt: number;
  readonly endsAt: number;
  readonly fileId?: string;
  readonly itemId?: string;
  readonly deviceUdid: string;
  readonly paymentMethod: string;
  readonly isRenewable: boolean;
}

/** What a purchase answered, kept for idempotent replays. */
export interface PurchaseResult {
  readonly purchaseId: string;
  readonly body: Record<string, unknown>;
}

export interface CommerceState {
  readonly byHousehold: Map<string, EntitlementRecord[]>;
  /** Completed purchases by `<userId>:<idempotencyKey>`. */
  readonly purchases: Map<string, PurchaseResult>;
  nextSortKey: number;
}

/** Seeds entitlements from the catalogue. */
export function createCommerceState(catalog: Catalog, index: CatalogIndex): CommerceState {
  const byHousehold = new Map<string, EntitlementRecord[]>();
  let maxSortKey = 0;
  for (const e of catalog.entitlements) {
    const householdId = index.householdByVendorId.get(e.householdVendorId)?.platformId;
    const product = index.productByVendorId.get(e.productVendorId);
    if (!householdId || !product) continue;
    const file = e.mediaFileVendorId !== undefined ? index.fileByVendorId.get(e.mediaFileVendorId) : undefined;
    const record: EntitlementRecord = {
      id: e.platformId,
      sortKey: e.vendorId,
      productId: product.platformId,
      productType: e.type,
      householdId,
      userId: index.userByVendorId.get(e.userVendorId)?.platformId ?? '',
      purchasedAt: e.purchaseDate,
      endsAt: e.endDate,
      ...(file ? { fileId: file.file.platformId, itemId: file.asset.platformId } : {}),
      deviceUdid: e.deviceUdid,
      paymentMethod: e.paymentMethod,
      isRenewable: product.isRenewable,
    };
    appendEntitlement(byHousehold, record);
    maxSortKey = Math.max(maxSortKey, e.vendorId);
  }
  return { byHousehold, purchases: new Map(), nextSortKey: maxSortKey + 1 };
}

/** Adds an entitlement to its household. */
export function appendEntitlement(byHousehold: Map<string, EntitlementRecord[]>, record: EntitlementRecord): void {
  const list = byHousehold.get(record.householdId);
  if (list) list.push(record);
  else byHousehold.set(record.householdId, [record]);
}

/** True when the household holds an unexpired entitlement for one of the products. */
export function holdsActiveEntitlement(state: CommerceState, householdId: string | undefined, productIds: readonly string[], nowSec: number): boolean {
  if (householdId === undefined || productIds.length === 0) return false;
  const list = state.byHousehold.get(householdId);
  if (!list) return false;
  return list.some((e) => e.endsAt > nowSec && productIds.includes(e.productId));
}
