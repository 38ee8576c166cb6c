/**
 * reminder.add / list / delete (S2 and the generated TypeScript client): `KalturaAssetReminder
 * {id, name, type ASSET, assetId}`, `KalturaSeriesReminder {id, name, type SERIES, seriesId,
 * seasonNumber, epgChannelId}`; filters `KalturaAssetReminderFilter` and
 * `KalturaSeriesReminderFilter {seriesIdIn, epgChannelIdEqual}`; delete(id, type) → boolean.
 */
import { err, ok } from '../core/result';
import type { VendorOutcome } from '../core/vendor-error';
import { readEnum, readInt, readObject, readString, readStringList } from './param-readers';
import { vendorError } from './vendor-error-builder';

export type ReminderInput =
  | { readonly type: 'ASSET'; readonly assetId: number }
  | { readonly type: 'SERIES'; readonly seriesId: string; readonly seasonNumber: number | undefined; readonly epgChannelId: number };

/** `reminder`: by objectType (an asset reminder when absent); another type → 50026. */
export function readReminderInput(params: Readonly<Record<string, unknown>>): VendorOutcome<ReminderInput> {
  const input = readObject(params, 'reminder', { required: true });
  if (!input.ok) return input;
  const objectType = typeof input.value.objectType === 'string' ? input.value.objectType.toLowerCase() : 'kalturaassetreminder';
  if (objectType === 'kalturaassetreminder') {
    const assetId = readInt(input.value, 'assetId', { required: true, label: 'reminder.assetId' });
    return assetId.ok ? ok({ type: 'ASSET', assetId: assetId.value }) : assetId;
  }
  if (objectType !== 'kalturaseriesreminder') return err(vendorError('InvalidArgument', { argument: 'reminder' }));
  const seriesId = readString(input.value, 'seriesId', { required: true, nonEmpty: true, label: 'reminder.seriesId' });
  if (!seriesId.ok) return seriesId;
  const season = readInt(input.value, 'seasonNumber', { label: 'reminder.seasonNumber' });
  if (!season.ok) return season;
  const channel = readInt(input.value, 'epgChannelId', { required: true, label: 'reminder.epgChannelId' });
  if (!channel.ok) return channel;
  return ok({ type: 'SERIES', seriesId: seriesId.value, seasonNumber: season.value, epgChannelId: channel.value });
}

export type ReminderQuery = { readonly type: 'ASSET' } | { readonly type: 'SERIES'; readonly seriesIds: readonly string[]; readonly epgChannelId: number | undefined };

/** reminder.list's filter (required): a series filter lists series reminders, anything else asset reminders. */
export function readReminderQuery(params: Readonly<Record<string, unknown>>): VendorOutcome<ReminderQuery> {
  const filter = readObject(params, 'filter', { required: true });
  if (!filter.ok) return filter;
  const objectType = typeof filter.value.objectType === 'string' ? filter.value.objectType.toLowerCase() : '';
  if (objectType !== 'kalturaseriesreminderfilter') return ok({ type: 'ASSET' });
  const seriesIds = readStringList(filter.value, 'seriesIdIn', { label: 'filter.seriesIdIn' });
  if (!seriesIds.ok) return seriesIds;
  const channel = readInt(filter.value, 'epgChannelIdEqual', { label: 'filter.epgChannelIdEqual' });
  if (!channel.ok) return channel;
  return ok({ type: 'SERIES', seriesIds: seriesIds.value, epgChannelId: channel.value });
}

/** reminder.delete: `id` and `type` (ASSET | SERIES), both required. */
export function readReminderTarget(params: Readonly<Record<string, unknown>>): VendorOutcome<{ id: number; type: 'ASSET' | 'SERIES' }> {
  const id = readInt(params, 'id', { required: true });
  if (!id.ok) return id;
  const type = readEnum(params, 'type', ['ASSET', 'SERIES'] as const, { required: true });
  if (!type.ok) return type;
  return ok({ id: id.value, type: type.value });
}

/** A stored reminder as both sides describe it. */
export type ReminderFields =
  | { readonly id: number; readonly name: string; readonly type: 'ASSET'; readonly assetId: number }
  | { readonly id: number; readonly name: string; readonly type: 'SERIES'; readonly seriesId: string; readonly seasonNumber?: number; readonly epgChannelId: number };

/** `KalturaAssetReminder` or `KalturaSeriesReminder`. */
export function toKalturaReminder(r: ReminderFields): Record<string, unknown> {
  if (r.type === 'ASSET') return { objectType: 'KalturaAssetReminder', id: r.id, name: r.name, type: 'ASSET', assetId: r.assetId };
  const season = r.seasonNumber === undefined ? {} : { seasonNumber: r.seasonNumber };
  return { objectType: 'KalturaSeriesReminder', id: r.id, name: r.name, type: 'SERIES', seriesId: r.seriesId, ...season, epgChannelId: r.epgChannelId };
}

/** At most this many reminders per user (docs/lab-rules.md "Reminders"). */
export const maxRemindersPerUser = 200;
