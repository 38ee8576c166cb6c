/**
 * SQL and row shapes of the outbox (docs/architecture.md §4 "Sync"). Instants travel as epoch-ms parameters
 * from the injected clock (`at($n)`), so lease expiry is testable without waiting; leases are tens of
 * seconds, far longer than the clock skew between instances.
 */
import type { ClaimedOutboxRow, DeadLetter, OutboxEntry } from './ports';

/** A timestamptz from an epoch-ms parameter. */
export const at = (param: string): string => `to_timestamp(${param}::float8 / 1000)`;

export const OUTBOX_COLUMNS = 'entity, entity_key, household_id, op, payload, origin, idempotency_key, available_at, created_at';

export const CLAIM_SQL = `
WITH picked AS (
  SELECT id FROM outbox
  WHERE status <> 'done' AND available_at <= ${at('$1')}
    AND (status = 'pending' OR lease_until <= ${at('$1')})
  ORDER BY available_at, id
  LIMIT $2
  FOR UPDATE SKIP LOCKED
)
UPDATE outbox AS o
SET status = 'leased', lease_owner = $3, lease_until = ${at('($1::float8 + $4::float8)')}, attempts = o.attempts + 1
FROM picked WHERE o.id = picked.id
RETURNING o.id, o.entity, o.entity_key, o.household_id, o.op, o.payload, o.origin, o.idempotency_key,
          o.attempts, o.lease_owner, o.lease_until, o.last_error, o.created_at, o.available_at`;

/** Moves the rows matched by `where` (over alias-free outbox columns) to dead_letters; $1 = now ms. */
export function deadLetterSql(where: string, reason: string): string {
  return `
WITH doomed AS (DELETE FROM outbox WHERE ${where} RETURNING *)
INSERT INTO dead_letters (id, entity, entity_key, household_id, op, payload, origin, idempotency_key, attempts, last_error, created_at, dead_at)
SELECT id, entity, entity_key, household_id, op, payload, origin, idempotency_key, attempts, ${reason}, created_at, ${at('$1')}
FROM doomed`;
}

export const STATS_SQL = `
SELECT count(*) FILTER (WHERE status = 'pending' OR lease_until <= ${at('$1')}) AS pending,
       count(*) FILTER (WHERE status = 'leased' AND lease_until > ${at('$1')}) AS leased,
       min(created_at) AS oldest_open,
       (SELECT count(*) FROM dead_letters) AS dead
FROM outbox WHERE status <> 'done'`;

export interface ClaimedDbRow {
  id: number;
  entity: string;
  entity_key: string;
  household_id: string | null;
  op: string;
  payload: unknown;
  origin: string;
  idempotency_key: string;
  attempts: number;
  lease_owner: string;
  lease_until: Date;
  last_error: string | null;
  created_at: Date;
  available_at: Date;
}

export interface DeadLetterDbRow {
  id: number;
  entity: string;
  entity_key: string;
  idempotency_key: string;
  attempts: number;
  last_error: string | null;
  dead_at: Date;
}

/** Builds one multi-row VALUES insert for a chunk of entries; `nowMs` fills absent availability. */
export function buildEnqueue(entries: readonly OutboxEntry[], nowMs: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const placeholder = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const tuples = entries.map((entry) => {
    // JSON text, never the raw value: pg would turn a JS array payload into a PostgreSQL array.
    const values = [
      placeholder(entry.entity),
      placeholder(entry.entityKey),
      placeholder(entry.householdId ?? null),
      placeholder(entry.op),
      `${placeholder(JSON.stringify(entry.payload ?? null))}::jsonb`,
      placeholder(entry.origin),
      placeholder(entry.idempotencyKey),
      at(placeholder(entry.availableAtMs ?? nowMs)),
      at(placeholder(nowMs)),
    ];
    return `(${values.join(', ')})`;
  });
  return {
    sql: `INSERT INTO outbox (${OUTBOX_COLUMNS}) VALUES ${tuples.join(', ')} ON CONFLICT (idempotency_key) DO NOTHING`,
    params,
  };
}

/** Claimed rows in claim order (UPDATE … RETURNING does not keep the CTE's order). */
export function toClaimedRows(rows: readonly ClaimedDbRow[]): ClaimedOutboxRow[] {
  return [...rows]
    .sort((a, b) => a.available_at.getTime() - b.available_at.getTime() || a.id - b.id)
    .map((row) => ({
      id: row.id,
      entity: row.entity,
      entityKey: row.entity_key,
      householdId: row.household_id,
      op: row.op,
      payload: row.payload,
      origin: row.origin,
      idempotencyKey: row.idempotency_key,
      attempts: row.attempts,
      leaseOwner: row.lease_owner,
      leaseUntilMs: row.lease_until.getTime(),
      lastError: row.last_error,
      createdAtMs: row.created_at.getTime(),
    }));
}

/** A dead letter as the port shows it. */
export function toDeadLetter(row: DeadLetterDbRow): DeadLetter {
  return {
    id: row.id,
    entity: row.entity,
    entityKey: row.entity_key,
    idempotencyKey: row.idempotency_key,
    attempts: row.attempts,
    lastError: row.last_error,
    deadAtMs: row.dead_at.getTime(),
  };
}
