import type { FileRecord } from '../catalog/item-records';

/**
 * Playback sources (lab-rules "Sources"): one per file; licence URLs are the lab DRM service's,
 * keyed by the catalogue's file number so both systems hand devices the same URL. Cached per file.
 */
const labDrmBase = 'https://drm.lab.understudy.test';
export const labFairPlayCertificate = 'LAB-FAIRPLAY-CERT';

const cache = new WeakMap<FileRecord, Record<string, unknown>>();

function buildSource(file: FileRecord): Record<string, unknown> {
  const drm = file.type.drm.map((scheme) => ({
    scheme,
    licenseUrl: `${labDrmBase}/${scheme.toLowerCase()}/license?fileId=${file.catalogNumber}`,
    ...(scheme === 'FAIRPLAY' ? { certificate: labFairPlayCertificate } : {}),
  }));
  return {
    fileId: file.id,
    itemId: file.itemId,
    typeId: file.type.id,
    typeName: file.type.name,
    format: file.format,
    cdnUrl: file.file.cdnUrl,
    durationSeconds: file.file.durationSeconds,
    sizeBytes: file.file.fileSize,
    externalRef: file.file.externalId,
    drm,
  };
}

/** The source object of a file. */
export function toPlaybackSource(file: FileRecord): Record<string, unknown> {
  let source = cache.get(file);
  if (!source) {
    source = buildSource(file);
    cache.set(file, source);
  }
  return source;
}
