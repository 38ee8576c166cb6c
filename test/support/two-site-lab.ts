/**
 * The local two-site lab (design.md §7): two PostgreSQL 15 clusters with logical replication set
 * up by the operator scripts in deploy/postgres/, a facade per site (site.id a / b) on its own
 * cluster, and a round-robin balancer in front of both. Tests and benches start it; callers check
 * pgClusterSkipReason() first.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { RunningUnderstudy } from '../../src/main';
import { TEST_ADMIN_TOKEN } from './admin-http';
import { startFacadeLab } from './facade-lab';
import { PG_BIN, startPgCluster, type PgCluster } from './pg-cluster';
import { startRoundRobinBalancer, type Balancer } from './round-robin-balancer';

const run = promisify(execFile);

/** deploy/postgres, found from the package root whether this runs from test/ or dist/test/ (benches). */
function findScriptsDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++, dir = resolve(dir, '..')) if (existsSync(join(dir, 'deploy', 'postgres', 'site-publish.sql'))) return join(dir, 'deploy', 'postgres');
  throw new Error(`deploy/postgres not found above ${__dirname}`);
}
const scripts = findScriptsDir();

/** One site of the lab. */
export interface LabSite {
  readonly id: string;
  readonly cluster: PgCluster;
  readonly facade: RunningUnderstudy;
}

/** The running lab. */
export interface TwoSiteLab {
  readonly a: LabSite;
  readonly b: LabSite;
  readonly balancer: Balancer;
  close(): Promise<void>;
}

/** The database understudy uses at each site: its own, so bulk work elsewhere cannot delay replication. */
export const SITE_DATABASE = 'understudy';

async function psql(url: string, script: string, vars: Record<string, string>): Promise<void> {
  const args = [url, '-X', '-q', ...Object.entries(vars).flatMap(([k, v]) => ['-v', `${k}=${v}`]), '-f', join(scripts, script)];
  await run(join(PG_BIN, 'psql'), args, { timeout: 60_000 });
}

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

/** Waits until every table of the site's subscription finished its initial copy. */
async function waitForSubscriptionReady(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const rows = await query(url, "SELECT count(*) FILTER (WHERE srsubstate <> 'r') AS pending, count(*) AS total FROM pg_subscription_rel");
    if (Number(rows[0]!.total) > 0 && Number(rows[0]!.pending) === 0) return;
    if (Date.now() > until) throw new Error(`subscription at ${url} not ready after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function startSite(id: string): Promise<LabSite> {
  const cluster = await startPgCluster();
  try {
    await query(cluster.url(), `CREATE DATABASE ${SITE_DATABASE}`);
    const facade = await startFacadeLab({
      overrides: { site: { id }, admin: { token: TEST_ADMIN_TOKEN }, store: { driver: 'postgres', url: cluster.url(SITE_DATABASE), poolSize: 4 } },
    });
    return { id, cluster, facade };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

/** Links two running sites both ways with the deploy/postgres scripts and waits for the initial copy. */
export async function linkSites(a: LabSite, b: LabSite): Promise<void> {
  for (const site of [a, b]) await psql(site.cluster.url(SITE_DATABASE), 'site-publish.sql', { site: site.id });
  for (const [site, peer] of [[a, b], [b, a]] as const) {
    await psql(site.cluster.url(SITE_DATABASE), 'site-subscribe.sql', { peer_site: peer.id, peer_conninfo: peer.cluster.conninfo(SITE_DATABASE) });
  }
  await Promise.all([a, b].map((site) => waitForSubscriptionReady(site.cluster.url(SITE_DATABASE))));
}

/** Starts both sites, links them and puts the balancer in front. */
export async function startTwoSiteLab(): Promise<TwoSiteLab> {
  const a = await startSite('a');
  let b: LabSite | undefined;
  try {
    b = await startSite('b');
    await linkSites(a, b);
    const balancer = await startRoundRobinBalancer([a.facade.url, b.facade.url]);
    const sites = [a, b];
    return {
      a,
      b,
      balancer,
      close: async () => {
        await balancer.close();
        for (const site of sites) await site.facade.close();
        for (const site of sites) await site.cluster.stop();
      },
    };
  } catch (error) {
    for (const site of [a, b]) {
      await site?.facade.close();
      await site?.cluster.stop();
    }
    throw error;
  }
}

/** Rows of `table` at a site, by writer site (tests check that rows carry the site that wrote them). */
export async function countRowsBySite(site: LabSite, table: 'policy_versions' | 'ks_revocations' | 'user_revocations'): Promise<Record<string, number>> {
  const rows = await query(site.cluster.url(SITE_DATABASE), `SELECT site, count(*)::int AS n FROM ${table} GROUP BY site`);
  return Object.fromEntries(rows.map((row) => [String(row.site), Number(row.n)]));
}
