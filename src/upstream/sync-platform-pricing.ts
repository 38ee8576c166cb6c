/**
 * Prices a purchase before the sync writes it to the platform (docs/sync.md "Entities"). A purchase
 * made on the vendor directly is found by reconcile from the vendor's entitlement, which names the
 * product but not the price; the platform refuses any price but the product's (`price_mismatch`).
 * So the platform's product is read first, as the buyer, and its price written with the purchase.
 */
import type { SyncChange } from '../sync/sync-types';
import type { PlatformHttpClient } from './platform-http-client';

/** The change with the platform's price filled in, or the failure text. */
export async function priceForPlatform(client: PlatformHttpClient, bearer: string, platformProductId: string, change: SyncChange): Promise<{ ok: true; change: SyncChange } | { ok: false; error: string }> {
  const path = `/commerce/v1/products/${encodeURIComponent(platformProductId)}`;
  const reply = await client.send({ method: 'GET', path, headers: { authorization: `Bearer ${bearer}` } });
  const price = (reply.body as { price?: { amountMinor?: unknown; currency?: unknown } } | undefined)?.price;
  if (reply.status !== 200 || typeof price?.amountMinor !== 'number' || typeof price.currency !== 'string') return { ok: false, error: `platform GET ${path}: HTTP ${reply.status}` };
  return { ok: true, change: { ...change, value: { ...change.value, price: price.amountMinor / 100, currency: price.currency } } };
}
