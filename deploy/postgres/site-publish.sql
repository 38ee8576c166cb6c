-- Two sites active-active, step 1 of 2 (design.md §7; docs/two-sites.md): run at EACH site's
-- understudy database after understudy has migrated it (store migration 11), before step 2 anywhere.
--   psql "$SITE_DB_URL" -v site=a -f deploy/postgres/site-publish.sql
-- `site` is the site's UNDERSTUDY_SITE_ID. Publishes only the rows this site wrote, so nothing
-- replicated comes back (PG15 has no `origin = none`: the row filter is the loop breaker). `site`
-- is in each table's primary key, the replica identity the filter of updates and deletes needs.
-- Never add `truncate` to `publish`: a TRUNCATE ignores row filters and empties the peer's rows too.
\set ON_ERROR_STOP on
\set publication 'understudy_site_' :site
CREATE PUBLICATION :"publication" FOR TABLE
  policy_versions WHERE (site = :'site'),
  ks_revocations WHERE (site = :'site'),
  user_revocations WHERE (site = :'site')
  WITH (publish = 'insert, update, delete');
