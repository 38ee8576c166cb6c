/**
 * SQL of the sync queue over the outbox (docs/architecture.md §4 "Sync"). The claim is the outbox's
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

/** Where the home-site predicate goes (sync-home-sql.ts); empty on a single site. */
const HOME = '/*home*/';

const claimUpdate = `
UPDATE outbox AS o
SET status = 'leased', lease_owner = $3, lease_until = ${at('($1::float8 + $4::float8)')}, attempts = o.attempts + 1
FROM picked WHERE o.id = picked.id
RETURNING o.id, o.entity, o.entity_key, o.household_id, o.op, o.payload, o.origin, o.idempotency_key,
          o.attempts, o.lease_owner, o.lease_until, o.last_error, o.created_at, o.available_at`;

/**
 * Per household: the oldest open row of each household is found by a skip scan over the group
 * index (one probe per household with open rows, however many rows wait behind them), then the
 * claimable heads are leased oldest first with FOR UPDATE SKIP LOCKED. A head under a live lease
 * keeps its household waiting, so no two rows of one household are ever in flight together.
 */
const householdClaimSql = `
WITH RECURSIVE heads AS (
  (SELECT entity, household_id AS grp, id FROM outbox WHERE status <> 'done' AND household_id IS NOT NULL ORDER BY entity, household_id, id LIMIT 1)
  UNION ALL
  SELECT n.entity, n.grp, n.id FROM heads h CROSS JOIN LATERAL (
    SELECT entity, household_id AS grp, id FROM outbox
    WHERE status <> 'done' AND (entity, household_id) > (h.entity, h.grp)
    ORDER BY entity, household_id, id LIMIT 1) n
),
picked AS (
  SELECT o.id FROM outbox o JOIN heads h ON o.id = h.id
  WHERE o.available_at <= ${at('$1')} AND (o.status = 'pending' OR o.lease_until <= ${at('$1')})${HOME}
  ORDER BY o.available_at, o.id
  LIMIT $2
  FOR UPDATE OF o SKIP LOCKED
)${claimUpdate}`;

/**
 * Per key: keys are many and mostly have one open row, so the oldest claimable rows are scanned in
 * order and each kept only when no earlier row of its key is open (one index probe each); the
 * LIMIT ends the scan early.
 */
const keyClaimSql = `
WITH picked AS (
  SELECT o.id FROM outbox o
  WHERE o.status <> 'done' AND o.available_at <= ${at('$1')}
    AND (o.status = 'pending' OR o.lease_until <= ${at('$1')})
    AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.entity = o.entity AND e.entity_key = o.entity_key AND e.status <> 'done' AND e.id < o.id)${HOME}
  ORDER BY o.available_at, o.id
  LIMIT $2
  FOR UPDATE OF o SKIP LOCKED
)${claimUpdate}`;

/**
 * Per household, deep: the same heads, each locked with SKIP LOCKED (the household's mutex: a
 * claimer that cannot lock the head takes nothing of that household), then up to $5 − 1 rows
 * queued behind each locked head, as far as they are all claimable (a row waiting for its retry
 * stops its household there). The worker applies a household's rows in id order, so order holds
 * while one round carries many changes per household instead of one.
 */
const householdDeepClaimSql = `
WITH RECURSIVE heads AS (
  (SELECT entity, household_id AS grp, id FROM outbox WHERE status <> 'done' AND household_id IS NOT NULL ORDER BY entity, household_id, id LIMIT 1)
  UNION ALL
  SELECT n.entity, n.grp, n.id FROM heads h CROSS JOIN LATERAL (
    SELECT entity, household_id AS grp, id FROM outbox
    WHERE status <> 'done' AND (entity, household_id) > (h.entity, h.grp)
    ORDER BY entity, household_id, id LIMIT 1) n
),
locked AS (
  SELECT o.id, o.entity, o.household_id FROM outbox o JOIN heads h ON o.id = h.id
  WHERE o.available_at <= ${at('$1')} AND (o.status = 'pending' OR o.lease_until <= ${at('$1')})${HOME}
  ORDER BY o.available_at, o.id
  LIMIT $2
  FOR UPDATE OF o SKIP LOCKED
),
behind AS (
  SELECT f.id FROM locked l CROSS JOIN LATERAL (
    SELECT q.id, bool_and(q.ready) OVER (ORDER BY q.id) AS ok FROM (
      SELECT id, available_at <= ${at('$1')} AND (status = 'pending' OR lease_until <= ${at('$1')}) AS ready FROM outbox
      WHERE entity = l.entity AND household_id = l.household_id AND status <> 'done' AND id > l.id
      ORDER BY id LIMIT ($5::int - 1)) q
  ) f WHERE f.ok
),
picked AS (SELECT id FROM locked UNION ALL SELECT id FROM behind)${claimUpdate}`;

/**
 * The claim for an ordering; `depth` rows per household and round (household order only).
 * `home`, when two sites split the work, is a predicate over `o` (and parameters after the claim's own).
 */
export function orderedClaimSql(order: SyncOrder, depth = 1, home = ''): string {
  const sql = order === 'key' ? keyClaimSql : depth > 1 ? householdDeepClaimSql : householdClaimSql;
  return sql.replace(HOME, home);
}

/** Gives leased rows back unclaimed (rows queued behind a failed one of their household): the attempt is not counted. */
export const RELEASE_SQL = `
UPDATE outbox SET status = 'pending', lease_owner = NULL, lease_until = NULL, attempts = greatest(0, attempts - 1)
WHERE id = ANY($1::bigint[]) AND status = 'leased' AND lease_owner = $2`;

/** Moves the lease of rows still held by the owner to now + lease ($1 now, $2 ids, $3 owner, $4 lease ms). */
export const RENEW_SQL = `
UPDATE outbox SET lease_until = ${at('($1::float8 + $4::float8)')}
WHERE id = ANY($2::bigint[]) AND status = 'leased' AND lease_owner = $3`;

/**
 * Completes a batch and records its registers in one statement (atomic, one round trip): only rows
 * still leased to the owner complete, and only their registers are written, never moving back.
 * $1 now, $2 ids, $3 owner, $4…$9 the registers' row ids, entities, keys, stamps, tombstones, values.
 */
export const COMPLETE_MANY_SQL = `
WITH done AS (
  UPDATE outbox SET status = 'done', completed_at = ${at('$1')}, lease_owner = NULL, lease_until = NULL
  WHERE id = ANY($2::bigint[]) AND status = 'leased' AND lease_owner = $3
  RETURNING id
), registers AS (
  INSERT INTO sync_registers (entity, entity_key, stamp, tombstone, value, updated_at)
  SELECT u.e, u.k, u.s, u.t, u.v::jsonb, now()
  FROM unnest($4::bigint[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::text[]) AS u(id, e, k, s, t, v)
  WHERE u.id IN (SELECT id FROM done)
  ON CONFLICT (entity, entity_key) DO UPDATE SET stamp = EXCLUDED.stamp, tombstone = EXCLUDED.tombstone, value = EXCLUDED.value, updated_at = now()
  WHERE sync_registers.stamp <= EXCLUDED.stamp
)
SELECT id FROM done`;

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
