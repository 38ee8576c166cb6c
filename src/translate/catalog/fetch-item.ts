import type { IdMapper } from '../../core/id-mapper';
import type { PlatformPort } from '../platform-port';
import { rememberItemKind } from '../item-kind-memo';
import type { PlatformItem } from './platform-catalog-types';
import { expectOk, isNotFound } from '../platform-reply';

/** A vendor asset id as the vendor accepts it: digits, optionally padded with spaces (brief §7.7). */
const vendorNumericId = /^\s*\d+\s*$/;

/** The platform item id of a vendor asset id, or undefined when the id is malformed or unknown. */
export function toPlatformItemId(ids: IdMapper, vendorAssetId: string): string | undefined {
  if (!vendorNumericId.test(vendorAssetId)) return undefined;
  return ids.toPlatform('asset', Number(vendorAssetId));
}

/** `catalog.getItem`; undefined for 404. Remembers the item's kind for playback. */
export async function fetchItem(platform: PlatformPort, itemId: string): Promise<PlatformItem | undefined> {
  const reply = await platform.call({ method: 'GET', path: `/catalog/v1/items/${encodeURIComponent(itemId)}` });
  if (isNotFound(reply)) return undefined;
  const item = expectOk<PlatformItem>('catalog.getItem', reply);
  rememberItemKind(item.id, item.kind);
  return item;
}
