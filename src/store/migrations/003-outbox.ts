import type { Migration } from './migration';

/**
 * The sync outbox (docs/architecture.md §4 "Sync"), claimed with FOR UPDATE SKIP LOCKED and leases.
 * status: pending → leased → done; a leased row whose lease has run out is claimable again. Done rows
 * stay (pruned later) so their idempotency keys keep deduplicating; dead rows move to dead_letters.
 */
export const outboxMigration: Migration = {
  id: 3,
  name: 'outbox',
  sql: `
CREATE TABLE outbox (
  id              bigserial PRIMARY KEY,
  entity          text NOT NULL,
  entity_key      text NOT NULL,
  household_id    text,
  op              text NOT NULL,
  payload         jsonb NOT NULL,
  origin          text NOT NULL,
  idempotency_key text NOT NULL UNIQUE,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'leased', 'done')),
  attempts        integer NOT NULL DEFAULT 0,
  available_at    timestamptz NOT NULL DEFAULT now(),
  lease_owner     text,
  lease_until     timestamptz,
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  completed_at    timestamptz
);
-- the claim query's path: open rows only, oldest first
CREATE INDEX outbox_open ON outbox (available_at, id) WHERE status <> 'done';
CREATE INDEX outbox_done ON outbox (completed_at) WHERE status = 'done';
CREATE TABLE dead_letters (
  id              bigint PRIMARY KEY,
  entity          text NOT NULL,
  entity_key      text NOT NULL,
  household_id    text,
  op              text NOT NULL,
  payload         jsonb NOT NULL,
  origin          text NOT NULL,
  idempotency_key text NOT NULL,
  attempts        integer NOT NULL,
  last_error      text,
  created_at      timestamptz NOT NULL,
  dead_at         timestamptz NOT NULL DEFAULT now()
);
`,
};
