import type { Catalog, CatalogAsset } from '../../../core/catalog';
import type { VendorOutcome } from '../../../core/vendor-error';
import { ok } from '../../../core/result';
import { evaluateKsql, ksqlErrorToVendorError, parseKsql, type KsqlNode } from '../../../phoenix/ksql';
import { readIdList, readString, type ParamSource } from '../../../phoenix/param-readers';
import { assetFieldValues } from './asset-fields';

/** Every asset of the catalogue in id order: channels, VOD, programmes. */
export function allAssets(catalog: Catalog): CatalogAsset[] {
  return [...catalog.channels, ...catalog.vodAssets, ...catalog.programs].sort((a, b) => a.vendorId - b.vendorId);
}

/** Parses an optional `kSql` member; empty or missing means "no condition". */
export function readKsqlFilter(filter: ParamSource, label: string): VendorOutcome<KsqlNode | undefined> {
  const text = readString(filter, 'kSql', { label });
  if (!text.ok) return text;
  if (text.value === undefined || text.value.trim() === '') return ok(undefined);
  const parsed = parseKsql(text.value);
  return parsed.ok ? parsed : { ok: false, error: ksqlErrorToVendorError(parsed.error, label) };
}

/** Reads `typeIn` (comma-separated media type ids; 0 = programmes); undefined = every kind. */
export function readTypeIn(filter: ParamSource, label: string): VendorOutcome<ReadonlySet<number> | undefined> {
  const ids = readIdList(filter, 'typeIn', { label });
  if (!ids.ok) return ids;
  return ok(ids.value.length === 0 ? undefined : new Set(ids.value));
}

/** Whether an asset passes `typeIn` and `kSql` (docs/lab-rules.md "Search": typeIn first). */
export function matchesSearch(asset: CatalogAsset, typeIn: ReadonlySet<number> | undefined, ksql: KsqlNode | undefined): boolean {
  if (typeIn !== undefined && !typeIn.has(asset.mediaTypeId)) return false;
  return ksql === undefined || evaluateKsql(ksql, assetFieldValues(asset));
}
