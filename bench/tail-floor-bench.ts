/**
 * What one extra hop costs on this machine with no logic at all: a static JSON server called
 * directly, and the same server behind the bare Node proxy, at the bench's rate, taking turns in
 * 1 s slices. Read it before the translate bench's p99 columns: the facade is such a hop too, and
 * whatever the hop alone adds here is the machine's, not the facade's.
 * Usage: npm run build && node dist/bench/tail-floor-bench.js [--rate 1000 --seconds 10]
 */
import { join } from 'node:path';
import { loadArgs } from './lib/bench-args';
import { measureScenario } from './lib/measure-row';
import { freePort, spawnServer } from './lib/spawn-server';
import type { Scenario } from './scenarios';

const scenario: Scenario = {
  name: '3 KB static answer',
  request: () => ({ method: 'POST', path: '/api_v3/service/asset/action/get', body: '{"id":"480001"}', headers: { 'content-type': 'application/json' } }),
};

async function main(): Promise<void> {
  const [staticPort, proxyPort] = await Promise.all([freePort(), freePort()]);
  const upstream = await spawnServer([join(__dirname, 'targets/static-json-server.js'), String(staticPort)], staticPort);
  const proxy = await spawnServer([join(__dirname, 'targets/bare-node-proxy.js'), String(proxyPort), upstream.url], proxyPort);
  try {
    const rows = await measureScenario(
      scenario,
      [
        { name: 'static server direct', origin: upstream.url, pids: () => [upstream.pid] },
        { name: 'bare node proxy → static server', origin: proxy.url, pids: () => [proxy.pid] },
      ],
      '',
    );
    const lines = ['| target | sent | errors | p50 ms | p99 ms | p99.9 ms | max ms |', '|---|---|---|---|---|---|---|'];
    for (const row of rows) {
      const l = row.load.latencyMs;
      lines.push(`| ${row.target} | ${row.load.sent} | ${row.load.errors} | ${l.p50.toFixed(2)} | ${l.p99.toFixed(2)} | ${l.p999.toFixed(2)} | ${l.max.toFixed(1)} |`);
    }
    console.log(`rate ${loadArgs.rate}/s for ${loadArgs.seconds}s per target, taking turns in 1 s slices\n\n${lines.join('\n')}`);
  } finally {
    await Promise.all([proxy.stop(), upstream.stop()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
