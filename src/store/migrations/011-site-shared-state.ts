import type { Migration } from './migration';

/**
 * Shared state across instances and sites (design.md §7). Every replicated row carries the site that
 * wrote it (`site`, taken from the session setting `understudy.site` that the store sets from
 * `site.id`), and `site` joins each primary key: a site publishes only its own rows
 * (`WHERE (site = '…')`), the filter column must be in the replica identity for updates, and two
 * sites writing the same session or version number then hold two rows instead of a duplicate key
 * that stops the subscription (two-site-postgres.md "Conflicts"). Inserts and updates notify
 * `understudy_shared_state`; the triggers are ENABLE ALWAYS so rows applied by logical replication
 * notify too, and pin `search_path` because apply workers run with an empty one.
 */
export const siteSharedStateMigration: Migration = {
  id: 11,
  name: 'site-shared-state',
  sql: `
CREATE FUNCTION understudy_site() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('understudy.site', true), ''), 'lab') $$;
ALTER TABLE policy_versions ADD COLUMN site text NOT NULL DEFAULT understudy_site();
ALTER TABLE policy_versions DROP CONSTRAINT policy_versions_pkey;
ALTER TABLE policy_versions ADD PRIMARY KEY (version, site);
ALTER TABLE ks_revocations ADD COLUMN site text NOT NULL DEFAULT understudy_site();
ALTER TABLE ks_revocations DROP CONSTRAINT ks_revocations_pkey;
ALTER TABLE ks_revocations ADD PRIMARY KEY (session_id, site);
ALTER TABLE user_revocations ADD COLUMN site text NOT NULL DEFAULT understudy_site();
ALTER TABLE user_revocations DROP CONSTRAINT user_revocations_pkey;
ALTER TABLE user_revocations ADD PRIMARY KEY (partner_id, user_id, site);
CREATE FUNCTION understudy_notify_shared_state() RETURNS trigger LANGUAGE plpgsql
  SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM pg_notify('understudy_shared_state', TG_TABLE_NAME);
  RETURN NULL;
END $$;
CREATE TRIGGER notify_shared_state AFTER INSERT ON policy_versions
  FOR EACH ROW EXECUTE FUNCTION understudy_notify_shared_state();
CREATE TRIGGER notify_shared_state AFTER INSERT OR UPDATE ON ks_revocations
  FOR EACH ROW EXECUTE FUNCTION understudy_notify_shared_state();
CREATE TRIGGER notify_shared_state AFTER INSERT OR UPDATE ON user_revocations
  FOR EACH ROW EXECUTE FUNCTION understudy_notify_shared_state();
ALTER TABLE policy_versions ENABLE ALWAYS TRIGGER notify_shared_state;
ALTER TABLE ks_revocations ENABLE ALWAYS TRIGGER notify_shared_state;
ALTER TABLE user_revocations ENABLE ALWAYS TRIGGER notify_shared_state;
`,
};
