import type { components } from '../../../contracts/generated/platform';
import type { IdMapper } from '../../core/id-mapper';
import { requireVendorId } from '../catalog/item-values';

/** A platform playback source (contracts/platform/openapi.yaml PlaybackSource). */
export type PlatformPlaybackSource = components['schemas']['PlaybackSource'];
type PlatformFormat = PlatformPlaybackSource['format'];

/** What a vendor source URL is built from (docs/lab-rules.md "Sources"). */
export interface SourceRequest {
  /** The API base up to `/api_v3`, without trailing slashes. */
  readonly apiBase: string;
  readonly partnerId: number;
  /** The asset the caller asked about (a programme for `epg`). */
  readonly assetId: number;
  readonly assetType: string;
  readonly context: string;
  readonly urlType: 'PLAYMANIFEST' | 'DIRECT';
}

/** Platform stream formats in vendor words, with the playManifest extension hint. */
const vendorFormats: Readonly<Record<PlatformFormat, { readonly format: string; readonly extension: string }>> = {
  hls: { format: 'applehttp', extension: 'm3u8' },
  dash: { format: 'mpegdash', extension: 'mpd' },
  progressive: { format: 'url', extension: 'mp4' },
};

const trailingSlashes = /\/+$/;

/** The API base as source URLs use it (no trailing slash). */
export function toApiBase(apiBaseUrl: string): string {
  return apiBaseUrl.replace(trailingSlashes, '');
}

/** One DRM entry per scheme; FairPlay carries its certificate (brief §5.3). */
function toDrmEntries(drm: PlatformPlaybackSource['drm']): object[] {
  return drm.map((entry) =>
    entry.scheme === 'FAIRPLAY'
      ? { objectType: 'KalturaFairPlayPlaybackPluginData', scheme: entry.scheme, licenseURL: entry.licenseUrl, certificate: entry.certificate ?? '' }
      : { objectType: 'KalturaDrmPlaybackPluginData', scheme: entry.scheme, licenseURL: entry.licenseUrl },
  );
}

/** KalturaPlaybackSource of a platform source (docs/lab-rules.md "Sources", brief §5.3, §7.12). */
export function toVendorSource(ids: IdMapper, request: SourceRequest, source: PlatformPlaybackSource): object {
  const fileId = requireVendorId(ids, 'file', source.fileId);
  const vendor = vendorFormats[source.format];
  const url =
    request.urlType === 'DIRECT'
      ? source.cdnUrl
      : `${request.apiBase}/service/assetFile/action/playManifest/partnerId/${request.partnerId}/assetId/${request.assetId}` +
        `/assetType/${request.assetType}/assetFileId/${fileId}/contextType/${request.context}/a.${vendor.extension}`;
  return {
    objectType: 'KalturaPlaybackSource',
    assetId: request.assetId,
    id: fileId,
    type: source.typeName,
    typeId: source.typeId,
    url,
    duration: source.durationSeconds,
    externalId: source.externalRef,
    fileSize: source.sizeBytes,
    format: vendor.format,
    protocols: 'http,https',
    drm: toDrmEntries(source.drm),
    isTokenized: false,
  };
}
