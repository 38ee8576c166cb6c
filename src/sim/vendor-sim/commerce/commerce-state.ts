import type { Catalog, CatalogAsset, CatalogEntitlement, CatalogMediaFile } from '../../../core/catalog';
import type { CatalogIndex } from '../../catalog/catalog-index';

/** An entitlement held by a household: seeded from the catalogue or created by a purchase. */
export type CommerceEntitlement = CatalogEntitlement;

/** Entitlements and purchase counters of vendor-sim (docs/lab-rules.md "Entitlement", "Commerce"). */
export interface CommerceState {
  /** Every entitlement, seeded and purchased, in creation order. */
  readonly entitlements: CommerceEntitlement[];
  /** Next entitlement vendor id a purchase takes. */
  nextEntitlementId: number;
  /** Next transaction id a purchase takes. */
  nextTransactionId: number;
  /** Subscription entitlements (vendor ids) whose renewal was cancelled: they no longer renew. */
  readonly cancelledRenewals: Set<number>;
  /**
   * Whether a household may play a file of an asset now: free files for everyone, otherwise an
   * unexpired PPV entitlement for the file or subscription entitlement for the asset. A programme
   * is judged through its channel (the caller passes the channel as `asset`).
   */
  isEntitled(householdId: number, file: CatalogMediaFile, asset: CatalogAsset, nowSec: number): boolean;
}

/** The subscriptions that unlock an asset's files (programmes have none of their own). */
function subscriptionsOf(asset: CatalogAsset): readonly string[] {
  return asset.kind === 'program' ? [] : asset.subscriptionProductIds;
}

/** A file is free when neither it nor its asset is sold (docs/lab-rules.md "Entitlement"). */
export function isFileFree(file: CatalogMediaFile, asset: CatalogAsset): boolean {
  return file.ppvProductIds.length === 0 && subscriptionsOf(asset).length === 0;
}

/** True when an entitlement of the household for one of the products is still running. */
export function holdsActiveEntitlement(entitlements: readonly CommerceEntitlement[], householdId: number, productIds: readonly string[], nowSec: number): boolean {
  if (productIds.length === 0) return false;
  const wanted = new Set(productIds);
  return entitlements.some((e) => e.householdVendorId === householdId && e.endDate > nowSec && wanted.has(e.productVendorId));
}

/** Builds the commerce slice from the catalogue's entitlements. */
export function createCommerceState(catalog: Catalog, _index: CatalogIndex): CommerceState {
  const entitlements: CommerceEntitlement[] = [...catalog.entitlements];
  const maxId = entitlements.reduce((max, e) => Math.max(max, e.vendorId), 0);
  return {
    entitlements,
    nextEntitlementId: maxId + 1,
    nextTransactionId: 1,
    cancelledRenewals: new Set(),
    isEntitled(householdId, file, asset, nowSec) {
      if (isFileFree(file, asset)) return true;
      if (householdId === 0) return false;
      return (
        holdsActiveEntitlement(entitlements, householdId, file.ppvProductIds, nowSec) ||
        holdsActiveEntitlement(entitlements, householdId, subscriptionsOf(asset), nowSec)
      );
    },
  };
}
