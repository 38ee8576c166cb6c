import type { Migration } from './migration';

/**
 * Home site per household (design.md §7; docs/sync-home-site.md): the one site whose workers apply a
 * household's sync changes. `household_home` holds one row per (household, writer site) with an
 * epoch, never a row shared by both sites (two-site-postgres.md "Conflicts"): the effective home is
 * the row with the highest epoch (ties: the higher writer site); a household without a row is homed
 * by a hash of its id over the configured sites not marked lost (each site writes its own marker
 * row; the latest marker per lost site counts). Handing a lost site's
 * households over writes the survivor's own rows at max(epoch) + 1: the fencing token workers check.
 * `sync_relay` and `sync_applied` carry captured changes and completions to the peer site (the
 * triggers and publications are installed by deploy/postgres/site-sync-publish.sql only where two
 * sites run, so a single site pays nothing on capture).
 */
export const syncHomeSiteMigration: Migration = {
  id: 15,
  name: 'sync-home-site',
  sql: `
CREATE TABLE household_home (
  household_id text NOT NULL,
  site         text NOT NULL DEFAULT understudy_site(),
  home_site    text NOT NULL,
  epoch        bigint NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (household_id, site)
);
CREATE TABLE sync_lost_sites (
  lost_site  text NOT NULL,
  site       text NOT NULL DEFAULT understudy_site(),
  lost       boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (lost_site, site)
);
CREATE FUNCTION sync_home(h text, sites text[]) RETURNS TABLE (home_site text, epoch bigint) LANGUAGE sql STABLE
  SET search_path = public, pg_temp AS $$
  SELECT home_site, epoch FROM (
    SELECT home_site, epoch, 0 AS fallback, site FROM household_home WHERE household_id = h
    UNION ALL
    SELECT live[1 + abs(hashtext(h)) % cardinality(live)], 0, 1, '' FROM (
      SELECT coalesce(array_agg(s ORDER BY s), sites) AS live FROM unnest(sites) AS s
      WHERE NOT coalesce((SELECT l.lost FROM sync_lost_sites l WHERE l.lost_site = s ORDER BY l.updated_at DESC, l.site DESC LIMIT 1), false)) alive
  ) homes ORDER BY fallback, epoch DESC, site DESC LIMIT 1 $$;
CREATE TABLE sync_relay (
  site            text NOT NULL DEFAULT understudy_site(),
  id              bigint NOT NULL,
  entity          text NOT NULL,
  entity_key      text NOT NULL,
  household_id    text,
  op              text NOT NULL,
  payload         jsonb NOT NULL,
  origin          text NOT NULL,
  idempotency_key text NOT NULL,
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (id, site)
);
CREATE TABLE sync_applied (
  idempotency_key text NOT NULL,
  site            text NOT NULL DEFAULT understudy_site(),
  household_id    text,
  epoch           bigint NOT NULL,
  applied_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (idempotency_key, site)
);
`,
};
