-- Two sites active-active, step 2 of 2 (design.md §7; docs/two-sites.md): run at EACH site once
-- both sites ran site-publish.sql. Needs a superuser on PostgreSQL 15.
--   psql "$SITE_DB_URL" -v peer_site=b -v peer_conninfo='host=… port=5432 user=… dbname=understudy' \
--     -f deploy/postgres/site-subscribe.sql
-- streaming = on: a huge transaction at the peer no longer holds revocations back past 5 s
-- (two-site-postgres.md "Head-of-line blocking"). Re-sync after a lost slot: DROP SUBSCRIPTION,
-- then run this again (copy_data = true copies the peer's rows; `site` in the keys keeps them apart).
\set ON_ERROR_STOP on
\set subscription 'understudy_from_' :peer_site
\set publication 'understudy_site_' :peer_site
CREATE SUBSCRIPTION :"subscription" CONNECTION :'peer_conninfo' PUBLICATION :"publication"
  WITH (streaming = on, copy_data = true);
