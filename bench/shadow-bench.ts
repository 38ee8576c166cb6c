/**
 * Shadow mode's cost to the primary (issue 11 "Done when"), in one run: asset.get at a fixed rate
 * through a facade that forwards every call to the vendor (no shadow) and through one that shadows
 * 100 % of reads — p99 and CPU per request of each, taking turns. Then the platform is slowed by
 * 2 s and finally killed: the shadowing facade's p99 must not move and its RSS must stay bounded
 * (the queue bounds entries and bytes; the candidate backs off). Drops come from GET /admin/parity.
 * The machine's tail floor is measured in the same run; `--repeat n` measures the healthy phase n
 * times, so a p99 difference can be told from the machine's drift.
 * Every facade runs with `--min-semi-space-size=32` unless `--node-flag F` (repeatable) says otherwise.
 * `--pin`: the facades on the last core, everything else (this load generator, the simulators,
 * PostgreSQL, the tail floor's servers) on the others — as deployed, where a facade has CPU of its
 * own and the vendor and the platform run elsewhere; without it all share every core.
 * Usage: npm run build && node dist/bench/shadow-bench.js [--rate 1000 --seconds 10 --repeat 1] [--node-flag F] [--platform-nice 19] [--pin]
 */
import { writeBenchConfig } from './lib/bench-config';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, setPriority } from 'node:os';
import { join } from 'node:path';
import { cliPath, facadeNodeFlags, loadArgs, numberArg } from './lib/bench-args';
import { measureScenario, pairedP99Ratios, type MeasuredTarget, type Row } from './lib/measure-row';
import { freePort, spawnServer, type SpawnedServer } from './lib/spawn-server';
import { createOwnDatabase } from './lib/own-database';
import { measureTailFloor, renderTailFloor } from './lib/tail-floor';
import { startThrowawayPostgres } from './lib/throwaway-postgres';
import { scenarios } from './scenarios';

const outDir = join(__dirname, '../../bench/out');
const adminToken = 'shadow-bench-admin-token-0123456789';
const shadowPolicy = (percent: number): string => `salt: bench\ndefaultTarget: vendor\nrules:\n  - id: shadow-reads\n    match: { operations: ["*"] }\n    target: vendor\n    shadow: true\n    shadowPercent: ${percent}\n`;

async function loginKs(vendorUrl: string): Promise<string> {
  const answer = await fetch(`${vendorUrl}/api_v3/service/ottuser/action/anonymousLogin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ partnerId: 3197, udid: 'bench-stb' }) });
  const body = (await answer.json()) as { result?: { ks?: string } };
  if (typeof body.result?.ks !== 'string') throw new Error('bench login failed');
  return body.result.ks;
}

/** The core the facades get with `--pin` (the last one); undefined without it. */
const facadeCore = process.argv.includes('--pin') ? availableParallelism() - 1 : undefined;

/** With `--pin`, moves this process (every thread) and so everything it starts from now on off the facades' core. */
function pinBenchOffFacadeCore(): void {
  if (facadeCore === undefined) return;
  if (facadeCore < 1) throw new Error('--pin needs at least two cores');
  execFileSync('taskset', ['-a', '-p', '-c', `0-${facadeCore - 1}`, String(process.pid)], { stdio: 'ignore' });
}

async function startFacade(port: number, adminPort: number, env: Record<string, string>): Promise<SpawnedServer> {
  return spawnServer([...facadeNodeFlags(), cliPath, 'serve', '--config', writeBenchConfig()], port, { PORT: String(port), ADMIN_PORT: String(adminPort), UNDERSTUDY_CLOCK: 'lab', LOG_LEVEL: 'error', UNDERSTUDY_ADMIN_TOKEN: adminToken, ...env }, facadeCore);
}

async function shadowFacts(adminPort: number): Promise<Record<string, unknown>> {
  const answer = await fetch(`http://127.0.0.1:${adminPort}/admin/parity`, { headers: { authorization: `Bearer ${adminToken}` } });
  const body = (await answer.json()) as { dropped: Record<string, number>; operations: { operation: string; report: { samples: number; parityPercent: number; candidateErrors: number } }[] };
  const asset = body.operations.find((o) => o.operation === 'asset.get');
  return { dropped: body.dropped, samples: asset?.report.samples ?? 0, parityPercent: asset?.report.parityPercent, candidateErrors: asset?.report.candidateErrors ?? 0 };
}

/** Samples compared per request sent to the 100 % facade in one phase (facts are cumulative). */
function comparedShare(facts: Record<string, unknown>, before: Record<string, unknown> | undefined, sent: number): string {
  const samples = Number(facts.samples) - Number(before?.samples ?? 0);
  return `${((samples / sent) * 100).toFixed(0)} % compared`;
}

const percentChange = (ratio: number): string => `${((ratio - 1) * 100).toFixed(1)}%`;

/** The healthy phases' slices pooled: each shadowing facade's p99 against the plain one's, pair by pair. */
function renderPairedSummary(healthy: readonly (readonly Row[])[]): string {
  const lines = ['| target | 1 s slice pairs | p99 vs no shadow: median of the pairs | quartiles |', '|---|---|---|---|'];
  for (const target of healthy[0]?.map((r) => r.target).filter((t) => t !== 'facade, no shadow') ?? []) {
    const pairs = healthy.map((rows) => ({ row: rows.find((r) => r.target === target)!, base: rows.find((r) => r.target === 'facade, no shadow')! }));
    const ratio = pairedP99Ratios(pairs);
    lines.push(`| ${target} | ${ratio.pairs} | ${percentChange(ratio.median)} | ${percentChange(ratio.q1)} to ${percentChange(ratio.q3)} |`);
  }
  return lines.join('\n');
}

function renderRows(phase: string, rows: readonly Row[], facts: Record<string, unknown>, before: Record<string, unknown> | undefined): string {
  const base = rows.find((r) => r.target === 'facade, no shadow');
  return rows
    .map((r) => {
      const cpu = base === undefined ? '' : (r.cpuMicrosPerRequest / base.cpuMicrosPerRequest).toFixed(2);
      const p99 = base === undefined ? '' : `${(((r.load.latencyMs.p99 - base.load.latencyMs.p99) / base.load.latencyMs.p99) * 100).toFixed(1)}%`;
      const paired = base === undefined ? '' : percentChange(pairedP99Ratios([{ row: r, base }]).median);
      // The phase's sent count includes its 2 s warm-up per target, which shadows too.
      const extra = r.target.includes('100 %') ? `${comparedShare(facts, before, r.load.sent + 2 * loadArgs.rate)}; cumulative ${String(facts.samples)} samples, errors ${String(facts.candidateErrors)}, dropped ${JSON.stringify(facts.dropped)}` : '';
      return `| ${phase} | ${r.target} | ${r.load.sent} | ${r.load.errors} | ${r.load.achievedRate.toFixed(0)} | ${r.load.latencyMs.p50.toFixed(2)} | ${r.load.latencyMs.p99.toFixed(2)} | ${p99} | ${paired} | ${r.cpuMicrosPerRequest.toFixed(0)} | ${cpu} | ${r.hostBusyPercent.toFixed(0)} | ${r.rssMiB.toFixed(0)} | ${extra} |`;
    })
    .join('\n');
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  pinBenchOffFacadeCore();
  const policyFile = join(outDir, 'shadow-bench-policy.yaml');
  const sampledFile = join(outDir, 'shadow-bench-policy-25.yaml');
  writeFileSync(policyFile, shadowPolicy(100));
  writeFileSync(sampledFile, shadowPolicy(25));
  // The store first: its port comes from the same free-port probe as the servers' (no collision).
  const postgres = await startThrowawayPostgres();
  const [vendorPort, platformPort, plainPort, shadowPort, sampledPort, plainAdmin, shadowAdmin, sampledAdmin] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort()]);
  const vendor = await spawnServer([cliPath, 'sim', 'vendor', '--port', String(vendorPort)], vendorPort);
  let platform: SpawnedServer | undefined = await spawnServer([cliPath, 'sim', 'platform', '--port', String(platformPort)], platformPort);
  // `--platform-nice N`: the platform simulator yields the CPU to everything else, as a platform on
  // other machines would (on two cores it otherwise competes with the vendor simulator and the facade).
  const platformNice = numberArg('platform-nice', 0);
  if (platformNice !== 0) setPriority(platform.pid, platformNice);
  const common = { UNDERSTUDY_VENDOR_URL: vendor.url, UNDERSTUDY_PLATFORM_URL: platform.url };
  // Each facade its own database: facades on one database share the active policy (docs/scale.md).
  const store = async (name: string): Promise<Record<string, string>> => (postgres === undefined ? {} : { UNDERSTUDY_STORE_URL: await createOwnDatabase(postgres.url, name) });
  const started: SpawnedServer[] = [];
  const stopAll = async (): Promise<void> => {
    await Promise.all([...started.map((s) => s.stop()), platform?.stop(), vendor.stop()]);
    postgres?.stop();
  };
  let plain: SpawnedServer, shadow: SpawnedServer, sampled: SpawnedServer;
  try {
    started.push((plain = await startFacade(plainPort, plainAdmin, { ...common, ...(await store('plain')) })));
    started.push((shadow = await startFacade(shadowPort, shadowAdmin, { ...common, ...(await store('shadow100')), UNDERSTUDY_POLICY_FILE: policyFile })));
    started.push((sampled = await startFacade(sampledPort, sampledAdmin, { ...common, ...(await store('shadow25')), UNDERSTUDY_POLICY_FILE: sampledFile })));
  } catch (error) {
    await stopAll();
    throw error;
  }
  const targets: MeasuredTarget[] = [
    { name: 'facade, no shadow', origin: plain.url, pids: () => [plain.pid] },
    { name: 'facade, 100 % read shadow', origin: shadow.url, pids: () => [shadow.pid] },
    { name: 'facade, 25 % read shadow', origin: sampled.url, pids: () => [sampled.pid] },
  ];
  const scenario = scenarios.find((s) => s.name === 'asset.get')!;
  const lines: string[] = [];
  const results: Record<string, unknown> = {};
  let floor: Row[] = [];
  const healthy: Row[][] = [];
  try {
    floor = await measureTailFloor();
    const ks = await loginKs(vendor.url);
    let before: Record<string, unknown> | undefined;
    const phase = async (name: string): Promise<void> => {
      const rows = await measureScenario(scenario, targets, ks);
      const facts = await shadowFacts(shadowAdmin);
      results[name] = { rows, facts };
      if (name.startsWith('platform healthy')) healthy.push(rows);
      lines.push(renderRows(name, rows, facts, before));
      before = facts;
      console.log(lines.at(-1));
    };
    const repeat = Math.max(1, numberArg('repeat', 1));
    for (let i = 1; i <= repeat; i++) await phase(repeat === 1 ? 'platform healthy' : `platform healthy (${i}/${repeat})`);
    await fetch(`${platform.url}/__sim/faults`, { method: 'PUT', body: JSON.stringify({ latencyMs: 2000 }) });
    await phase('platform slowed by 2 s');
    await platform.stop();
    platform = undefined;
    await phase('platform killed');
  } finally {
    await stopAll();
  }
  writeFileSync(join(outDir, 'shadow-bench.json'), JSON.stringify({ rate: loadArgs.rate, seconds: loadArgs.seconds, floor, results }, null, 2));
  const header = '| phase | target | sent | errors | rate/s | p50 ms | p99 ms | p99 vs no shadow | p99 vs no shadow, median of 1 s pairs | CPU µs/req | × no shadow | host busy % | RSS MiB | shadow facts |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|';
  console.log(`\nrate ${loadArgs.rate}/s for ${loadArgs.seconds}s per row, targets taking turns in 1 s slices, facades run with ${facadeNodeFlags().join(' ')}${platformNice === 0 ? '' : `, platform simulator at nice ${platformNice}`}${facadeCore === undefined ? '' : `, facades pinned to core ${facadeCore} and everything else to the others`}\n\n${renderTailFloor(floor)}\n\n${header}\n${lines.join('\n')}\n\nhealthy phases, slices paired:\n\n${renderPairedSummary(healthy)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
