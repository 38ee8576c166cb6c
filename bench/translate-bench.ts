/**
 * Translated calls vs the vendor directly vs a bare Node proxy, in one run (issue: the facade).
 * Starts vendor-sim, platform-sim, the facade and the bare proxy as separate processes so each
 * one's CPU is measured alone, then drives each scenario at a fixed rate through each target.
 * The tail floor (lib/tail-floor.ts) is measured first in the same invocation.
 * Usage: npm run bench:translate [-- --rate 1000 --seconds 10] [--json]
 *   [--compare <other build's root>] [--scenarios asset.get] (lib/compare-build.ts)
 */
import { writeBenchConfig } from './lib/bench-config';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, loadArgs } from './lib/bench-args';
import { compareCliPath, pickScenarios } from './lib/compare-build';
import { printJsonRows, toJsonRow } from './lib/json-rows';
import { measureScenario, type Row } from './lib/measure-row';
import { measureTailFloor, renderTailFloor } from './lib/tail-floor';
import { freePort, spawnServer } from './lib/spawn-server';
import { startThrowawayPostgres } from './lib/throwaway-postgres';
import { scenarios } from './scenarios';

const cli = cliPath;
const { rate, seconds } = loadArgs;
// --pin: upstreams on core 0, the measured target on core 1 (the load runs where the OS puts it).
const pin = process.argv.includes('--pin');
const upstreamCpu = pin ? 0 : undefined;
const targetCpu = pin ? 1 : undefined;

async function loginKs(vendorUrl: string): Promise<string> {
  const answer = await fetch(`${vendorUrl}/api_v3/service/ottuser/action/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ partnerId: 3197, username: 'demo1', password: 'demo1-pass', udid: 'demo1-stb-1' }),
  });
  const body = (await answer.json()) as { result?: { loginSession?: { ks?: string } } };
  const ks = body.result?.loginSession?.ks;
  if (typeof ks !== 'string') throw new Error('bench login failed');
  return ks;
}

function renderTable(rows: readonly Row[]): string {
  const lines = [
    '| scenario | target | sent | errors | rate/s | p50 ms | p99 ms | p99 − direct ms | p99 − bare proxy ms | CPU µs/req | × bare proxy | RSS MiB |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const same = (target: string): Row | undefined => rows.find((r) => r.scenario === row.scenario && r.target === target);
    const bare = same('bare node proxy');
    const direct = same('vendor-sim direct');
    const ratio = bare ? (row.cpuMicrosPerRequest / bare.cpuMicrosPerRequest).toFixed(2) : '';
    const added = (base: Row | undefined): string => (base === undefined || base === row ? '' : (row.load.latencyMs.p99 - base.load.latencyMs.p99).toFixed(2));
    lines.push(
      `| ${row.scenario} | ${row.target} | ${row.load.sent} | ${row.load.errors} | ${row.load.achievedRate.toFixed(0)} | ${row.load.latencyMs.p50.toFixed(2)} | ${row.load.latencyMs.p99.toFixed(2)} | ${added(direct)} | ${added(bare)} | ${row.cpuMicrosPerRequest.toFixed(0)} | ${ratio} | ${row.rssMiB.toFixed(0)} |`,
    );
  }
  return lines.join('\n');
}

/**
 * The facade as deployed: external upstreams, the demo policy (every operation to the platform),
 * PostgreSQL as the store when this machine has it (embedded PGlite otherwise; see bench/README.md).
 */
async function startFacade(facadeCli: string, port: number, vendorUrl: string, platformUrl: string) {
  const postgres = await startThrowawayPostgres();
  const facade = await spawnServer([facadeCli, 'serve', '--config', writeBenchConfig()], port, {
    PORT: String(port),
    ADMIN_PORT: '0',
    UNDERSTUDY_VENDOR_URL: vendorUrl,
    UNDERSTUDY_PLATFORM_URL: platformUrl,
    UNDERSTUDY_POLICY_FILE: join(__dirname, '../../fixtures/policy/lab-all-platform.yaml'),
    UNDERSTUDY_CLOCK: 'lab',
    LOG_LEVEL: 'warn',
    ...(postgres === undefined ? {} : { UNDERSTUDY_STORE_URL: postgres.url }),
  }, targetCpu);
  return { facade, postgres };
}

async function main(): Promise<void> {
  const floor = await measureTailFloor();
  const [vendorPort, platformPort, facadePort, proxyPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const vendor = await spawnServer([cli, 'sim', 'vendor', '--port', String(vendorPort)], vendorPort, {}, upstreamCpu);
  const platform = await spawnServer([cli, 'sim', 'platform', '--port', String(platformPort)], platformPort, {}, upstreamCpu);
  const { facade, postgres } = await startFacade(cli, facadePort, vendor.url, platform.url);
  const compareCli = compareCliPath();
  const compare = compareCli === undefined ? undefined : await startFacade(compareCli, await freePort(), vendor.url, platform.url);
  console.log(`facade store: ${postgres === undefined ? 'embedded PGlite' : 'PostgreSQL 15 (throwaway)'}`);
  const proxy = await spawnServer([join(__dirname, 'targets/bare-node-proxy.js'), String(proxyPort), vendor.url], proxyPort, {}, targetCpu);
  const rows: Row[] = [];
  try {
    const ks = await loginKs(vendor.url);
    const targets = [
      { name: 'vendor-sim direct', origin: vendor.url, pids: () => [vendor.pid] },
      { name: 'bare node proxy', origin: proxy.url, pids: () => [proxy.pid] },
      { name: 'facade → platform', origin: facade.url, pids: () => [facade.pid] },
      ...(compare === undefined ? [] : [{ name: 'facade → platform, compare build', origin: compare.facade.url, pids: () => [compare.facade.pid] }]),
    ];
    for (const scenario of pickScenarios(scenarios)) rows.push(...(await measureScenario(scenario, targets, ks)));
  } finally {
    await Promise.all([proxy.stop(), facade.stop(), platform.stop(), vendor.stop(), compare?.facade.stop()]);
    postgres?.stop();
    compare?.postgres?.stop();
  }
  const table = renderTable(rows);
  const outDir = join(__dirname, '../../bench/out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'translate-bench.json'), JSON.stringify({ rate, seconds, rows }, null, 2));
  console.log(`rate ${rate}/s for ${seconds}s per row, targets taking turns in 1 s slices${pin ? ', upstreams pinned to core 0 and targets to core 1' : ''}; CPU is the target process alone\n\n${renderTailFloor(floor)}\n\n${table}`);
  printJsonRows([...floor, ...rows].map(toJsonRow));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
