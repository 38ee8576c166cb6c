import type { CatalogProduct } from '../../../core/catalog';
import { toIso } from '../http/iso-time';
import type { EntitlementRecord } from './commerce-state';

/** Money in minor units; catalogue prices are decimal major units. */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

/** The catalogue price of a product as Money. */
export function priceOf(product: CatalogProduct): Money {
  return { amountMinor: Math.round(product.price * 100), currency: product.currency };
}

/** A product with its price and access period. */
export function toProductView(product: CatalogProduct): Record<string, unknown> {
  return {
    id: product.platformId,
    sortKey: Number(product.vendorId),
    type: product.type,
    name: product.name,
    price: priceOf(product),
    durationDays: product.durationDays,
    isRenewable: product.isRenewable,
  };
}

/** An entitlement with everything a vendor entitlement list item is rebuilt from. */
export function toEntitlementView(e: EntitlementRecord): Record<string, unknown> {
  return {
    id: e.id,
    sortKey: e.sortKey,
    productId: e.productId,
    productType: e.productType,
    householdId: e.householdId,
    userId: e.userId,
    purchasedAt: toIso(e.purchasedAt),
    endsAt: toIso(e.endsAt),
    ...(e.fileId !== undefined ? { fileId: e.fileId } : {}),
    ...(e.itemId !== undefined ? { itemId: e.itemId } : {}),
    deviceUdid: e.deviceUdid,
    paymentMethod: e.paymentMethod,
    isRenewable: e.isRenewable,
  };
}
