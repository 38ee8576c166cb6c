import type { Migration } from './migration';

/**
 * Each side's own id of a synced list item (docs/sync.md "Entities": personal lists, reminders).
 * Both sides number these themselves and delete by that number, and the vendor's delete answers no
 * content, so the sync keeps which key each side's id stands for: written when an add is captured
 * or applied, read (and removed) when a delete by id is captured.
 */
export const syncLinksMigration: Migration = {
  id: 16,
  name: 'sync-links',
  sql: `
CREATE TABLE sync_links (
  entity text NOT NULL,
  side text NOT NULL,
  owner text NOT NULL,
  side_id text NOT NULL,
  key text NOT NULL,
  value jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (entity, side, owner, side_id)
);
`,
};
