/**
 * Rails: `channel.get` answers a `KalturaDynamicChannel` (KalturaChannel fields of the generated
 * TypeScript client: id, name, systemName, description, isActive, orderBy KalturaChannelOrder,
 * createDate, updateDate, supportSegmentBasedOrdering, metaData; plus kSql, assetTypes), and
 * `lineup.get(pageIndex, pageSize)` a `KalturaLineupChannelAssetListResponse` of
 * `KalturaLineupChannelAsset` (a KalturaLiveAsset with `lcn`).
 */
import { ok } from '../core/result';
import type { VendorOutcome } from '../core/vendor-error';
import { readInt } from './param-readers';

/** What both sides know of a dynamic channel (a platform collection). */
export interface DynamicChannelFields {
  readonly id: number;
  readonly name: string;
  readonly kSql: string;
  readonly createDate: number;
}

/** A dynamic channel as `channel.get` answers it (docs/vendor-decisions.md "Rails"). */
export function toKalturaDynamicChannel(channel: DynamicChannelFields): Record<string, unknown> {
  return {
    objectType: 'KalturaDynamicChannel',
    id: channel.id,
    name: channel.name,
    systemName: channel.name,
    description: '',
    isActive: true,
    orderBy: { objectType: 'KalturaChannelOrder', orderBy: 'NAME_ASC' },
    createDate: channel.createDate,
    updateDate: channel.createDate,
    supportSegmentBasedOrdering: false,
    metaData: {},
    kSql: channel.kSql,
    assetTypes: [],
  };
}

/** lineup.get paging: `pageIndex` from 1, `pageSize` 1–1600, both required (generated clients). */
export function readLineupPage(params: Readonly<Record<string, unknown>>): VendorOutcome<{ offset: number; size: number }> {
  const index = readInt(params, 'pageIndex', { required: true, min: 1 });
  if (!index.ok) return index;
  const size = readInt(params, 'pageSize', { required: true, min: 1, max: 1600 });
  if (!size.ok) return size;
  return ok({ offset: (index.value - 1) * size.value, size: size.value });
}

/** A live asset object made a lineup entry: its own objectType plus the channel number. */
export function toLineupChannelAsset(liveAsset: Record<string, unknown>, lcn: number): Record<string, unknown> {
  return { ...liveAsset, objectType: 'KalturaLineupChannelAsset', lcn };
}

/** The lineup list response. */
export function toLineupResponse(objects: readonly object[], totalCount: number, lineupExternalId: string, parentLineupExternalId: string): Record<string, unknown> {
  return { objectType: 'KalturaLineupChannelAssetListResponse', objects, totalCount, lineupExternalId, parentLineupExternalId };
}
