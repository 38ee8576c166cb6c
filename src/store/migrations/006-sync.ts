import type { Migration } from './migration';

/**
 * Two-way sync state (docs/architecture.md §4 "Sync", docs/sync.md): the winning version per synced key (the
 * conflict register: hybrid-logical-clock stamp, tombstone, value), the per-entity switch, and the
 * indexes that let a claim find the oldest open row of each household (or key): per-key order.
 */
export const syncMigration: Migration = {
  id: 6,
  name: 'sync',
  sql: `
CREATE TABLE sync_registers (
  entity      text NOT NULL,
  entity_key  text NOT NULL,
  stamp       text NOT NULL,
  tombstone   boolean NOT NULL DEFAULT false,
  value       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (entity, entity_key)
);
CREATE TABLE sync_switches (
  entity      text PRIMARY KEY,
  enabled     boolean NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_open_household ON outbox (entity, household_id, id) WHERE status <> 'done';
CREATE INDEX outbox_open_key ON outbox (entity, entity_key, id) WHERE status <> 'done';
`,
};
