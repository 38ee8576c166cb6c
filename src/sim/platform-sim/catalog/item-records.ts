import type { CatalogAsset, CatalogFileType, CatalogLiveChannel, CatalogMediaFile, CatalogVodAsset, StreamFormat } from '../../../core/catalog';
import type { CatalogIndex } from '../../catalog/catalog-index';
import { toIso } from '../http/iso-time';

/**
 * Catalogue items in platform vocabulary, built once per sim (the catalogue is immutable) with
 * their JSON pre-serialised and their search fields pre-lower-cased, so reads never rebuild them.
 */
export type ItemKind = 'vod' | 'live' | 'programme';
export type PlatformFormat = 'hls' | 'dash' | 'progressive';

/** A playable file with everything a playback source needs. */
export interface FileRecord {
  readonly id: string;
  /** The catalogue's file number: licence URLs and the source order use it (lab-rules "Sources"). */
  readonly catalogNumber: number;
  readonly itemId: string;
  readonly file: CatalogMediaFile;
  readonly type: CatalogFileType;
  readonly format: PlatformFormat;
  readonly ppvProductIds: readonly string[];
  readonly json: Record<string, unknown>;
}

export interface ItemRecord {
  readonly id: string;
  readonly kind: ItemKind;
  /** The catalogue's asset number; the lab's relevance order and every tie-break. */
  readonly sortKey: number;
  readonly asset: CatalogAsset;
  readonly title: string;
  readonly mediaTypeId: number;
  readonly views: number;
  /** Own files (VOD, channel); a programme plays its channel's files. Ordered by catalogue number. */
  readonly playableFiles: readonly FileRecord[];
  /** Subscriptions unlocking the playable files (a programme: its channel's). */
  readonly subscriptionProductIds: readonly string[];
  readonly view: Record<string, unknown>;
  readonly json: string;
}

export const formatByStream: Readonly<Record<StreamFormat, PlatformFormat>> = { applehttp: 'hls', mpegdash: 'dash', url: 'progressive' };

const kindByCatalog = { vod: 'vod', live: 'live', program: 'programme' } as const;

function mapProductIds(index: CatalogIndex, vendorIds: readonly string[]): string[] {
  return vendorIds.map((id) => index.productByVendorId.get(id)?.platformId ?? id);
}

function buildFile(index: CatalogIndex, asset: CatalogVodAsset | CatalogLiveChannel, file: CatalogMediaFile): FileRecord {
  const type = index.fileTypeById.get(file.fileTypeId) ?? { id: file.fileTypeId, name: `type-${file.fileTypeId}`, format: 'url' as const, drm: [] };
  const format = formatByStream[type.format];
  const ppvProductIds = mapProductIds(index, file.ppvProductIds);
  const json = {
    id: file.platformId,
    typeId: type.id,
    typeName: type.name,
    format,
    cdnUrl: file.cdnUrl,
    durationSeconds: file.durationSeconds,
    externalRef: file.externalId,
    sizeBytes: file.fileSize,
    drm: [...type.drm],
    ppvProductIds,
  };
  return { id: file.platformId, catalogNumber: file.vendorId, itemId: asset.platformId, file, type, format, ppvProductIds, json };
}

function buildAttributes(asset: CatalogAsset): Record<string, string | number | boolean> {
  const attributes: Record<string, string | number | boolean> = {};
  for (const [name, meta] of Object.entries(asset.metas)) attributes[name] = meta.value;
  return attributes;
}

function buildImages(asset: CatalogAsset): Record<string, unknown>[] {
  return asset.images.map((image) => ({
    id: image.vendorId,
    aspectRatio: image.ratio,
    width: image.width,
    height: image.height,
    url: image.url,
    typeId: image.imageTypeId,
    typeName: image.imageTypeName,
    isDefault: image.isDefault,
    version: image.version,
  }));
}

function buildKindDetails(index: CatalogIndex, asset: CatalogAsset): Record<string, unknown> {
  if (asset.kind === 'live') {
    return {
      live: {
        epgChannelId: asset.epgChannelId,
        catchUp: asset.enableCatchUp,
        startOver: asset.enableStartOver,
        trickPlay: asset.enableTrickPlay,
        cdvr: asset.enableCdvr,
        catchUpBufferMinutes: asset.catchUpBuffer,
        trickPlayBufferMinutes: asset.trickPlayBuffer,
      },
    };
  }
  if (asset.kind === 'program') {
    const channel = index.assetByVendorId.get(asset.channelVendorId);
    return {
      programme: {
        channelItemId: channel?.platformId ?? null,
        epgChannelId: asset.epgChannelId,
        epgRef: asset.epgId,
        crid: asset.crid,
        catchUp: asset.enableCatchUp,
        startOver: asset.enableStartOver,
        // Trick play is the channel's setting; programmes inherit it (devices read it per programme).
        trickPlay: channel?.kind === 'live' ? channel.enableTrickPlay : false,
      },
    };
  }
  return {};
}

function mediaTypeOf(index: CatalogIndex, asset: CatalogAsset): { id: number; name: string } {
  if (asset.kind === 'program') return { id: 0, name: 'Programme' };
  return index.mediaTypeById.get(asset.mediaTypeId) ?? { id: asset.mediaTypeId, name: String(asset.mediaTypeId) };
}

/** Builds one item record; `channelFiles` supplies a programme's playable files. */
export function buildItemRecord(index: CatalogIndex, asset: CatalogAsset, channel?: ItemRecord): ItemRecord {
  const ownFiles = asset.kind === 'program' ? [] : asset.files.map((f) => buildFile(index, asset, f)).sort((a, b) => a.catalogNumber - b.catalogNumber);
  const subscriptionProductIds = asset.kind === 'program' ? [] : mapProductIds(index, asset.subscriptionProductIds);
  const mediaType = mediaTypeOf(index, asset);
  const views = asset.kind === 'vod' ? asset.views : 0;
  const view: Record<string, unknown> = {
    id: asset.platformId,
    kind: kindByCatalog[asset.kind],
    sortKey: asset.vendorId,
    mediaType,
    title: asset.name,
    synopsis: asset.description,
    images: buildImages(asset),
    attributes: buildAttributes(asset),
    labels: Object.fromEntries(Object.entries(asset.tags).map(([k, v]) => [k, [...v]])),
    files: ownFiles.map((f) => f.json),
    createdAt: toIso(asset.createDate),
    updatedAt: toIso(asset.updateDate),
    availableFrom: toIso(asset.startDate),
    availableUntil: toIso(asset.endDate),
    externalRef: asset.externalId,
    views,
    subscriptionProductIds,
    ...buildKindDetails(index, asset),
  };
  return {
    id: asset.platformId,
    kind: kindByCatalog[asset.kind],
    sortKey: asset.vendorId,
    asset,
    title: asset.name,
    mediaTypeId: mediaType.id,
    views,
    playableFiles: channel ? channel.playableFiles : ownFiles,
    subscriptionProductIds: channel ? channel.subscriptionProductIds : subscriptionProductIds,
    view,
    json: JSON.stringify(view),
  };
}
