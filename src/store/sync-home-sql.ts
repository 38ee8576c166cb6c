/**
 * SQL of home-site partitioning (design.md §7, docs/sync-home-site.md, migration 15): the claim's
 * predicate (only households homed at this site), the epochs read as fencing tokens, the fenced
 * completion that also records where each change was applied, and the handover of a lost site.
 */
import { at } from './outbox-sql';

/** Keeps only rows of households homed at `$site`; `first` is the number of the sites-array parameter. */
export function homePredicate(first: number): string {
  return `\n    AND (SELECT home_site FROM sync_home(o.household_id, $${first}::text[])) = $${first + 1}`;
}

/** $1 household ids, $2 sites → each household's effective home and epoch. */
export const READ_HOMES_SQL = `
SELECT u.h AS household_id, s.home_site, s.epoch FROM unnest($1::text[]) AS u(h) CROSS JOIN LATERAL sync_home(u.h, $2::text[]) s`;

/**
 * COMPLETE_MANY_SQL with a fence: a row completes only while its household is still homed here at
 * the epoch read when it was claimed; completed rows leave a `sync_applied` mark (replicated: the
 * peer marks its copy done). $1…$9 as COMPLETE_MANY_SQL, $10 ids, $11 epochs, $12 sites, $13 site.
 */
export const COMPLETE_FENCED_SQL = `
WITH fenced AS (
  SELECT u.id, u.epoch FROM unnest($10::bigint[], $11::bigint[]) AS u(id, epoch) JOIN outbox o ON o.id = u.id
  CROSS JOIN LATERAL sync_home(o.household_id, $12::text[]) s WHERE s.home_site = $13 AND s.epoch = u.epoch
), done AS (
  UPDATE outbox SET status = 'done', completed_at = ${at('$1')}, lease_owner = NULL, lease_until = NULL
  WHERE id = ANY($2::bigint[]) AND id IN (SELECT id FROM fenced) AND status = 'leased' AND lease_owner = $3
  RETURNING id, idempotency_key, household_id
), registers AS (
  INSERT INTO sync_registers (entity, entity_key, stamp, tombstone, value, updated_at)
  SELECT u.e, u.k, u.s, u.t, u.v::jsonb, now()
  FROM unnest($4::bigint[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::text[]) AS u(id, e, k, s, t, v)
  WHERE u.id IN (SELECT id FROM done)
  ON CONFLICT (entity, entity_key) DO UPDATE SET stamp = EXCLUDED.stamp, tombstone = EXCLUDED.tombstone, value = EXCLUDED.value, updated_at = now()
  WHERE sync_registers.stamp <= EXCLUDED.stamp
), marks AS (
  INSERT INTO sync_applied (idempotency_key, site, household_id, epoch)
  SELECT d.idempotency_key, $13, d.household_id, f.epoch FROM done d JOIN fenced f ON f.id = d.id
  ON CONFLICT (idempotency_key, site) DO NOTHING
)
SELECT id FROM done`;

/**
 * Hands every household homed at $1 to $2 (this site) at epoch + 1, then marks $1 lost so households
 * first seen later are homed among the others. $3 sites. Households: those with sync rows or a home row, and the id map's.
 */
export const HAND_OVER_SQL = `
INSERT INTO household_home (household_id, site, home_site, epoch)
SELECT k.h, $2, $2, s.epoch + 1 FROM (
  SELECT DISTINCT household_id AS h FROM outbox WHERE household_id IS NOT NULL
  UNION SELECT household_id FROM household_home
  UNION SELECT vendor_id FROM id_map WHERE kind = 'household'
) k CROSS JOIN LATERAL sync_home(k.h, $3::text[]) s
WHERE s.home_site = $1
ON CONFLICT (household_id, site) DO UPDATE SET home_site = EXCLUDED.home_site, epoch = EXCLUDED.epoch, updated_at = now()
RETURNING household_id, epoch`;

/** $1 the site, $2 lost or back, $3 this site. */
export const MARK_LOST_SQL = `
INSERT INTO sync_lost_sites (lost_site, site, lost) VALUES ($1, $3, $2)
ON CONFLICT (lost_site, site) DO UPDATE SET lost = EXCLUDED.lost, updated_at = now()`;
