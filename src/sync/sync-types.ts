/**
 * The sync's vocabulary (docs/architecture.md §4 "Sync", docs/sync.md): one change to one synced key, in the
 * vendor's ids (household, user, asset, udid), written on one side and carried to the other.
 */

/** Every synced entity (from `profile` on: entity-extensions.ts). */
export const syncEntities = ['bookmark', 'favorite', 'device', 'purchase', 'profile', 'pin', 'parental', 'recording', 'seriesRecording', 'personalList', 'reminder'] as const;
export type SyncEntity = (typeof syncEntities)[number];

/** The two systems kept in step until cut-over. */
export type SyncSide = 'vendor' | 'platform';

/** Where a change was seen: the facade's request path, the platform's change feed, or a reconcile. */
export type CaptureOrigin = 'facade' | 'feed' | 'reconcile';

/** One write to one key. `value` holds the entity's fields in vendor vocabulary. */
export interface SyncChange {
  readonly entity: SyncEntity;
  readonly op: 'upsert' | 'delete';
  /** e.g. bookmark `614003:480001:media`, favorite `614003:480001`, device `5002:udid`, purchase `5002:vendor:77`. */
  readonly key: string;
  readonly householdId: string;
  /** The user the write belongs to; the sync acts as this user on the other side. */
  readonly userId?: string;
  /** The device that wrote it, when known (the sync writes as that device: same concurrency slot). */
  readonly udid?: string;
  /** The side that already holds the write. */
  readonly source: SyncSide;
  /** Hybrid logical clock stamp (hlc.ts): orders writes to one key whatever the delivery order. */
  readonly stamp: string;
  readonly value: Readonly<Record<string, unknown>>;
}

/** The side a change is applied to. */
export function otherSide(side: SyncSide): SyncSide {
  return side === 'vendor' ? 'platform' : 'vendor';
}

/** True for a known entity name. */
export function isSyncEntity(name: unknown): name is SyncEntity {
  return typeof name === 'string' && (syncEntities as readonly string[]).includes(name);
}

/** The origin marker the sync stamps on its own writes (platform `X-Change-Origin`): never captured again. */
export const syncWriteOrigin = 'understudy-sync';
/** The origin marker of writes the facade translated (captured on the request path already). */
export const facadeWriteOrigin = 'understudy-facade';

/** A scalar as text (strings, numbers, booleans); anything else is `fallback`. */
export function scalarText(value: unknown, fallback = ''): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : fallback;
}
