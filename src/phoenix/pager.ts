import type { ParamResult, ParamSource } from './param-readers';
import { readInt, readObject } from './param-readers';
import { ok } from '../core/result';

/** A vendor pager after defaults (brief §2.3): 1-based `pageIndex`, `pageSize` 1..50. */
export interface VendorPager {
  readonly pageIndex: number;
  readonly pageSize: number;
}

export const defaultPageSize = 25;
export const maxPageSize = 50;

/**
 * Reads `KalturaFilterPager {pageSize, pageIndex}` (default name `pager`), lenient like the vendor:
 * `pageSize` missing or < 1 → 25, above 50 → 50; `pageIndex` missing or < 1 → 1 (brief §2.3,
 * lab-rules "Paging"). Only non-numeric values are errors (500031).
 */
export function readPager(source: ParamSource, name = 'pager'): ParamResult<VendorPager> {
  const pager = readObject(source, name);
  if (!pager.ok) return pager;
  if (pager.value === undefined) return ok({ pageIndex: 1, pageSize: defaultPageSize });
  const size = readInt(pager.value, 'pageSize', { label: `${name}.pageSize` });
  if (!size.ok) return size;
  const index = readInt(pager.value, 'pageIndex', { label: `${name}.pageIndex` });
  if (!index.ok) return index;
  const pageSize = size.value === undefined || size.value < 1 ? defaultPageSize : Math.min(size.value, maxPageSize);
  const pageIndex = index.value === undefined || index.value < 1 ? 1 : index.value;
  return ok({ pageIndex, pageSize });
}

/** The items of one page; `totalCount` of a list response is `items.length` (brief §2.3). */
export function pageItems<T>(items: readonly T[], pager: VendorPager): T[] {
  const start = (pager.pageIndex - 1) * pager.pageSize;
  return items.slice(start, start + pager.pageSize);
}

/** A list response `{objectType, objects, totalCount}` of one page of `items` (brief §2.3). */
export function listResponse<T>(objectType: string, items: readonly T[], pager?: VendorPager): { objectType: string; objects: T[]; totalCount: number } {
  return { objectType, objects: pager === undefined ? [...items] : pageItems(items, pager), totalCount: items.length };
}
