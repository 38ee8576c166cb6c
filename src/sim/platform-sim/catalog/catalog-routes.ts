import type { RouteSpec } from '../http/router';
import { ok, okRaw, problem, type Reply } from '../http/reply';
import { isUuid, readListParam } from '../http/params';
import type { PlatformRequest } from '../platform-request';
import type { CollectionEntry } from './catalog-store';
import { toIso } from '../http/iso-time';
import { findRelated } from './catalog-store';
import { renderSearchPage, runSearch, selectCandidates } from './run-search';
import { compileSearchInput, searchInputFromQuery, type SearchInput } from './search-request';

const relevance = { field: 'relevance', direction: 'asc' } as const;
const maxBatch = 500;

function getItem(req: PlatformRequest): Reply {
  const itemId = (req.params.itemId ?? '').toLowerCase();
  const entry = req.state.store.byId.get(itemId);
  return entry ? okRaw(entry.item.json) : problem('not_found', `no item ${req.params.itemId ?? ''}`);
}

/** Batch read: found items in the order asked, unknown ids listed in `missingIds`. */
function getItems(req: PlatformRequest): Reply {
  const ids = readListParam(req.query, 'ids');
  if (ids.length === 0) return problem('validation_failed', 'ids must list at least one item id');
  if (ids.length > maxBatch) return problem('validation_failed', `at most ${maxBatch} ids`);
  const found: string[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const entry = req.state.store.byId.get(id.toLowerCase());
    if (entry) found.push(entry.item.json);
    else missing.push(id);
  }
  return okRaw(`{"items":[${found.join(',')}],"missingIds":${JSON.stringify(missing)}}`);
}

function search(req: PlatformRequest): Reply {
  if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) return problem('validation_failed', 'body must be a JSON object');
  const input = req.body as SearchInput;
  const compiled = compileSearchInput(input, relevance);
  if (!compiled.ok) return compiled.reply;
  const page = runSearch(selectCandidates(req.state.store, input.query), compiled.value);
  return okRaw(renderSearchPage(page, compiled.value.offset, compiled.value.limit));
}

function toCollectionView(entry: CollectionEntry): Record<string, unknown> {
  const c = entry.collection;
  return { id: c.platformId, sortKey: c.vendorId, name: c.name, selection: { label: c.tag, value: c.value }, itemCount: entry.members.length, createdAt: toIso(c.createDate) };
}

function listCollections(req: PlatformRequest): Reply {
  const items = [...req.state.store.collections.values()].map(toCollectionView);
  return ok({ items, total: items.length });
}

function findCollection(req: PlatformRequest): CollectionEntry | undefined {
  const id = req.params.collectionId ?? '';
  return isUuid(id) ? req.state.store.collections.get(id.toLowerCase()) : undefined;
}

function getCollection(req: PlatformRequest): Reply {
  const entry = findCollection(req);
  return entry ? ok(toCollectionView(entry)) : problem('not_found', `no collection ${req.params.collectionId ?? ''}`);
}

/** A collection's items ANDed with the request's own query; default order title ascending. */
function listCollectionItems(req: PlatformRequest): Reply {
  const entry = findCollection(req);
  if (!entry) return problem('not_found', `no collection ${req.params.collectionId ?? ''}`);
  const input = searchInputFromQuery(req.query);
  if (!input.ok) return input.reply;
  const compiled = compileSearchInput(input.value, { field: 'title', direction: 'asc' });
  if (!compiled.ok) return compiled.reply;
  return okRaw(renderSearchPage(runSearch(entry.members, compiled.value), compiled.value.offset, compiled.value.limit));
}

/** Related items in their own order (most shared genres first); `sort` is not offered. */
function listRelatedItems(req: PlatformRequest): Reply {
  const source = req.state.store.byId.get((req.params.itemId ?? '').toLowerCase());
  if (!source) return problem('not_found', `no item ${req.params.itemId ?? ''}`);
  const input = searchInputFromQuery(req.query);
  if (!input.ok) return input.reply;
  const compiled = compileSearchInput({ ...input.value, sort: undefined }, relevance);
  if (!compiled.ok) return compiled.reply;
  const page = runSearch(findRelated(req.state.store, source.item), compiled.value);
  return okRaw(renderSearchPage(page, compiled.value.offset, compiled.value.limit));
}

function getFile(req: PlatformRequest): Reply {
  const file = req.state.store.fileById.get((req.params.fileId ?? '').toLowerCase());
  return file ? ok({ ...file.json, itemId: file.itemId }) : problem('not_found', `no file ${req.params.fileId ?? ''}`);
}

export const catalogRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'GET', path: '/catalog/v1/items', operationId: 'catalog.getItems', auth: 'bearer', handle: getItems },
  { method: 'GET', path: '/catalog/v1/items/:itemId', operationId: 'catalog.getItem', auth: 'bearer', handle: getItem },
  { method: 'GET', path: '/catalog/v1/items/:itemId/related', operationId: 'catalog.listRelatedItems', auth: 'bearer', handle: listRelatedItems },
  { method: 'POST', path: '/catalog/v1/search', operationId: 'catalog.search', auth: 'bearer', body: true, handle: search },
  { method: 'GET', path: '/catalog/v1/collections', operationId: 'catalog.listCollections', auth: 'bearer', handle: listCollections },
  { method: 'GET', path: '/catalog/v1/collections/:collectionId', operationId: 'catalog.getCollection', auth: 'bearer', handle: getCollection },
  { method: 'GET', path: '/catalog/v1/collections/:collectionId/items', operationId: 'catalog.listCollectionItems', auth: 'bearer', handle: listCollectionItems },
  { method: 'GET', path: '/catalog/v1/files/:fileId', operationId: 'catalog.getFile', auth: 'bearer', handle: getFile },
];
