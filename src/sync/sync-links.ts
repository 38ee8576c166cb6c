/**
 * Side ids of synced list items (docs/sync.md "Entities"): personal lists and reminders are deleted
 * by an id each side assigns itself, and a delete answers no content. A captured add carries its
 * side's id (`value.sideId`) and is remembered; a delete captured by id only (`value.unresolved`)
 * is turned into the delete of the key that id stands for, or dropped when the sync never saw the
 * item (it was made before sync, or on a side the sync does not follow: reconcile's job).
 */
import type { SyncEntity, SyncSide } from './sync-types';

/** One side id → key link. */
export interface SyncLink {
  readonly entity: SyncEntity;
  readonly side: SyncSide;
  /** The user the item belongs to (vendor id). */
  readonly owner: string;
  readonly sideId: string;
  readonly key: string;
  readonly value: Readonly<Record<string, unknown>>;
}

/** The store of links. */
export interface SyncLinks {
  put(link: SyncLink): Promise<void>;
  /** Finds and removes a link; undefined when none. */
  take(entity: SyncEntity, side: SyncSide, owner: string, sideId: string): Promise<SyncLink | undefined>;
}

/** A change as capture holds it before stamping (the fields links need). */
interface Linkable {
  readonly entity: SyncEntity;
  readonly op: 'upsert' | 'delete';
  readonly key: string;
  readonly source: SyncSide;
  readonly userId?: string;
  readonly value: Readonly<Record<string, unknown>>;
}

function contentOf(value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { sideId: _sideId, unresolved: _unresolved, ...content } = value;
  return content;
}

/** Records the side ids of adds and resolves deletes by id; changes that need no link pass unchanged. */
export async function linkChanges<T extends Linkable>(changes: readonly T[], links: SyncLinks | undefined): Promise<T[]> {
  const out: T[] = [];
  for (const change of changes) {
    const sideId = change.value.sideId;
    if (links === undefined || (typeof sideId !== 'string' && typeof sideId !== 'number') || change.userId === undefined) {
      if (change.value.unresolved !== true) out.push(change);
      continue;
    }
    const owner = change.userId;
    if (change.value.unresolved !== true) {
      if (change.op === 'upsert') await links.put({ entity: change.entity, side: change.source, owner, sideId: String(sideId), key: change.key, value: contentOf(change.value) });
      out.push(change);
      continue;
    }
    const link = await links.take(change.entity, change.source, owner, String(sideId));
    if (link !== undefined) out.push({ ...change, key: link.key, value: link.value });
  }
  return out;
}

/** A record as reconcile read it (the fields a link needs). */
interface ReadItem {
  readonly key: string;
  readonly userId?: string;
  readonly value: Readonly<Record<string, unknown>>;
}

/**
 * Links every list item and reminder a reconcile read on a side (docs/sync.md "Reconcile"), so a
 * later delete by id on that side is carried even for an item made before the sync ran.
 */
export async function linkReadItems(links: SyncLinks, entity: SyncEntity, side: SyncSide, records: Iterable<ReadItem>): Promise<number> {
  if (entity !== 'personalList' && entity !== 'reminder') return 0;
  let linked = 0;
  for (const record of records) {
    const sideId = record.value.sideId;
    if (record.userId === undefined || typeof sideId !== 'string') continue;
    await links.put({ entity, side, owner: record.userId, sideId, key: record.key, value: contentOf(record.value) });
    linked += 1;
  }
  return linked;
}
