import type { Clock } from '../core/clock';
import type { SyncRegister } from '../sync/conflict-policies';
import { changeIdempotencyKey } from '../sync/feed-changes';
import type { EnqueueGroup, QueuedChange, SyncQueue } from '../sync/sync-ports';
import type { CaptureOrigin, SyncChange, SyncEntity } from '../sync/sync-types';
import { at, deadLetterSql, type ClaimedDbRow } from './outbox-sql';
import type { SqlOutboxStore } from './outbox-store';
import type { OutboxEntry } from './ports';
import type { SqlClient } from './sql-client';
import { registerKey } from '../sync/conflict-policies';
import { buildEnqueue } from './outbox-sql';
import { HomeFence, type HomeScope } from './sync-home-fence';
import { COMPLETE_FENCED_SQL, homePredicate } from './sync-home-sql';
import { COMPLETE_MANY_SQL, orderedClaimSql, READ_REGISTERS_SQL, registerValue, RELEASE_SQL, RENEW_SQL, toPayload, toQueuedChange, toRegister, UPSERT_REGISTER_SQL, type SyncOrder } from './sync-queue-sql';

/** A change as an outbox row. */
function toOutboxEntry(change: SyncChange, origin: CaptureOrigin): OutboxEntry {
  return { entity: change.entity, entityKey: change.key, householdId: change.householdId, op: change.op, payload: toPayload(change), origin, idempotencyKey: changeIdempotencyKey(change) };
}

/**
 * The sync's queue over the outbox tables (migrations 3 and 6): enqueue, fail and dead letters are
 * the outbox store's; claim adds per-household order; complete records the key's winner in the same
 * transaction, so a crash between the two can only repeat an idempotent apply.
 */
export class SqlSyncQueue implements SyncQueue {
  private readonly claimSql: string;
  private readonly claimDepth: number;
  private lastSweepMs = Number.NEGATIVE_INFINITY;

  private readonly fence: HomeFence | undefined;

  /**
   * `depth`: rows per household and claim (household order), applied in order by one worker.
   * `home`: two sites split the work by household (docs/sync-home-site.md): this site claims only
   * households homed here and completes a row only while their epoch is the one read at its claim.
   */
  constructor(private readonly sql: SqlClient, private readonly outbox: SqlOutboxStore, private readonly clock: Clock, order: SyncOrder = 'household', depth = 1, home?: HomeScope) {
    this.claimDepth = order === 'household' ? Math.max(1, depth) : 1;
    const homeParam = (this.claimDepth > 1 ? 5 : 4) + 1;
    this.claimSql = orderedClaimSql(order, this.claimDepth, home === undefined ? '' : homePredicate(homeParam));
    this.fence = home === undefined ? undefined : new HomeFence(sql, home);
  }

  async enqueue(changes: readonly SyncChange[], origin: CaptureOrigin): Promise<number> {
    const entries = changes.map((change) => toOutboxEntry(change, origin));
    // One statement is atomic on its own: a capture costs one round trip, not BEGIN/INSERT/COMMIT.
    if (entries.length <= 500) {
      const { sql, params } = buildEnqueue(entries, this.clock.nowMs());
      return (await this.sql.query(sql, params)).rowCount;
    }
    return (await this.outbox.enqueue(entries)).enqueued;
  }

  async enqueueGroups(groups: readonly EnqueueGroup[]): Promise<number[]> {
    const entries = groups.flatMap((group) => group.changes.map((change) => toOutboxEntry(change, group.origin)));
    if (entries.length === 0) return groups.map(() => 0);
    if (entries.length > 500) {
      const counts: number[] = [];
      for (const group of groups) counts.push(await this.enqueue(group.changes, group.origin));
      return counts;
    }
    // One statement for every caller (atomic on its own); RETURNING tells which rows were new.
    const { sql, params } = buildEnqueue(entries, this.clock.nowMs());
    const { rows } = await this.sql.query<{ idempotency_key: string }>(`${sql} RETURNING idempotency_key`, params);
    const added = new Set(rows.map((row) => row.idempotency_key));
    return groups.map((group) => group.changes.filter((change) => added.delete(changeIdempotencyKey(change))).length);
  }

  /** The home-site fence, when two sites split the work. */
  get homeFence(): HomeFence | undefined {
    return this.fence;
  }

  async claim(owner: string, limit: number, leaseMs: number): Promise<QueuedChange[]> {
    const nowMs = this.clock.nowMs();
    // Rows abandoned on their final attempt are dead-lettered at most once a second per instance.
    if (nowMs - this.lastSweepMs >= 1000 || nowMs < this.lastSweepMs) {
      this.lastSweepMs = nowMs;
      await this.sweepAbandoned(nowMs);
    }
    const params: unknown[] = this.claimDepth > 1 ? [nowMs, limit, owner, leaseMs, this.claimDepth] : [nowMs, limit, owner, leaseMs];
    if (this.fence !== undefined) params.push(this.fence.scope.sites, this.fence.scope.site);
    const { rows } = await this.sql.query<ClaimedDbRow>(this.claimSql, params);
    const claimed = rows.sort((a, b) => a.id - b.id).map(toQueuedChange);
    if (this.fence === undefined) return claimed;
    const { held, lost } = await this.fence.hold(claimed);
    await this.release(lost, owner);
    return held;
  }

  private async sweepAbandoned(nowMs: number): Promise<void> {
    await this.sql.query(
      deadLetterSql(`status = 'leased' AND lease_until <= ${at('$1')} AND attempts >= $2`, `'lease expired on the final attempt' || COALESCE('; last error: ' || last_error, '')`),
      [nowMs, this.outbox.maxAttempts],
    );
  }

  async complete(id: number, owner: string, register?: SyncRegister): Promise<boolean> {
    if (register === undefined) return (await this.outbox.complete([id], owner)) === 1;
    return this.sql.transaction(async (tx) => {
      const done = await tx.query(
        `UPDATE outbox SET status = 'done', completed_at = ${at('$1')}, lease_owner = NULL, lease_until = NULL WHERE id = $2 AND status = 'leased' AND lease_owner = $3`,
        [this.clock.nowMs(), id, owner],
      );
      if (done.rowCount !== 1) return false;
      await tx.query(UPSERT_REGISTER_SQL, [register.entity, register.key, register.stamp, register.tombstone, registerValue(register)]);
      return true;
    });
  }

  async renew(ids: readonly number[], owner: string, leaseMs: number): Promise<number> {
    if (ids.length === 0) return 0;
    return (await this.sql.query(RENEW_SQL, [this.clock.nowMs(), ids, owner, leaseMs])).rowCount;
  }

  async release(ids: readonly number[], owner: string): Promise<void> {
    this.fence?.forget(ids);
    if (ids.length > 0) await this.sql.query(RELEASE_SQL, [ids, owner]);
  }

  async completeMany(owner: string, done: readonly { readonly id: number; readonly register?: SyncRegister }[]): Promise<Set<number>> {
    if (done.length === 0) return new Set();
    const withRegister = done.filter((d): d is { id: number; register: SyncRegister } => d.register !== undefined);
    const registers = withRegister.map((d) => d.register);
    const fenced = this.fence?.tokens(done.map((d) => d.id));
    const { rows } = await this.sql.query<{ id: number }>(fenced === undefined ? COMPLETE_MANY_SQL : COMPLETE_FENCED_SQL, [
      this.clock.nowMs(),
      done.map((d) => d.id),
      owner,
      withRegister.map((d) => d.id),
      registers.map((r) => r.entity),
      registers.map((r) => r.key),
      registers.map((r) => r.stamp),
      registers.map((r) => r.tombstone),
      registers.map(registerValue),
      ...(fenced === undefined ? [] : [fenced.ids, fenced.epochs, this.fence!.scope.sites, this.fence!.scope.site]),
    ]);
    this.fence?.forget(done.map((d) => d.id));
    if (fenced !== undefined) this.fence!.scope.onFenced?.('refused', done.length - rows.length);
    return new Set(rows.map((row) => Number(row.id)));
  }

  async readRegisters(keys: readonly { readonly entity: SyncEntity; readonly key: string }[]): Promise<Map<string, SyncRegister>> {
    const found = new Map<string, SyncRegister>();
    if (keys.length === 0) return found;
    const { rows } = await this.sql.query<{ entity: string; entity_key: string; stamp: string; tombstone: boolean; value: unknown }>(READ_REGISTERS_SQL, [keys.map((k) => k.entity), keys.map((k) => k.key)]);
    for (const row of rows) {
      const register = toRegister(row);
      if (register !== undefined) found.set(registerKey(register.entity, register.key), register);
    }
    return found;
  }

  fail(id: number, error: string, retryAtMs: number, owner: string): Promise<'retry' | 'dead' | 'stale'> {
    this.fence?.forget([id]);
    return this.outbox.fail(id, error, retryAtMs, owner);
  }

  async readRegister(entity: SyncEntity, key: string): Promise<SyncRegister | undefined> {
    const { rows } = await this.sql.query<{ entity: string; entity_key: string; stamp: string; tombstone: boolean; value: unknown }>(
      'SELECT entity, entity_key, stamp, tombstone, value FROM sync_registers WHERE entity = $1 AND entity_key = $2',
      [entity, key],
    );
    return rows[0] === undefined ? undefined : toRegister(rows[0]);
  }

  async openCount(entity?: SyncEntity, householdId?: string): Promise<number> {
    const { rows } = await this.sql.query<{ n: number }>(
      `SELECT count(*) AS n FROM outbox WHERE status <> 'done' AND ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR household_id = $2)`,
      [entity ?? null, householdId ?? null],
    );
    return rows[0]?.n ?? 0;
  }
}
