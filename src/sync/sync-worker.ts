/**
 * The sync worker (docs/architecture.md §4 "Sync"): claims outbox rows under lease, resolves each against its
 * key's register (conflict-policies.ts), applies the winner to the side that lacks it, and records
 * the outcome. Rows of one batch belong to different households, so they run concurrently; a
 * failure retries with exponential backoff and dead-letters after the store's attempt limit.
 */
import { registerKey } from './conflict-policies';
import { applyGroup } from './group-apply';
import { keepLease } from './lease-keeper';
import type { QueuedChange, SideApplier, SyncEvents, SyncQueue } from './sync-ports';
import type { SyncSide } from './sync-types';

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

/** A batch's rows per (entity, household) in id order: the claim hands one worker several rows of a household only together. */
function groupRows(rows: readonly QueuedChange[]): QueuedChange[][] {
  const groups = new Map<string, QueuedChange[]>();
  for (const row of [...rows].sort((a, b) => a.id - b.id)) {
    const group = row.change === undefined ? `#${row.id}` : `${row.change.entity} ${row.change.householdId}`;
    const list = groups.get(group) ?? [];
    list.push(row);
    groups.set(group, list);
  }
  return [...groups.values()];
}

/**
 * Claims and processes one batch; resolves the number of rows it held. The batch's registers are
 * read in one query and its completions written in one transaction; households run concurrently,
 * each household's rows in order. A key's register is written once per batch (its last winner).
 */
export async function runSyncBatch(options: SyncWorkerOptions): Promise<number> {
  const rows = await options.queue.claim(options.owner, options.batchSize, options.leaseMs);
  if (rows.length === 0) return 0;
  const stopKeeping = keepLease(options.queue, rows.map((row) => row.id), options.owner, options.leaseMs);
  try {
    await applyBatch(options, rows);
  } finally {
    await stopKeeping();
  }
  return rows.length;
}

/** Applies a claimed batch and records what completed. */
async function applyBatch(options: SyncWorkerOptions, rows: readonly QueuedChange[]): Promise<void> {
  const keys = rows.flatMap((row) => (row.change === undefined ? [] : [{ entity: row.change.entity, key: row.change.key }]));
  const registers = await options.queue.readRegisters(keys);
  const group = { ...options, failRow: (row: QueuedChange, error: string) => failRow(options, row, error) };
  const done = (await Promise.all(groupRows(rows).map((rowsOfGroup) => applyGroup(group, rowsOfGroup, registers)))).flat();
  const lastRegister = new Map<string, number>();
  for (const o of done) if (o.register !== undefined) lastRegister.set(registerKey(o.register.entity, o.register.key), o.id);
  const completions = done.map((o) => ({ id: o.id, ...(o.register !== undefined && lastRegister.get(registerKey(o.register.entity, o.register.key)) === o.id ? { register: o.register } : {}) }));
  const completed = await options.queue.completeMany(options.owner, completions);
  for (const outcome of done) if (completed.has(outcome.id)) outcome.report();
}
