/**
 * Saturation (issue 13 "Benches"): closed-loop load, as fast as each target answers, of a
 * passthrough asset.get through the bare Node proxy, nginx (when installed) and the facade (policy
 * → vendor), all in front of the same vendor-sim; optionally the facade with `--workers N`
 * (node:cluster, PostgreSQL store). Targets take turns in 1 s slices so the shared machine's noise
 * lands on all alike. The figure that matters is answers per second of the target's own CPU
 * (max req/s per core), not raw req/s, because the load generator and vendor-sim share the cores.
 * The tail floor is measured first in the same invocation.
 * Usage: npm run build && node dist/bench/saturation-bench.js [--seconds 5] [--connections 32] [--workers 2] [--json]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath, loadArgs, numberArg } from './lib/bench-args';
import { runClosedLoop, type ClosedLoopSlice } from './lib/closed-loop-load';
import type { LoadRequest } from './lib/open-loop-load';
import { printJsonRows, toJsonRow, type JsonRow } from './lib/json-rows';
import { processCpuSeconds, processRssMiB } from './lib/process-cpu';
import { freePort, spawnServer } from './lib/spawn-server';
import { measureTailFloor, renderTailFloor } from './lib/tail-floor';
import { startThrowawayPostgres, type ThrowawayPostgres } from './lib/throwaway-postgres';
import { scenarios } from './scenarios';
import { hasNginx, startNginxProxy } from './targets/nginx-proxy';

const connections = numberArg('connections', 32);
const workers = numberArg('workers', 0);
const { seconds } = loadArgs;
/** What a correct asset.get answer contains; anything else counts as an error. */
const expectBody = '"objectType":"KalturaMediaAsset"';

interface Target {
  readonly name: string;
  readonly origin: string;
  readonly pids: () => readonly number[];
  stop(): Promise<void>;
}

/** Pids whose parent is `pid` (the cluster workers of a primary). */
function childPids(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function facadeTarget(name: string, vendorUrl: string, workerCount: number, postgres: ThrowawayPostgres | undefined): Promise<Target> {
  const port = await freePort();
  // One bench KS is one device: the per-device rate limit (edge.rateLimits) would answer most
  // calls with a rate-limit error, so the limits are off here (they are their own cost, see docs).
  const configDir = mkdtempSync(join(tmpdir(), 'understudy-saturation-'));
  const config = join(configDir, 'config.json');
  writeFileSync(config, JSON.stringify({ edge: { rateLimits: { enabled: false } } }));
  const server = await spawnServer([cliPath, 'serve', '--config', config], port, {
    PORT: String(port),
    ADMIN_PORT: String(await freePort()),
    UNDERSTUDY_VENDOR_URL: vendorUrl,
    UNDERSTUDY_PLATFORM_URL: 'http://127.0.0.1:9',
    UNDERSTUDY_CLOCK: 'lab',
    UNDERSTUDY_WORKERS: String(workerCount),
    UNDERSTUDY_DRAIN_DELAY_MS: '0',
    LOG_LEVEL: 'warn',
    ...(postgres === undefined ? {} : { UNDERSTUDY_STORE_URL: postgres.url }),
  });
  const stop = async (): Promise<void> => {
    await server.stop();
    rmSync(configDir, { recursive: true, force: true });
  };
  return { name, origin: server.url, pids: () => [server.pid, ...childPids(server.pid)], stop };
}

async function startTargets(vendorUrl: string, vendorPort: number, postgres: ThrowawayPostgres | undefined): Promise<Target[]> {
  const targets: Target[] = [];
  const proxyPort = await freePort();
  const proxy = await spawnServer([join(__dirname, 'targets/bare-node-proxy.js'), String(proxyPort), vendorUrl], proxyPort);
  targets.push({ name: 'bare node proxy', origin: proxy.url, pids: () => [proxy.pid], stop: () => proxy.stop() });
  if (hasNginx()) {
    const nginx = await startNginxProxy(await freePort(), vendorPort);
    targets.push({ name: 'nginx', origin: nginx.url, pids: () => nginx.pids(), stop: () => nginx.stop() });
  } else console.log('nginx is not installed: skipping its row (apt-get install -y nginx)');
  targets.push(await facadeTarget('facade (policy → vendor)', vendorUrl, 1, postgres));
  if (workers > 1 && postgres !== undefined) targets.push(await facadeTarget(`facade, ${workers} workers`, vendorUrl, workers, postgres));
  return targets;
}

interface Measured {
  readonly target: Target;
  readonly slices: ClosedLoopSlice[];
  cpuSeconds: number;
  /** CPU of vendor-sim and of this process (the load generator) during the target's slices. */
  vendorCpuSeconds: number;
  loadCpuSeconds: number;
}

const cpuOf = (target: Target): number => target.pids().reduce((sum, pid) => sum + processCpuSeconds(pid), 0);
const ownCpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** One 1 s slice against `result`'s target, with the CPU every process of the path spent in it. */
async function measureSlice(result: Measured, vendorPid: number, request: () => LoadRequest): Promise<void> {
  const before = { target: cpuOf(result.target), vendor: processCpuSeconds(vendorPid), load: ownCpuSeconds() };
  result.slices.push(await runClosedLoop({ origin: result.target.origin, connections, durationMs: 1000, request, expectBody }));
  result.cpuSeconds += cpuOf(result.target) - before.target;
  result.vendorCpuSeconds += processCpuSeconds(vendorPid) - before.vendor;
  result.loadCpuSeconds += ownCpuSeconds() - before.load;
}

async function measure(targets: readonly Target[], ks: string, vendorPid: number): Promise<Measured[]> {
  const scenario = scenarios.find((s) => s.name === 'asset.get')!;
  const request = () => scenario.request(ks);
  for (const target of targets) await runClosedLoop({ origin: target.origin, connections, durationMs: 1000, request, expectBody });
  const results: Measured[] = targets.map((target) => ({ target, slices: [], cpuSeconds: 0, vendorCpuSeconds: 0, loadCpuSeconds: 0 }));
  for (let round = 0; round < seconds; round++) {
    for (const result of results) await measureSlice(result, vendorPid, request);
  }
  return results;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summarise(result: Measured): JsonRow & { perCore: number; coresUsed: number; vendorCores: number; loadCores: number; limit: string } {
  const completed = result.slices.reduce((n, s) => n + s.completed, 0);
  const errors = result.slices.reduce((n, s) => n + s.errors, 0);
  const elapsedSec = result.slices.reduce((n, s) => n + s.elapsedMs, 0) / 1000;
  const latencies = result.slices.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const rssMiB = result.target.pids().reduce((sum, pid) => sum + processRssMiB(pid), 0);
  return {
    scenario: 'saturation: passthrough asset.get',
    target: result.target.name,
    sent: completed + errors,
    errors,
    ratePerSec: Number((completed / elapsedSec).toFixed(1)),
    p50Ms: Number(percentile(latencies, 50).toFixed(3)),
    p99Ms: Number(percentile(latencies, 99).toFixed(3)),
    cpuUsPerRequest: Number(((result.cpuSeconds * 1e6) / Math.max(1, completed)).toFixed(1)),
    rssMiB: Number(rssMiB.toFixed(1)),
    perCore: result.cpuSeconds === 0 ? 0 : completed / result.cpuSeconds,
    coresUsed: result.cpuSeconds / elapsedSec,
    vendorCores: result.vendorCpuSeconds / elapsedSec,
    loadCores: result.loadCpuSeconds / elapsedSec,
    limit: limitOf(result, elapsedSec),
  };
}

/**
 * What held the target's rate: the target itself only when each of its serving processes was
 * near a whole core; otherwise the busiest other process on the path (on 2 shared cores,
 * usually vendor-sim or the load generator), so "max req/s" is not claimed where it was not reached.
 */
function limitOf(result: Measured, elapsedSec: number): string {
  const servers = Math.max(1, result.target.pids().length - (result.target.pids().length > 1 ? 1 : 0));
  const cores = { target: result.cpuSeconds / elapsedSec, vendor: result.vendorCpuSeconds / elapsedSec, load: result.loadCpuSeconds / elapsedSec };
  if (cores.target >= 0.9 * servers) return 'the target (saturated)';
  const other = Math.max(cores.vendor, cores.load);
  const busiest = cores.vendor >= cores.load ? `vendor-sim (${cores.vendor.toFixed(2)} cores)` : `the load generator (${cores.load.toFixed(2)} cores)`;
  const sum = cores.target + cores.vendor + cores.load;
  // Nothing on the path near a core while the path's processes leave cores unused: other work on the machine had them.
  if (other < 0.9 && sum < 0.9 * cpus().length) return `not saturated: the path used ${sum.toFixed(2)} of ${cpus().length} cores (load average ${loadavg()[0]!.toFixed(1)})`;
  return `not saturated: ${busiest}, ${cpus().length} cores shared`;
}

function renderTable(rows: ReturnType<typeof summarise>[]): string {
  const bare = rows.find((r) => r.target === 'bare node proxy');
  const lines = ['| target | answers | errors | req/s | target cores used | req/s per core | × bare proxy per core | vendor-sim cores | load generator cores | rate held by | p50 ms | p99 ms | RSS MiB |', '|---|---|---|---|---|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    const ratio = bare === undefined || bare.perCore === 0 ? '' : (r.perCore / bare.perCore).toFixed(2);
    lines.push(`| ${r.target} | ${r.sent - r.errors} | ${r.errors} | ${r.ratePerSec!.toFixed(0)} | ${r.coresUsed.toFixed(2)} | ${r.perCore.toFixed(0)} | ${ratio} | ${r.vendorCores.toFixed(2)} | ${r.loadCores.toFixed(2)} | ${r.limit} | ${r.p50Ms!.toFixed(2)} | ${r.p99Ms!.toFixed(2)} | ${r.rssMiB!.toFixed(0)} |`);
  }
  return [...lines, ...renderScaling(rows)].join('\n');
}

/** With `--workers N`: N workers' req/s against one facade's, and whether that can say anything here. */
function renderScaling(rows: ReturnType<typeof summarise>[]): string[] {
  const one = rows.find((r) => r.target === 'facade (policy → vendor)');
  const many = rows.find((r) => r.target.startsWith('facade, '));
  if (one === undefined || many === undefined || one.ratePerSec === 0) return [];
  const scaling = many.ratePerSec! / one.ratePerSec!;
  const verdict = many.limit.startsWith('the target') ? `${workers} workers saturated: this is the scaling (target ≥ ${(0.8 * workers).toFixed(1)}×)` : `not a scaling measurement: the ${workers} workers were ${many.limit}; it needs free cores for the workers besides vendor-sim and the load generator`;
  return ['', `Scaling: ${workers} workers answered ${scaling.toFixed(2)}× one facade's req/s (${many.coresUsed.toFixed(2)} vs ${one.coresUsed.toFixed(2)} cores used) — ${verdict}.`];
}

async function loginKs(vendorUrl: string): Promise<string> {
  const answer = await fetch(`${vendorUrl}/api_v3/service/ottuser/action/anonymousLogin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ partnerId: 3197, udid: 'bench-stb-1' }) });
  const ks = ((await answer.json()) as { result?: { ks?: string } }).result?.ks;
  if (typeof ks !== 'string') throw new Error('bench login failed');
  return ks;
}

async function main(): Promise<void> {
  const floor = await measureTailFloor();
  const vendorPort = await freePort();
  const vendor = await spawnServer([cliPath, 'sim', 'vendor', '--port', String(vendorPort), '--catalog', join(__dirname, '../../fixtures/catalog')], vendorPort);
  const postgres = await startThrowawayPostgres();
  const targets: Target[] = [];
  try {
    targets.push(...(await startTargets(vendor.url, vendorPort, postgres)));
    const rows = (await measure(targets, await loginKs(vendor.url), vendor.pid)).map(summarise);
    console.log(`closed loop, ${connections} connections, ${seconds} × 1 s per target taking turns; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; facade store: ${postgres === undefined ? 'PGlite' : 'PostgreSQL 15 (throwaway)'}\n\n${renderTailFloor(floor)}\n\n${renderTable(rows)}`);
    printJsonRows([...floor.map(toJsonRow), ...rows.map(({ perCore: _p, coresUsed: _c, vendorCores: _v, loadCores: _l, limit: _m, ...row }) => row)]);
  } finally {
    for (const target of targets) await target.stop();
    await vendor.stop();
    postgres?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
