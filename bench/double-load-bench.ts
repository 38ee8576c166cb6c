/**
 * Double load on several instances (issue 13): `--instances` facades of one site on one
 * PostgreSQL behind a balancer that follows `/readyz` (lib/health-checked-balancer.ts), a mix of
 * reads at `--rate` req/s in total plus one sequential bookmark writer per asset, for `--minutes`.
 * With `--restart` the instances are restarted one by one with drain at 30 % of the run; with
 * `--kill9` one is killed with SIGKILL at 65 %. Afterwards every acknowledged write must be on the
 * platform (which answered it) and, through the sync outbox, on the vendor. RSS of every instance
 * is sampled every 10 s. Failed device requests are counted per phase: a non-200 or an error
 * envelope (`KalturaAPIException`) is a failure.
 * Usage: npm run build && node dist/bench/double-load-bench.js [--instances 2] [--rate 400] [--minutes 1] [--restart] [--kill9] [--json]
 */
import { join } from 'node:path';
import { writeBenchConfig } from './lib/bench-config';
import { cliPath, numberArg } from './lib/bench-args';
import { lostWrites, readBookmarks, runBookmarkWriters, type WriterLedger } from './lib/bookmark-writers';
import { startFleet, type Fleet } from './lib/facade-fleet';
import { startHealthCheckedBalancer } from './lib/health-checked-balancer';
import { printJsonRows } from './lib/json-rows';
import { runLoadSlice, summariseSlices, type LoadSlice } from './lib/open-loop-load';
import { processRssMiB } from './lib/process-cpu';
import { freePort, spawnServer } from './lib/spawn-server';
import { startThrowawayPostgres } from './lib/throwaway-postgres';
import { scenarios } from './scenarios';

const instances = numberArg('instances', 2);
const rate = numberArg('rate', 400);
const minutes = numberArg('minutes', 1);
const restart = process.argv.includes('--restart');
const kill9 = process.argv.includes('--kill9');
const writeAssets = ['480001', '480005', '480081', '480169'];
const readMix = ['asset.get', 'asset.get', 'asset.getPlaybackContext', 'player multirequest'].map((name) => scenarios.find((s) => s.name === name)!);

type Phase = 'steady' | 'rolling restart' | 'kill -9' | 'after';

async function loginKs(vendorUrl: string): Promise<string> {
  const answer = await fetch(`${vendorUrl}/api_v3/service/ottuser/action/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ partnerId: 3197, username: 'demo1', password: 'demo1-pass', udid: 'demo1-stb-1' }) });
  const ks = ((await answer.json()) as { result?: { loginSession?: { ks?: string } } }).result?.loginSession?.ks;
  if (typeof ks !== 'string') throw new Error('bench login failed');
  return ks;
}

/** RSS samples per instance process (pid), in order. */
function sampleRss(fleet: Fleet, samples: Map<number, number[]>): void {
  for (const instance of fleet.instances) {
    const pid = instance.pid();
    try {
      samples.set(pid, [...(samples.get(pid) ?? []), processRssMiB(pid)]);
    } catch {
      // The process is between a stop and its restart.
    }
  }
}

async function runEvents(fleet: Fleet, totalMs: number, setPhase: (phase: Phase) => void, inflight: readonly number[], killed: { inflight?: number }): Promise<void> {
  const startedMs = Date.now();
  const at = (fraction: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, startedMs + totalMs * fraction - Date.now())));
  if (restart) {
    await at(0.3);
    setPhase('rolling restart');
    for (let i = 0; i < fleet.instances.length; i++) await fleet.restart(i);
    setPhase('after');
  }
  if (kill9) {
    await at(0.65);
    setPhase('kill -9');
    killed.inflight = inflight[0];
    await fleet.killAndRestart(0);
    setPhase('after');
  }
}

async function verifyWrites(ledger: WriterLedger, facadeUrl: string, vendorUrl: string, ks: string): Promise<{ platform: string[]; vendor: string[]; vendorAfterMs: number }> {
  const platform = lostWrites(ledger, await readBookmarks(facadeUrl, ks, writeAssets));
  const started = Date.now();
  let vendor = lostWrites(ledger, await readBookmarks(vendorUrl, ks, writeAssets));
  // The vendor copy arrives through the outbox: give the sync up to 60 s to deliver it.
  while (vendor.length > 0 && Date.now() - started < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    vendor = lostWrites(ledger, await readBookmarks(vendorUrl, ks, writeAssets));
  }
  return { platform, vendor, vendorAfterMs: Date.now() - started };
}

/**
 * One line per instance: first → last sample, and the growth from the end of warm-up (the sample at
 * a tenth of the run, when heaps and pools have reached their working size) to the end, with a
 * timeline at each fifth of the run, so a soak's "RSS growth ≤ 10 %" can be read off.
 */
function rssLine(samples: Map<number, number[]>): string {
  return [...samples.entries()].map(([pid, mib]) => {
    const warm = mib[Math.floor(mib.length / 10)] ?? mib[0] ?? 0;
    const last = mib[mib.length - 1] ?? 0;
    const timeline = [0, 1, 2, 3, 4, 5].map((k) => mib[Math.min(mib.length - 1, Math.floor((k * mib.length) / 5))]?.toFixed(0)).join(' / ');
    const growth = warm > 0 ? `${(((last - warm) / warm) * 100).toFixed(1)} %` : 'n/a';
    return `pid ${pid}: ${mib[0]?.toFixed(0)} → ${last.toFixed(0)} MiB over ${mib.length} samples (max ${Math.max(...mib).toFixed(0)}; after warm-up ${warm.toFixed(0)} → ${last.toFixed(0)}, growth ${growth}; at each fifth: ${timeline})`;
  }).join('\n  ');
}

// Started niced on a busy machine, a process may need far longer than usual to listen.
const startTimeoutMs = 180_000;

async function main(): Promise<void> {
  const postgres = await startThrowawayPostgres();
  const stops: (() => Promise<void>)[] = [() => Promise.resolve(postgres?.stop())];
  try {
    await run(postgres?.url, stops);
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

async function run(storeUrl: string | undefined, stops: (() => Promise<void>)[]): Promise<void> {
  const [vendorPort, platformPort] = await Promise.all([freePort(), freePort()]);
  const vendor = await spawnServer([cliPath, 'sim', 'vendor', '--port', String(vendorPort)], vendorPort, {}, undefined, startTimeoutMs);
  stops.push(() => vendor.stop());
  const platform = await spawnServer([cliPath, 'sim', 'platform', '--port', String(platformPort)], platformPort, {}, undefined, startTimeoutMs);
  stops.push(() => platform.stop());
  const fleet = await startFleet(instances, {
    UNDERSTUDY_VENDOR_URL: vendor.url,
    UNDERSTUDY_PLATFORM_URL: platform.url,
    UNDERSTUDY_POLICY_FILE: join(__dirname, '../../fixtures/policy/lab-all-platform.yaml'),
    UNDERSTUDY_CLOCK: 'lab',
    LOG_LEVEL: 'warn',
    ...(storeUrl === undefined ? {} : { UNDERSTUDY_STORE_URL: storeUrl }),
  }, writeBenchConfig());
  stops.push(() => fleet.stop());
  const balancer = await startHealthCheckedBalancer(fleet.instances.map((i) => i.url));
  stops.push(() => balancer.close());
  const ks = await loginKs(vendor.url);
  const totalMs = minutes * 60_000;
  let phase: Phase = 'steady';
  const slices = new Map<Phase, LoadSlice[]>();
  const rss = new Map<number, number[]>();
  let done = false;
  const killed: { inflight?: number } = {};
  stops.push(() => {
    done = true;
    return Promise.resolve();
  });
  {
    // A restart that fails (an instance that does not come back) ends the run, through the clean-up.
    let eventFailure: Error | undefined;
    const events = runEvents(fleet, totalMs, (p) => (phase = p), balancer.inflight, killed).catch((error: unknown) => {
      eventFailure = error instanceof Error ? error : new Error(String(error));
    });
    const writers = runBookmarkWriters(balancer.url, ks, writeAssets, 200, () => done);
    const started = Date.now();
    for (let n = 0; Date.now() - started < totalMs && eventFailure === undefined; n++) {
      if (n % 10 === 0) sampleRss(fleet, rss);
      const inPhase = phase;
      const slice = await runLoadSlice({ origin: balancer.url, rate, durationMs: 1000, request: (i) => readMix[i % readMix.length]!.request(ks), acceptBody: (body) => !body.includes('KalturaAPIException') });
      slices.set(inPhase, [...(slices.get(inPhase) ?? []), slice]);
    }
    done = true;
    await events;
    if (eventFailure !== undefined) throw eventFailure;
    const ledger = await writers;
    const verdict = await verifyWrites(ledger, balancer.url, vendor.url, ks);
    report(slices, ledger, verdict, rss, balancer);
    console.log(`requests per instance: ${balancer.counts.join(', ')}${killed.inflight === undefined ? '' : `; in flight at the instance when it was killed: ${killed.inflight}`}`);
  }
}

function report(slices: Map<Phase, LoadSlice[]>, ledger: WriterLedger, verdict: Awaited<ReturnType<typeof verifyWrites>>, rss: Map<number, number[]>, balancer: { retries: () => number; failures: () => Readonly<Record<string, number>> }): void {
  const lines = ['| phase | sent | failed | rate/s | p50 ms | p99 ms | max ms |', '|---|---|---|---|---|---|---|'];
  const rows = [];
  for (const [phase, list] of slices) {
    const load = summariseSlices(list);
    lines.push(`| ${phase} | ${load.sent} | ${load.errors} | ${load.achievedRate.toFixed(0)} | ${load.latencyMs.p50.toFixed(2)} | ${load.latencyMs.p99.toFixed(2)} | ${load.latencyMs.max.toFixed(1)} |`);
    rows.push({ scenario: `double load: ${phase}`, target: `${instances} facades behind a balancer`, sent: load.sent, errors: load.errors, ratePerSec: load.achievedRate, p50Ms: load.latencyMs.p50, p99Ms: load.latencyMs.p99, cpuUsPerRequest: null, rssMiB: null });
  }
  console.log(`${instances} instances, ${rate} reads/s + ${writeAssets.length} sequential writers, ${minutes} min${restart ? ', rolling restart at 30 %' : ''}${kill9 ? ', kill -9 of one instance' : ''}\n\n${lines.join('\n')}\n`);
  console.log(`balancer: ${balancer.retries()} requests re-sent after a refused connection, answered 502: ${JSON.stringify(balancer.failures())}`);
  console.log(`writes: ${ledger.attempted} attempted, ${ledger.acknowledged} acknowledged, ${ledger.failed} failed; lost on the platform: ${verdict.platform.length === 0 ? 'none' : verdict.platform.join(', ')}; lost on the vendor (outbox): ${verdict.vendor.length === 0 ? `none (checked after ${verdict.vendorAfterMs} ms)` : verdict.vendor.join(', ')}`);
  console.log(`RSS per instance process:\n  ${rssLine(rss)}`);
  printJsonRows(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
