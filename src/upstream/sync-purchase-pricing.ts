/**
 * Prices a purchase before the sync writes it to the vendor (docs/sync.md "Entities"). A purchase
 * made on the platform directly reaches the sync through the change feed, whose entry names the
 * product and file but not the price; the vendor's `transaction.purchase` refuses any price but the
 * product's own (6000). So the vendor's price is read first (`productprice.list`, as the buyer)
 * and written with the purchase: the same amount the vendor would have charged.
 */
import { scalarText, type SyncChange } from '../sync/sync-types';
import type { VendorCallClient } from './vendor-call-client';

/** The price the vendor lists for the product, or the vendor's failure text. */
type Priced = { readonly ok: true; readonly change: SyncChange } | { readonly ok: false; readonly error: string };

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** True when the change is a purchase still without a price. */
export function needsPrice(change: SyncChange): boolean {
  return change.entity === 'purchase' && typeof change.value.price !== 'number';
}

/** The change with the vendor's price filled in (unchanged when it has one). */
export async function priceForVendor(vendor: VendorCallClient, ks: string, change: SyncChange): Promise<Priced> {
  if (!needsPrice(change)) return { ok: true, change };
  const productId = scalarText(change.value.productId, '');
  const contentId = Number(change.value.contentId ?? 0);
  const filter = change.value.productType === 'ppv' ? { objectType: 'KalturaProductPriceFilter', fileIdIn: String(contentId) } : { objectType: 'KalturaProductPriceFilter', subscriptionIdIn: productId };
  const outcome = await vendor.call({ service: 'productprice', action: 'list', params: { ks, filter } });
  if (!outcome.ok) return { ok: false, error: `vendor productprice.list: ${outcome.error.code} ${outcome.error.message}` };
  const listed = (record(outcome.value).objects as unknown[] | undefined) ?? [];
  const match = listed.map(record).find((p) => String(p.productId) === productId);
  const price = record(match?.price);
  if (typeof price.amount !== 'number' || typeof price.currency !== 'string') return { ok: false, error: `vendor lists no price for product ${productId}` };
  return { ok: true, change: { ...change, value: { ...change.value, price: price.amount, currency: price.currency } } };
}
