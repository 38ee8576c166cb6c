/**
 * One household's claimed rows, applied in order (docs/sync.md "Workers"). Each row is resolved
 * against the register the previous one left (pure, conflict-policies.ts), giving the writes it
 * needs; then the writes run in order, and a run of rows that each need one write to a side whose
 * applier takes batches goes as one batch (one vendor multirequest instead of one request per row:
 * the round trip per change is what bounds a household's rate). The first failure stops the
 * household: that row retries with backoff, the rows behind it go back to the queue unclaimed.
 */
import { registerKey, resolveChange, type SyncRegister } from './conflict-policies';
import type { ApplyOutcome, QueuedChange, SideApplier, SyncEvents, SyncQueue } from './sync-ports';
import { otherSide, type SyncChange, type SyncSide } from './sync-types';

/** What the group needs from the worker. */
export interface GroupApplyOptions {
  readonly queue: SyncQueue;
  readonly appliers: Readonly<Record<SyncSide, SideApplier>>;
  readonly events: SyncEvents;
  readonly nowMs: () => number;
  readonly owner: string;
  /** Schedules the row's retry (or dead letter) and reports it. */
  readonly failRow: (row: QueuedChange, error: string) => Promise<void>;
}

/** A row that completed: its key's new winner (if any) and what to report once it is recorded. */
export interface DoneRow {
  readonly id: number;
  readonly register?: SyncRegister;
  readonly report: () => void;
}

interface PlannedRow {
  readonly row: QueuedChange;
  readonly writes: readonly { readonly side: SyncSide; readonly change: SyncChange }[];
  readonly done: DoneRow;
}

/** Resolves one row against the key's current winner: the writes it needs and how it completes. */
function planRow(options: GroupApplyOptions, row: QueuedChange, change: SyncChange, current: SyncRegister | undefined): PlannedRow {
  const resolution = resolveChange(current, change);
  if (resolution.kind === 'skip') return { row, writes: [], done: { id: row.id, report: () => options.events.skipped(change.entity, resolution.reason) } };
  const target = resolution.kind === 'apply' ? otherSide(change.source) : change.source;
  const write = resolution.kind === 'apply' ? change : resolution.winner;
  const sides = resolution.kind === 'apply' && resolution.alsoSource ? [target, change.source] : [target];
  const conflict = resolution.kind === 'reassert' || resolution.conflict;
  const report = (): void => {
    if (conflict) options.events.conflict(change.entity);
    options.events.applied(change.entity, Math.max(0, options.nowMs() - row.createdAtMs));
  };
  return { row, writes: sides.map((side) => ({ side, change: write })), done: { id: row.id, register: resolution.register, report } };
}

/** The next run of planned rows from `start` that one batch call can carry (at least one row). */
function nextRun(options: GroupApplyOptions, plans: readonly PlannedRow[], start: number): readonly PlannedRow[] {
  const first = plans[start]!;
  const side = first.writes.length === 1 ? first.writes[0]!.side : undefined;
  if (side === undefined || options.appliers[side].applyMany === undefined) return [first];
  let end = start + 1;
  while (end < plans.length && plans[end]!.writes.length === 1 && plans[end]!.writes[0]!.side === side) end++;
  return plans.slice(start, end);
}

/** Runs a run's writes; resolves how many rows of it were applied, and the failure that stopped it. */
async function applyRun(options: GroupApplyOptions, run: readonly PlannedRow[]): Promise<{ applied: number; error?: string }> {
  const outcomes: ApplyOutcome[] = [];
  if (run.length > 1) {
    const side = run[0]!.writes[0]!.side;
    outcomes.push(...(await options.appliers[side].applyMany!(run.map((p) => p.writes[0]!.change))));
  } else {
    for (const write of run[0]!.writes) {
      const outcome = await options.appliers[write.side].apply(write.change);
      if (outcome.kind === 'failed') return { applied: 0, error: outcome.error };
    }
    return { applied: 1 };
  }
  const failedAt = outcomes.findIndex((o) => o.kind === 'failed');
  if (failedAt < 0 && outcomes.length >= run.length) return { applied: run.length };
  const failure = outcomes[failedAt];
  return { applied: Math.max(0, failedAt), error: failure?.kind === 'failed' ? failure.error : 'batch answered fewer outcomes than writes' };
}

/** Plans every decodable row in order; stops at an undecodable one (it fails, the rest go back). */
function planGroup(options: GroupApplyOptions, rows: readonly QueuedChange[], registers: Map<string, SyncRegister>): { plans: PlannedRow[]; undecodable?: QueuedChange } {
  const plans: PlannedRow[] = [];
  for (const row of rows) {
    if (row.change === undefined) return { plans, undecodable: row };
    const key = registerKey(row.change.entity, row.change.key);
    const plan = planRow(options, row, row.change, registers.get(key));
    if (plan.done.register !== undefined) registers.set(key, plan.done.register);
    plans.push(plan);
  }
  return { plans };
}

/** Applies one household's rows in order; resolves the rows that completed. Never throws. */
export async function applyGroup(options: GroupApplyOptions, rows: readonly QueuedChange[], registers: Map<string, SyncRegister>): Promise<DoneRow[]> {
  const { plans, undecodable } = planGroup(options, rows, registers);
  const done: DoneRow[] = [];
  let stopped: { row: QueuedChange; error: string } | undefined;
  for (let index = 0; index < plans.length && stopped === undefined; ) {
    const run = nextRun(options, plans, index);
    const result = await applyRun(options, run).catch((error: unknown) => ({ applied: 0, error: error instanceof Error ? error.message : String(error) }));
    done.push(...run.slice(0, result.applied).map((p) => p.done));
    if (result.error !== undefined) stopped = { row: run[result.applied]!.row, error: result.error };
    index += run.length;
  }
  if (stopped === undefined && undecodable !== undefined) stopped = { row: undecodable, error: 'undecodable outbox row' };
  if (stopped !== undefined) {
    await options.failRow(stopped.row, stopped.error).catch(() => undefined);
    const stoppedId = stopped.row.id;
    const behind = rows.filter((r) => r.id > stoppedId).map((r) => r.id);
    await options.queue.release(behind, options.owner).catch(() => undefined);
  }
  return done;
}
