/**
 * What tracing costs (issue: OpenTelemetry traces): CPU per request of the facade without the
 * tracing code (this tree with its tracing wiring taken out, bench/lib/untraced-build.ts; or
 * `--baseline <commit>`, that commit's tree), of this build with tracing off, on at 0 % sampling
 * (what every request pays: the sampling decision and its unsampled stand-in), at 10 % and at
 * 100 %, all exporting to one OTLP/HTTP receiver in a child process of its own
 * (bench/targets/otlp-sink.ts). The facades share one vendor-sim and one platform-sim and take
 * turns in `--slice-ms` slices (500); a slice is charged all the CPU its facade used since its
 * previous slice (deferred exports included); ratios are per round, summarised by their median and
 * quartiles (bench/lib/paired-rounds.ts), beside the ratio of the totals; `--repeat N` measures
 * every scenario N times in the same run; `--processes K` (3) starts K facade processes per target,
 * which serve the rounds in turn, so no one process's luck decides a row. The facades run on this bench's Node (run the bench with
 * `npx -p node@24 node dist/bench/tracing-bench.js` for the image's runtime).
 * `--warmup-seconds N` (2) drives each facade process N s at the rate before the rounds;
 * `--rewarm-ms N` drives a target N ms uncharged before each of its slices (bench/lib/paired-rounds.ts).
 * Neither moved the 10 % rows; the young generation did (bench/README.md "Tracing at 10 %: warm-up,
 * idle gaps and process luck" and "…: the young generation").
 * `--node-flag F` passes F to every facade process instead of the default `--min-semi-space-size=32`
 * (see nodeFlags below).
 * Usage: npm run bench:tracing [-- --rate 300 --seconds 6 --repeat 2] [--processes 3] [--warmup-seconds 2] [--rewarm-ms 250] [--node-flag F] [--baseline <commit>] [--skip 0,4] [--scenario asset.get] [--json]
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { writeBenchConfig } from './lib/bench-config';
import { cliPath, facadeNodeFlags, loadArgs, numberArg, stringArg } from './lib/bench-args';
import { printJsonRows, toJsonRow } from './lib/json-rows';
import { measurePairedRounds, pairedRatio, type PairedRow } from './lib/paired-rounds';
import { freePort, spawnServer, type SpawnedServer } from './lib/spawn-server';
import { measureTailFloor, renderTailFloor } from './lib/tail-floor';
import { buildUntraced } from './lib/untraced-build';
import { scenarios } from './scenarios';

const repoRoot = join(__dirname, '../..');
/** Flags for every facade process (`--node-flag`, bench/lib/bench-args.ts). */
const nodeFlags = facadeNodeFlags();
const warmupSeconds = numberArg('warmup-seconds', 2);
const rewarmMs = process.argv.includes('--rewarm-ms') ? numberArg('rewarm-ms', 250) : undefined;


/** The OTLP/HTTP receiver, a child process; `stats` asks it what it received. */
async function startSink(): Promise<{ server: SpawnedServer; tracesUrl: string; stats: () => Promise<{ exports: number; bytes: number }> }> {
  const port = await freePort();
  const server = await spawnServer([join(__dirname, 'targets/otlp-sink.js'), String(port)], port);
  return { server, tracesUrl: `${server.url}/v1/traces`, stats: async () => (await (await fetch(`${server.url}/stats`)).json()) as { exports: number; bytes: number } };
}

async function loginKs(vendorUrl: string): Promise<string> {
  const answer = await fetch(`${vendorUrl}/api_v3/service/ottuser/action/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ partnerId: 3197, username: 'demo1', password: 'demo1-pass', udid: 'demo1-stb-1' }) });
  const ks = ((await answer.json()) as { result?: { loginSession?: { ks?: string } } }).result?.loginSession?.ks;
  if (typeof ks !== 'string') throw new Error('bench login failed');
  return ks;
}

type ScenarioRows = { readonly scenario: string; readonly rows: readonly PairedRow[] };

function renderTable(measured: readonly ScenarioRows[]): string {
  const lines = [
    '| scenario | target | sent | errors | p50 ms | p99 ms | CPU µs/req | × without the code: median [quartiles], total | × tracing off: median [quartiles], total |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { scenario, rows } of measured) {
    const base = (target: string): PairedRow | undefined => rows.find((r) => r.target === target);
    const ratio = (row: PairedRow, target: string): string => {
      const baseRow = base(target);
      if (baseRow === undefined) return '–';
      const r = pairedRatio(row, baseRow);
      return `**${r.median.toFixed(3)}** [${r.q1.toFixed(2)}–${r.q3.toFixed(2)}], ${r.total.toFixed(3)}`;
    };
    for (const row of rows) {
      lines.push(`| ${scenario} | ${row.target} | ${row.load.sent} | ${row.load.errors} | ${row.load.latencyMs.p50.toFixed(2)} | ${row.load.latencyMs.p99.toFixed(2)} | ${row.cpuMicrosPerRequest.toFixed(0)} | ${ratio(row, 'without the code')} | ${ratio(row, 'tracing off')} |`);
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const commit = stringArg('baseline');
  const untraced = buildUntraced(repoRoot, commit);
  const baselineCli = untraced.cli;
  const floor = await measureTailFloor();
  const sink = await startSink();
  const [vendorPort, platformPort] = await Promise.all([freePort(), freePort()]);
  const vendor = await spawnServer([cliPath, 'sim', 'vendor', '--port', String(vendorPort)], vendorPort);
  const platform = await spawnServer([cliPath, 'sim', 'platform', '--port', String(platformPort)], platformPort);
  // Sync off: its workers poll in the background and would add the same noise to every row.
  const env = { ADMIN_PORT: '0', UNDERSTUDY_VENDOR_URL: vendor.url, UNDERSTUDY_PLATFORM_URL: platform.url, UNDERSTUDY_POLICY_FILE: join(repoRoot, 'fixtures/policy/lab-all-platform.yaml'), UNDERSTUDY_CLOCK: 'lab', UNDERSTUDY_SYNC: 'off', LOG_LEVEL: 'warn' };
  const variants: [string, string, Record<string, string>][] = [
    ['without the code', baselineCli, {}],
    ['tracing off', cliPath, {}],
    ['tracing on, 0 %', cliPath, { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: sink.tracesUrl, OTEL_TRACES_SAMPLER_ARG: '0' }],
    ['tracing on, 10 %', cliPath, { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: sink.tracesUrl, OTEL_TRACES_SAMPLER_ARG: '0.1' }],
    ['tracing on, 100 %', cliPath, { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: sink.tracesUrl, OTEL_TRACES_SAMPLER_ARG: '1' }],
  ];
  const facades: SpawnedServer[] = [];
  const measured: ScenarioRows[] = [];
  let received = { exports: 0, bytes: 0 };
  try {
    // --processes K: K facade processes per variant, serving the rounds in turn (bench/lib/paired-rounds.ts).
    const processes = numberArg('processes', 3);
    // --skip <n,…>: leave out targets by their position (0 = without the code … 4 = 100 %) to give the others more rounds; they are not started.
    const skipped = (stringArg('skip') ?? '').split(',').filter((n) => n !== '').map(Number);
    const served: { name: string; facade: SpawnedServer }[] = [];
    for (let copy = 0; copy < processes; copy++) {
      for (const [position, [name, cli, extra]] of variants.entries()) {
        if (skipped.includes(position)) continue;
        const port = await freePort();
        // A loaded machine can take over 30 s to start four facades' stores one after another.
        const facade = await spawnServer([...nodeFlags, cli, 'serve', '--config', writeBenchConfig()], port, { ...env, PORT: String(port), ...extra }, undefined, 120_000);
        facades.push(facade);
        served.push({ name, facade });
      }
    }
    const ks = await loginKs(vendor.url);
    const targets = served.map(({ name, facade }) => ({ name, origin: facade.url, pids: () => [facade.pid] }));
    const repeat = numberArg('repeat', 1);
    const sliceMs = numberArg('slice-ms', 500);
    const rounds = Math.max(4, Math.round((loadArgs.seconds * 1000) / sliceMs));
    for (let run = 1; run <= repeat; run++) {
      for (const scenario of scenarios.filter((s) => (stringArg('scenario') ?? 'asset.get,player multirequest').split(',').includes(s.name))) {
        const rows = await measurePairedRounds(scenario, targets, ks, { rate: loadArgs.rate, sliceMs, rounds, warmupMs: warmupSeconds * 1000, ...(rewarmMs === undefined ? {} : { rewarmMs }) });
        measured.push({ scenario: repeat === 1 ? scenario.name : `${scenario.name} (run ${run})`, rows });
      }
    }
  } finally {
    // Stopped first: each facade exports what it still holds as it stops.
    await Promise.all(facades.map((f) => f.stop()));
    received = await sink.stats();
    await Promise.all([platform.stop(), vendor.stop(), sink.server.stop()]);
    untraced.remove();
  }
  const load = [...loadBefore, ...loadavg()].map((l) => l.toFixed(1));
  console.log(`Node ${process.version}; load average (1/5/15 min) ${load.slice(0, 3).join('/')} before, ${load.slice(3).join('/')} after\n`);
  const baseline = commit === undefined ? 'this tree with its tracing wiring taken out (bench/lib/untraced-build.ts)' : `${commit} (built from git)`;
  console.log(`without the code: ${baseline}; rate ${loadArgs.rate}/s for ${loadArgs.seconds}s per row, targets taking turns in ${numberArg('slice-ms', 500)} ms slices after ${warmupSeconds} s of warm-up per process${rewarmMs === undefined ? '' : `, each slice after ${rewarmMs} ms of uncharged load`}, facades run with ${nodeFlags.join(' ')}, ${numberArg('processes', 3)} facade process(es) per target serving the rounds in turn; CPU is the facade process alone (all its threads, idle time between its slices included); exports received: ${received.exports}, ${(received.bytes / 1024).toFixed(0)} KiB\n\n${renderTailFloor(floor)}\n\n${renderTable(measured)}`);
  printJsonRows(floor.map(toJsonRow));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
