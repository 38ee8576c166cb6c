/**
 * Where the facade's CPU goes on the hot path (issue 13): the facade runs under `--cpu-prof` and
 * `--trace-gc-nvp` while one scenario is driven at a fixed rate, and the profile of the loaded
 * window only (not start-up, not shutdown) is summed by function and by area, with the bytes
 * promoted per scavenge. Six cases: translated asset.get and player multirequest (demo policy,
 * every call to platform-sim), passthrough asset.get and multirequest (no policy: every call to
 * vendor-sim), and the bare Node proxy on those two scenarios, as the baseline the facade's
 * profile is read against. Profiles are kept under bench/out/profiles for a closer look in DevTools.
 * `--tracing <ratio>` turns tracing on at that sampling ratio, exporting to an OTLP receiver in a
 * child process of its own (bench/targets/otlp-sink.ts; bench/README.md "Tracing").
 * Usage: npm run build && node dist/bench/hot-path-profile.js [--rate 500 --seconds 10] [--only <case>] [--tracing 0.1]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeBenchConfig } from './lib/bench-config';
import { cliPath, numberArg, repeatedArg, stringArg } from './lib/bench-args';
import { summariseCpuProfile, summariseGcLog, type ProfileLine } from './lib/cpu-profile-summary';
import { runLoadSlice, summariseSlices } from './lib/open-loop-load';
import { processCpuSeconds } from './lib/process-cpu';
import { freePort, spawnServer, waitForPort } from './lib/spawn-server';
import { startThrowawayPostgres } from './lib/throwaway-postgres';
import { scenarios } from './scenarios';

const rate = numberArg('rate', 500);
const seconds = numberArg('seconds', 10);
const only = stringArg('only')?.split(',');
// --node-flag <flag>: one more V8/Node flag for the facade process (e.g. --max-semi-space-size=32).
const nodeFlags = repeatedArg('node-flag');
const tracingRatio = stringArg('tracing');
const outDir = join(__dirname, '../../bench/out/profiles');

interface ProfileCase {
  readonly name: string;
  readonly scenario: string;
  readonly translated: boolean;
  /** The baseline: the bare Node proxy (bench/targets/bare-node-proxy.ts) in front of vendor-sim. */
  readonly bare?: true;
}

const cases: readonly ProfileCase[] = [
  { name: 'translated-asset-get', scenario: 'asset.get', translated: true },
  { name: 'translated-player-multirequest', scenario: 'player multirequest', translated: true },
  { name: 'passthrough-asset-get', scenario: 'asset.get', translated: false },
  { name: 'passthrough-multirequest', scenario: 'player multirequest', translated: false },
  { name: 'bare-proxy-asset-get', scenario: 'asset.get', translated: false, bare: true },
  { name: 'bare-proxy-multirequest', scenario: 'player multirequest', translated: false, bare: true },
];

interface Upstreams {
  readonly vendorUrl: string;
  readonly platformUrl: string;
  /** The OTLP/HTTP traces URL, with `--tracing`. */
  readonly tracesUrl?: string;
}

async function loginKs(vendorUrl: string): Promise<string> {
  const answer = await fetch(`${vendorUrl}/api_v3/service/ottuser/action/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ partnerId: 3197, username: 'demo1', password: 'demo1-pass', udid: 'demo1-stb-1' }),
  });
  const ks = ((await answer.json()) as { result?: { loginSession?: { ks?: string } } }).result?.loginSession?.ks;
  if (typeof ks !== 'string') throw new Error('bench login failed');
  return ks;
}

function facadeEnv(profileCase: ProfileCase, upstreams: Upstreams & { readonly storeUrl?: string }, port: number): Record<string, string> {
  return {
    ...process.env,
    PORT: String(port),
    ADMIN_PORT: '0',
    UNDERSTUDY_VENDOR_URL: upstreams.vendorUrl,
    UNDERSTUDY_PLATFORM_URL: upstreams.platformUrl,
    UNDERSTUDY_CLOCK: 'lab',
    UNDERSTUDY_DRAIN_DELAY_MS: '0',
    LOG_LEVEL: 'warn',
    ...(profileCase.translated ? { UNDERSTUDY_POLICY_FILE: join(__dirname, '../../fixtures/policy/lab-all-platform.yaml') } : {}),
    ...(upstreams.storeUrl === undefined ? {} : { UNDERSTUDY_STORE_URL: upstreams.storeUrl }),
    ...(upstreams.tracesUrl === undefined || tracingRatio === undefined ? {} : { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: upstreams.tracesUrl, OTEL_TRACES_SAMPLER_ARG: tracingRatio }),
  };
}

/** Runs one case; returns its summary lines. */
async function profileOne(profileCase: ProfileCase, upstreams: Upstreams, ks: string): Promise<string> {
  const dir = join(outDir, profileCase.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const gcLog = join(dir, 'gc.log');
  // A store of its own per case: the store keeps the active policy, which the next case would restore.
  const postgres = profileCase.bare === true ? undefined : await startThrowawayPostgres();
  const spawnedAt = performance.now();
  const program = profileCase.bare === true ? [join(__dirname, 'targets/bare-node-proxy.js'), String(port), upstreams.vendorUrl] : [cliPath, 'serve', '--config', writeBenchConfig()];
  const child = spawn(process.execPath, [...nodeFlags, '--cpu-prof', `--cpu-prof-dir=${dir}`, '--trace-gc-nvp', ...program], {
    env: facadeEnv(profileCase, { ...upstreams, ...(postgres === undefined ? {} : { storeUrl: postgres.url }) }, port),
    stdio: ['ignore', openSync(gcLog, 'w'), 'inherit'],
  });
  await waitForPort(port, child, 30_000);
  const scenario = scenarios.find((s) => s.name === profileCase.scenario)!;
  const origin = `http://127.0.0.1:${port}`;
  await runLoadSlice({ origin, rate, durationMs: 3000, request: () => scenario.request(ks) });
  const fromMs = performance.now() - spawnedAt;
  const cpuBefore = processCpuSeconds(child.pid!);
  const load = summariseSlices([await runLoadSlice({ origin, rate, durationMs: seconds * 1000, request: () => scenario.request(ks) })]);
  const cpuUs = ((processCpuSeconds(child.pid!) - cpuBefore) * 1e6) / load.sent;
  const toMs = performance.now() - spawnedAt;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  postgres?.stop();
  const profileFile = join(dir, readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!);
  const cpu = summariseCpuProfile(profileFile, { fromMs, toMs });
  const gc = summariseGcLog(readFileSync(gcLog, 'utf8'), { fromMs, toMs });
  return renderCase(profileCase, { sent: load.sent, errors: load.errors, cpuUs, busyMsPerRequest: cpu.busyMs / load.sent }, cpu, gc);
}

function renderLines(lines: readonly ProfileLine[], sent: number): string {
  return lines.map((l) => `| ${l.name.replace(/\|/g, '\\|')} | ${((l.selfMs * 1000) / sent).toFixed(1)} | ${(l.share * 100).toFixed(1)} % |`).join('\n');
}

function renderCase(
  profileCase: ProfileCase,
  load: { sent: number; errors: number; cpuUs: number; busyMsPerRequest: number },
  cpu: ReturnType<typeof summariseCpuProfile>,
  gc: ReturnType<typeof summariseGcLog>,
): string {
  return [
    `### ${profileCase.name} (${load.sent} requests at ${rate}/s, ${load.errors} errors${nodeFlags.length === 0 ? '' : `; ${nodeFlags.join(' ')}`}${tracingRatio === undefined ? '' : `; tracing at ${tracingRatio}`})`,
    `CPU /proc ${load.cpuUs.toFixed(0)} µs/req; profiled busy ${(load.busyMsPerRequest * 1000).toFixed(0)} µs/req; scavenges ${gc.scavenges} (${gc.pauseMsPerScavenge.toFixed(2)} ms each, ${gc.promotedKiBPerScavenge.toFixed(0)} KiB promoted each, ${(gc.promotedBytes / load.sent).toFixed(0)} B promoted per request), mark-compacts ${gc.markCompacts}`,
    '',
    '| area | µs/req | share |',
    '|---|---|---|',
    renderLines(cpu.areas.slice(0, 12), load.sent),
    '',
    '| function (self) | µs/req | share |',
    '|---|---|---|',
    renderLines(cpu.functions.slice(0, 25), load.sent),
  ].join('\n');
}

async function main(): Promise<void> {
  const [vendorPort, platformPort] = await Promise.all([freePort(), freePort()]);
  const vendor = await spawnServer([cliPath, 'sim', 'vendor', '--port', String(vendorPort)], vendorPort);
  const platform = await spawnServer([cliPath, 'sim', 'platform', '--port', String(platformPort)], platformPort);
  const sinkPort = await freePort();
  const sink = tracingRatio === undefined ? undefined : await spawnServer([join(__dirname, 'targets/otlp-sink.js'), String(sinkPort)], sinkPort);
  try {
    const ks = await loginKs(vendor.url);
    const upstreams = { vendorUrl: vendor.url, platformUrl: platform.url, ...(sink === undefined ? {} : { tracesUrl: `${sink.url}/v1/traces` }) };
    for (const profileCase of cases) {
      if (only !== undefined && !only.includes(profileCase.name)) continue;
      console.log(`${await profileOne(profileCase, upstreams, ks)}\n`);
    }
  } finally {
    await Promise.all([vendor.stop(), platform.stop(), sink?.stop()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
