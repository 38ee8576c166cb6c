/**
 * Reconcile's purchase readers (docs/sync.md "Reconcile"; src/sync/purchase-reconcile.ts): one
 * household's active entitlements on each side, read as a member with household scope, keyed by
 * what was bought so both sides' records meet on one key.
 */
import type { IdMapper } from '../core/id-mapper';
import { purchaseProductKey } from '../sync/purchase-reconcile';
import type { SideRecord } from '../sync/sync-ports';
import { scalarText } from '../sync/sync-types';

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (typeof v === 'object' && v !== null ? (v as Obj) : {});
const asList = (v: unknown): Obj[] => (Array.isArray(v) ? (v as unknown[]).map(asObj) : []);
const productTypes = ['ppv', 'subscription'] as const;
const maxPages = 100;

/** A product id as the vendor writes it (numeric ids as numbers, as the facade captures them). */
const vendorProductId = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id);

function purchaseRecord(householdId: string, productId: string, productType: string, contentId: number, entitlementId: string, userId: string | undefined, atMs: number): SideRecord {
  const value = { transactionId: entitlementId, productId: vendorProductId(productId), productType, contentId };
  return { key: purchaseProductKey(householdId, productId, contentId), ...(userId === undefined || userId === '' ? {} : { userId }), value, atMs };
}

/** The vendor's active entitlements of a household, through `entitlement.list` pages. */
export async function readVendorPurchases(list: (params: Obj) => Promise<Obj>, householdId: string): Promise<SideRecord[]> {
  const records: SideRecord[] = [];
  for (const type of productTypes) {
    for (let pageIndex = 1; pageIndex <= maxPages; pageIndex++) {
      const filter = { objectType: 'KalturaEntitlementFilter', productTypeEqual: type, entityReferenceEqual: 'household', isExpiredEqual: false };
      const got = asList((await list({ filter, pager: { objectType: 'KalturaFilterPager', pageSize: 50, pageIndex } })).objects);
      for (const e of got) {
        const contentId = type === 'ppv' ? Number(e.mediaFileId ?? 0) : 0;
        records.push(purchaseRecord(householdId, String(e.productId), type, contentId, scalarText(e.id), scalarText(e.userId, '') || undefined, Number(e.purchaseDate ?? 0) * 1000));
      }
      if (got.length < 50) break;
    }
  }
  return records;
}

/** The platform's active entitlements of a household (vendor ids through the id map), through `GET /commerce/v1/entitlements` pages. */
export async function readPlatformPurchases(get: (path: string) => Promise<Obj>, ids: IdMapper, householdId: string): Promise<SideRecord[]> {
  const records: SideRecord[] = [];
  for (const type of productTypes) {
    for (let page = 0; page < maxPages; page++) {
      const got = asList((await get(`/commerce/v1/entitlements?type=${type}&scope=household&offset=${page * 500}&limit=500`)).items);
      for (const e of got) {
        const productId = ids.toVendor('product', String(e.productId));
        const fileId = typeof e.fileId === 'string' ? ids.toVendor('file', e.fileId) : '0';
        if (productId === undefined || fileId === undefined) continue;
        const userId = typeof e.userId === 'string' && e.userId !== '' ? ids.toVendor('user', e.userId) : undefined;
        records.push(purchaseRecord(householdId, productId, type, Number(fileId), String(e.id), userId, Date.parse(String(e.purchasedAt))));
      }
      if (got.length < 500) break;
    }
  }
  return records;
}
