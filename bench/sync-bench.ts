/**
 * The sync, measured (docs/sync.md, issue "Done when"): on PostgreSQL,
 *   1. outbox events/s end to end: N changes committed at once, until every one is applied to the
 *      other sim (claim → resolve → HTTP apply → complete with its register);
 *   2. lag p99 with devices writing bookmarks through the facade at `--rate` writes/s (default 500):
 *      from capture (outbox created_at) to completed_at, over every row of the window;
 *   3. the facade's write latency (bookmark.add → platform) with capture off, on (one INSERT per
 *      request, the default) and on with concurrent requests' captures grouped (`captureInFlight` 2),
 *      the instances taking turns in 1 s slices; `--capture-only` runs just this.
 * Everything runs in this one process (facade, sims, workers, load), so figures include the load
 * generator's CPU; both rows of (3) pay it alike. Store: `--pg <url>` or $UNDERSTUDY_STORE_URL
 * (its sync tables are emptied), else a throwaway PostgreSQL 15 when the binaries exist.
 */
import { loadConfig } from '../src/config/load-config';
import { startUnderstudy, type RunningUnderstudy } from '../src/main';
import { loadCatalog } from '../src/sim/catalog/load-catalog';
import type { UnstampedChange } from '../src/sync/capture-rules';
import { numberArg } from './lib/bench-args';
import { runLoadSlice, summariseSlices, type LoadSlice } from './lib/open-loop-load';
import { startThrowawayPostgres } from './lib/throwaway-postgres';
import { bookmarkWrite, runLoadInProcesses } from './lib/sync-load-processes';
import { loadavg } from 'node:os';

const catalog = loadCatalog();
const argAt = process.argv.indexOf('--pg');
const events = numberArg('events', 10_000);
const rate = numberArg('rate', 500);
const seconds = numberArg('seconds', 10);
const workers = numberArg('workers', 4);
const order = process.argv.includes('--order-key') ? 'key' : 'household';
/** Rows per household and claim; the baseline is 1 (one change per household and round). */
const depth = numberArg('depth', 32);
const repeats = numberArg('repeats', 2);
/** Load generator processes (0: the load runs in this process, as before). */
const loadProcesses = numberArg('load-processes', 0);
/** Skip the depth comparison (throughput and lag at depth 1 and `depth`), run lag and capture cost at `depth` only. */
const skipDepths = process.argv.includes('--no-depth-baseline');
/** Only the capture-cost rows (3). */
const captureOnly = process.argv.includes('--capture-only');

async function start(url: string, sync: 'on' | 'off', claimDepth = depth, captureInFlight = 0): Promise<RunningUnderstudy> {
  const loaded = loadConfig({
    env: {},
    overrides: {
      server: { port: 0, adminPort: 0 },
      log: { level: 'silent' },
      // The bench's 60 devices write ~8/s each: the edge's per-device limits stay off (bench/lib/bench-config.ts).
      edge: { rateLimits: { enabled: false } },
      store: { driver: 'postgres', url, poolSize: 16 },
      sync: { mode: sync, order, workers, batchSize: 128, pollMs: 20, feedPollMs: 100, claimDepth, captureInFlight },
    },
  });
  if (!loaded.ok) throw new Error(loaded.error.join('; '));
  return startUnderstudy(loaded.value);
}

async function openRows(facade: RunningUnderstudy): Promise<number> {
  return facade.sync!.queue.openCount();
}

/** (1): commits `events` bookmark changes sourced on the platform (one per user and asset) and waits for all. */
async function measureThroughput(facade: RunningUnderstudy): Promise<{ events: number; seconds: number; perSecond: number }> {
  const users = catalog.users.filter((u) => catalog.households.find((h) => h.vendorId === u.householdVendorId)?.state === 'ok');
  const assets = catalog.vodAssets;
  const changes: UnstampedChange[] = [];
  for (let i = 0; changes.length < events; i++) {
    const user = users[i % users.length]!;
    const asset = assets[Math.floor(i / users.length) % assets.length]!;
    const value = { assetId: asset.vendorId, assetType: 'media', position: 1 + (i % 3000), action: 'PAUSE' };
    changes.push({ entity: 'bookmark', op: 'upsert', key: `${user.vendorId}:${asset.vendorId}:media:${i}`, householdId: String(user.householdVendorId), userId: user.vendorId, source: 'platform', value });
  }
  const started = performance.now();
  for (let i = 0; i < changes.length; i += 1000) await facade.sync!.capture.captureChanges(changes.slice(i, i + 1000), 'reconcile');
  for (let open = await openRows(facade), last = Date.now(); open > 0; open = await openRows(facade)) {
    if (Date.now() - last > 5000) {
      console.error(`  … ${open} open`);
      last = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const elapsed = (performance.now() - started) / 1000;
  return { events: changes.length, seconds: elapsed, perSecond: changes.length / elapsed };
}

async function loginAll(facade: RunningUnderstudy, count: number): Promise<string[]> {
  const okHouseholds = new Set(catalog.households.filter((h) => h.state === 'ok').map((h) => h.vendorId));
  const users = catalog.users.filter((u) => okHouseholds.has(u.householdVendorId)).slice(0, count);
  const tokens: string[] = [];
  for (const user of users) {
    const answer = await fetch(`${facade.url}/api_v3/service/ottuser/action/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ partnerId: catalog.demo.partnerId, username: user.username, password: user.password }) });
    const ks = ((await answer.json()) as { result?: { loginSession?: { ks?: string } } }).result?.loginSession?.ks;
    if (typeof ks === 'string') tokens.push(ks);
  }
  return tokens;
}

/** One slice of bookmark writes, from this process or from `loadProcesses` child processes. */
const loadSlice = (origin: string, writeRate: number, durationMs: number, tokens: readonly string[]): Promise<LoadSlice> =>
  loadProcesses > 0 ? runLoadInProcesses(origin, writeRate, durationMs, tokens, loadProcesses) : runLoadSlice({ origin, rate: writeRate, durationMs, request: bookmarkWrite(tokens) });

/** (2): bookmark writes through the facade at `rate`/s; lag over every outbox row they produced. */
async function measureLag(facade: RunningUnderstudy, tokens: readonly string[]): Promise<{ load: ReturnType<typeof summariseSlices>; lag: { rows: number; p50: number; p99: number; max: number } }> {
  const since = new Date(facade.sync!.nowMs());
  const slice = await loadSlice(facade.url, rate, seconds * 1000, tokens);
  while ((await openRows(facade)) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  const { rows } = await facade.store.sql.query<{ n: number; p50: number; p99: number; max: number }>(
    `SELECT count(*)::int AS n,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - created_at))::float8 AS p50,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - created_at))::float8 AS p99,
            max(extract(epoch FROM completed_at - created_at))::float8 AS max
     FROM outbox WHERE origin = 'facade' AND created_at >= $1 AND status = 'done'`,
    [since],
  );
  const r = rows[0]!;
  return { load: summariseSlices([slice]), lag: { rows: r.n, p50: r.p50, p99: r.p99, max: r.max } };
}

type CaptureRow =
  | 'capture off'
  | 'capture on, workers in this process'
  | 'capture on, grouped (captureInFlight 2), workers in this process'
  | 'capture on, workers elsewhere'
  | 'capture on, grouped (captureInFlight 2), workers elsewhere';

/** The capture-on facades compared: one INSERT per request (the default) and group commit (captureInFlight 2). */
interface CaptureTargets {
  readonly grouped: RunningUnderstudy;
  readonly single: RunningUnderstudy;
  readonly off: RunningUnderstudy;
  readonly tokens: ReadonlyMap<RunningUnderstudy, readonly string[]>;
}

/**
 * (3): the same writes through a facade with sync off and facades with capture on (one INSERT per
 * request, and grouped), taking turns; measured with their workers running here (their apply CPU
 * shares this process) and then with them stopped — the deployment where workers run on other instances.
 */
async function measureCaptureCost(t: CaptureTargets): Promise<Record<CaptureRow, ReturnType<typeof summariseSlices>>> {
  const writeRate = Math.min(rate, 200);
  const turn = (facade: RunningUnderstudy): Promise<LoadSlice> => loadSlice(facade.url, writeRate, 1000, t.tokens.get(facade)!);
  const slices = new Map<CaptureRow, LoadSlice[]>();
  const take = async (row: CaptureRow, facade: RunningUnderstudy): Promise<void> => {
    slices.set(row, [...(slices.get(row) ?? []), await turn(facade)]);
  };
  for (const facade of [t.grouped, t.single, t.off]) await turn(facade);
  // Each round starts with the next target, so none always follows the same one.
  const rounds = async (targets: readonly [CaptureRow, RunningUnderstudy][]): Promise<void> => {
    for (let round = 0; round < seconds; round++) for (let i = 0; i < targets.length; i++) await take(...targets[(round + i) % targets.length]!);
  };
  await rounds([['capture on, workers in this process', t.single], ['capture on, grouped (captureInFlight 2), workers in this process', t.grouped], ['capture off', t.off]]);
  await Promise.all([t.grouped.sync!.loop.stop(), t.single.sync!.loop.stop()]);
  await rounds([['capture on, workers elsewhere', t.single], ['capture on, grouped (captureInFlight 2), workers elsewhere', t.grouped], ['capture off', t.off]]);
  return Object.fromEntries([...slices].map(([row, list]) => [row, summariseSlices(list)])) as Record<CaptureRow, ReturnType<typeof summariseSlices>>;
}

/** (1) and (2) with the baseline claim (depth 1) and the deep claim, taking turns `repeats` times. */
async function compareDepths(url: string): Promise<void> {
  for (let round = 1; round <= repeats; round++) {
    for (const claimDepth of skipDepths ? [depth] : [1, depth]) {
      const facade = await start(url, 'on', claimDepth);
      try {
        await facade.store.sql.exec('TRUNCATE outbox, dead_letters, sync_registers, sync_switches, sync_cursors');
        const throughput = await measureThroughput(facade);
        console.log(`| round ${round}, claim depth ${claimDepth}: outbox end to end (${throughput.events} bookmark changes, ${workers} workers) | ${throughput.perSecond.toFixed(0)} events/s | ${throughput.seconds.toFixed(2)} s |`);
        const tokens = await loginAll(facade, 60);
        const lag = await measureLag(facade, tokens);
        console.log(`| round ${round}, claim depth ${claimDepth}: lag at ${rate} writes/s through the facade (${seconds} s, ${tokens.length} users) | p50 ${lag.lag.p50.toFixed(3)} s, p99 ${lag.lag.p99.toFixed(3)} s, max ${lag.lag.max.toFixed(3)} s | ${lag.lag.rows} rows; load ${lag.load.achievedRate.toFixed(0)}/s, ${lag.load.errors} errors, write p99 ${lag.load.latencyMs.p99.toFixed(2)} ms |`);
      } finally {
        await facade.close();
      }
    }
  }
}

async function main(): Promise<void> {
  const throwaway = argAt > 0 || process.env.UNDERSTUDY_STORE_URL ? undefined : await startThrowawayPostgres();
  const url = argAt > 0 ? process.argv[argAt + 1]! : process.env.UNDERSTUDY_STORE_URL ?? throwaway?.url;
  if (url === undefined) throw new Error('needs PostgreSQL: --pg <url>, $UNDERSTUDY_STORE_URL, or PostgreSQL 15 binaries for a throwaway server');
  const load = (): string => loadavg().map((n) => n.toFixed(1)).join(' / ');
  console.log(`| load average at the start (1 / 5 / 15 min) | ${load()} | load in ${loadProcesses > 0 ? `${loadProcesses} child processes` : 'this process'} |`);
  if (!captureOnly) await compareDepths(url);
  const single = await start(url, 'on');
  await single.store.sql.exec('TRUNCATE outbox, dead_letters, sync_registers, sync_switches, sync_cursors');
  const grouped = await start(url, 'on', depth, 2);
  const off = await start(url, 'off');
  try {
    const tokens = new Map<RunningUnderstudy, readonly string[]>();
    for (const facade of [grouped, single, off]) tokens.set(facade, await loginAll(facade, 60));
    const cost = await measureCaptureCost({ grouped, single, off, tokens });
    const base = cost['capture off'].latencyMs;
    for (const [name, result] of Object.entries(cost)) {
      const l = result.latencyMs;
      console.log(`| bookmark.add → platform, ${name} | p50 ${l.p50.toFixed(2)} ms (${(l.p50 - base.p50).toFixed(2)} vs off) | p90 ${l.p90.toFixed(2)} ms, p99 ${l.p99.toFixed(2)} ms; ${result.sent} sent, ${result.errors} errors |`);
    }
  } finally {
    console.log(`| load average at the end (1 / 5 / 15 min) | ${load()} | |`);
    await off.close();
    await single.close();
    await grouped.close();
    throwaway?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
