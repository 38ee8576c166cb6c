/**
 * recording.* and householdQuota.get shapes (S2 3.6.287 definitions; docs/vendor-decisions.md
 * "Cloud DVR"): `KalturaRecording {id, status, assetId, type, viewableUntilDate, isProtected,
 * createDate, updateDate}`, `KalturaRecordingFilter {statusIn, filterExpression, orderBy}`,
 * `KalturaHouseholdQuota {householdId, totalQuota, availableQuota}`.
 */
import { err, ok } from '../core/result';
import type { VendorOutcome } from '../core/vendor-error';
import { evaluateKsql, ksqlErrorToVendorError, parseKsql, type KsqlNode } from './ksql';
import { listResponse, readPager } from './pager';
import { readEnum, readInt, readObject, readStringList, readString } from './param-readers';

export const recordingStatuses = ['SCHEDULED', 'RECORDING', 'RECORDED', 'CANCELED', 'FAILED', 'DELETED'] as const;
export type VendorRecordingStatus = (typeof recordingStatuses)[number];
export type VendorRecordingType = 'SINGLE' | 'SEASON' | 'SERIES';

/** A recording as both sides describe it, with the programme facts lists filter and sort on. */
export interface RecordingFields {
  readonly id: number;
  readonly status: VendorRecordingStatus;
  readonly assetId: number;
  readonly type: VendorRecordingType;
  readonly viewableUntilDate: number;
  readonly isProtected: boolean;
  readonly createDate: number;
  readonly updateDate: number;
  readonly programName: string;
  readonly epgChannelId: number;
  readonly startDate: number;
  readonly endDate: number;
}

/** `KalturaRecording`. */
export function toKalturaRecording(r: RecordingFields): Record<string, unknown> {
  return {
    objectType: 'KalturaRecording',
    id: r.id,
    status: r.status,
    assetId: r.assetId,
    type: r.type,
    viewableUntilDate: r.viewableUntilDate,
    isProtected: r.isProtected,
    createDate: r.createDate,
    updateDate: r.updateDate,
  };
}

/** `KalturaHouseholdQuota`; quotas in seconds (docs/vendor-decisions.md "Cloud DVR"). */
export function toKalturaHouseholdQuota(householdId: number, totalSeconds: number, usedSeconds: number): Record<string, unknown> {
  return { objectType: 'KalturaHouseholdQuota', householdId, totalQuota: totalSeconds, availableQuota: Math.max(0, totalSeconds - usedSeconds) };
}

/** recording.add: `recording.assetId` (the programme), required. */
export function readRecordingAssetId(params: Readonly<Record<string, unknown>>): VendorOutcome<number> {
  const recording = readObject(params, 'recording', { required: true });
  if (!recording.ok) return recording;
  return readInt(recording.value, 'assetId', { required: true, label: 'recording.assetId' });
}

const orders = ['TITLE_ASC', 'TITLE_DESC', 'START_DATE_ASC', 'START_DATE_DESC'] as const;

export interface RecordingQuery {
  readonly statuses: readonly VendorRecordingStatus[];
  readonly ksql: KsqlNode | undefined;
  readonly orderBy: (typeof orders)[number];
}

function readStatuses(filter: Readonly<Record<string, unknown>>): VendorOutcome<VendorRecordingStatus[]> {
  const items = readStringList(filter, 'statusIn', { label: 'filter.statusIn' });
  if (!items.ok) return items;
  const statuses: VendorRecordingStatus[] = [];
  for (const item of items.value) {
    const status = readEnum({ status: item }, 'status', recordingStatuses, { label: 'filter.statusIn' });
    if (!status.ok) return status;
    if (status.value !== undefined) statuses.push(status.value);
  }
  return ok(statuses);
}

/** recording.list's optional `KalturaRecordingFilter`; default START_DATE_ASC, every live status. */
export function readRecordingQuery(params: Readonly<Record<string, unknown>>): VendorOutcome<RecordingQuery> {
  const filter = readObject(params, 'filter');
  if (!filter.ok) return filter;
  const source = filter.value ?? {};
  const statuses = readStatuses(source);
  if (!statuses.ok) return statuses;
  const orderBy = readEnum(source, 'orderBy', orders, { label: 'filter.orderBy' });
  if (!orderBy.ok) return orderBy;
  const text = readString(source, 'filterExpression', { label: 'filter.filterExpression' });
  if (!text.ok) return text;
  let ksql: KsqlNode | undefined;
  if (text.value !== undefined && text.value.trim() !== '') {
    const parsed = parseKsql(text.value);
    if (!parsed.ok) return err(ksqlErrorToVendorError(parsed.error, 'filter.filterExpression'));
    ksql = parsed.value;
  }
  return ok({ statuses: statuses.value, ksql, orderBy: orderBy.value ?? 'START_DATE_ASC' });
}

/** The KSQL fields a recording answers to (docs/lab-rules.md "Cloud DVR"). */
function recordingFieldValues(r: RecordingFields): (key: string) => readonly (string | number)[] | undefined {
  const fields: Record<string, readonly (string | number)[]> = {
    name: [r.programName],
    epg_channel_id: [r.epgChannelId],
    start_date: [r.startDate],
    end_date: [r.endDate],
    epg_id: [r.assetId],
    media_id: [r.assetId],
  };
  return (key) => fields[key.toLowerCase()];
}

function compareRecordings(orderBy: RecordingQuery['orderBy']): (a: RecordingFields, b: RecordingFields) => number {
  const sign = orderBy.endsWith('_DESC') ? -1 : 1;
  if (orderBy.startsWith('TITLE')) return (a, b) => sign * (a.programName.localeCompare(b.programName, 'en') || a.startDate - b.startDate) || a.id - b.id;
  return (a, b) => sign * (a.startDate - b.startDate) || a.id - b.id;
}

/** recording.list's answer from every recording of the household: filter, order, page. */
export function answerRecordingList(all: readonly RecordingFields[], params: Readonly<Record<string, unknown>>): VendorOutcome {
  const query = readRecordingQuery(params);
  if (!query.ok) return query;
  const pager = readPager(params);
  if (!pager.ok) return pager;
  const { statuses, ksql, orderBy } = query.value;
  const found = all
    .filter((r) => (statuses.length === 0 ? r.status !== 'CANCELED' && r.status !== 'DELETED' : statuses.includes(r.status)))
    .filter((r) => ksql === undefined || evaluateKsql(ksql, recordingFieldValues(r)))
    .sort(compareRecordings(orderBy));
  return ok(listResponse('KalturaRecordingListResponse', found.map(toKalturaRecording), pager.value));
}

/**
 * `KalturaRecordingAsset` (brief §5.2): the recorded programme's `KalturaProgramAsset` fields with
 * `recordingId` (a string), `recordingType`, `viewableUntilDate` and `multiRecord` (false in the lab).
 */
export function toKalturaRecordingAsset(programAsset: Readonly<Record<string, unknown>>, r: Pick<RecordingFields, 'id' | 'type' | 'viewableUntilDate'>): Record<string, unknown> {
  return { ...programAsset, objectType: 'KalturaRecordingAsset', recordingId: String(r.id), recordingType: r.type, viewableUntilDate: r.viewableUntilDate, multiRecord: false };
}

/** Recordings play once recording has begun (docs/vendor-decisions.md "Cloud DVR"): RECORDING or RECORDED. */
export function isPlayableRecording(status: VendorRecordingStatus): boolean {
  return status === 'RECORDING' || status === 'RECORDED';
}

/** A recording id as devices send it (`assetId` / `id` strings of digits); undefined when malformed. */
export function parseRecordingId(text: string): number | undefined {
  return /^\s*\d{1,15}\s*$/.test(text) ? Number(text) : undefined;
}
