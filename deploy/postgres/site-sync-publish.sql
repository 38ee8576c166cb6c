-- Two sites splitting the sync by household, step 1 of 2 (design.md §7; docs/sync-home-site.md): run
-- at EACH site's understudy database after understudy migrated it (store migration 15) and before
-- step 2 anywhere; only where two sites run (a single site keeps capture at one insert).
--   psql "$SITE_DB_URL" -v site=a -f deploy/postgres/site-sync-publish.sql
-- Every change captured here is copied to sync_relay (this site's rows) and published; the peer puts
-- it in its own outbox, where only the household's home site claims it. A completion leaves a
-- sync_applied mark, published too: the peer marks its copy done. Homes and lost-site markers are
-- one row per writer site. An ordinary trigger does not fire in the apply worker, so nothing loops.
\set ON_ERROR_STOP on
\set publication 'understudy_sync_' :site
CREATE FUNCTION understudy_sync_relay_out() RETURNS trigger LANGUAGE plpgsql
  SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO sync_relay (site, id, entity, entity_key, household_id, op, payload, origin, idempotency_key, created_at)
  VALUES (understudy_site(), NEW.id, NEW.entity, NEW.entity_key, NEW.household_id, NEW.op, NEW.payload, NEW.origin, NEW.idempotency_key, NEW.created_at);
  RETURN NULL;
END $$;
CREATE TRIGGER sync_relay_out AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION understudy_sync_relay_out();
-- Replicated relay rows join this site's outbox (once per idempotency key; done if already applied),
-- available from their capture time (instants come from the instances' clock, not this server's).
CREATE FUNCTION understudy_sync_relay_in() RETURNS trigger LANGUAGE plpgsql
  SET search_path = public, pg_temp AS $$
DECLARE applied boolean := EXISTS (SELECT 1 FROM sync_applied a WHERE a.idempotency_key = NEW.idempotency_key);
BEGIN
  INSERT INTO outbox (entity, entity_key, household_id, op, payload, origin, idempotency_key, created_at, available_at, status, completed_at)
  VALUES (NEW.entity, NEW.entity_key, NEW.household_id, NEW.op, NEW.payload, NEW.origin, NEW.idempotency_key, NEW.created_at, NEW.created_at,
          CASE WHEN applied THEN 'done' ELSE 'pending' END, CASE WHEN applied THEN now() END)
  ON CONFLICT (idempotency_key) DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER sync_relay_in AFTER INSERT ON sync_relay FOR EACH ROW EXECUTE FUNCTION understudy_sync_relay_in();
ALTER TABLE sync_relay ENABLE REPLICA TRIGGER sync_relay_in;
-- A change the peer applied is done here too (it stays open here only until the mark arrives).
CREATE FUNCTION understudy_sync_applied_in() RETURNS trigger LANGUAGE plpgsql
  SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE outbox SET status = 'done', completed_at = now(), lease_owner = NULL, lease_until = NULL
  WHERE idempotency_key = NEW.idempotency_key AND status <> 'done';
  RETURN NULL;
END $$;
CREATE TRIGGER sync_applied_in AFTER INSERT ON sync_applied FOR EACH ROW EXECUTE FUNCTION understudy_sync_applied_in();
ALTER TABLE sync_applied ENABLE REPLICA TRIGGER sync_applied_in;
CREATE PUBLICATION :"publication" FOR TABLE
  sync_relay WHERE (site = :'site'),
  sync_applied WHERE (site = :'site'),
  household_home WHERE (site = :'site'),
  sync_lost_sites WHERE (site = :'site')
  WITH (publish = 'insert, update, delete');
