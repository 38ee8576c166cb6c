/**
 * The machine's tail floor (what one extra hop costs with no logic at all): a static JSON server
 * called directly and behind the bare Node proxy, taking turns in 1 s slices at the bench's rate.
 * Every load bench measures it in the same invocation, so its table states the floor of its own run.
 */
import { join } from 'node:path';
import { measureScenario, type Row } from './measure-row';
import { freePort, spawnServer } from './spawn-server';
import type { Scenario } from '../scenarios';

const scenario: Scenario = {
  name: 'tail floor: 3 KB static answer',
  request: () => ({ method: 'POST', path: '/api_v3/service/asset/action/get', body: '{"id":"480001"}', headers: { 'content-type': 'application/json' } }),
};

/** Measures the floor rows (static server direct, bare proxy → static server). */
export async function measureTailFloor(): Promise<Row[]> {
  const [staticPort, proxyPort] = await Promise.all([freePort(), freePort()]);
  const upstream = await spawnServer([join(__dirname, '../targets/static-json-server.js'), String(staticPort)], staticPort);
  const proxy = await spawnServer([join(__dirname, '../targets/bare-node-proxy.js'), String(proxyPort), upstream.url], proxyPort);
  try {
    return await measureScenario(
      scenario,
      [
        { name: 'static server direct', origin: upstream.url, pids: () => [upstream.pid] },
        { name: 'bare node proxy → static server', origin: proxy.url, pids: () => [proxy.pid] },
      ],
      '',
    );
  } finally {
    await Promise.all([proxy.stop(), upstream.stop()]);
  }
}

/** The floor as a markdown table, headed by the time of day it was measured. */
export function renderTailFloor(rows: readonly Row[]): string {
  const lines = [`tail floor, measured ${new Date().toISOString()}:`, '', '| target | sent | errors | p50 ms | p99 ms | p99.9 ms | max ms |', '|---|---|---|---|---|---|---|'];
  for (const row of rows) {
    const l = row.load.latencyMs;
    lines.push(`| ${row.target} | ${row.load.sent} | ${row.load.errors} | ${l.p50.toFixed(2)} | ${l.p99.toFixed(2)} | ${l.p999.toFixed(2)} | ${l.max.toFixed(1)} |`);
  }
  return lines.join('\n');
}
