/**
 * The sync worker (docs/architecture.md §4 "Sync"): claims outbox rows under lease, resolves each against its
 * key's register (conflict-policies.ts), applies the winner to the side that lacks it, and records
 * the outcome. Rows of one batch belong to different households, so they run concurrently; a
 * failure retries with exponential backoff and dead-letters after the store's attempt limit.
 */
import { registerKey, resolveChange } from './conflict-policies';
import type { SyncRegister } from './conflict-policies';
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

/** What one row came to: completed (with the key's new winner, if any), or already failed. */
type RowOutcome = { readonly kind: 'done'; readonly id: number; readonly register?: SyncRegister; readonly report: () => void } | { readonly kind: 'failed' };

/** Resolves and applies one claimed row; never throws (a failure is recorded on the row). */
async function applyQueuedChange(options: SyncWorkerOptions, row: QueuedChange, current: SyncRegister | undefined): Promise<RowOutcome> {
  const change = row.change;
  if (change === undefined) {
    await failRow(options, row, 'undecodable outbox row');
    return { kind: 'failed' };
  }
  try {
    const resolution = resolveChange(current, change);
    if (resolution.kind === 'skip') return { kind: 'done', id: row.id, report: () => options.events.skipped(change.entity, resolution.reason) };
    const [target, write] = resolution.kind === 'apply' ? [otherSide(change.source), change] : [change.source, resolution.winner];
    const targets = resolution.kind === 'apply' && resolution.alsoSource ? [target, change.source] : [target];
    for (const side of targets) {
      const outcome = await options.appliers[side].apply(write);
      if (outcome.kind === 'failed') {
        await failRow(options, row, outcome.error);
        return { kind: 'failed' };
      }
    }
    const conflict = resolution.kind === 'reassert' || resolution.conflict;
    return {
      kind: 'done',
      id: row.id,
      register: resolution.register,
      report: () => {
        if (conflict) options.events.conflict(change.entity);
        options.events.applied(change.entity, Math.max(0, options.nowMs() - row.createdAtMs));
      },
    };
  } catch (error) {
    await failRow(options, row, error instanceof Error ? error.message : String(error)).catch(() => undefined);
    return { kind: 'failed' };
  }
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
 * One household's rows, one after another (per-key order), each resolved against the register the
 * previous one left; after a failure the rest go back to the queue unclaimed, behind the failed row.
 */
async function applyGroup(options: SyncWorkerOptions, rows: readonly QueuedChange[], registers: Map<string, SyncRegister>): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = [];
  for (const [index, row] of rows.entries()) {
    const key = row.change === undefined ? undefined : registerKey(row.change.entity, row.change.key);
    const outcome = await applyQueuedChange(options, row, key === undefined ? undefined : registers.get(key));
    outcomes.push(outcome);
    if (outcome.kind === 'failed') {
      await options.queue.release(rows.slice(index + 1).map((r) => r.id), options.owner);
      break;
    }
    if (key !== undefined && outcome.register !== undefined) registers.set(key, outcome.register);
  }
  return outcomes;
}

/**
 * Claims and processes one batch; resolves the number of rows it held. The batch's registers are
 * read in one query and its completions written in one transaction; households run concurrently,
 * each household's rows in order. A key's register is written once per batch (its last winner).
 */
export async function runSyncBatch(options: SyncWorkerOptions): Promise<number> {
  const rows = await options.queue.claim(options.owner, options.batchSize, options.leaseMs);
  if (rows.length === 0) return 0;
  const keys = rows.flatMap((row) => (row.change === undefined ? [] : [{ entity: row.change.entity, key: row.change.key }]));
  const registers = await options.queue.readRegisters(keys);
  const outcomes = (await Promise.all(groupRows(rows).map((group) => applyGroup(options, group, registers)))).flat();
  const done = outcomes.filter((o): o is Extract<RowOutcome, { kind: 'done' }> => o.kind === 'done');
  const lastRegister = new Map<string, number>();
  for (const o of done) if (o.register !== undefined) lastRegister.set(registerKey(o.register.entity, o.register.key), o.id);
  const completions = done.map((o) => ({ id: o.id, ...(o.register !== undefined && lastRegister.get(registerKey(o.register.entity, o.register.key)) === o.id ? { register: o.register } : {}) }));
  const completed = await options.queue.completeMany(options.owner, completions);
  for (const outcome of done) if (completed.has(outcome.id)) outcome.report();
  return rows.length;
}
