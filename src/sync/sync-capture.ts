/**
 * Capture (docs/architecture.md §4 "Sync"): turns successful writes into stamped changes and commits them to
 * the outbox before the device gets its answer. An entity switched off is not captured. Changes
 * from the feed come stamped already (feed-follower.ts), so reading a page twice enqueues nothing new.
 */
import { captureChangesOf, type CapturedCall, type UnstampedChange } from './capture-rules';
import type { HybridLogicalClock } from './hlc';
import { linkChanges, type SyncLinks } from './sync-links';
import { createGroupCommit } from './group-commit';
import type { EnqueueGroup, SyncEvents, SyncQueue } from './sync-ports';
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
  /**
   * Facade capture statements in flight at once; callers arriving meanwhile go together in the next
   * (group-commit.ts). 0, or a queue without enqueueGroups: each capture is its own INSERT.
   */
  readonly captureInFlight?: number;
}

type Enqueue = (changes: readonly SyncChange[], origin: CaptureOrigin) => Promise<number>;

/** The facade's enqueue: grouped across concurrent requests when the queue and the option allow. */
function facadeEnqueue(options: SyncCaptureOptions): Enqueue {
  const inFlight = options.captureInFlight ?? 0;
  const enqueueGroups = options.queue.enqueueGroups?.bind(options.queue);
  if (inFlight <= 0 || enqueueGroups === undefined) return (changes, origin) => options.queue.enqueue(changes, origin);
  const commit = createGroupCommit<EnqueueGroup>({ flush: enqueueGroups, sizeOf: (group) => group.changes.length, maxInFlight: inFlight, maxRows: 500, maxWaitingRows: 5000 });
  return (changes, origin) => commit({ changes, origin });
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
  const commitWith = (enqueue: Enqueue) => async (changes: readonly (UnstampedChange & { stamp?: string })[], origin: CaptureOrigin): Promise<number> => {
    const enabled = await linkChanges(changes.filter((c) => options.isEnabled(c.entity)), options.links);
    if (enabled.length === 0) return 0;
    const stamped: SyncChange[] = enabled.map((c) => {
      if (c.stamp === undefined) return { ...c, stamp: options.clock.now() };
      options.clock.observe(c.stamp);
      return { ...c, stamp: c.stamp };
    });
    const added = await enqueue(stamped, origin);
    const perEntity = new Map<SyncEntity, number>();
    for (const c of stamped) perEntity.set(c.entity, (perEntity.get(c.entity) ?? 0) + 1);
    for (const [entity, count] of perEntity) options.events.captured(entity, origin, count);
    if (added > 0) options.onCommitted?.();
    return added;
  };
  const commitFacade = commitWith(facadeEnqueue(options));
  return {
    captureCalls: (calls) => commitFacade(calls.flatMap(captureChangesOf), 'facade'),
    captureChanges: commitWith((changes, origin) => options.queue.enqueue(changes, origin)),
  };
}
