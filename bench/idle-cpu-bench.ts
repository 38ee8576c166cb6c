/**
 * What a target spends with no request at all (issue 13): the fixed background CPU that the
 * per-request figures of the translate and passthrough benches include, since they divide a
 * target's whole CPU by the requests of its slices. At 1,000 req/s, 10 ms of CPU per second of
 * background work is 10 µs per request. Targets: the bare Node proxy, the facade as the benches
 * start it (PostgreSQL store, sync on as in the lab defaults) and the same facade with sync off;
 * each measured in turns of `--slice` seconds, idle, after a short warm-up of requests.
 * Usage: npm run build && node dist/bench/idle-cpu-bench.js [--seconds 10] [--slice 2] [--json]
 */
import { join } from 'node:path';
import { cliPath, numberArg } from './lib/bench-args';
import { writeBenchConfig } from './lib/bench-config';
import { printJsonRows } from './lib/json-rows';
import { runLoadSlice } from './lib/open-loop-load';
import { processCpuSeconds, processRssMiB } from './lib/process-cpu';
import { freePort, spawnServer, type SpawnedServer } from './lib/spawn-server';
import { startThrowawayPostgres, type ThrowawayPostgres } from './lib/throwaway-postgres';
import { scenarios } from './scenarios';

const seconds = numberArg('seconds', 10);
const sliceSeconds = numberArg('slice', 2);

interface IdleTarget {
  readonly name: string;
  readonly server: SpawnedServer;
  readonly postgres?: ThrowawayPostgres;
}

async function startFacade(name: string, vendorUrl: string, platformUrl: string, env: Record<string, string>): Promise<IdleTarget> {
  const port = await freePort();
  const postgres = await startThrowawayPostgres();
  const server = await spawnServer([cliPath, 'serve', '--config', writeBenchConfig()], port, {
    PORT: String(port),
    ADMIN_PORT: '0',
    UNDERSTUDY_VENDOR_URL: vendorUrl,
    UNDERSTUDY_PLATFORM_URL: platformUrl,
    UNDERSTUDY_CLOCK: 'lab',
    LOG_LEVEL: 'warn',
    ...(postgres === undefined ? {} : { UNDERSTUDY_STORE_URL: postgres.url }),
    ...env,
  });
  return { name, server, ...(postgres === undefined ? {} : { postgres }) };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Idle CPU of each target in ms per second, measured in alternating slices. */
async function measureIdle(targets: readonly IdleTarget[]): Promise<number[]> {
  const cpu = targets.map(() => 0);
  const rounds = Math.max(1, Math.round(seconds / sliceSeconds));
  for (let round = 0; round < rounds; round++) {
    for (const [index, target] of targets.entries()) {
      const before = processCpuSeconds(target.server.pid);
      await sleep(sliceSeconds * 1000);
      cpu[index]! += processCpuSeconds(target.server.pid) - before;
    }
  }
  return cpu.map((total) => (total * 1000) / (rounds * sliceSeconds));
}

async function main(): Promise<void> {
  const [vendorPort, platformPort, proxyPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const vendor = await spawnServer([cliPath, 'sim', 'vendor', '--port', String(vendorPort)], vendorPort);
  const platform = await spawnServer([cliPath, 'sim', 'platform', '--port', String(platformPort)], platformPort);
  const targets: IdleTarget[] = [{ name: 'bare node proxy', server: await spawnServer([join(__dirname, 'targets/bare-node-proxy.js'), String(proxyPort), vendor.url], proxyPort) }];
  try {
    targets.push(await startFacade('facade, sync on (lab default)', vendor.url, platform.url, {}));
    targets.push(await startFacade('facade, sync off', vendor.url, platform.url, { UNDERSTUDY_SYNC: 'off' }));
    const asset = scenarios.find((s) => s.name === 'asset.get')!;
    // A little traffic first, so pools, caches and compiled code are as under load.
    for (const target of targets) await runLoadSlice({ origin: target.server.url, rate: 200, durationMs: 1000, request: () => asset.request('') });
    const idle = await measureIdle(targets);
    const started = new Date().toISOString().slice(11, 16);
    const lines = [`idle ${seconds} s per target in ${sliceSeconds} s turns, ${started} UTC, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`, '', '| target | idle CPU ms/s | = µs/req at 500 req/s | at 1,000 req/s | RSS MiB |', '|---|---|---|---|---|'];
    targets.forEach((t, i) => lines.push(`| ${t.name} | ${idle[i]!.toFixed(1)} | ${((idle[i]! * 1000) / 500).toFixed(1)} | ${idle[i]!.toFixed(1)} | ${processRssMiB(t.server.pid).toFixed(0)} |`));
    console.log(lines.join('\n'));
    printJsonRows(targets.map((t, i) => ({ scenario: 'idle', target: t.name, sent: 0, errors: 0, ratePerSec: null, p50Ms: null, p99Ms: null, cpuUsPerRequest: null, rssMiB: processRssMiB(t.server.pid), idleCpuMsPerSec: idle[i]! })));
  } finally {
    await Promise.all(targets.map((t) => t.server.stop()));
    for (const t of targets) t.postgres?.stop();
    await Promise.all([vendor.stop(), platform.stop()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
