/**
 * Applies personal-list and reminder changes (docs/sync.md "Entities") against the target side's
 * own list: an add that is there already is not made twice, a delete finds the side's id of the
 * item by its content. The id an add gets on the target side is linked to the key
 * (src/sync/sync-links.ts), so a device deleting it there by id is carried back.
 */
import { isSameItem } from '../sync/entities-lists';
import type { SyncLinks } from '../sync/sync-links';
import type { ApplyOutcome, SideApplier } from '../sync/sync-ports';
import { withEntityApplier } from './sync-entity-applier';
import { otherSide, type SyncChange } from '../sync/sync-types';
import type { ListSide } from './sync-list-sides';

const isList = (change: SyncChange): boolean => change.entity === 'personalList' || change.entity === 'reminder';

function contentOf(value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { sideId: _sideId, unresolved: _unresolved, ...content } = value;
  return content;
}

async function applyList(side: ListSide, links: SyncLinks, change: SyncChange): Promise<ApplyOutcome> {
  const userId = change.userId;
  if (userId === undefined) return { kind: 'failed', retryable: false, error: `${change.entity} ${change.key} names no user` };
  try {
    const found = (await side.items(change)).find((item) => isSameItem(change, userId, item.value));
    const target = otherSide(change.source);
    if (change.op === 'delete') {
      if (found === undefined) return { kind: 'applied' };
      const removed = await side.remove(change, found.id);
      if (removed.kind === 'failed') return { kind: 'failed', retryable: removed.retryable, error: removed.error };
      await links.take(change.entity, target, userId, String(found.id));
      return { kind: 'applied' };
    }
    let id = found?.id;
    if (id === undefined) {
      const added = await side.add(change);
      if (added.kind === 'failed') return { kind: 'failed', retryable: added.retryable, error: added.error };
      id = added.id;
    }
    if (id !== undefined) await links.put({ entity: change.entity, side: target, owner: userId, sideId: String(id), key: change.key, value: contentOf(change.value) });
    return { kind: 'applied' };
  } catch (error) {
    return { kind: 'failed', retryable: true, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Wraps a side's applier so lists and reminders are applied against that side's own list. */
export function withListApplier(inner: SideApplier, side: ListSide, links: SyncLinks): SideApplier {
  return withEntityApplier(inner, isList, (change) => applyList(side, links, change));
}
