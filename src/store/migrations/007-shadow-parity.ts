import type { Migration } from './migration';

/**
 * Shadow parity and migration state (issue 11; docs/architecture.md §4 "Shadow and diff"). Extends migration
 * 4's parity_counts to one row per operation, region, field and kind: the row with field '' and
 * kind '' holds the operation's samples (matches = identical samples, noise = noise samples),
 * candidate errors, contract checks and violations, and latency; field rows hold raw differences and noise.
 * diff_samples keeps one redacted sample per cluster (field-path signature) with its count.
 * migration_states / migration_transitions: each operation's walk and its audit trail.
 */
export const shadowParityMigration: Migration = {
  id: 7,
  name: 'shadow-parity-migration-state',
  sql: `
ALTER TABLE parity_counts ADD COLUMN region text NOT NULL DEFAULT '';
ALTER TABLE parity_counts ADD COLUMN kind text NOT NULL DEFAULT '';
ALTER TABLE parity_counts ADD COLUMN pointer text NOT NULL DEFAULT '';
ALTER TABLE parity_counts ADD COLUMN differences bigint NOT NULL DEFAULT 0;
ALTER TABLE parity_counts ADD COLUMN candidate_errors bigint NOT NULL DEFAULT 0;
ALTER TABLE parity_counts ADD COLUMN contract_checks bigint NOT NULL DEFAULT 0;
ALTER TABLE parity_counts ADD COLUMN primary_violations bigint NOT NULL DEFAULT 0;
ALTER TABLE parity_counts ADD COLUMN candidate_violations bigint NOT NULL DEFAULT 0;
ALTER TABLE parity_counts ADD COLUMN latency_delta_ms_sum double precision NOT NULL DEFAULT 0;
ALTER TABLE parity_counts DROP CONSTRAINT parity_counts_pkey;
ALTER TABLE parity_counts ADD PRIMARY KEY (operation_id, region, field, kind);
ALTER TABLE diff_samples ADD COLUMN region text NOT NULL DEFAULT '';
ALTER TABLE diff_samples ADD COLUMN cluster_key text NOT NULL DEFAULT '';
ALTER TABLE diff_samples ADD COLUMN fields jsonb NOT NULL DEFAULT '[]';
ALTER TABLE diff_samples ADD COLUMN count bigint NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX diff_samples_cluster ON diff_samples (operation_id, region, cluster_key);
CREATE TABLE migration_states (
  operation_id text PRIMARY KEY,
  state        text NOT NULL,
  percent      double precision NOT NULL DEFAULT 0,
  hold         boolean NOT NULL DEFAULT false,
  reason       text NOT NULL DEFAULT '',
  changed_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE migration_transitions (
  id             bigserial PRIMARY KEY,
  operation_id   text NOT NULL,
  from_state     text NOT NULL,
  from_percent   double precision NOT NULL DEFAULT 0,
  to_state       text NOT NULL,
  to_percent     double precision NOT NULL DEFAULT 0,
  cause          text NOT NULL,
  reason         text NOT NULL,
  actor          text NOT NULL,
  policy_version integer,
  at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX migration_transitions_operation ON migration_transitions (operation_id, id);
`,
};
