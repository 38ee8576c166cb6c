/**
 * The two sides' Cloud DVR as the sync's recording applier sees them (docs/sync.md "Entities"):
 * find a household's recording of a programme (or its series recording) in the side's own list,
 * and run one write on the side's own id. The vendor is called as the change's user with a KS
 * understudy mints; the platform as that user with the sync's origin marker, so the feed's echo is dropped.
 */
import type { IdMapper } from '../core/id-mapper';
import type { VendorOutcome } from '../core/vendor-error';
import { isSameSeries, type RecordingStep, type SideRecording } from '../sync/entities-recordings';
import type { ListedRecording, ListedSeries } from '../sync/reconcile-records';
import { scalarText, syncWriteOrigin, type SyncChange } from '../sync/sync-types';
import type { PlatformHttpClient, PlatformHttpResponse } from './platform-http-client';
import type { PlatformTokenCache } from './platform-token-cache';
import type { HouseholdDirectory } from './household-directory';
import { syncSubject } from './sync-platform-applier';
import type { VendorCallClient } from './vendor-call-client';

/** One write's result: done (with the id an add made), or failed. */
export type DvrStepResult = { readonly kind: 'done'; readonly id?: number } | { readonly kind: 'failed'; readonly retryable: boolean; readonly error: string };

/** A recording with the side's id, as reconcile and the applier read it. */
export type SideListedRecording = ListedRecording & SideRecording;
/** A series recording with the side's id. */
export type SideListedSeries = ListedSeries & { readonly id: number };

/** One side's Cloud DVR. */
export interface DvrSide {
  /** The household's recordings in every listed status (programmes in vendor ids, -1 when unmapped). */
  listRecordings(change: SyncChange): Promise<SideListedRecording[]>;
  /** The household's series recordings (first programme in vendor ids, -1 when unmapped). */
  listSeries(change: SyncChange): Promise<SideListedSeries[]>;
  findRecording(change: SyncChange): Promise<SideRecording | undefined>;
  runRecording(change: SyncChange, step: RecordingStep, id: number | undefined): Promise<DvrStepResult>;
  /** The side's id of the series recording the change names, if it holds one. */
  findSeries(change: SyncChange): Promise<number | undefined>;
  runSeries(change: SyncChange, step: 'add' | 'delete', id: number | undefined): Promise<DvrStepResult>;
}

type Row = Record<string, unknown>;
const rowsOf = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);
const numberOf = (value: unknown): number | undefined => (typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined);

/** Vendor codes that mean the write is already there: not found (delete), status not valid (cancel of a finished one). */
const vendorSettled = new Set(['3039', '3043', '3048']);
const vendorRetryable = new Set(['1', '4000', '4001', '500016']);
const liveStatuses = 'SCHEDULED,RECORDING,RECORDED,CANCELED,FAILED';

function vendorStep(outcome: VendorOutcome, label: string): DvrStepResult {
  if (outcome.ok) return { kind: 'done', ...(numberOf((outcome.value as Row | null)?.id) === undefined ? {} : { id: numberOf((outcome.value as Row).id)! }) };
  if (vendorSettled.has(outcome.error.code)) return { kind: 'done' };
  return { kind: 'failed', retryable: vendorRetryable.has(outcome.error.code), error: `vendor ${label}: ${outcome.error.code} ${outcome.error.message}` };
}

async function vendorList(vendor: VendorCallClient, service: string, params: Row): Promise<Row[]> {
  const outcome = await vendor.call({ service, action: 'list', params });
  if (!outcome.ok) throw new Error(`vendor ${service}.list: ${outcome.error.code} ${outcome.error.message}`);
  return rowsOf((outcome.value as Row | null)?.objects);
}

/** The vendor's Cloud DVR, as the change's user. */
export function createVendorDvrSide(vendor: VendorCallClient, ksFor: (change: SyncChange) => string): DvrSide {
  const call = async (change: SyncChange, service: string, action: string, params: Row): Promise<DvrStepResult> =>
    vendor.call({ service, action, params: { ...params, ks: ksFor(change) } }).then((o) => vendorStep(o, `${service}.${action}`));
  const listRecordings = async (change: SyncChange): Promise<SideListedRecording[]> =>
    (await vendorList(vendor, 'recording', { ks: ksFor(change), filter: { objectType: 'KalturaRecordingFilter', statusIn: liveStatuses }, pager: { objectType: 'KalturaFilterPager', pageSize: 500, pageIndex: 1 } })).map((r) => ({
      id: numberOf(r.id) ?? 0, assetId: numberOf(r.assetId) ?? -1, status: scalarText(r.status), isProtected: r.isProtected === true, origin: scalarText(r.type, 'SINGLE'), atMs: (numberOf(r.updateDate) ?? 0) * 1000,
    }));
  const listSeries = async (change: SyncChange): Promise<SideListedSeries[]> =>
    (await vendorList(vendor, 'seriesrecording', { ks: ksFor(change) })).map((r) => ({
      id: numberOf(r.id) ?? 0, epgId: numberOf(r.epgId) ?? -1, seriesId: scalarText(r.seriesId), channelId: numberOf(r.channelId) ?? -1, type: scalarText(r.type), ...(numberOf(r.seasonNumber) === undefined ? {} : { seasonNumber: numberOf(r.seasonNumber)! }),
    }));
  return {
    listRecordings,
    listSeries,
    async findRecording(change) {
      return (await listRecordings(change)).find((r) => r.assetId === change.value.assetId);
    },
    runRecording: (change, step, id) =>
      step === 'add' ? call(change, 'recording', 'add', { recording: { objectType: 'KalturaRecording', assetId: change.value.assetId } }) : call(change, 'recording', step, { id }),
    async findSeries(change) {
      return (await listSeries(change)).find((s) => isSameSeries(change, s))?.id;
    },
    runSeries: (change, step, id) => {
      const v = change.value;
      const recording = { objectType: 'KalturaSeriesRecording', epgId: v.epgId, type: v.type, ...(v.seasonNumber === undefined ? {} : { seasonNumber: v.seasonNumber }) };
      return step === 'add' ? call(change, 'seriesrecording', 'add', { recording }) : call(change, 'seriesrecording', 'delete', { id });
    },
  };
}

export interface PlatformDvrOptions {
  readonly client: PlatformHttpClient;
  readonly tokens: PlatformTokenCache;
  readonly ids: IdMapper;
  readonly directory: HouseholdDirectory;
}

/** Platform problems that mean the write is already there. */
const platformSettled = new Set(['invalid_recording_status', 'series_already_recorded']);

function platformStep(reply: PlatformHttpResponse, label: string): DvrStepResult {
  const body = (reply.body ?? {}) as Row;
  if (reply.status < 300) return { kind: 'done', ...(numberOf(body.number) === undefined ? {} : { id: numberOf(body.number)! }) };
  const code = scalarText(body.code);
  if (platformSettled.has(code) || (reply.status === 404 && label.startsWith('DELETE'))) return { kind: 'done' };
  return { kind: 'failed', retryable: reply.status >= 500 || reply.status === 429 || reply.status === 401, error: `platform ${label}: HTTP ${reply.status} ${code}` };
}

/** The platform's Cloud DVR, as the change's user (a member of the household when it names none). */
export function createPlatformDvrSide(options: PlatformDvrOptions): DvrSide {
  const send = async (change: SyncChange, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<PlatformHttpResponse> => {
    const acting = change.userId ?? (await options.directory.membersOf(change.householdId))[0];
    const subject = syncSubject(change, options.ids, acting);
    if (subject === undefined) throw new Error(`household ${change.householdId} is not in the id map`);
    const headers = { authorization: `Bearer ${await options.tokens.tokenFor(subject)}`, 'x-change-origin': syncWriteOrigin };
    return options.client.send({ method, path, ...(body === undefined ? {} : { body }), headers });
  };
  const list = async (change: SyncChange, path: string): Promise<Row[]> => {
    const reply = await send(change, 'GET', path);
    if (reply.status !== 200) throw new Error(`platform GET ${path}: HTTP ${reply.status}`);
    return rowsOf((reply.body as Row | undefined)?.items);
  };
  const itemOf = (change: SyncChange, assetId: unknown): string => options.ids.toPlatform('asset', scalarText(assetId)) ?? '';
  const assetOf = (itemId: unknown): number => numberOf(options.ids.toVendor('asset', scalarText(itemId))) ?? -1;
  const listRecordings = async (change: SyncChange): Promise<SideListedRecording[]> =>
    (await list(change, '/cdvr/v1/recordings?limit=500')).map((r) => ({
      id: numberOf(r.number) ?? 0, assetId: assetOf(r.itemId), status: scalarText(r.status), isProtected: r.protected === true, origin: scalarText(r.origin, 'single'), atMs: Date.parse(scalarText(r.updatedAt)),
    }));
  const listSeries = async (change: SyncChange): Promise<SideListedSeries[]> =>
    (await list(change, '/cdvr/v1/series-recordings')).map((r) => ({
      id: numberOf(r.number) ?? 0, epgId: assetOf(r.itemId), seriesId: scalarText(r.seriesId), channelId: numberOf(r.epgChannelId) ?? -1, type: scalarText(r.scope).toUpperCase(), ...(numberOf(r.seasonNumber) === undefined ? {} : { seasonNumber: numberOf(r.seasonNumber)! }),
    }));
  return {
    listRecordings,
    listSeries,
    async findRecording(change) {
      return (await listRecordings(change)).find((r) => r.assetId === change.value.assetId);
    },
    async runRecording(change, step, id) {
      if (step === 'add') return platformStep(await send(change, 'POST', '/cdvr/v1/recordings', { itemId: itemOf(change, change.value.assetId) }), 'POST /cdvr/v1/recordings');
      const method = step === 'delete' ? 'DELETE' : 'POST';
      const path = `/cdvr/v1/recordings/${id ?? 0}${step === 'delete' ? '' : `/${step}`}`;
      return platformStep(await send(change, method, path), `${method} ${path}`);
    },
    async findSeries(change) {
      return (await listSeries(change)).find((s) => isSameSeries(change, s))?.id;
    },
    async runSeries(change, step, id) {
      const v = change.value;
      if (step === 'delete') return platformStep(await send(change, 'DELETE', `/cdvr/v1/series-recordings/${id ?? 0}`), 'DELETE /cdvr/v1/series-recordings');
      const body = { itemId: itemOf(change, v.epgId), scope: v.type === 'SEASON' ? 'season' : 'series', ...(v.seasonNumber === undefined ? {} : { seasonNumber: v.seasonNumber }) };
      return platformStep(await send(change, 'POST', '/cdvr/v1/series-recordings', body), 'POST series recording');
    },
  };
}
