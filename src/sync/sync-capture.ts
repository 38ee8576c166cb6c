/**
 * Capture (docs/architecture.md §4 "Sync"): turns successful writes into stamped changes and commits them to
 * the outbox before the device gets its answer. An entity switched off is not captured. Changes
 * from the feed come stamped already (feed-follower.ts), so reading a page twice enqueues nothing new.
 */
import { captureChangesOf, type CapturedCall, type UnstampedChange } from './capture-rules';
import type { HybridLogicalClock } from './hlc';
import { linkChanges, type SyncLinks } from './sync-links';
import type { SyncEvents, SyncQueue } from './sync-ports';
import type { CaptureOrigin, SyncChange, SyncEntity } from './sync-types';

export interface SyncCaptureOptions {
  readonly queue: SyncQueue;
  readonly clock: HybridLogicalClock;
  readonly isEnabled: (entity: SyncEntity) => boolean;
  readonly events: SyncEvents;
  /** Side ids of list items (sync-links.ts); without it, deletes by id of lists and reminders are not carried. */
  readonly links?: SyncLinks;
  /** Called after a commit that added rows (wakes the in-process workers). */
  readonly onCommitted?: () => void;
}

/** Captures writes; every method resolves once the outbox holds them. */
export interface SyncCapture {
  /** Facade calls (translated, or passed to the vendor): the successful synced writes among them. */
  captureCalls(calls: readonly CapturedCall[]): Promise<number>;
  /** Changes found elsewhere (change feed, reconcile). */
  captureChanges(changes: readonly (UnstampedChange & { stamp?: string })[], origin: CaptureOrigin): Promise<number>;
}

/** Creates the capture service. */
export function createSyncCapture(options: SyncCaptureOptions): SyncCapture {
  const commit = async (changes: readonly (UnstampedChange & { stamp?: string })[], origin: CaptureOrigin): Promise<number> => {
    const enabled = await linkChanges(changes.filter((c) => options.isEnabled(c.entity)), options.links);
    if (enabled.length === 0) return 0;
    const stamped: SyncChange[] = enabled.map((c) => {
      if (c.stamp === undefined) return { ...c, stamp: options.clock.now() };
      options.clock.observe(c.stamp);
      return { ...c, stamp: c.stamp };
    });
    const added = await options.queue.enqueue(stamped, origin);
    const perEntity = new Map<SyncEntity, number>();
    for (const c of stamped) perEntity.set(c.entity, (perEntity.get(c.entity) ?? 0) + 1);
    for (const [entity, count] of perEntity) options.events.captured(entity, origin, count);
    if (added > 0) options.onCommitted?.();
    return added;
  };
  return {
    captureCalls: (calls) => commit(calls.flatMap(captureChangesOf), 'facade'),
    captureChanges: commit,
  };
}
