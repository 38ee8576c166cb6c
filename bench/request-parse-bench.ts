/**
 * The facade's own per-request steps before anything is forwarded (issue 13), in process and
 * without a network, so a change of a few µs is visible on a machine whose end-to-end CPU figures
 * move by ±10 % (bench/README.md "Tail latency"): parse (route, parameters, multirequest split,
 * budgets), admission and the routing decision of the benches' asset.get and player multirequest,
 * under a policy that sends everything to the vendor. `--compare <dir>` loads the same steps from
 * another build (its `dist/`) and the two take turns, round after round; medians are printed.
 * Usage: npm run build && node dist/bench/request-parse-bench.js [--rounds 9] [--calls 50000] [--compare <dir>] [--json]
 */
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { numberArg } from './lib/bench-args';
import { printJsonRows } from './lib/json-rows';

const rounds = numberArg('rounds', 9);
const calls = numberArg('calls', 50_000);
const compareAt = process.argv.indexOf('--compare');
const builds: Record<string, string> = {
  current: join(__dirname, '../src'),
  ...(compareAt > 0 ? { 'compare build': join(resolve(process.argv[compareAt + 1]!), 'dist/src') } : {}),
};

type Step = () => unknown;

/** The steps of one build: parse alone, and parse + admission + decision (as facade-request-handler runs them). */
function stepsOf(dir: string): Record<string, Step> {
  /* eslint-disable @typescript-eslint/no-require-imports -- a build chosen at run time */
  const { parseVendorApiRequest } = require(join(dir, 'phoenix/vendor-api-handler')) as typeof import('../src/phoenix/vendor-api-handler');
  const { routeRequest } = require(join(dir, 'gateway/route-request')) as typeof import('../src/gateway/route-request');
  const { compilePolicy } = require(join(dir, 'policy/compile-policy')) as typeof import('../src/policy/compile-policy');
  const { createCachedKsDecoder } = require(join(dir, 'phoenix/ks-decoder')) as typeof import('../src/phoenix/ks-decoder');
  const { mintKs } = require(join(dir, 'phoenix/ks-codec')) as typeof import('../src/phoenix/ks-codec');
  const { createRequestAdmission } = require(join(dir, 'gateway/request-admission')) as typeof import('../src/gateway/request-admission');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const secret = 'bench-partner-secret-0123456789ab';
  const ks = mintKs({ partnerId: 3197, secret, userId: '1001', type: 'user', expiry: 2_000_000_000, createDate: 1_700_000_000, privileges: { udid: 'stb-1', householdid: '501', sessionid: 'bench' } });
  const decodeKs = createCachedKsDecoder(() => secret);
  const compiled = compilePolicy({ salt: 'bench', defaultTarget: 'vendor', rules: [] }, 1);
  if (!compiled.ok) throw new Error(compiled.error.join('; '));
  const admit = createRequestAdmission({ decodeKs, knowsOperation: () => true, nowMs: () => Date.now() });
  const context = { policy: compiled.value, facts: { headers: { host: 'bench', 'content-type': 'application/json' }, remoteAddress: '127.0.0.1' }, translatable: () => false, decodeKs };
  const get = { url: '/api_v3/service/asset/action/get', contentType: 'application/json', origin: 'http://bench', body: JSON.stringify({ apiVersion: '7.8.1', id: '480001', assetReferenceType: 'media', ks }) };
  const multi = {
    url: '/api_v3/service/multirequest',
    contentType: 'application/json',
    origin: 'http://bench',
    body: JSON.stringify({
      apiVersion: '7.8.1',
      ks,
      '1': { service: 'asset', action: 'get', id: '480001', assetReferenceType: 'media', ks },
      '2': { service: 'asset', action: 'getPlaybackContext', assetId: '480001', assetType: 'media', contextDataParams: { objectType: 'KalturaPlaybackContextOptions', context: 'PLAYBACK' }, ks },
    }),
  };
  return {
    ...edgeStepsOf(dir),
    'asset.get: parse': () => parseVendorApiRequest(get),
    'asset.get: parse + admit + route': () => routeRequest(admit(parseVendorApiRequest(get)), context),
    'player multirequest: parse': () => parseVendorApiRequest(multi),
    'player multirequest: parse + admit + route': () => routeRequest(admit(parseVendorApiRequest(multi)), context),
  };
}

/** What every passthrough pays besides parsing: its metrics (a decision, a request, an upstream duration) and header handling. */
function edgeStepsOf(dir: string): Record<string, Step> {
  /* eslint-disable @typescript-eslint/no-require-imports -- a build chosen at run time */
  const { createFacadeMetrics } = require(join(dir, 'metrics/facade-metrics')) as typeof import('../src/metrics/facade-metrics');
  const { buildUpstreamHeaders, filterAnswerRawHeaders } = require(join(dir, 'upstream/forwarding-headers')) as typeof import('../src/upstream/forwarding-headers');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const metrics = createFacadeMetrics({ operations: ['asset.get'] });
  const req = new IncomingMessage(new Socket());
  req.method = 'POST';
  req.headers = { host: '127.0.0.1:8080', connection: 'keep-alive', 'content-type': 'application/json', 'content-length': '180' };
  // What vendor-sim answers with (Node's own headers plus the content type).
  const answer = ['Content-Type', 'application/json; charset=utf-8', 'Content-Length', '3100', 'Date', 'Sun, 06 Dec 2026 22:00:00 GMT', 'Connection', 'keep-alive', 'Keep-Alive', 'timeout=5'];
  return {
    'passthrough metrics (decision, request, upstream)': () => {
      metrics.recordDecision({ operation: 'asset.get', target: 'vendor', reason: 'default' });
      metrics.recordRequest({ operation: 'asset.get', target: 'vendor', outcome: 'ok', seconds: 0.0012 });
      metrics.recordUpstream({ upstream: 'vendor', operation: 'asset.get', seconds: 0.0009 });
    },
    'passthrough headers (upstream request, answer)': () => [buildUpstreamHeaders(req, { upstreamHost: '127.0.0.1:4100', bodyLength: 180 }), filterAnswerRawHeaders(answer)],
  };
}

function timeMicros(step: Step): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) step();
  return Number(process.hrtime.bigint() - started) / calls / 1000;
}

function main(): void {
  const steps = Object.fromEntries(Object.entries(builds).map(([name, dir]) => [name, stepsOf(dir)]));
  const samples = new Map<string, number[]>();
  for (let round = 0; round <= rounds; round++) {
    for (const [build, own] of Object.entries(steps)) {
      for (const [step, run] of Object.entries(own)) {
        const micros = timeMicros(run);
        // Round 0 warms the code up (optimised before it is timed).
        if (round > 0) samples.set(`${step}|${build}`, [...(samples.get(`${step}|${build}`) ?? []), micros]);
      }
    }
  }
  const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const lines = [`${rounds} rounds of ${calls} calls, builds taking turns; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`, '', '| step | build | median µs per request | fastest round µs |', '|---|---|---|---|'];
  for (const [key, values] of samples) {
    const [step, build] = key.split('|');
    lines.push(`| ${step} | ${build} | ${median(values).toFixed(2)} | ${Math.min(...values).toFixed(2)} |`);
  }
  console.log(lines.join('\n'));
  printJsonRows([...samples].map(([key, values]) => {
    const [step, build] = key.split('|');
    return { scenario: step!, target: build!, sent: values.length * calls, errors: 0, ratePerSec: null, p50Ms: null, p99Ms: null, cpuUsPerRequest: Number(median(values).toFixed(2)), rssMiB: null };
  }));
}

main();
