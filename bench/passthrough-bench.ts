/**
 * Vendor passthrough cost, side by side in one run (issue: vendor passthrough): vendor-sim called
 * directly, nginx as a reverse proxy, a bare Node http proxy, and the passthrough server with each
 * engine (hand-written pipe, http-proxy-middleware). Every target is its own process so its CPU is
 * measured alone; each scenario is driven at a fixed rate (open loop), the targets taking turns in
 * 1 s slices (lib/measure-row.ts).
 * Usage: npm run build && node dist/bench/passthrough-bench.js [--rate 1000 --seconds 10] [--json]
 *   [--compare <other build's root>] [--scenarios asset.get] [--lean] (lib/compare-build.ts)
 */
import { writeBenchConfig } from './lib/bench-config';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, loadArgs } from './lib/bench-args';
import { compareCliPath, lean, pickScenarios } from './lib/compare-build';
import { printJsonRows, toJsonRow } from './lib/json-rows';
import { measureScenario, type MeasuredTarget, type Row } from './lib/measure-row';
import { measureTailFloor, renderTailFloor } from './lib/tail-floor';
import { freePort, spawnServer } from './lib/spawn-server';
import { startThrowawayPostgres } from './lib/throwaway-postgres';
import { scenarios } from './scenarios';
import { hasNginx, startNginxProxy } from './targets/nginx-proxy';

const cli = cliPath;
const { rate, seconds } = loadArgs;
const benchScenarios = pickScenarios(scenarios.filter((s) => s.name === 'asset.get' || s.name === 'player multirequest'));
const compareCli = compareCliPath();

interface Target extends MeasuredTarget {
  stop(): Promise<void>;
}

async function loginKs(vendorUrl: string): Promise<string> {
  const answer = await fetch(`${vendorUrl}/api_v3/service/ottuser/action/anonymousLogin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ partnerId: 3197, udid: 'bench-stb-1' }) });
  const body = (await answer.json()) as { result?: { ks?: string } };
  if (typeof body.result?.ks !== 'string') throw new Error('bench login failed');
  return body.result.ks;
}

async function nodeTarget(name: string, script: string, args: readonly string[]): Promise<Target> {
  const port = await freePort();
  const server = await spawnServer([script, String(port), ...args], port);
  return { name, origin: server.url, pids: () => [server.pid], stop: () => server.stop() };
}

function renderTable(rows: readonly Row[]): string {
  const lines = ['| scenario | target | sent | errors | rate/s | p50 ms | p99 ms | CPU µs/req | CPU × bare proxy | p99 × nginx | RSS MiB |', '|---|---|---|---|---|---|---|---|---|---|---|'];
  for (const row of rows) {
    const bare = rows.find((r) => r.scenario === row.scenario && r.target === 'bare node proxy');
    const nginx = rows.find((r) => r.scenario === row.scenario && r.target === 'nginx');
    const cpuRatio = bare ? (row.cpuMicrosPerRequest / bare.cpuMicrosPerRequest).toFixed(2) : '';
    const p99Ratio = nginx ? (row.load.latencyMs.p99 / nginx.load.latencyMs.p99).toFixed(2) : '';
    lines.push(`| ${row.scenario} | ${row.target} | ${row.load.sent} | ${row.load.errors} | ${row.load.achievedRate.toFixed(0)} | ${row.load.latencyMs.p50.toFixed(2)} | ${row.load.latencyMs.p99.toFixed(2)} | ${row.cpuMicrosPerRequest.toFixed(0)} | ${cpuRatio} | ${p99Ratio} | ${row.rssMiB.toFixed(0)} |`);
  }
  return lines.join('\n');
}

async function startTargets(vendorUrl: string, vendorPort: number): Promise<Target[]> {
  const targets: Target[] = [];
  if (lean) console.log('--lean: no nginx or passthrough engine rows');
  else if (hasNginx()) {
    const nginx = await startNginxProxy(await freePort(), vendorPort);
    targets.push({ name: 'nginx', origin: nginx.url, pids: () => nginx.pids(), stop: () => nginx.stop() });
  } else console.log('nginx is not installed: skipping its row (install it with `apt-get install -y nginx`)');
  targets.push(await nodeTarget('bare node proxy', join(__dirname, 'targets/bare-node-proxy.js'), [vendorUrl]));
  if (!lean) {
    targets.push(await nodeTarget('passthrough (pipe)', join(__dirname, 'targets/passthrough-server.js'), [vendorUrl, 'pipe']));
    targets.push(await nodeTarget('passthrough (http-proxy-middleware)', join(__dirname, 'targets/passthrough-server.js'), [vendorUrl, 'http-proxy-middleware']));
  }
  targets.push(await facadeTarget(vendorUrl, cli, 'facade (policy → vendor)'));
  if (compareCli !== undefined) targets.push(await facadeTarget(vendorUrl, compareCli, 'facade (policy → vendor), compare build'));
  return targets;
}

/** The whole facade with no policy file (every call to the vendor): parse, decide, pass through. */
async function facadeTarget(vendorUrl: string, facadeCli: string, name: string): Promise<Target> {
  const port = await freePort();
  const postgres = await startThrowawayPostgres();
  const server = await spawnServer([facadeCli, 'serve', '--config', writeBenchConfig()], port, {
    PORT: String(port),
    ADMIN_PORT: '0',
    UNDERSTUDY_VENDOR_URL: vendorUrl,
    // Never called under an all-vendor policy; named so no platform-sim starts in the process.
    UNDERSTUDY_PLATFORM_URL: 'http://127.0.0.1:9',
    UNDERSTUDY_CLOCK: 'lab',
    LOG_LEVEL: 'warn',
    ...(postgres === undefined ? {} : { UNDERSTUDY_STORE_URL: postgres.url }),
  });
  return {
    name,
    origin: server.url,
    pids: () => [server.pid],
    stop: async () => {
      await server.stop();
      postgres?.stop();
    },
  };
}

async function main(): Promise<void> {
  const floor = await measureTailFloor();
  const vendorPort = await freePort();
  // The catalogue path is passed explicitly: the default is resolved relative to the compiled file.
  const catalogDir = join(__dirname, '../../fixtures/catalog');
  const vendor = await spawnServer([cli, 'sim', 'vendor', '--port', String(vendorPort), '--catalog', catalogDir], vendorPort);
  const targets: Target[] = [{ name: 'vendor-sim direct', origin: vendor.url, pids: () => [vendor.pid], stop: () => Promise.resolve() }];
  const rows: Row[] = [];
  try {
    targets.push(...(await startTargets(vendor.url, vendorPort)));
    const ks = await loginKs(vendor.url);
    for (const scenario of benchScenarios) rows.push(...(await measureScenario(scenario, targets, ks)));
  } finally {
    await Promise.all(targets.map((t) => t.stop()));
    await vendor.stop();
  }
  const outDir = join(__dirname, '../../bench/out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'passthrough-bench.json'), JSON.stringify({ rate, seconds, rows }, null, 2));
  console.log(`rate ${rate}/s for ${seconds}s per row, targets taking turns in 1 s slices; CPU is the target process alone (nginx: master + worker)\n\n${renderTailFloor(floor)}\n\n${renderTable(rows)}`);
  printJsonRows([...floor, ...rows].map(toJsonRow));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
