/**
 * seriesRecording.* shapes (S2 3.6.287): `KalturaSeriesRecording {id, epgId, channelId, seriesId,
 * seasonNumber, type, createDate, updateDate, excludedSeasons}`, `KalturaSeriesRecordingFilter
 * {orderBy}` (docs/vendor-decisions.md "Cloud DVR").
 */
import { ok } from '../core/result';
import type { VendorOutcome } from '../core/vendor-error';
import { listResponse } from './pager';
import { readEnum, readInt, readObject } from './param-readers';

export interface SeriesRecordingFields {
  readonly id: number;
  readonly epgId: number;
  readonly channelId: number;
  readonly seriesId: string;
  readonly seasonNumber?: number;
  readonly type: 'SERIES' | 'SEASON';
  readonly createDate: number;
  readonly updateDate: number;
}

/** `KalturaSeriesRecording`; the lab excludes no seasons. */
export function toKalturaSeriesRecording(s: SeriesRecordingFields): Record<string, unknown> {
  const season = s.seasonNumber === undefined ? {} : { seasonNumber: s.seasonNumber };
  return { objectType: 'KalturaSeriesRecording', id: s.id, epgId: s.epgId, channelId: s.channelId, seriesId: s.seriesId, ...season, type: s.type, createDate: s.createDate, updateDate: s.updateDate, excludedSeasons: [] };
}

export interface SeriesRecordingInput {
  readonly epgId: number;
  readonly type: 'SERIES' | 'SEASON';
  readonly seasonNumber?: number;
}

/** seriesRecording.add's `recording`: `epgId` required; type SERIES (default, also for SINGLE) or SEASON, which needs `seasonNumber`. */
export function readSeriesRecordingInput(params: Readonly<Record<string, unknown>>): VendorOutcome<SeriesRecordingInput> {
  const recording = readObject(params, 'recording', { required: true });
  if (!recording.ok) return recording;
  const epgId = readInt(recording.value, 'epgId', { required: true, label: 'recording.epgId' });
  if (!epgId.ok) return epgId;
  const type = readEnum(recording.value, 'type', ['SERIES', 'SEASON', 'SINGLE'] as const, { label: 'recording.type' });
  if (!type.ok) return type;
  // SINGLE names no series: recorded as a whole series (docs/vendor-decisions.md "Cloud DVR").
  const kind = type.value === 'SEASON' ? 'SEASON' : 'SERIES';
  const season = readInt(recording.value, 'seasonNumber', { required: kind === 'SEASON', label: 'recording.seasonNumber' });
  if (!season.ok) return season;
  return ok({ epgId: epgId.value, type: kind, ...(season.value === undefined ? {} : { seasonNumber: season.value }) });
}

const orders = ['START_DATE_ASC', 'START_DATE_DESC', 'ID_ASC', 'ID_DESC', 'SERIES_ID_ASC', 'SERIES_ID_DESC'] as const;

function compareSeries(orderBy: (typeof orders)[number]): (a: SeriesRecordingFields, b: SeriesRecordingFields) => number {
  const sign = orderBy.endsWith('_DESC') ? -1 : 1;
  if (orderBy.startsWith('SERIES_ID')) return (a, b) => sign * a.seriesId.localeCompare(b.seriesId, 'en') || a.id - b.id;
  if (orderBy.startsWith('START_DATE')) return (a, b) => sign * (a.createDate - b.createDate || a.id - b.id);
  return (a, b) => sign * (a.id - b.id);
}

/** seriesRecording.list's answer: optional filter with `orderBy` (default ID_ASC), no pager (S2). */
export function answerSeriesRecordingList(all: readonly SeriesRecordingFields[], params: Readonly<Record<string, unknown>>): VendorOutcome {
  const filter = readObject(params, 'filter');
  if (!filter.ok) return filter;
  const orderBy = readEnum(filter.value ?? {}, 'orderBy', orders, { label: 'filter.orderBy' });
  if (!orderBy.ok) return orderBy;
  const sorted = [...all].sort(compareSeries(orderBy.value ?? 'ID_ASC'));
  return ok(listResponse('KalturaSeriesRecordingListResponse', sorted.map(toKalturaSeriesRecording)));
}
