-- Two sites splitting the sync by household, step 2 of 2 (docs/sync-home-site.md): run at EACH site
-- once both ran site-sync-publish.sql. Its own subscription, apart from the shared-state one, so a
-- stuck sync stream never holds revocations back (two-site-postgres.md, recommendation 4).
--   psql "$SITE_DB_URL" -v peer_site=b -v peer_conninfo='host=… port=5432 user=… dbname=understudy' \
--     -f deploy/postgres/site-sync-subscribe.sql
\set ON_ERROR_STOP on
\set subscription 'understudy_sync_from_' :peer_site
\set publication 'understudy_sync_' :peer_site
CREATE SUBSCRIPTION :"subscription" CONNECTION :'peer_conninfo' PUBLICATION :"publication"
  WITH (streaming = on, copy_data = true);
