/**
 * Two sites splitting the sync by household (docs/sync-home-site.md): a PostgreSQL 15 cluster per
 * site, a facade per site with `sync.homeSites: [a, b]`, both over one pair of sims (site a's, as
 * both sites talk to the same vendor and platform), the sync tables linked both ways with
 * deploy/postgres/site-sync-publish.sql + site-sync-subscribe.sql. Callers check pgClusterSkipReason() first.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { RunningUnderstudy } from '../../src/main';
import { TEST_ADMIN_TOKEN } from './admin-http';
import { startFacadeLab } from './facade-lab';
import { PG_BIN, startPgCluster, type PgCluster } from './pg-cluster';

const run = promisify(execFile);
const scripts = resolve(__dirname, '..', '..', 'deploy', 'postgres');
const database = 'understudy';

/** One site: its cluster and facade. */
export interface SyncSite {
  readonly id: 'a' | 'b';
  readonly cluster: PgCluster;
  readonly facade: RunningUnderstudy;
}

async function psql(url: string, args: readonly string[]): Promise<void> {
  await run(join(PG_BIN, 'psql'), [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', ...args], { timeout: 60_000 });
}

const syncOverrides = { homeSites: ['a', 'b'], pollMs: 50, feedPollMs: 100, leaseMs: 3000 };

async function startSite(id: 'a' | 'b', upstreams?: RunningUnderstudy['upstreams']): Promise<SyncSite> {
  const cluster = await startPgCluster();
  try {
    await psql(cluster.url(), ['-c', `CREATE DATABASE ${database}`]);
    const facade = await startFacadeLab({
      overrides: {
        site: { id },
        admin: { token: TEST_ADMIN_TOKEN },
        store: { driver: 'postgres', url: cluster.url(database), poolSize: 4 },
        sync: syncOverrides,
        ...(upstreams === undefined ? {} : { vendor: { url: upstreams.vendorUrl }, platform: { url: upstreams.platformUrl } }),
      },
    });
    return { id, cluster, facade };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

async function waitForSubscription(site: SyncSite, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await site.facade.store.sql.query<{ pending: number; total: number }>("SELECT count(*) FILTER (WHERE srsubstate <> 'r') AS pending, count(*) AS total FROM pg_subscription_rel");
    if (Number(rows[0]!.total) > 0 && Number(rows[0]!.pending) === 0) return;
    if (Date.now() > until) throw new Error(`sync subscription at site ${site.id} not ready`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Starts both sites and links their sync tables. */
export async function startSyncTwoSiteLab(): Promise<{ a: SyncSite; b: SyncSite; close(): Promise<void> }> {
  const a = await startSite('a');
  let b: SyncSite | undefined;
  const close = async (): Promise<void> => {
    for (const site of [b, a]) await site?.facade.close().catch(() => undefined);
    for (const site of [b, a]) await site?.cluster.stop().catch(() => undefined);
  };
  try {
    b = await startSite('b', a.facade.upstreams);
    for (const site of [a, b]) await psql(site.cluster.url(database), ['-v', `site=${site.id}`, '-f', join(scripts, 'site-sync-publish.sql')]);
    for (const [site, peer] of [[a, b], [b, a]] as const) {
      await psql(site.cluster.url(database), ['-v', `peer_site=${peer.id}`, '-v', `peer_conninfo=${peer.cluster.conninfo(database)}`, '-f', join(scripts, 'site-sync-subscribe.sql')]);
    }
    await Promise.all([a, b].map((site) => waitForSubscription(site)));
    return { a, b, close };
  } catch (error) {
    await close();
    throw error;
  }
}
