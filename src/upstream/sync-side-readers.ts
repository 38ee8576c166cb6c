/**
 * Reconcile's readers (docs/sync.md "Reconcile"): one household's bookmarks, favorites or devices
 * as each side holds them, paged through the sides' own read APIs, as the vendor-vocabulary
 * records reconcile compares. Members of a household come from the household directory.
 */
import { scalarText } from '../sync/sync-types';
import type { IdMapper } from '../core/id-mapper';
import type { SideReader, SideRecord } from '../sync/sync-ports';
import type { SyncChange, SyncEntity } from '../sync/sync-types';
import type { PlatformHttpClient } from './platform-http-client';
import type { PlatformTokenCache } from './platform-token-cache';
import type { VendorCallClient } from './vendor-call-client';
import { readPlatformPurchases, readVendorPurchases } from './sync-purchase-readers';

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (typeof v === 'object' && v !== null ? (v as Obj) : {});
const asList = (v: unknown): Obj[] => (Array.isArray(v) ? (v as unknown[]).map(asObj) : []);
const maxPages = 200;

function bookmarkRecord(userId: string, assetId: string, assetType: string, position: number, finished: boolean, atMs: number): SideRecord {
  const value = { assetId: Number(assetId), assetType, position, action: finished && position === 0 ? 'FINISH' : 'PAUSE', finished };
  return { key: `${userId}:${assetId}:${assetType}`, userId, value, atMs };
}

/** Reads from the platform as household members (their own history and favorites). */
export function createPlatformReader(client: PlatformHttpClient, tokens: PlatformTokenCache, ids: IdMapper, membersOf: (householdId: string) => Promise<string[]>): SideReader {
  const get = async (path: string, householdId: string, userId: string): Promise<Obj> => {
    const subject = { householdId, userId, sessionKey: 'understudy-sync-reconcile' };
    const reply = await client.send({ method: 'GET', path, headers: { authorization: `Bearer ${await tokens.tokenFor(subject)}` } });
    if (reply.status !== 200) throw new Error(`platform GET ${path.split('?')[0]} answered HTTP ${reply.status}`);
    return asObj(reply.body);
  };
  const pages = async (path: string, householdId: string, userId: string): Promise<Obj[]> => {
    const items: Obj[] = [];
    for (let page = 0; page < maxPages; page++) {
      const body = await get(`${path}?offset=${page * 500}&limit=500`, householdId, userId);
      const got = asList(body.items);
      items.push(...got);
      if (got.length < 500) break;
    }
    return items;
  };
  const readUserEntity = async (entity: SyncEntity, householdId: string, vendorUser: string): Promise<SideRecord[]> => {
    const userId = ids.toPlatform('user', vendorUser);
    if (userId === undefined) return [];
    if (entity === 'bookmark') {
      return (await pages('/user-data/v1/history', householdId, userId)).flatMap((h) => {
        const assetId = ids.toVendor('asset', String(h.itemId));
        const assetType = h.itemKind === 'programme' ? 'epg' : scalarText(h.itemKind, 'media');
        return assetId === undefined ? [] : [bookmarkRecord(vendorUser, assetId, assetType, Number(h.positionSeconds ?? 0), h.finished === true, Date.parse(String(h.watchedAt)))];
      });
    }
    return (await pages('/user-data/v1/favorites', householdId, userId)).flatMap((f) => {
      const assetId = ids.toVendor('asset', String(f.itemId));
      return assetId === undefined ? [] : [{ key: `${vendorUser}:${assetId}`, userId: vendorUser, value: { assetId: Number(assetId), extraData: scalarText(f.note, '') }, atMs: Date.parse(String(f.createdAt)) }];
    });
  };
  return {
    async read(entity, vendorHousehold) {
      const householdId = ids.toPlatform('household', vendorHousehold);
      const out = new Map<string, SideRecord>();
      const members = await membersOf(vendorHousehold);
      const someone = members.length === 0 ? undefined : ids.toPlatform('user', members[0]!);
      if (householdId === undefined || someone === undefined) return out;
      if (entity === 'purchase') {
        for (const record of await readPlatformPurchases((path) => get(path, householdId, someone), ids, vendorHousehold)) out.set(record.key, record);
        return out;
      }
      if (entity === 'device') {
        const body = await get(`/identity/v1/households/${householdId}/devices`, householdId, someone);
        for (const d of asList(body.items)) out.set(`${vendorHousehold}:${String(d.udid)}`, { key: `${vendorHousehold}:${String(d.udid)}`, value: { udid: String(d.udid), name: scalarText(d.name, ''), brandId: Number(d.brandId ?? 0) } });
        return out;
      }
      for (const user of members) for (const record of await readUserEntity(entity, householdId, user)) out.set(record.key, record);
      return out;
    },
  };
}

/** Reads from the vendor as household members, with KS understudy mints (sync-vendor-applier.ts). */
export function createVendorReader(vendor: VendorCallClient, ksFor: (who: Pick<SyncChange, 'userId' | 'householdId'>) => string, membersOf: (householdId: string) => Promise<string[]>): SideReader {
  const call = async (service: string, action: string, params: Obj): Promise<Obj> => {
    const outcome = await vendor.call({ service, action, params });
    if (!outcome.ok) throw new Error(`vendor ${service}.${action}: ${outcome.error.code} ${outcome.error.message}`);
    return asObj(outcome.value);
  };
  const pages = async (service: string, action: string, params: Obj): Promise<Obj[]> => {
    const items: Obj[] = [];
    for (let pageIndex = 1; pageIndex <= maxPages; pageIndex++) {
      const got = asList((await call(service, action, { ...params, pager: { objectType: 'KalturaFilterPager', pageSize: 50, pageIndex } })).objects);
      items.push(...got);
      if (got.length < 50) break;
    }
    return items;
  };
  return {
    async read(entity, householdId) {
      const out = new Map<string, SideRecord>();
      const members = await membersOf(householdId);
      if (entity === 'purchase') {
        if (members.length === 0) return out;
        const ks = ksFor({ userId: members[0]!, householdId });
        for (const record of await readVendorPurchases((params) => call('entitlement', 'list', { ...params, ks }), householdId)) out.set(record.key, record);
        return out;
      }
      if (entity === 'device') {
        if (members.length === 0) return out;
        const body = await call('householddevice', 'list', { ks: ksFor({ userId: members[0]!, householdId }) });
        for (const d of asList(body.objects)) out.set(`${householdId}:${String(d.udid)}`, { key: `${householdId}:${String(d.udid)}`, value: { udid: String(d.udid), name: scalarText(d.name, ''), brandId: Number(d.brandId ?? 0) } });
        return out;
      }
      for (const userId of members) {
        const ks = ksFor({ userId, householdId });
        if (entity === 'bookmark') {
          for (const h of await pages('assethistory', 'list', { ks, filter: { objectType: 'KalturaAssetHistoryFilter', statusEqual: 'all' } })) {
            const record = bookmarkRecord(userId, String(h.assetId), scalarText(h.assetType, 'media'), Number(h.position ?? 0), h.finishedWatching === true, Number(h.watchedDate ?? 0) * 1000);
            out.set(record.key, record);
          }
        } else {
          const body = await call('favorite', 'list', { ks, filter: { objectType: 'KalturaFavoriteFilter' } });
          for (const f of asList(body.objects)) out.set(`${userId}:${String(f.assetId)}`, { key: `${userId}:${String(f.assetId)}`, userId, value: { assetId: Number(f.assetId), extraData: scalarText(f.extraData, '') }, atMs: Number(f.createDate ?? 0) * 1000 });
        }
      }
      return out;
    },
  };
}
