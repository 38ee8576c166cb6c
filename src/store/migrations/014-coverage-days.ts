import type { Migration } from './migration';

/**
 * Operation coverage per day (issue 14 "Coverage"): how often each vendor operation was seen,
 * translated and passed through, one row per UTC day, operation and site. Instances add their
 * counts to the same row (summed); `site` joins the key like every replicated row (migration 11),
 * so two sites never write one row. `first_seen_ms` / `last_seen_ms` bound the calls of that day.
 */
export const coverageDaysMigration: Migration = {
  id: 14,
  name: 'coverage-days',
  sql: `
CREATE TABLE coverage_days (
  day date NOT NULL,
  operation_id text NOT NULL,
  site text NOT NULL DEFAULT understudy_site(),
  seen bigint NOT NULL DEFAULT 0,
  translated bigint NOT NULL DEFAULT 0,
  passed_through bigint NOT NULL DEFAULT 0,
  first_seen_ms bigint NOT NULL,
  last_seen_ms bigint NOT NULL,
  PRIMARY KEY (day, operation_id, site)
);
CREATE INDEX coverage_days_last_seen ON coverage_days (last_seen_ms);
`,
};
