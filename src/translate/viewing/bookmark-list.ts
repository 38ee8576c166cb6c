/**
 * `bookmark.list(filter)` → platform `userData.listProgress` (brief §5.4, lab rules "Bookmarks"):
 * the platform applies the visibility rule and lists records by item as asked, then user;
 * `POSITION_ASC` / `POSITION_DESC` sort by position first (a stable sort keeps that order on ties).
 */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { listResponse } from '../../phoenix/pager';
import { readEnum, readIdList, readObject, readString } from '../../phoenix/param-readers';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { TranslateContext, TranslatorSpec } from '../translator';
import { chunksOf, problemCode, unexpectedReply, vendorIdOf } from './platform-replies';
import { assetTypes, toItemKind, toVendorBookmark, type PlatformProgress } from './viewing-mappers';

/** Platform item ids of the asked assets, first occurrence order; unknown assets have no bookmarks. */
function itemIdsOf(ctx: TranslateContext, assetIds: readonly number[]): string[] {
  const itemIds: string[] = [];
  for (const assetId of new Set(assetIds)) {
    const itemId = ctx.ids.toPlatform('asset', assetId);
    if (itemId !== undefined) itemIds.push(itemId);
  }
  return itemIds;
}

/** Every visible record for the items, in the platform's order (items as asked, then user). */
async function fetchProgress(ctx: TranslateContext, itemIds: readonly string[], itemKind: string | undefined): Promise<VendorOutcome<PlatformProgress[]>> {
  const records: PlatformProgress[] = [];
  for (const chunk of chunksOf(itemIds)) {
    const reply = await ctx.platform.call({ method: 'GET', path: '/user-data/v1/progress', query: { itemIds: chunk.join(','), itemKind } });
    if (reply.status === 403 && problemCode(reply) === 'forbidden') return vendorFailure('ServiceForbidden');
    if (reply.status !== 200) throw unexpectedReply('userData.listProgress', reply);
    records.push(...(reply.body as { items: PlatformProgress[] }).items);
  }
  return ok(records);
}

function sortByPosition(records: PlatformProgress[], orderBy: string | undefined): void {
  const order = orderBy?.toUpperCase();
  if (order === 'POSITION_ASC') records.sort((a, b) => a.positionSeconds - b.positionSeconds);
  if (order === 'POSITION_DESC') records.sort((a, b) => b.positionSeconds - a.positionSeconds);
}

async function listBookmarks(ctx: TranslateContext): Promise<VendorOutcome> {
  const filter = readObject(ctx.params, 'filter');
  if (!filter.ok) return filter;
  const source = filter.value ?? {};
  const ids = readIdList(source, 'assetIdIn', { nonEmpty: true, label: 'filter.assetIdIn' });
  if (!ids.ok) return ids;
  const type = readEnum(source, 'assetTypeEqual', assetTypes, { label: 'filter.assetTypeEqual' });
  if (!type.ok) return type;
  const orderBy = readString(source, 'orderBy', { label: 'filter.orderBy' });
  if (!orderBy.ok) return orderBy;
  const itemIds = itemIdsOf(ctx, ids.value);
  if (itemIds.length === 0) return ok(listResponse('KalturaBookmarkListResponse', []));
  const records = await fetchProgress(ctx, itemIds, type.value === undefined ? undefined : toItemKind(type.value));
  if (!records.ok) return records;
  sortByPosition(records.value, orderBy.value);
  const bookmarks = records.value.map((r) => toVendorBookmark(r, vendorIdOf(ctx, 'asset', r.itemId), vendorIdOf(ctx, 'user', r.userId)));
  return ok(listResponse('KalturaBookmarkListResponse', bookmarks));
}

/** `bookmark.list(filter)` → KalturaBookmarkListResponse (no pager, as the vendor). */
export const bookmarkList: TranslatorSpec = { access: 'user', run: listBookmarks };
