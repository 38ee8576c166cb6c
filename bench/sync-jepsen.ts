/**
 * The sync's full Jepsen-style run (docs/sync.md; the small one is test/integration/sync-jepsen.test.ts):
 * `--writes` (20,000) acknowledged writes from both sides — through the facade under a mixed policy
 * (bookmarks to the platform, favorites to the vendor by kill switch) and straight to each sim —
 * while the vendor-sim fails 10 % of requests, resets 5 % and applies 5 % but loses their answer
 * (duplicated deliveries: the caller sends the write again), `--kills` (20) SIGKILLs of understudy
 * processes whose sync workers share the outbox (each replaced at once), and `--restarts` (3)
 * `pg_ctl restart`s of the run's own throwaway PostgreSQL. Then the faults stop, the outbox drains,
 * one reconcile cycle runs (it repairs captures lost while PostgreSQL was down), and the checker
 * (test/support/sync-history-check.ts) must find nothing lost, duplicated, echoed or different.
 * Prints one table row per figure; exits 1 when the verdict is not clean.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load-config';
import { startUnderstudy, type RunningUnderstudy } from '../src/main';
import { checkSyncHistory, type AckedWrite } from '../test/support/sync-history-check';
import { numberArg } from './lib/bench-args';
import { startRestartablePostgres, type RestartablePostgres } from './lib/restartable-postgres';
import { openWriters, readSides, resentWrites, writeRound, type RunTargets } from './lib/sync-jepsen-writers';

const writes = numberArg('writes', 20_000);
const kills = numberArg('kills', 20);
const restarts = numberArg('restarts', 3);
const processes = numberArg('processes', 2);
const token = 'jepsen-admin-token-0123456789';
const syncKnobs = { workers: 2, leaseMs: 4000, pollMs: 50, feedPollMs: 100, backoffMs: 50, maxBackoffMs: 1000, maxAttempts: 60 };

async function startParent(url: string): Promise<RunningUnderstudy> {
  const loaded = loadConfig({ env: {}, overrides: { server: { port: 0, adminPort: 0 }, admin: { token }, log: { level: 'silent' }, edge: { rateLimits: { enabled: false } }, store: { driver: 'postgres', url, poolSize: 8 }, sync: syncKnobs } });
  if (!loaded.ok) throw new Error(loaded.error.join('; '));
  return startUnderstudy(loaded.value);
}

/** An understudy process over the same store and sims; resolves once it is serving. */
function spawnInstance(url: string, parent: RunningUnderstudy): Promise<ChildProcess> {
  const overrides = { server: { port: 0, adminPort: 0 }, admin: { token }, log: { level: 'silent' }, store: { driver: 'postgres', url, poolSize: 4 }, vendor: { url: parent.upstreams.vendorUrl }, platform: { url: parent.upstreams.platformUrl }, sync: syncKnobs };
  const child = spawn(process.execPath, [join(__dirname, 'lib', 'sync-worker-process.js'), JSON.stringify(overrides)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => (chunk.toString().includes('ready') ? resolve(child) : undefined));
    child.once('exit', (code) => reject(new Error(`instance exited with ${String(code)} before it was ready`)));
  });
}

const admin = async (facade: RunningUnderstudy, method: string, path: string, body?: unknown): Promise<any> =>
  (await fetch(`${facade.adminUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })).json();
const vendorFaults = (facade: RunningUnderstudy, faults: Record<string, number>) => fetch(`${facade.upstreams.vendorUrl}/__sim/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });

/** Kills and restarts spread over the write phase: due once `acked` passes each threshold. */
async function runChaos(url: string, parent: RunningUnderstudy, pg: RestartablePostgres, acked: readonly AckedWrite[], done: () => boolean, children: ChildProcess[]): Promise<{ kills: number; restarts: number; lastFaultMs: number }> {
  let killed = 0;
  let restarted = 0;
  let lastFaultMs = Date.now();
  while (!done()) {
    const progress = acked.length / writes;
    if (killed < kills && progress >= killed / kills) {
      const victim = children.shift()!;
      victim.kill('SIGKILL');
      killed += 1;
      lastFaultMs = Date.now();
      children.push(await spawnInstance(url, parent));
    } else if (restarted < restarts && progress >= (restarted + 0.5) / restarts) {
      pg.restart();
      restarted += 1;
      lastFaultMs = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { kills: killed, restarts: restarted, lastFaultMs };
}

async function drain(parent: RunningUnderstudy, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await parent.sync!.queue.openCount()) === 0) return;
    } catch {
      // PostgreSQL still coming back
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function run(pg: RestartablePostgres, parent: RunningUnderstudy, children: ChildProcess[]): Promise<boolean> {
  const t: RunTargets = { facadeUrl: parent.url, vendorUrl: parent.upstreams.vendorUrl, platformUrl: parent.upstreams.platformUrl };
  const writers = await openWriters(t);
  for (const operation of ['favorite.add', 'favorite.delete']) await admin(parent, 'POST', '/admin/kill-switch', { on: true, operation });
  const acked: AckedWrite[] = [];
  const platformDirect = new Set<string>();
  await vendorFaults(parent, { errorRate: 0.1, resetRate: 0.05, duplicateRate: 0.05 });
  const started = Date.now();
  let writing = true;
  const chaos = runChaos(pg.url, parent, pg, acked, () => !writing, children);
  for (let round = 1; acked.length < writes; round++) await Promise.all(writers.map((w) => writeRound(t, w, round, acked, platformDirect)));
  writing = false;
  const faults = await chaos;
  await vendorFaults(parent, { errorRate: 0, resetRate: 0, duplicateRate: 0 });
  const writeSeconds = (Date.now() - started) / 1000;
  for (const operation of ['favorite.add', 'favorite.delete']) await admin(parent, 'POST', '/admin/kill-switch', { on: false, operation });
  const writesEndMs = Date.now();
  await drain(parent, 120_000);
  const drainedMs = Date.now();
  const report = await admin(parent, 'POST', '/admin/sync/reconcile', {});
  const reconciledMs = Date.now();
  await drain(parent, 60_000);
  const convergedSeconds = (Date.now() - faults.lastFaultMs) / 1000;
  const phases = `writes after it ${((writesEndMs - faults.lastFaultMs) / 1000).toFixed(1)} s, drain ${((drainedMs - writesEndMs) / 1000).toFixed(1)} s, reconcile ${((reconciledMs - drainedMs) / 1000).toFixed(1)} s, final drain ${((Date.now() - reconciledMs) / 1000).toFixed(1)} s`;
  const sides = await readSides(t, writers);
  const { rows } = await parent.store.sql.query<{ entity_key: string }>("SELECT entity_key FROM outbox WHERE origin = 'feed' UNION ALL SELECT entity_key FROM dead_letters WHERE origin = 'feed'");
  const verdict = checkSyncHistory({ acked, vendor: sides.vendor, platform: sides.platform, feedCaptured: rows.map((r) => r.entity_key), platformDirectKeys: platformDirect });
  const dead = await parent.store.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM dead_letters');
  const churn = await parent.store.sql.query<{ rows: number; again: number; max: number }>("SELECT count(*)::int AS rows, count(*) FILTER (WHERE attempts > 1)::int AS again, coalesce(max(attempts), 0)::int AS max FROM outbox WHERE status = 'done'");
  const reasons = await parent.store.sql.query<{ entity: string; origin: string; reason: string; n: number }>(
    "SELECT entity, origin, left(coalesce(last_error, ''), 120) || ' (attempts ' || min(attempts) || '–' || max(attempts) || ')' AS reason, count(*)::int AS n FROM dead_letters GROUP BY 1, 2, left(coalesce(last_error, ''), 120) ORDER BY n DESC LIMIT 10");
  console.log('| figure | value |\n|---|---|');
  console.log(`| acknowledged writes (4 users × 4 writers, ${new Set(acked.map((a) => a.key)).size} keys) | ${acked.length} in ${writeSeconds.toFixed(0)} s |`);
  console.log(`| faults | ${faults.kills} SIGKILLs of ${processes} instance processes, ${faults.restarts} PostgreSQL restarts, vendor-sim 10 % errors + 5 % resets + 5 % duplicated deliveries (applied, answer lost) |`);
  console.log(`| writes sent again by the writers (outcome unknown: reset, 503, or applied with the answer lost) | ${resentWrites.count} |`);
  console.log(`| reconcile after the drain | ${JSON.stringify({ drift: report.drift, repairsEnqueued: report.repairsEnqueued, repairsPending: report.repairsPending, errors: report.errors })} |`);
  console.log(`| converged (drain + reconcile) after the last fault | ${convergedSeconds.toFixed(1)} s (${phases}) |`);
  console.log(`| checker: lost / divergent / duplicated / echoes | ${verdict.lost.length} / ${verdict.divergent.length} / ${verdict.duplicated.length} / ${verdict.echoes.length} |`);
  console.log(`| dead letters | ${dead.rows[0]!.n} |`);
  console.log(`| done rows claimed more than once (kills, restarts, retries, reclaims) | ${churn.rows[0]!.again} of ${churn.rows[0]!.rows}, most attempts ${churn.rows[0]!.max} |`);
  for (const r of reasons.rows) console.log(`|   dead: ${r.entity} from ${r.origin} × ${r.n} | ${r.reason.replace(/\|/g, '/')} |`);
  if (verdict.lost.length + verdict.divergent.length + verdict.duplicated.length + verdict.echoes.length > 0) console.log(JSON.stringify(verdict).slice(0, 2000));
  return verdict.lost.length + verdict.divergent.length + verdict.duplicated.length + verdict.echoes.length === 0;
}

async function main(): Promise<void> {
  const pg = await startRestartablePostgres();
  if (pg === undefined) throw new Error('needs root and the PostgreSQL 15 binaries for a throwaway, restartable cluster');
  const children: ChildProcess[] = [];
  let parent: RunningUnderstudy | undefined;
  let clean = false;
  try {
    parent = await startParent(pg.url);
    for (let i = 0; i < processes; i++) children.push(await spawnInstance(pg.url, parent));
    clean = await run(pg, parent, children);
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await parent?.close();
    pg.stop();
  }
  process.exit(clean ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
