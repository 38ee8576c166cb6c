import { invalid, readListParam, readPaging, type Read } from '../http/params';
import type { ItemKind } from './item-records';
import { sortFields, type SortSpec } from './item-order';
import type { CompiledSearch } from './run-search';
import { compileSearchQuery } from './search-query';

/**
 * Reads a search request — from a JSON body (`catalog.search`) or from query parameters (collections,
 * related: `query` as JSON text, `sort=field:direction`) — into a compiled search.
 */
const itemKinds: readonly ItemKind[] = ['vod', 'live', 'programme'];

export interface SearchInput {
  readonly query?: unknown;
  readonly mediaTypeIds?: unknown;
  readonly kinds?: unknown;
  readonly sort?: unknown;
  readonly offset?: unknown;
  readonly limit?: unknown;
}

function readSort(sort: unknown, fallback: SortSpec): Read<SortSpec> {
  if (sort === undefined || sort === null) return { ok: true, value: fallback };
  if (typeof sort !== 'object' || Array.isArray(sort)) return invalid('sort must be an object');
  const { field, direction } = sort as Record<string, unknown>;
  if (typeof field !== 'string' || !(sortFields as readonly string[]).includes(field)) return invalid(`sort.field must be one of ${sortFields.join(', ')}`);
  const dir = direction ?? 'asc';
  if (dir !== 'asc' && dir !== 'desc') return invalid('sort.direction must be asc or desc');
  return { ok: true, value: { field: field as SortSpec['field'], direction: dir } };
}

function readIntList(value: unknown, name: string): Read<ReadonlySet<number> | undefined> {
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (!Array.isArray(value) || !value.every((v) => Number.isInteger(v))) return invalid(`${name} must be a list of integers`);
  return { ok: true, value: value.length === 0 ? undefined : new Set(value as number[]) };
}

function readKinds(value: unknown): Read<ReadonlySet<ItemKind> | undefined> {
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (!Array.isArray(value) || !value.every((v) => (itemKinds as readonly unknown[]).includes(v))) return invalid(`kinds must be a list of ${itemKinds.join(', ')}`);
  return { ok: true, value: value.length === 0 ? undefined : new Set(value as ItemKind[]) };
}

function readBodyInt(value: unknown, name: string, fallback: number, max: number): Read<number> {
  if (value === undefined || value === null) return { ok: true, value: fallback };
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return invalid(`${name} must be a non-negative integer`);
  return { ok: true, value: Math.min(value, max) };
}

/** Compiles a search from its JSON form. */
export function compileSearchInput(input: SearchInput, defaultSort: SortSpec): Read<CompiledSearch> {
  const predicate = compileSearchQuery(input.query);
  if (!predicate.ok) return predicate;
  const mediaTypeIds = readIntList(input.mediaTypeIds, 'mediaTypeIds');
  if (!mediaTypeIds.ok) return mediaTypeIds;
  const kinds = readKinds(input.kinds);
  if (!kinds.ok) return kinds;
  const sort = readSort(input.sort, defaultSort);
  if (!sort.ok) return sort;
  const offset = readBodyInt(input.offset, 'offset', 0, Number.MAX_SAFE_INTEGER);
  if (!offset.ok) return offset;
  const limit = readBodyInt(input.limit, 'limit', 25, 500);
  if (!limit.ok) return limit;
  return {
    ok: true,
    value: { predicate: predicate.value, kinds: kinds.value, mediaTypeIds: mediaTypeIds.value, sort: sort.value, offset: offset.value, limit: limit.value },
  };
}

/** Turns query parameters into the JSON form (`query` is JSON text, `sort` is `field:direction`). */
export function searchInputFromQuery(query: URLSearchParams): Read<SearchInput> {
  let tree: unknown;
  const text = query.get('query');
  if (text !== null && text !== '') {
    try {
      tree = JSON.parse(text) as unknown;
    } catch {
      return invalid('query must be a JSON query tree');
    }
  }
  const paging = readPaging(query);
  if (!paging.ok) return paging;
  const sortText = query.get('sort');
  const [field, direction] = sortText ? sortText.split(':') : [];
  const mediaTypeIds = readListParam(query, 'mediaTypeIds').map(Number);
  const kinds = readListParam(query, 'kinds');
  return {
    ok: true,
    value: {
      query: tree,
      sort: field ? { field, direction: direction ?? 'asc' } : undefined,
      mediaTypeIds: mediaTypeIds.length > 0 ? mediaTypeIds : undefined,
      kinds: kinds.length > 0 ? kinds : undefined,
      offset: paging.value.offset,
      limit: paging.value.limit,
    },
  };
}
