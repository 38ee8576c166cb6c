import type { IdMapper } from '../../core/id-mapper';
import type { VendorOutcome } from '../../core/vendor-error';
import { ok } from '../../core/result';
import { ksqlErrorToVendorError, parseKsql, type KsqlNode } from '../../phoenix/ksql';
import type { VendorPager } from '../../phoenix/pager';
import { readIdList, readString, type ParamSource } from '../../phoenix/param-readers';
import { ksqlToQuery } from './ksql-to-query';
import type { PlatformQueryNode, PlatformSort } from './platform-catalog-types';

/**
 * Reading the members of KalturaAssetFilter subtypes (brief §5.2) with the vendor's lenient readers
 * and labels, and turning them into platform search inputs (docs/lab-rules.md "Search").
 */

/** A parsed `kSql` member: undefined = no condition. */
export function readKsqlFilter(filter: ParamSource, label = 'filter.kSql'): VendorOutcome<KsqlNode | undefined> {
  const text = readString(filter, 'kSql', { label });
  if (!text.ok) return text;
  if (text.value === undefined || text.value.trim() === '') return ok(undefined);
  const parsed = parseKsql(text.value);
  return parsed.ok ? parsed : { ok: false, error: ksqlErrorToVendorError(parsed.error, label) };
}

/** The platform query of an optional KSQL tree (undefined = everything matches). */
export function toPlatformQuery(ksql: KsqlNode | undefined, ids: IdMapper): PlatformQueryNode | undefined {
  return ksql === undefined ? undefined : ksqlToQuery(ksql, ids);
}

/** `typeIn` as platform `mediaTypeIds` (0 = programmes); undefined = every kind. */
export function readMediaTypeIds(filter: ParamSource, label = 'filter.typeIn'): VendorOutcome<number[] | undefined> {
  const ids = readIdList(filter, 'typeIn', { label });
  if (!ids.ok) return ids;
  return ok(ids.value.length === 0 ? undefined : [...new Set(ids.value)]);
}

const relevance: PlatformSort = { field: 'relevance', direction: 'asc' };

/** KalturaAssetOrderBy → platform sort; RELEVANCY_DESC and unknown values are the catalogue order. */
const sortByOrder: Readonly<Record<string, PlatformSort>> = {
  NAME_ASC: { field: 'title', direction: 'asc' },
  NAME_DESC: { field: 'title', direction: 'desc' },
  VIEWS_DESC: { field: 'views', direction: 'desc' },
  START_DATE_ASC: { field: 'startTime', direction: 'asc' },
  START_DATE_DESC: { field: 'startTime', direction: 'desc' },
  CREATE_DATE_ASC: { field: 'createdAt', direction: 'asc' },
  CREATE_DATE_DESC: { field: 'createdAt', direction: 'desc' },
};

/** The platform sort of an `orderBy` value (ties break by catalogue number on both sides). */
export function toPlatformSort(orderBy: string | undefined): PlatformSort {
  return sortByOrder[(orderBy ?? '').toUpperCase()] ?? relevance;
}

/** A vendor page as platform `offset` / `limit`. */
export function toPlatformPage(pager: VendorPager): { offset: number; limit: number } {
  return { offset: (pager.pageIndex - 1) * pager.pageSize, limit: pager.pageSize };
}
