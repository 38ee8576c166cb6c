/**
 * The two sides' personal lists and reminders as the sync's list applier sees them (docs/sync.md
 * "Entities"): the user's items with their side's id, in vendor vocabulary for keying; one add; one
 * delete by the side's id. Vendor calls as the change's user (a KS understudy mints), platform
 * calls as that user with the sync's origin marker.
 */
import type { IdMapper } from '../core/id-mapper';
import { scalarText, syncWriteOrigin, type SyncChange } from '../sync/sync-types';
import type { PlatformHttpClient } from './platform-http-client';
import type { PlatformTokenCache } from './platform-token-cache';
import { syncSubject } from './sync-platform-applier';
import type { DvrStepResult } from './sync-dvr-sides';
import type { VendorCallClient } from './vendor-call-client';

/** One item as a side holds it: its id and its content in vendor vocabulary. */
export interface SideItem {
  readonly id: number;
  readonly value: Readonly<Record<string, unknown>>;
}

/** One side's lists and reminders. */
export interface ListSide {
  items(change: SyncChange): Promise<SideItem[]>;
  add(change: SyncChange): Promise<DvrStepResult>;
  remove(change: SyncChange, id: number): Promise<DvrStepResult>;
}

type Row = Record<string, unknown>;
const rowsOf = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);
const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value));
const maxPages = 10;

/** Vendor codes that mean the item is already gone: NotFound, ObjectIdNotFound, ItemNotFound. */
const vendorGone = new Set(['500007', '500055', '2032']);

/** The vendor's lists and reminders, as the change's user. */
export function createVendorListSide(vendor: VendorCallClient, ksFor: (change: SyncChange) => string): ListSide {
  const call = async (change: SyncChange, service: string, action: string, params: Row): Promise<DvrStepResult> => {
    const outcome = await vendor.call({ service, action, params: { ...params, ks: ksFor(change) } });
    if (outcome.ok) return { kind: 'done', ...(typeof (outcome.value as Row | null)?.id === 'number' ? { id: (outcome.value as Row).id as number } : {}) };
    if (action === 'delete' && vendorGone.has(outcome.error.code)) return { kind: 'done' };
    return { kind: 'failed', retryable: ['1', '4000', '4001'].includes(outcome.error.code), error: `vendor ${service}.${action}: ${outcome.error.code} ${outcome.error.message}` };
  };
  const page = async (change: SyncChange, service: string, filter: Row): Promise<Row[]> => {
    const rows: Row[] = [];
    for (let pageIndex = 1; pageIndex <= maxPages; pageIndex++) {
      const outcome = await vendor.call({ service, action: 'list', params: { ks: ksFor(change), filter, pager: { objectType: 'KalturaFilterPager', pageSize: 50, pageIndex } } });
      if (!outcome.ok) throw new Error(`vendor ${service}.list: ${outcome.error.code} ${outcome.error.message}`);
      const objects = rowsOf((outcome.value as Row | null)?.objects);
      rows.push(...objects);
      if (objects.length < 50) break;
    }
    return rows;
  };
  return {
    async items(change) {
      if (change.entity === 'personalList') {
        return (await page(change, 'personallist', { objectType: 'KalturaPersonalListFilter' })).map((r) => ({ id: num(r.id), value: { name: r.name, ksql: r.ksql, listType: r.partnerListType } }));
      }
      const filter = change.value.type === 'SERIES' ? { objectType: 'KalturaSeriesReminderFilter' } : { objectType: 'KalturaAssetReminderFilter' };
      return (await page(change, 'reminder', filter)).map((r) => ({ id: num(r.id), value: r }));
    },
    add(change) {
      const v = change.value;
      if (change.entity === 'personalList') return call(change, 'personallist', 'add', { personalList: { objectType: 'KalturaPersonalList', name: v.name, ksql: v.ksql, partnerListType: v.listType } });
      const reminder = v.type === 'SERIES'
        ? { objectType: 'KalturaSeriesReminder', seriesId: v.seriesId, epgChannelId: v.epgChannelId, ...(v.seasonNumber === undefined ? {} : { seasonNumber: v.seasonNumber }) }
        : { objectType: 'KalturaAssetReminder', assetId: v.assetId };
      return call(change, 'reminder', 'add', { reminder });
    },
    remove(change, id) {
      if (change.entity === 'personalList') return call(change, 'personallist', 'delete', { personalListId: id });
      return call(change, 'reminder', 'delete', { id, type: change.value.type === 'SERIES' ? 'SERIES' : 'ASSET' });
    },
  };
}

export interface PlatformListOptions {
  readonly client: PlatformHttpClient;
  readonly tokens: PlatformTokenCache;
  readonly ids: IdMapper;
}

/** The platform's lists and reminders, as the change's user. */
export function createPlatformListSide(options: PlatformListOptions): ListSide {
  const send = async (change: SyncChange, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: Row }> => {
    const subject = syncSubject(change, options.ids, change.userId);
    if (subject === undefined) throw new Error(`household ${change.householdId} is not in the id map`);
    const headers = { authorization: `Bearer ${await options.tokens.tokenFor(subject)}`, 'x-change-origin': syncWriteOrigin };
    const reply = await options.client.send({ method, path, ...(body === undefined ? {} : { body }), headers });
    return { status: reply.status, body: (reply.body ?? {}) as Row };
  };
  const step = (reply: { status: number; body: Row }, label: string): DvrStepResult => {
    if (reply.status < 300 || (reply.status === 404 && label.startsWith('DELETE'))) return { kind: 'done', ...(typeof reply.body.number === 'number' ? { id: reply.body.number } : {}) };
    return { kind: 'failed', retryable: reply.status >= 500 || reply.status === 429 || reply.status === 401, error: `platform ${label}: HTTP ${reply.status} ${scalarText(reply.body.code)}` };
  };
  const isSeries = (change: SyncChange): boolean => change.value.type === 'SERIES';
  return {
    async items(change) {
      const path = change.entity === 'personalList' ? '/user-data/v1/personal-lists?limit=500' : `/user-data/v1/reminders?limit=500&kind=${isSeries(change) ? 'series' : 'programme'}`;
      const reply = await send(change, 'GET', path);
      if (reply.status !== 200) throw new Error(`platform GET ${path}: HTTP ${reply.status}`);
      return rowsOf(reply.body.items).map((r) => {
        if (change.entity === 'personalList') return { id: num(r.number), value: { name: r.name, ksql: r.query, listType: r.listType } };
        if (r.kind === 'series') return { id: num(r.number), value: { type: 'SERIES', seriesId: r.seriesId, epgChannelId: r.epgChannelId, ...(r.seasonNumber === undefined ? {} : { seasonNumber: r.seasonNumber }) } };
        return { id: num(r.number), value: { type: 'ASSET', assetId: Number(options.ids.toVendor('asset', scalarText(r.itemId)) ?? -1) } };
      });
    },
    async add(change) {
      const v = change.value;
      if (change.entity === 'personalList') return step(await send(change, 'POST', '/user-data/v1/personal-lists', { name: v.name, query: v.ksql, listType: v.listType }), 'POST personal list');
      const body = isSeries(change)
        ? { kind: 'series', seriesId: v.seriesId, epgChannelId: v.epgChannelId, ...(v.seasonNumber === undefined ? {} : { seasonNumber: v.seasonNumber }) }
        : { kind: 'programme', itemId: options.ids.toPlatform('asset', scalarText(v.assetId)) ?? '' };
      return step(await send(change, 'POST', '/user-data/v1/reminders', body), 'POST reminder');
    },
    async remove(change, id) {
      const path = change.entity === 'personalList' ? `/user-data/v1/personal-lists/${id}` : `/user-data/v1/reminders/${id}?kind=${isSeries(change) ? 'series' : 'programme'}`;
      return step(await send(change, 'DELETE', path), `DELETE ${path}`);
    },
  };
}
