/**
 * Platform change feed → sync changes (docs/architecture.md §4 "Sync": writes that bypass the facade). A change
 * whose origin is the sync's own marker is an echo and is dropped; one the facade translated was
 * captured on the request path already. Ids are mapped back to the vendor's through a lookup.
 */
import { scalarText } from './sync-types';
import { facadeWriteOrigin, syncWriteOrigin, type SyncChange } from './sync-types';
import type { UnstampedChange } from './capture-rules';
import { extensionFollowing } from './entity-extensions';
import { purchaseFeedChange } from './purchase-feed';

/** One entry of `GET /changes` (contracts/platform "Change"). */
export interface FeedChange {
  readonly cursor: string;
  readonly entity: string;
  readonly op: 'upsert' | 'delete';
  readonly key: string;
  readonly householdId: string;
  readonly userId?: string;
  readonly origin: string;
  readonly at: string;
  readonly data: unknown;
}

/** Platform → vendor id lookups (the id map). */
export interface VendorIdLookup {
  toVendor(kind: 'asset' | 'household' | 'user' | 'product' | 'file', platformId: string): string | undefined;
}

export type FeedOutcome =
  | { readonly kind: 'change'; readonly change: UnstampedChange }
  | { readonly kind: 'changes'; readonly changes: readonly UnstampedChange[] }
  | { readonly kind: 'echo' }
  | { readonly kind: 'captured' }
  | { readonly kind: 'ignored'; readonly why: string };

const assetTypeByKind: Readonly<Record<string, string>> = { media: 'media', programme: 'epg', recording: 'recording' };

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

interface Ids {
  readonly householdId: string;
  readonly userId?: string;
}

function progressChange(change: FeedChange, ids: Ids, lookup: VendorIdLookup): UnstampedChange | undefined {
  const data = record(change.data);
  const assetId = lookup.toVendor('asset', scalarText(data.itemId, ''));
  if (assetId === undefined || ids.userId === undefined) return undefined;
  const assetType = assetTypeByKind[scalarText(data.itemKind, 'media')] ?? 'media';
  const key = `${ids.userId}:${assetId}:${assetType}`;
  // A cleared history entry is a bookmark delete: a tombstone under last-writer-wins (docs/sync.md "Conflicts").
  if (change.op === 'delete') return { entity: 'bookmark', op: 'delete', key, householdId: ids.householdId, userId: ids.userId, source: 'platform', value: { assetId: Number(assetId), assetType } };
  const action = scalarText(data.action, 'none').toUpperCase();
  const value = { assetId: Number(assetId), assetType, position: Number(data.positionSeconds ?? 0), action };
  return { entity: 'bookmark', op: 'upsert', key, householdId: ids.householdId, userId: ids.userId, source: 'platform', value };
}

function favoriteChange(change: FeedChange, ids: Ids, lookup: VendorIdLookup): UnstampedChange | undefined {
  const data = record(change.data);
  const assetId = lookup.toVendor('asset', scalarText(data.itemId, ''));
  if (assetId === undefined || ids.userId === undefined) return undefined;
  const value = change.op === 'delete' ? { assetId: Number(assetId) } : { assetId: Number(assetId), extraData: scalarText(data.note, '') };
  return { entity: 'favorite', op: change.op, key: `${ids.userId}:${assetId}`, householdId: ids.householdId, userId: ids.userId, source: 'platform', value };
}

function deviceChange(change: FeedChange, ids: Ids): UnstampedChange | undefined {
  const data = record(change.data);
  const udid = typeof data.udid === 'string' ? data.udid : undefined;
  if (udid === undefined) return undefined;
  const value = change.op === 'delete' ? { udid } : { udid, name: scalarText(data.name, ''), brandId: Number(data.brandId ?? 0) };
  return { entity: 'device', op: change.op, key: `${ids.householdId}:${udid}`, householdId: ids.householdId, source: 'platform', value };
}

/** The changes a feed entry of an extension entity carries (entity-extensions.ts). */
function extensionChanges(change: FeedChange, ids: Ids, lookup: VendorIdLookup): FeedOutcome {
  const mapped = extensionFollowing(change.entity)?.feed[change.entity]?.(change, ids, lookup) ?? [];
  return mapped.length === 0 ? { kind: 'ignored', why: 'ids not in the id map' } : { kind: 'changes', changes: mapped };
}

/** A history entry removed by a clean (the platform's `clearHistory`). */
function isHistoryClean(change: FeedChange): boolean {
  return change.entity === 'progress' && change.op === 'delete';
}

/** Turns one feed entry into a change to carry, or says why not. */
export function readFeedChange(change: FeedChange, lookup: VendorIdLookup): FeedOutcome {
  if (change.origin === syncWriteOrigin) return { kind: 'echo' };
  // The facade's history clean is not captured on the request path (it names no keys): the feed names each entry it removed.
  if (change.origin === facadeWriteOrigin && !isHistoryClean(change)) return { kind: 'captured' };
  const householdId = lookup.toVendor('household', change.householdId);
  if (householdId === undefined) return { kind: 'ignored', why: 'household not in the id map' };
  const userId = change.userId === undefined ? undefined : lookup.toVendor('user', change.userId);
  const ids = { householdId, ...(userId === undefined ? {} : { userId }) };
  let mapped: UnstampedChange | undefined;
  if (change.entity === 'progress') mapped = progressChange(change, ids, lookup);
  else if (change.entity === 'favorite') mapped = favoriteChange(change, ids, lookup);
  else if (change.entity === 'device') mapped = deviceChange(change, ids);
  else if (change.entity === 'purchase') mapped = purchaseFeedChange(change.data, ids, lookup);
  else if (extensionFollowing(change.entity) !== undefined) return extensionChanges(change, ids, lookup);
  else return { kind: 'ignored', why: `${change.entity} changes are carried by the purchase that caused them` };
  return mapped === undefined ? { kind: 'ignored', why: 'ids not in the id map' } : { kind: 'change', change: mapped };
}

/** Outbox identity of a stamped change: one row per (source, key, stamp). */
export function changeIdempotencyKey(change: SyncChange): string {
  return `${change.source}:${change.entity}:${change.key}:${change.stamp}`;
}
