/**
 * Shadowed writes waiting for the sync (docs/shadow.md "Writes compared by state"): a write the
 * policy shadows is watched by its sync key until the sync applies it to the platform; then its
 * entity is read on both sides. Bounded in entries; a watch the sync does not apply within the
 * time limit expires. Every watch that ends without a comparison is reported with its reason.
 */
import type { StateRead } from './state-reads';

/** One watched write. */
export interface StateWatch {
  readonly operationId: string;
  readonly region: string;
  readonly apiBaseUrl: string;
  readonly read: StateRead;
  readonly atMs: number;
}

export interface WatchLimits {
  readonly maxEntries: number;
  readonly ttlMs: number;
}

/** Why a watch ended without a comparison. */
export type WatchLoss = 'queue-full' | 'unsynced' | 'superseded';

/** Watches by `entity key`, oldest first. */
export class StateWatches {
  private readonly byKey = new Map<string, StateWatch>();

  constructor(
    private readonly limits: WatchLimits,
    private readonly nowMs: () => number,
    private readonly lost: (reason: WatchLoss, operationId: string) => void,
  ) {}

  /** Watches a write; false (counted) when the bound is reached. A newer write of the key replaces the older watch. */
  add(entityKey: string, watch: Omit<StateWatch, 'atMs'>): boolean {
    this.expire();
    const older = this.byKey.get(entityKey);
    if (older !== undefined) {
      this.byKey.delete(entityKey);
      this.lost('superseded', older.operationId);
    } else if (this.byKey.size >= this.limits.maxEntries) {
      this.lost('queue-full', watch.operationId);
      return false;
    }
    this.byKey.set(entityKey, { ...watch, atMs: this.nowMs() });
    return true;
  }

  /** The watch of a key the sync just applied, removed; undefined when none. */
  take(entityKey: string): StateWatch | undefined {
    this.expire();
    const watch = this.byKey.get(entityKey);
    if (watch !== undefined) this.byKey.delete(entityKey);
    return watch;
  }

  /** Watches waiting now. */
  size(): number {
    return this.byKey.size;
  }

  /** Ends watches older than the time limit (oldest first: the map keeps insertion order). */
  private expire(): void {
    const limit = this.nowMs() - this.limits.ttlMs;
    for (const [key, watch] of this.byKey) {
      if (watch.atMs > limit) return;
      this.byKey.delete(key);
      this.lost('unsynced', watch.operationId);
    }
  }
}
