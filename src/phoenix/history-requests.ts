/**
 * Arguments of assetHistory.getNextEpisode (generated TypeScript client, 2025: `assetId`,
 * `seriesIdArguments {seriesId, …}`, `notWatchedReturnStrategy`, `watchedAllReturnStrategy`;
 * older clients send a plain `seriesId`) and of assetHistory.clean (`KalturaAssetHistoryFilter`).
 */
import { ok } from '../core/result';
import type { VendorOutcome } from '../core/vendor-error';
import { readEnum, readIdList, readInt, readObject, readString } from './param-readers';
import { vendorError } from './vendor-error-builder';
import { err } from '../core/result';

export type NextEpisodeTarget = { readonly seriesId: string } | { readonly assetId: number };

export interface NextEpisodeRequest {
  readonly target: NextEpisodeTarget;
  readonly notWatched: 'RETURN_FIRST_EPISODE' | 'RETURN_NO_NEXT_EPISODE';
  readonly watchedAll: 'RETURN_FIRST_EPISODE' | 'RETURN_LAST_EPISODE' | 'RETURN_NO_NEXT_EPISODE';
}

/** The series by `seriesIdArguments.seriesId`, `seriesId`, or the series of `assetId`; none → 500053 seriesId. */
export function readNextEpisodeRequest(params: Readonly<Record<string, unknown>>): VendorOutcome<NextEpisodeRequest> {
  const args = readObject(params, 'seriesIdArguments');
  if (!args.ok) return args;
  const nested = readString(args.value ?? {}, 'seriesId', { label: 'seriesIdArguments.seriesId' });
  if (!nested.ok) return nested;
  const plain = readString(params, 'seriesId');
  if (!plain.ok) return plain;
  const assetId = readInt(params, 'assetId');
  if (!assetId.ok) return assetId;
  const notWatched = readEnum(params, 'notWatchedReturnStrategy', ['RETURN_FIRST_EPISODE', 'RETURN_NO_NEXT_EPISODE'] as const);
  if (!notWatched.ok) return notWatched;
  const watchedAll = readEnum(params, 'watchedAllReturnStrategy', ['RETURN_FIRST_EPISODE', 'RETURN_LAST_EPISODE', 'RETURN_NO_NEXT_EPISODE'] as const);
  if (!watchedAll.ok) return watchedAll;
  const seriesId = nested.value ?? plain.value;
  const target = seriesId !== undefined && seriesId !== '' ? { seriesId } : assetId.value !== undefined ? { assetId: assetId.value } : undefined;
  if (target === undefined) return err(vendorError('MissingParameter', { parameter: 'seriesId' }));
  return ok({ target, notWatched: notWatched.value ?? 'RETURN_FIRST_EPISODE', watchedAll: watchedAll.value ?? 'RETURN_NO_NEXT_EPISODE' });
}

/** The part of KalturaAssetHistoryFilter clean honours (as assethistory.list: typeIn and kSql are not applied). */
export interface HistoryCleanFilter {
  readonly assetIds: readonly number[];
  readonly status: 'all' | 'done' | 'progress' | undefined;
  readonly days: number | undefined;
}

/** assetHistory.clean's optional filter. */
export function readHistoryCleanFilter(params: Readonly<Record<string, unknown>>): VendorOutcome<HistoryCleanFilter> {
  const filter = readObject(params, 'filter');
  if (!filter.ok) return filter;
  const source = filter.value ?? {};
  const ids = readIdList(source, 'assetIdIn', { label: 'filter.assetIdIn' });
  if (!ids.ok) return ids;
  const status = readEnum(source, 'statusEqual', ['all', 'done', 'progress'] as const, { label: 'filter.statusEqual' });
  if (!status.ok) return status;
  const days = readInt(source, 'daysLessThanOrEqual', { label: 'filter.daysLessThanOrEqual' });
  if (!days.ok) return days;
  return ok({ assetIds: ids.value, status: status.value, days: days.value });
}

/** True when a history entry falls under the clean filter. */
export function matchesCleanFilter(filter: HistoryCleanFilter, entry: { assetId: number; finished: boolean; watchedAt: number }, nowSec: number): boolean {
  return (
    (filter.assetIds.length === 0 || filter.assetIds.includes(entry.assetId)) &&
    (filter.status !== 'done' || entry.finished) &&
    (filter.status !== 'progress' || !entry.finished) &&
    (filter.days === undefined || entry.watchedAt >= nowSec - filter.days * 86400)
  );
}
