/**
 * Issue 9: what a multirequest costs as it grows, and the facade's memory under the bad-input
 * corpus. Starts vendor-sim, platform-sim and the facade (demo policy: every call to the platform,
 * PostgreSQL store) as separate processes, then
 *  1. sends multirequests of 100 and of 1,000 sub-calls (the 100 is the baseline of the same run)
 *     and reads the facade's CPU per request from /proc: the 1,000 one must cost ≤ 12× the 100 one;
 *  2. sends the whole bad-input corpus (fixtures/bad-input) `--passes` times, sampling the facade's
 *     RSS every 50 ms: it must stay ≤ 300 MB.
 * Usage: npm run bench:multirequest [-- --repeat 20 --passes 2]
 * PostgreSQL: $UNDERSTUDY_TEST_PG_URL when set, else a throwaway server (embedded PGlite without binaries).
 */
import { writeBenchConfig } from './lib/bench-config';
import { join } from 'node:path';
import { loadBadInputCases, renderCase } from '../src/sim/bad-input/corpus-case';
import { exchangeRaw } from '../src/sim/bad-input/run-case';
import { cliPath, numberArg } from './lib/bench-args';
import { processCpuSeconds, processRssMiB } from './lib/process-cpu';
import { freePort, spawnServer, type SpawnedServer } from './lib/spawn-server';
import { startThrowawayPostgres, type ThrowawayPostgres } from './lib/throwaway-postgres';

const repeat = numberArg('repeat', 20);
const passes = numberArg('passes', 2);

interface CostRow {
  readonly shape: string;
  readonly subCalls: number;
  readonly cpuMsPerRequest: number;
  readonly wallMsPerRequest: number;
  /** Slot outcomes of the last answer: error code (or `ok`) → count. */
  readonly slots: string;
}

/** A multirequest body of `count` sub-calls made by `make`. */
function multirequest(count: number, make: (i: number) => Record<string, unknown>): string {
  const body: Record<string, unknown> = { partnerId: 3197 };
  for (let i = 1; i <= count; i++) body[String(i)] = make(i);
  return JSON.stringify(body);
}

const shapes: readonly { name: string; make: (i: number) => Record<string, unknown> }[] = [
  // Finding 1's request: writes without a KS, answered 500004 in every slot by the facade itself.
  { name: 'householddevice.delete, no KS', make: (i) => ({ service: 'householddevice', action: 'delete', udid: `d${i}` }) },
  // Reads that each call the platform, every tenth sub-call a write (a barrier in the executor).
  { name: 'asset.get ×9 + favorite.add, anonymous KS', make: (i) => (i % 10 === 0 ? { service: 'favorite', action: 'add', favorite: { assetId: 480001 + (i % 300) } } : { service: 'asset', action: 'get', id: String(480001 + (i % 300)), assetReferenceType: 'media' }) },
];

async function post(url: string, body: string): Promise<string> {
  const answer = await fetch(`${url}/api_v3/service/multirequest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return answer.text();
}

async function measureCost(facade: SpawnedServer, shape: string, subCalls: number, body: string): Promise<CostRow> {
  for (let i = 0; i < 3; i++) await post(facade.url, body); // warm-up
  const cpuBefore = processCpuSeconds(facade.pid);
  const started = performance.now();
  let text = '';
  for (let i = 0; i < repeat; i++) {
    text = await post(facade.url, body);
    if (!text.startsWith('{"executionTime"')) throw new Error(`unexpected answer: ${text.slice(0, 200)}`);
  }
  const wallMs = performance.now() - started;
  return { shape, subCalls, cpuMsPerRequest: ((processCpuSeconds(facade.pid) - cpuBefore) * 1000) / repeat, wallMsPerRequest: wallMs / repeat, slots: summariseSlots(text) };
}

function summariseSlots(text: string): string {
  const result = (JSON.parse(text) as { result: unknown }).result;
  const counts = new Map<string, number>();
  for (const slot of Array.isArray(result) ? (result as { error?: { code: string } }[]) : []) counts.set(slot.error?.code ?? 'ok', (counts.get(slot.error?.code ?? 'ok') ?? 0) + 1);
  return [...counts].map(([code, n]) => `${code} ×${n}`).join(', ');
}

async function anonymousKs(url: string): Promise<string> {
  const answer = (await (await fetch(`${url}/api_v3/service/ottuser/action/anonymousLogin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"partnerId":3197}' })).json()) as { result: { ks: string } };
  return answer.result.ks;
}

async function measureCorpusRss(facade: SpawnedServer): Promise<{ cases: number; startMiB: number; peakMiB: number; endMiB: number; seconds: number }> {
  const cases = loadBadInputCases(join(__dirname, '../../fixtures/bad-input'));
  const loginAnswer = (await (await fetch(`${facade.url}/api_v3/service/ottuser/action/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ partnerId: 3197, username: 'demo1', password: 'demo1-pass' }) })).json()) as { result: { loginSession: { ks: string } } };
  const ks = loginAnswer.result.loginSession.ks;
  const startMiB = processRssMiB(facade.pid);
  let peakMiB = startMiB;
  const sampler = setInterval(() => (peakMiB = Math.max(peakMiB, processRssMiB(facade.pid))), 50);
  const started = performance.now();
  try {
    for (let pass = 0; pass < passes; pass++) {
      for (const c of cases) await exchangeRaw('127.0.0.1', facade.port, renderCase(c, { ks, partnerId: 3197 }), c.halfClose === true, 4000);
    }
  } finally {
    clearInterval(sampler);
  }
  return { cases: cases.length * passes, startMiB, peakMiB, endMiB: processRssMiB(facade.pid), seconds: (performance.now() - started) / 1000 };
}

function renderCost(rows: readonly CostRow[]): string {
  const lines = ['| request | sub-calls | slots answered | facade CPU ms/request | wall ms/request | × the 100-sub-call request (CPU) |', '|---|---|---|---|---|---|'];
  for (const row of rows) {
    const base = rows.find((r) => r.shape === row.shape && r.subCalls === 100);
    lines.push(`| ${row.shape} | ${row.subCalls} | ${row.slots} | ${row.cpuMsPerRequest.toFixed(2)} | ${row.wallMsPerRequest.toFixed(2)} | ${base === undefined ? '' : (row.cpuMsPerRequest / base.cpuMsPerRequest).toFixed(2)} |`);
  }
  return lines.join('\n');
}

async function startStore(): Promise<{ url?: string; label: string; postgres?: ThrowawayPostgres }> {
  const given = process.env.UNDERSTUDY_TEST_PG_URL;
  if (given !== undefined && given !== '') return { url: given, label: 'PostgreSQL 15 ($UNDERSTUDY_TEST_PG_URL)' };
  const postgres = await startThrowawayPostgres();
  return postgres === undefined ? { label: 'embedded PGlite' } : { url: postgres.url, label: 'PostgreSQL 15 (throwaway)', postgres };
}

async function main(): Promise<void> {
  const [vendorPort, platformPort, facadePort] = await Promise.all([freePort(), freePort(), freePort()]);
  const vendor = await spawnServer([cliPath, 'sim', 'vendor', '--port', String(vendorPort)], vendorPort);
  const platform = await spawnServer([cliPath, 'sim', 'platform', '--port', String(platformPort)], platformPort);
  const store = await startStore();
  const facade = await spawnServer([cliPath, 'serve', '--config', writeBenchConfig()], facadePort, {
    PORT: String(facadePort),
    ADMIN_PORT: '0',
    UNDERSTUDY_VENDOR_URL: vendor.url,
    UNDERSTUDY_PLATFORM_URL: platform.url,
    UNDERSTUDY_POLICY_FILE: join(__dirname, '../../fixtures/policy/lab-all-platform.yaml'),
    UNDERSTUDY_CLOCK: 'lab',
    LOG_LEVEL: 'warn',
    ...(store.url === undefined ? {} : { UNDERSTUDY_STORE_URL: store.url }),
  });
  try {
    const ks = await anonymousKs(facade.url);
    const rows: CostRow[] = [];
    for (const shape of shapes) {
      for (const subCalls of [100, 1000]) {
        const body = multirequest(subCalls, (i) => (shape.name.includes('anonymous') ? { ...shape.make(i), ks } : shape.make(i)));
        rows.push(await measureCost(facade, shape.name, subCalls, body));
      }
    }
    const rss = await measureCorpusRss(facade);
    console.log(`store: ${store.label}; ${repeat} requests per row after 3 warm-up; CPU is the facade process alone\n\n${renderCost(rows)}\n`);
    console.log(`bad-input corpus: ${rss.cases} cases in ${rss.seconds.toFixed(1)} s; facade RSS ${rss.startMiB.toFixed(0)} MiB before, peak ${rss.peakMiB.toFixed(0)} MiB, ${rss.endMiB.toFixed(0)} MiB after (target ≤ 300 MB)`);
  } finally {
    await Promise.all([facade.stop(), platform.stop(), vendor.stop()]);
    store.postgres?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
