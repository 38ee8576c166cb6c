import type { VendorOutcome } from '../../../core/vendor-error';
import { ok } from '../../../core/result';
import { listResponse, readPager } from '../../../phoenix/pager';
import { readEnum, readIdList, readInt, readObject } from '../../../phoenix/param-readers';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import type { SimCallContext } from '../sim-operation';
import type { StoredBookmark } from './viewing-state';

const statuses = ['all', 'done', 'progress'] as const;
const daySeconds = 86400;

function toAssetHistory(ctx: SimCallContext, b: StoredBookmark): object {
  const asset = ctx.state.index.assetByVendorId.get(b.assetVendorId);
  return {
    objectType: 'KalturaAssetHistory',
    assetId: b.assetVendorId,
    assetType: b.assetType,
    position: b.position,
    duration: asset === undefined ? 0 : ctx.state.index.assetDurationSeconds(asset),
    watchedDate: b.updateDate,
    finishedWatching: b.finishedWatching,
  };
}

/**
 * `assethistory.list(filter, pager)`: the caller's own bookmarks as KalturaAssetHistory, newest
 * first (ties by asset id); `assetIdIn`, `statusEqual` (all|done|progress), `daysLessThanOrEqual`.
 */
export function listAssetHistory(ctx: SimCallContext): VendorOutcome {
  const session = ctx.session;
  if (session === null) return vendorFailure('ServiceForbidden');
  const filter = readObject(ctx.params, 'filter');
  if (!filter.ok) return filter;
  const source = filter.value ?? {};
  const ids = readIdList(source, 'assetIdIn', { label: 'filter.assetIdIn' });
  if (!ids.ok) return ids;
  const status = readEnum(source, 'statusEqual', statuses, { label: 'filter.statusEqual' });
  if (!status.ok) return status;
  const days = readInt(source, 'daysLessThanOrEqual', { label: 'filter.daysLessThanOrEqual' });
  if (!days.ok) return days;
  const pager = readPager(ctx.params);
  if (!pager.ok) return pager;
  const wanted = new Set(ids.value);
  const since = days.value === undefined ? undefined : ctx.nowSec - days.value * daySeconds;
  const found = [...ctx.state.viewing.bookmarks.values()].filter(
    (b) =>
      b.userVendorId === session.userId &&
      (wanted.size === 0 || wanted.has(b.assetVendorId)) &&
      (status.value !== 'done' || b.finishedWatching) &&
      (status.value !== 'progress' || !b.finishedWatching) &&
      (since === undefined || b.updateDate >= since),
  );
  found.sort((a, b) => b.updateDate - a.updateDate || a.assetVendorId - b.assetVendorId);
  return ok(listResponse('KalturaAssetHistoryListResponse', found.map((b) => toAssetHistory(ctx, b)), pager.value));
}
