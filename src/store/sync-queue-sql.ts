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

export const ORDERED_CLAIM_SQL = `
WITH picked AS (
  SELECT o.id FROM outbox o
  WHERE o.status <> 'done' AND o.available_at <= ${at('$1')}
    AND (o.status = 'pending' OR o.lease_until <= ${at('$1')})
    AND NOT EXISTS (
      SELECT 1 FROM outbox e
      WHERE e.entity = o.entity AND e.household_id IS NOT DISTINCT FROM o.household_id AND e.status <> 'done' AND e.id < o.id)
  ORDER BY o.available_at, o.id
  LIMIT $2
  FOR UPDATE SKIP LOCKED
)
UPDATE outbox AS o
SET status = 'leased', lease_owner = $3, lease_until = ${at('($1::float8 + $4::float8)')}, attempts = o.attempts + 1
FROM picked WHERE o.id = picked.id
RETURNING o.id, o.entity, o.entity_key, o.household_id, o.op, o.payload, o.origin, o.idempotency_key,
          o.attempts, o.lease_owner, o.lease_until, o.last_error, o.created_at, o.available_at`;

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
