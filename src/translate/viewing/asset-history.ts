/**
 * `assethistory.list(filter, pager)` → platform `userData.listHistory` (brief §5.4): the caller's
 * own progress, newest first, ties by asset id. The platform has no history filters, so the whole
 * history is read and `assetIdIn`, `statusEqual` (all|done|progress) and `daysLessThanOrEqual`
 * apply here, then the vendor pager.
 */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { listResponse, readPager } from '../../phoenix/pager';
import { readEnum, readIdList, readInt, readObject } from '../../phoenix/param-readers';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { TranslateContext, TranslatorSpec } from '../translator';
import { epochOf, fetchAllPages, unexpectedReply, vendorIdOf } from './platform-replies';
import { toVendorAssetHistory, type PlatformHistoryEntry } from './viewing-mappers';

const statuses = ['all', 'done', 'progress'] as const;
const daySeconds = 86400;

interface HistoryFilter {
  readonly assetIds: ReadonlySet<number>;
  readonly status: (typeof statuses)[number] | undefined;
  readonly since: number | undefined;
}

function matches(entry: PlatformHistoryEntry, assetId: number, filter: HistoryFilter): boolean {
  return (
    (filter.assetIds.size === 0 || filter.assetIds.has(assetId)) &&
    (filter.status !== 'done' || entry.finished) &&
    (filter.status !== 'progress' || !entry.finished) &&
    (filter.since === undefined || epochOf(entry.watchedAt) >= filter.since)
  );
}

async function listAssetHistory(ctx: TranslateContext): Promise<VendorOutcome> {
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
  const history = await fetchAllPages<PlatformHistoryEntry>(ctx, { method: 'GET', path: '/user-data/v1/history' });
  if ('reply' in history) {
    if (history.reply.status === 403) return vendorFailure('ServiceForbidden');
    throw unexpectedReply('userData.listHistory', history.reply);
  }
  const wanted: HistoryFilter = { assetIds: new Set(ids.value), status: status.value, since: days.value === undefined ? undefined : ctx.nowSec - days.value * daySeconds };
  const found = history.items
    .map((entry) => ({ entry, assetId: Number(vendorIdOf(ctx, 'asset', entry.itemId)) }))
    .filter(({ entry, assetId }) => matches(entry, assetId, wanted));
  return ok(listResponse('KalturaAssetHistoryListResponse', found.map(({ entry, assetId }) => toVendorAssetHistory(entry, assetId)), pager.value));
}

/** `assethistory.list(filter, pager)` → KalturaAssetHistoryListResponse. */
export const assetHistoryList: TranslatorSpec = { access: 'user', run: listAssetHistory };
