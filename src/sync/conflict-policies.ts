/**
 * What to do with one change given the key's current winner (docs/sync.md "Conflicts"). Pure: the
 * same sequence of winners whatever order the changes arrive in, so both sides end equal.
 *   - bookmark, profile: last writer wins on the hybrid-logical-clock stamp (site id breaks ties);
 *   - favorite, device: add/remove set with tombstones — each element is a register whose latest
 *     add or remove wins, and a remove leaves a tombstone so a late, older add cannot revive it;
 *   - purchase: append-only, deduplicated by the source transaction; a purchase is never dropped.
 */
import { compareStamps } from './hlc';
import { otherSide, type SyncChange, type SyncEntity, type SyncSide } from './sync-types';

/** The winner recorded for a key. */
export interface SyncRegister {
  readonly entity: SyncEntity;
  readonly key: string;
  readonly stamp: string;
  readonly tombstone: boolean;
  /** The winning change as applied. */
  readonly change: SyncChange;
  /** Sides the sync has ever written this key to (so a side it overwrote may hold an older value). */
  readonly writtenTo: readonly SyncSide[];
}

export type ConflictPolicy = 'lww' | 'add-remove-set' | 'append-only' | 'per-field';

/** Each entity's policy. */
export const entityPolicies: Readonly<Record<SyncEntity, ConflictPolicy>> = {
  bookmark: 'lww',
  favorite: 'add-remove-set',
  device: 'add-remove-set',
  purchase: 'append-only',
  profile: 'per-field',
  pin: 'lww',
  parental: 'lww',
  recording: 'lww',
  seriesRecording: 'add-remove-set',
  personalList: 'add-remove-set',
  reminder: 'add-remove-set',
};

/**
 * `apply`: the change wins; write it to the other side and record it. With `alsoSource`, write it to
 * its own side too: the sync once wrote this key there, possibly over this very write before it was
 * delivered (a write and the sync's overwrite crossing), so that side may no longer hold it.
 * `reassert`: the change lost to a newer winner that its own side no longer holds; write the winner back there.
 * `skip`: nothing to do (a duplicate delivery, or a loser whose side already holds the winner's value).
 */
export type Resolution =
  | { readonly kind: 'apply'; readonly register: SyncRegister; readonly conflict: boolean; readonly alsoSource: boolean }
  | { readonly kind: 'reassert'; readonly winner: SyncChange; readonly register: SyncRegister }
  | { readonly kind: 'skip'; readonly reason: 'duplicate' | 'superseded' };

function sidesWith(current: SyncRegister | undefined, ...sides: SyncSide[]): SyncSide[] {
  return [...new Set([...(current?.writtenTo ?? []), ...sides])].sort();
}

function applyChange(current: SyncRegister | undefined, change: SyncChange, conflict: boolean): Resolution {
  const alsoSource = current?.writtenTo.includes(change.source) ?? false;
  const written = alsoSource ? sidesWith(current, 'vendor', 'platform') : sidesWith(current, otherSide(change.source));
  const register: SyncRegister = { entity: change.entity, key: change.key, stamp: change.stamp, tombstone: change.op === 'delete', change, writtenTo: written };
  return { kind: 'apply', register, conflict, alsoSource };
}

function sameValue(a: SyncChange, b: SyncChange): boolean {
  return a.op === b.op && JSON.stringify(a.value) === JSON.stringify(b.value);
}

function resolveLastWriter(current: SyncRegister | undefined, change: SyncChange): Resolution {
  if (current === undefined) return applyChange(undefined, change, false);
  const order = compareStamps(change.stamp, current.stamp);
  if (order === 0) return { kind: 'skip', reason: 'duplicate' };
  if (order > 0) return applyChange(current, change, current.change.source !== change.source && !sameValue(current.change, change));
  // An older write reached us after a newer one: its side holds the loser now, unless it is equal.
  if (sameValue(current.change, change)) return { kind: 'skip', reason: 'superseded' };
  return { kind: 'reassert', winner: current.change, register: { ...current, writtenTo: sidesWith(current, change.source) } };
}

/** Profile fields: each field is its own last-writer-wins register (the key names the field). */
function resolvePerField(current: SyncRegister | undefined, change: SyncChange): Resolution {
  return resolveLastWriter(current, change);
}

function resolveAppendOnly(current: SyncRegister | undefined, change: SyncChange): Resolution {
  if (current !== undefined) return { kind: 'skip', reason: 'duplicate' };
  return applyChange(undefined, change, false);
}

/** Resolves one change against the key's register under the entity's policy. */
export function resolveChange(current: SyncRegister | undefined, change: SyncChange): Resolution {
  switch (entityPolicies[change.entity]) {
    case 'append-only':
      return resolveAppendOnly(current, change);
    case 'per-field':
      return resolvePerField(current, change);
    default:
      return resolveLastWriter(current, change);
  }
}

/** The key of a register in a batch read. */
export function registerKey(entity: string, key: string): string {
  return `${entity} ${key}`;
}
