import type { CatalogImage, CatalogMediaFile, CatalogMetaValue } from '../../../core/catalog';
import type { CatalogIndex } from '../../catalog/catalog-index';

/** The language every lab text is in (KalturaTranslationToken.language). */
const labLanguage = 'eng';

/** `multilingualName` / `multilingualDescription`: one translation token (brief §5.2). */
export function toTranslationTokens(value: string): object[] {
  return [{ objectType: 'KalturaTranslationToken', language: labLanguage, value }];
}

const metaObjectTypes = { string: 'KalturaStringValue', number: 'KalturaDoubleValue', boolean: 'KalturaBooleanValue' } as const;

/** `metas`: name → KalturaValue subtype with `value`; always an object, `{}` when empty (brief §7.10). */
export function toMetas(metas: Readonly<Record<string, CatalogMetaValue>>): Record<string, object> {
  const out: Record<string, object> = {};
  for (const [name, meta] of Object.entries(metas)) out[name] = { objectType: metaObjectTypes[meta.kind], value: meta.value };
  return out;
}

/** `tags`: name → KalturaMultilingualStringValueArray of KalturaMultilingualStringValue (brief §5.2, §7.10). */
export function toTags(tags: Readonly<Record<string, readonly string[]>>): Record<string, object> {
  const out: Record<string, object> = {};
  for (const [name, values] of Object.entries(tags)) {
    out[name] = {
      objectType: 'KalturaMultilingualStringValueArray',
      objects: values.map((value) => ({ objectType: 'KalturaMultilingualStringValue', value })),
    };
  }
  return out;
}

/** `images`: KalturaMediaImage in catalogue order (playkit takes `images[0]` as the poster, brief §7.13). */
export function toMediaImages(images: readonly CatalogImage[]): object[] {
  return images.map((image) => ({
    objectType: 'KalturaMediaImage',
    ratio: image.ratio,
    width: image.width,
    height: image.height,
    url: image.url,
    version: image.version,
    id: image.vendorId,
    isDefault: image.isDefault,
    imageTypeId: image.imageTypeId,
    imageTypeName: image.imageTypeName,
  }));
}

/** The file type name devices filter on (KalturaMediaFile.type, brief §5.2, §7.12). */
export function fileTypeName(index: CatalogIndex, fileTypeId: number): string {
  return index.fileTypeById.get(fileTypeId)?.name ?? '';
}

/** `mediaFiles`: KalturaMediaFile with `url` = the CDN URL, `type` = file type name. */
export function toMediaFiles(index: CatalogIndex, assetId: number, files: readonly CatalogMediaFile[]): object[] {
  return files.map((file) => ({
    objectType: 'KalturaMediaFile',
    assetId,
    id: file.vendorId,
    type: fileTypeName(index, file.fileTypeId),
    typeId: file.fileTypeId,
    url: file.cdnUrl,
    duration: file.durationSeconds,
    externalId: file.externalId,
    fileSize: file.fileSize,
  }));
}
