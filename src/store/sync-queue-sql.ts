/**
 * SQL of the sync queue over the outbox (design.md §4 "Sync"). The claim is the outbox's
 * FOR UPDATE SKIP LOCKED + lease, plus per-key order: a row is claimable only when no earlier row of
 * the same entity and household is still open, so one household's changes apply in order while a
 * poisoned household holds back nobody else (its row dead-letters after N tries).
 */
import type { SyncRegister } from '../sync/conflict-policies';
import type { QueuedChange } from '../sync/sync-ports';
import { isSyncEntity, type SyncChange } from '../sync/sync-types';
import { at, type ClaimedDbRow } from './outbox-sql';

/** What claims are ordered by: one open row at a time per (entity, household) or per (entity, key). */
export type SyncOrder = 'household' | 'key';

/**
 * The claim: the oldest open row of each group is found by a skip scan over the group index
 * (one probe per group with open rows, however many rows wait behind them), then the claimable
 * heads are leased oldest first with FOR UPDATE SKIP LOCKED. A head under a live lease keeps its
 * group waiting, so no two rows of one group are ever in flight together.
 */
export function orderedClaimSql(order: SyncOrder): string {
  const g = order === 'household' ? 'household_id' : 'entity_key';
  return `
WITH RECURSIVE heads AS (
  (SELECT entity, ${g} AS grp, id FROM outbox WHERE status <> 'done' AND ${g} IS NOT NULL ORDER BY entity, ${g}, id LIMIT 1)
  UNION ALL
  SELECT n.entity, n.grp, n.id FROM heads h CROSS JOIN LATERAL (
    SELECT entity, ${g} AS grp, id FROM outbox
    WHERE status <> 'done' AND (entity, ${g}) > (h.entity, h.grp)
    ORDER BY entity, ${g}, id LIMIT 1) n
),
picked AS (
  SELECT o.id FROM outbox o JOIN heads h ON o.id = h.id
  WHERE o.available_at <= ${at('$1')} AND (o.status = 'pending' OR o.lease_until <= ${at('$1')})
  ORDER BY o.available_at, o.id
  LIMIT $2
  FOR UPDATE OF o SKIP LOCKED
)
UPDATE outbox AS o
SET status = 'leased', lease_owner = $3, lease_until = ${at('($1::float8 + $4::float8)')}, attempts = o.attempts + 1
FROM picked WHERE o.id = picked.id
RETURNING o.id, o.entity, o.entity_key, o.household_id, o.op, o.payload, o.origin, o.idempotency_key,
          o.attempts, o.lease_owner, o.lease_until, o.last_error, o.created_at, o.available_at`;
}

export const COMPLETE_MANY_SQL = `
UPDATE outbox SET status = 'done', completed_at = ${at('$1')}, lease_owner = NULL, lease_until = NULL
WHERE id = ANY($2::bigint[]) AND status = 'leased' AND lease_owner = $3
RETURNING id`;

export const UPSERT_REGISTERS_SQL = `
INSERT INTO sync_registers (entity, entity_key, stamp, tombstone, value, updated_at)
SELECT e, k, s, t, v::jsonb, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[]) AS u(e, k, s, t, v)
ON CONFLICT (entity, entity_key) DO UPDATE SET stamp = EXCLUDED.stamp, tombstone = EXCLUDED.tombstone, value = EXCLUDED.value, updated_at = now()
WHERE sync_registers.stamp <= EXCLUDED.stamp`;

export const READ_REGISTERS_SQL = `
SELECT r.entity, r.entity_key, r.stamp, r.tombstone, r.value FROM sync_registers r
JOIN unnest($1::text[], $2::text[]) AS u(e, k) ON r.entity = u.e AND r.entity_key = u.k`;

export const UPSERT_REGISTER_SQL = `
INSERT INTO sync_registers (entity, entity_key, stamp, tombstone, value, updated_at) VALUES ($1, $2, $3, $4, $5::jsonb, now())
ON CONFLICT (entity, entity_key) DO UPDATE SET stamp = EXCLUDED.stamp, tombstone = EXCLUDED.tombstone, value = EXCLUDED.value, updated_at = now()
WHERE sync_registers.stamp <= EXCLUDED.stamp`;

/** What the outbox payload column holds for a sync change. */
interface ChangePayload {
  source?: unknown;
  stamp?: unknown;
  userId?: unknown;
  udid?: unknown;
  value?: unknown;
}

/** The payload column of a change (entity, key, household and op have their own columns). */
export function toPayload(change: SyncChange): Record<string, unknown> {
  return { source: change.source, stamp: change.stamp, value: change.value, ...(change.userId === undefined ? {} : { userId: change.userId }), ...(change.udid === undefined ? {} : { udid: change.udid }) };
}

/** A claimed row back as a change; undefined when it does not decode. */
export function toQueuedChange(row: ClaimedDbRow): QueuedChange {
  const payload = (typeof row.payload === 'object' && row.payload !== null ? row.payload : {}) as ChangePayload;
  const valid =
    isSyncEntity(row.entity) && (row.op === 'upsert' || row.op === 'delete') && (payload.source === 'vendor' || payload.source === 'platform') &&
    typeof payload.stamp === 'string' && typeof payload.value === 'object' && payload.value !== null && row.household_id !== null;
  const change: SyncChange | undefined = valid
    ? {
        entity: row.entity as SyncChange['entity'],
        op: row.op as SyncChange['op'],
        key: row.entity_key,
        householdId: row.household_id!,
        source: payload.source as SyncChange['source'],
        stamp: payload.stamp as string,
        value: payload.value as Record<string, unknown>,
        ...(typeof payload.userId === 'string' ? { userId: payload.userId } : {}),
        ...(typeof payload.udid === 'string' ? { udid: payload.udid } : {}),
      }
    : undefined;
  return { id: row.id, attempts: row.attempts, createdAtMs: row.created_at.getTime(), origin: row.origin, change };
}

/** A register row back as the policy sees it. */
export function toRegister(row: { entity: string; entity_key: string; stamp: string; tombstone: boolean; value: unknown }): SyncRegister | undefined {
  const value = (typeof row.value === 'object' && row.value !== null ? row.value : {}) as { change?: SyncChange; writtenTo?: unknown };
  if (!isSyncEntity(row.entity) || value.change === undefined) return undefined;
  const writtenTo = Array.isArray(value.writtenTo) ? value.writtenTo.filter((s): s is SyncChange['source'] => s === 'vendor' || s === 'platform') : [];
  return { entity: row.entity, key: row.entity_key, stamp: row.stamp, tombstone: row.tombstone, change: value.change, writtenTo };
}

/** The register's value column: the winning change and the sides the sync wrote it to. */
export function registerValue(register: SyncRegister): string {
  return JSON.stringify({ change: register.change, writtenTo: register.writtenTo });
}
