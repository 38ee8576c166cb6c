import type { CatalogMediaFile } from '../../core/catalog';
import { platformIdFor } from './platform-ids';
import { fileTypeIds, fileTypes, manifestName } from './seed-layout';
import type { SeedContext } from './seed-context';

/** Hands out consecutive file vendor ids from a starting point. */
export interface FileIdCounter {
  next(): number;
}

/** Creates a counter starting at `first`. */
export function createFileIdCounter(first: number): FileIdCounter {
  let id = first;
  return { next: () => id++ };
}

export interface FileRequest {
  readonly area: 'vod' | 'live';
  readonly assetId: number;
  readonly assetExternalId: string;
  readonly fileTypeIds: readonly number[];
  /** Zero for live streams. */
  readonly durationSeconds: number;
  readonly ppvProductIds: readonly string[];
}

/** Rough bytes per second by file type, so `fileSize` looks plausible (streams ~2 Mbit/s). */
function bytesPerSecond(fileTypeId: number): number {
  return fileTypeId === fileTypeIds.mp4Mobile ? 150_000 : 250_000;
}

/** Builds the files of one asset, in file id order. */
export function buildMediaFiles(context: SeedContext, ids: FileIdCounter, request: FileRequest): CatalogMediaFile[] {
  return request.fileTypeIds.map((fileTypeId) => {
    const vendorId = ids.next();
    const typeName = fileTypes.find((t) => t.id === fileTypeId)?.name ?? 'Unknown';
    // The mobile MP4 is cut from the same master but often a few seconds shorter.
    const trim = fileTypeId === fileTypeIds.mp4Mobile ? context.rng.int(0, 5) : 0;
    const durationSeconds = Math.max(0, request.durationSeconds - trim);
    return {
      vendorId,
      platformId: platformIdFor('file', vendorId),
      fileTypeId,
      cdnUrl: `https://cdn.lab.understudy.test/${request.area}/${request.assetId}/${vendorId}/${manifestName(fileTypeId)}`,
      durationSeconds,
      externalId: `${request.assetExternalId}-${typeName}`,
      fileSize: durationSeconds * bytesPerSecond(fileTypeId),
      ppvProductIds: [...request.ppvProductIds],
    };
  });
}

/** VOD file type mix: DRM assets get FairPlay HLS and CENC DASH, clear ones plain HLS and DASH. */
export function chooseVodFileTypes(context: SeedContext, drm: boolean): number[] {
  const { rng } = context;
  const types: number[] = drm ? [fileTypeIds.hlsFairPlay, fileTypeIds.dashMainDrm] : [fileTypeIds.hlsMain, fileTypeIds.dashMain];
  // Some DRM assets keep a clear HLS rendition for legacy boxes without a FairPlay/CENC client.
  if (drm && rng.chance(0.3)) types.unshift(fileTypeIds.hlsMain);
  if (rng.chance(0.4)) types.push(fileTypeIds.mp4Mobile);
  return types.slice(0, 4);
}
