import type { CatalogFileType, CatalogMediaType } from '../../core/catalog';

/**
 * Fixed facts of the seed catalogue: id ranges (distinct per kind so a stray id in a log says what
 * it is), media types, file types and time constants.
 */
export const vendorIdBase = {
  /** Channels, VOD assets and programmes share the asset id space (brief §5.2) in sub-ranges. */
  channel: 360001,
  vod: 480001,
  program: 900001,
  vodFile: 210001,
  channelFile: 290001,
  household: 5001,
  user: 614001,
  ppvProduct: 50001,
  subscriptionProduct: 60001,
  entitlement: 800001,
  epgChannel: 1001,
  epgId: 4000001,
  image: 1000001,
} as const;

export const partnerId = 3197;
export const day = 86400;
/** Vendor far-future sentinel for assets that never expire (brief §2.5). */
export const foreverDate = 4070908800;
/** 2026-11-18T11:00:00Z, an hour boundary. */
export const defaultBaseTime = 1794999600;
export const defaultSeed = 3197;

export const mediaTypeIds = { movie: 421, episode: 422, linear: 424, program: 0 } as const;

export const mediaTypes: readonly CatalogMediaType[] = [
  { id: mediaTypeIds.movie, name: 'Movie' },
  { id: mediaTypeIds.episode, name: 'Episode' },
  { id: mediaTypeIds.linear, name: 'Linear' },
];

export const fileTypeIds = {
  hlsMain: 1,
  dashMain: 2,
  dashMainDrm: 3,
  hlsFairPlay: 4,
  mp4Mobile: 5,
  hlsLive: 6,
  dashLive: 7,
  dashLiveDrm: 8,
} as const;

const cenc = ['WIDEVINE_CENC', 'PLAYREADY_CENC'] as const;

export const fileTypes: readonly CatalogFileType[] = [
  { id: fileTypeIds.hlsMain, name: 'HLS_Main', format: 'applehttp', drm: [] },
  { id: fileTypeIds.dashMain, name: 'DASH_Main', format: 'mpegdash', drm: [] },
  { id: fileTypeIds.dashMainDrm, name: 'DASH_Main_DRM', format: 'mpegdash', drm: cenc },
  { id: fileTypeIds.hlsFairPlay, name: 'HLS_FairPlay', format: 'applehttp', drm: ['FAIRPLAY'] },
  { id: fileTypeIds.mp4Mobile, name: 'MP4_Mobile', format: 'url', drm: [] },
  { id: fileTypeIds.hlsLive, name: 'HLS_Live', format: 'applehttp', drm: [] },
  { id: fileTypeIds.dashLive, name: 'DASH_Live', format: 'mpegdash', drm: [] },
  { id: fileTypeIds.dashLiveDrm, name: 'DASH_Live_DRM', format: 'mpegdash', drm: cenc },
];

/** Manifest file name on the lab CDN, by stream format. */
export function manifestName(fileTypeId: number): string {
  const format = fileTypes.find((t) => t.id === fileTypeId)?.format;
  if (format === 'mpegdash') return 'master.mpd';
  if (format === 'url') return 'master.mp4';
  return 'master.m3u8';
}
