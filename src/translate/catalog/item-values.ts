import type { IdMapper } from '../../core/id-mapper';
import type { PlatformImage, PlatformItem, PlatformMediaFile } from './platform-catalog-types';

/**
 * Pure mappers from platform item parts to the vendor's KalturaAsset members (brief §5.2, §7.10,
 * §7.12, §7.13), value for value as the vendor serialises the same catalogue entity.
 */
type Json = Record<string, unknown>;

/** The language every lab text is in (KalturaTranslationToken.language). */
const labLanguage = 'eng';

/** `multilingualName` / `multilingualDescription`: one translation token. */
export function toTranslationTokens(value: string): object[] {
  return [{ objectType: 'KalturaTranslationToken', language: labLanguage, value }];
}

/** Platform timestamps are ISO 8601 UTC whole seconds; vendor dates are epoch seconds. */
export function toEpochSeconds(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`platform timestamp ${iso} is not ISO 8601`);
  return Math.floor(ms / 1000);
}

/** `metas`: attribute name → KalturaValue subtype chosen by the JSON type of the value. */
export function toMetas(attributes: PlatformItem['attributes']): Json {
  const out: Json = {};
  for (const name of Object.keys(attributes)) {
    const value = attributes[name];
    if (typeof value === 'string') out[name] = { objectType: 'KalturaStringValue', value };
    else if (typeof value === 'number') out[name] = { objectType: 'KalturaDoubleValue', value };
    else if (typeof value === 'boolean') out[name] = { objectType: 'KalturaBooleanValue', value };
  }
  return out;
}

/** `tags`: label name → KalturaMultilingualStringValueArray. */
export function toTags(labels: PlatformItem['labels']): Json {
  const out: Json = {};
  for (const name of Object.keys(labels)) {
    const values = labels[name] ?? [];
    out[name] = {
      objectType: 'KalturaMultilingualStringValueArray',
      objects: values.map((value) => ({ objectType: 'KalturaMultilingualStringValue', value })),
    };
  }
  return out;
}

/** `images`: KalturaMediaImage in the item's order (devices take `images[0]` as the poster). */
export function toMediaImages(images: readonly PlatformImage[]): object[] {
  return images.map((image) => ({
    objectType: 'KalturaMediaImage',
    ratio: image.aspectRatio,
    width: image.width,
    height: image.height,
    url: image.url,
    version: image.version,
    id: image.id,
    isDefault: image.isDefault,
    imageTypeId: image.typeId,
    imageTypeName: image.typeName,
  }));
}

/** The vendor id of a platform object the id map must know (catalogue entities always are). */
export function requireVendorId(ids: IdMapper, kind: 'asset' | 'file', platformId: string): number {
  const vendorId = ids.toVendor(kind, platformId);
  if (vendorId === undefined) throw new Error(`no vendor id for platform ${kind} ${platformId}`);
  return Number(vendorId);
}

/** `mediaFiles`: KalturaMediaFile with `url` = the CDN URL and `type` = the file type name. */
export function toMediaFiles(ids: IdMapper, assetId: number, files: readonly PlatformMediaFile[]): object[] {
  return files.map((file) => ({
    objectType: 'KalturaMediaFile',
    assetId,
    id: requireVendorId(ids, 'file', file.id),
    type: file.typeName,
    typeId: file.typeId,
    url: file.cdnUrl,
    duration: file.durationSeconds,
    externalId: file.externalRef,
    fileSize: file.sizeBytes,
  }));
}
