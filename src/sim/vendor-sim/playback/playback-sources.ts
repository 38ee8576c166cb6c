import type { CatalogFileType, CatalogMediaFile, DrmScheme, StreamFormat } from '../../../core/catalog';

/** What a source URL is built from (docs/lab-rules.md "Sources"). */
export interface SourceRequest {
  readonly apiBaseUrl: string;
  readonly partnerId: number;
  /** The asset the caller asked about (a programme for `epg`). */
  readonly assetId: number;
  readonly assetType: string;
  readonly context: string;
  readonly urlType: 'PLAYMANIFEST' | 'DIRECT';
}

const manifestExtension: Readonly<Record<StreamFormat, string>> = { applehttp: 'm3u8', mpegdash: 'mpd', url: 'mp4' };

/** The lab's FairPlay application certificate (a placeholder; no real DRM runs in the lab). */
export const labFairPlayCertificate = 'LAB-FAIRPLAY-CERT';

function licenseUrl(scheme: DrmScheme, fileId: number): string {
  return `https://drm.lab.understudy.test/${scheme.toLowerCase()}/license?fileId=${fileId}`;
}

/** One DRM entry per scheme of the file type; FairPlay carries its certificate (brief §5.3). */
function toDrmEntries(fileType: CatalogFileType | undefined, fileId: number): object[] {
  return (fileType?.drm ?? []).map((scheme) =>
    scheme === 'FAIRPLAY'
      ? { objectType: 'KalturaFairPlayPlaybackPluginData', scheme, licenseURL: licenseUrl(scheme, fileId), certificate: labFairPlayCertificate }
      : { objectType: 'KalturaDrmPlaybackPluginData', scheme, licenseURL: licenseUrl(scheme, fileId) },
  );
}

/** The playManifest URL of a file (brief §1.2 path parameters, ending in an extension hint). */
export function playManifestUrl(request: SourceRequest, file: CatalogMediaFile, format: StreamFormat): string {
  const base = request.apiBaseUrl.replace(/\/+$/, '');
  return (
    `${base}/service/assetFile/action/playManifest/partnerId/${request.partnerId}/assetId/${request.assetId}` +
    `/assetType/${request.assetType}/assetFileId/${file.vendorId}/contextType/${request.context}/a.${manifestExtension[format]}`
  );
}

/** KalturaPlaybackSource of one file (docs/lab-rules.md "Sources", brief §5.3, §7.12). */
export function toPlaybackSource(request: SourceRequest, file: CatalogMediaFile, fileType: CatalogFileType | undefined): object {
  const format = fileType?.format ?? 'url';
  return {
    objectType: 'KalturaPlaybackSource',
    assetId: request.assetId,
    id: file.vendorId,
    type: fileType?.name ?? '',
    typeId: file.fileTypeId,
    url: request.urlType === 'DIRECT' ? file.cdnUrl : playManifestUrl(request, file, format),
    duration: file.durationSeconds,
    externalId: file.externalId,
    fileSize: file.fileSize,
    format,
    protocols: 'http,https',
    drm: toDrmEntries(fileType, file.vendorId),
    isTokenized: false,
  };
}
