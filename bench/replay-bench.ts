/**
 * Replay pacing (docs/recording.md "Replay"): does `--speed 4` hold the recorded pace × 4 and
 * `--rate 2000` hold 2000 req/s within ±5 %, and when not, what limited it? Each pace is run
 * against a bare Node `http` server answering a fixed JSON body (the baseline: only the replayer's
 * own cost), against vendor-sim and against the facade (its own process, lab upstreams in it, the
 * bench configuration), one after the other in the same run.
 *
 *   npm run bench:replay [-- --seconds 4]
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createHttpTarget } from '../src/cli/http-target';
import { recordingFormatVersion, type RecordedExchange } from '../src/record/recording-format';
import { runReplay } from '../src/record/replay-runner';
import type { Pace } from '../src/record/replay-pacing';
import { startVendorSim } from '../src/sim/vendor-sim/vendor-sim-server';
import { writeBenchConfig } from './lib/bench-config';
import { freePort, spawnServer, type SpawnedServer } from './lib/spawn-server';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1] ?? 4) || 4;

/** A synthetic recording: asset.get calls of 500 sessions, `perSecond` a second as recorded. */
function syntheticRecording(count: number, perSecond: number): RecordedExchange[] {
  return Array.from({ length: count }, (_, i) => ({
    v: recordingFormatVersion,
    seq: i + 1,
    at: 1_795_000_000_000 + Math.round((i * 1000) / perSecond),
    durationMs: 1,
    operation: 'asset.get',
    orderKey: `device-${i % 500}`,
    request: { method: 'POST', path: '/api_v3/service/asset/action/get', params: { id: String(480001 + (i % 50)), assetReferenceType: 'media' }, bodyBytes: 60 },
    response: { status: 200, contentType: 'application/json', body: null, bodyBytes: 0 },
    routing: { kind: 'passthrough', target: 'vendor', outcome: 'ok' },
  }));
}

function startBareServer(): Promise<Server> {
  const body = JSON.stringify({ result: { objectType: 'KalturaMediaAsset', id: 480001, name: 'bench' }, executionTime: 0 });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function measure(name: string, url: string, pace: Pace, recording: readonly RecordedExchange[]): Promise<string> {
  const target = createHttpTarget(name, url, 64);
  const outcome = await runReplay(recording, { targets: [target], pace, concurrency: 64 });
  await target.close();
  const deviation = ((outcome.achievedRate - outcome.plannedRate) / outcome.plannedRate) * 100;
  const paceText = pace.kind === 'speed' ? `--speed ${pace.factor}` : `--rate ${pace.perSecond}`;
  const errors = Object.values(outcome.transportErrors).reduce((n, e) => n + e, 0);
  return `| ${paceText} | ${name} | ${outcome.sent} | ${errors} | ${outcome.plannedRate.toFixed(0)} | ${outcome.achievedRate.toFixed(0)} | ${deviation >= 0 ? '+' : ''}${deviation.toFixed(1)} % | ${Math.abs(deviation) <= 5 ? 'yes' : 'no'} | ${outcome.limitedBy ?? '—'} |`;
}

/** The facade as deployed in the lab: its own process, in-process sims, embedded store. */
async function startFacade(): Promise<SpawnedServer> {
  const port = await freePort();
  const cli = join(__dirname, '../src/cli/main.js');
  return spawnServer([cli, 'serve', '--config', writeBenchConfig()], port, { PORT: String(port), ADMIN_PORT: '0', UNDERSTUDY_CLOCK: 'lab', LOG_LEVEL: 'warn' });
}

async function main(): Promise<void> {
  const bare = await startBareServer();
  const vendor = await startVendorSim({});
  const facade = await startFacade();
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
  // Recorded at 250 req/s, so --speed 4 asks for 1000 req/s.
  const speedRecording = syntheticRecording(1000 * seconds, 250);
  const rateRecording = syntheticRecording(2000 * seconds, 250);
  const rows = ['| pace | target | sent | errors | planned req/s | achieved req/s | deviation | within ±5 % | limited by |', '|---|---|---|---|---|---|---|---|---|'];
  console.log(`replay pacing, ${seconds} s per row, ${new Date().toISOString()}`);
  for (const [name, url] of [['bare http server', bareUrl], ['vendor-sim', vendor.url], ['facade', facade.url]] as const) {
    rows.push(await measure(name, url, { kind: 'speed', factor: 4 }, speedRecording));
    rows.push(await measure(name, url, { kind: 'rate', perSecond: 2000 }, rateRecording));
  }
  await vendor.close();
  await facade.stop();
  await new Promise((resolve) => bare.close(resolve));
  console.log(rows.join('\n'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
