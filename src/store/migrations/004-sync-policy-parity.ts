import type { Migration } from './migration';

/**
 * The smaller stores, present now so later work only adds columns: sync cursors (change feed and
 * reconcile positions), policy versions (docs/architecture.md §4 "Policy": versioned, swapped atomically), parity
 * counts and redacted diff samples (docs/architecture.md §4 "Shadow and diff"). field '' = the whole response.
 */
export const syncPolicyParityMigration: Migration = {
  id: 4,
  name: 'sync-cursors-policy-parity',
  sql: `
CREATE TABLE sync_cursors (
  name       text PRIMARY KEY,
  cursor     text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE policy_versions (
  version    serial PRIMARY KEY,
  document   jsonb NOT NULL,
  author     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE parity_counts (
  operation_id text NOT NULL,
  field        text NOT NULL DEFAULT '',
  samples      bigint NOT NULL DEFAULT 0,
  matches      bigint NOT NULL DEFAULT 0,
  noise        bigint NOT NULL DEFAULT 0,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (operation_id, field)
);
CREATE TABLE diff_samples (
  id           bigserial PRIMARY KEY,
  operation_id text NOT NULL,
  sample       jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX diff_samples_operation ON diff_samples (operation_id, created_at);
`,
};
