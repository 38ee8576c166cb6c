import type { Migration } from './migration';

/**
 * Vendor ↔ platform ids (docs/architecture.md §4 "Identity and ids"): unique both ways per kind. Vendor ids are
 * text because user ids are strings on the vendor side (brief §2.5). Objects born on the platform get
 * numeric vendor ids from one sequence starting at 9,000,000,000, far above any catalogue id, so an
 * allocated id can never collide with one a device already knows; one sequence for all kinds keeps
 * allocation lock-free and the ids unique across kinds as a bonus.
 */
export const idMapMigration: Migration = {
  id: 1,
  name: 'id-map',
  sql: `
CREATE TABLE id_map (
  kind        text NOT NULL,
  vendor_id   text NOT NULL,
  platform_id text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, vendor_id),
  CONSTRAINT id_map_platform_unique UNIQUE (kind, platform_id)
);
CREATE SEQUENCE vendor_id_seq AS bigint START WITH 9000000000 MINVALUE 9000000000;
`,
};
