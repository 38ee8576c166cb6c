/**
 * The sync worker (design.md §4 "Sync"): claims outbox rows under lease, resolves each against its
 * key's register (conflict-policies.ts), applies the winner to the side that lacks it, and records
 * the outcome. Rows of one batch belong to different households, so they run concurrently; a
 * failure retries with exponential backoff and dead-letters after the store's attempt limit.
 */
import { resolveChange } from './conflict-policies';
import type { QueuedChange, SideApplier, SyncEvents, SyncQueue } from './sync-ports';
import { otherSide, type SyncSide } from './sync-types';

export interface SyncWorkerOptions {
  readonly queue: SyncQueue;
  readonly appliers: Readonly<Record<SyncSide, SideApplier>>;
  readonly events: SyncEvents;
  readonly nowMs: () => number;
  /** Unique per worker: leases name it. */
  readonly owner: string;
  readonly batchSize: number;
  readonly leaseMs: number;
  /** First retry delay; doubles per attempt up to `maxBackoffMs`. */
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
}

/** The delay before retry number `attempts` (1-based): doubling, capped, with ±20 % jitter. */
export function backoffDelay(attempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const plain = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(plain * (0.8 + 0.4 * random()));
}

async function failRow(options: SyncWorkerOptions, row: QueuedChange, error: string): Promise<void> {
  const retryAt = options.nowMs() + backoffDelay(row.attempts, options.backoffMs, options.maxBackoffMs);
  const outcome = await options.queue.fail(row.id, error, retryAt, options.owner);
  if (row.change !== undefined) options.events.failed(row.change.entity, outcome);
}

/** Processes one claimed row; never throws (a failure is recorded on the row). */
export async function processQueuedChange(options: SyncWorkerOptions, row: QueuedChange): Promise<void> {
  const change = row.change;
  if (change === undefined) return failRow(options, row, 'undecodable outbox row');
  try {
    const resolution = resolveChange(await options.queue.readRegister(change.entity, change.key), change);
    if (resolution.kind === 'skip') {
      options.events.skipped(change.entity, resolution.reason);
      await options.queue.complete(row.id, options.owner);
      return;
    }
    const [target, write] = resolution.kind === 'apply' ? [otherSide(change.source), change] : [change.source, resolution.winner];
    const targets = resolution.kind === 'apply' && resolution.alsoSource ? [target, change.source] : [target];
    for (const side of targets) {
      const outcome = await options.appliers[side].apply(write);
      if (outcome.kind === 'failed') return failRow(options, row, outcome.error);
    }
    if (resolution.kind === 'reassert' || resolution.conflict) options.events.conflict(change.entity);
    if (await options.queue.complete(row.id, options.owner, resolution.register)) {
      options.events.applied(change.entity, Math.max(0, options.nowMs() - row.createdAtMs));
    }
  } catch (error) {
    await failRow(options, row, error instanceof Error ? error.message : String(error)).catch(() => undefined);
  }
}

/** Claims and processes one batch; resolves the number of rows it held. */
export async function runSyncBatch(options: SyncWorkerOptions): Promise<number> {
  const rows = await options.queue.claim(options.owner, options.batchSize, options.leaseMs);
  await Promise.all(rows.map((row) => processQueuedChange(options, row)));
  return rows.length;
}
