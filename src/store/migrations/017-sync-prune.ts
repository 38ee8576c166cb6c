import type { Migration } from './migration';

/**
 * Indexes the sync's pruning walks (docs/sync.md "Pruning"): the relay copies and applied marks of
 * the two-site sync (migration 15) are deleted by age and count, oldest first, as the outbox's done
 * rows already are (migration 3, `outbox_done`). Without them each prune would scan the table.
 */
export const syncPruneMigration: Migration = {
  id: 17,
  name: 'sync-prune',
  sql: `
CREATE INDEX sync_relay_created ON sync_relay (created_at);
CREATE INDEX sync_applied_applied ON sync_applied (applied_at);
`,
};
