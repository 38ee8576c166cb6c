/**
 * Shadow mode's CPU by part (issue 11): facades that differ in one shadow setting each, taking turns
 * under the same asset.get load, so what each part of the shadow path costs is read off one run.
 * `--compare <dir>` adds the no-shadow and 100 % rows of another build (lib/compare-build.ts), so a
 * cut is read against its baseline in the same minutes; `--only a,b` keeps the variants whose
 * names start with the given words (`--only "no shadow,100 % shadow"`).
 * Usage: npm run build && node dist/bench/shadow-variants.js [--rate 800 --seconds 6] [--compare <dir>] [--only …]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { cliPath, facadeNodeFlags, loadArgs, stringArg } from './lib/bench-args';
import { writeBenchConfig } from './lib/bench-config';
import { compareCliPath } from './lib/compare-build';
import { measureScenario, type MeasuredTarget } from './lib/measure-row';
import { freePort, spawnServer, type SpawnedServer } from './lib/spawn-server';
import { createOwnDatabase } from './lib/own-database';
import { startThrowawayPostgres } from './lib/throwaway-postgres';
import { scenarios } from './scenarios';

const adminToken = 'shadow-variants-admin-token-0123456789';
const outDir = join(__dirname, '../../bench/out');
const shadowPolicy = 'salt: bench\ndefaultTarget: vendor\nrules:\n  - id: shadow-reads\n    match: { operations: ["*"] }\n    target: vendor\n    shadow: true\n    shadowPercent: 100\n';

interface Variant { readonly name: string; readonly policy?: string; readonly config?: Record<string, unknown>; readonly cli?: string }

const compareCli = compareCliPath();
const only = stringArg('only')?.split(',').map((word) => word.trim());
const allVariants: readonly Variant[] = [
  { name: 'no shadow' },
  { name: '100 % shadow', policy: shadowPolicy },
  { name: '100 % shadow, no noise call, no contract check', policy: shadowPolicy, config: { shadow: { noisePercent: 0, contractPercent: 0 } } },
  { name: 'every call on the platform (no shadow)', policy: 'salt: bench\ndefaultTarget: platform\nrules: []\n' },
  ...(compareCli === undefined
    ? []
    : [
        { name: 'no shadow, compare build', cli: compareCli },
        { name: '100 % shadow, compare build', policy: shadowPolicy, cli: compareCli },
      ]),
];
// The first variant is the baseline of the × column: keep it whatever --only says.
const variants = only === undefined ? allVariants : allVariants.filter((v, index) => index === 0 || only.some((word) => v.name.startsWith(word)));

async function shadowFacts(adminPort: number): Promise<string> {
  const answer = await fetch(`http://127.0.0.1:${adminPort}/admin/parity`, { headers: { authorization: `Bearer ${adminToken}` } });
  const body = (await answer.json()) as { dropped: Record<string, number>; operations: { operation: string; report: { samples: number } }[] };
  const samples = body.operations.find((o) => o.operation === 'asset.get')?.report.samples ?? 0;
  const dropped = Object.entries(body.dropped).filter(([, n]) => n > 0).map(([reason, n]) => `${reason} ${n}`).join(', ');
  return `${samples} samples${dropped === '' ? '' : `, dropped ${dropped}`}`;
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const postgres = await startThrowawayPostgres();
  const [vendorPort, platformPort] = await Promise.all([freePort(), freePort()]);
  const vendor = await spawnServer([cliPath, 'sim', 'vendor', '--port', String(vendorPort)], vendorPort);
  const platform = await spawnServer([cliPath, 'sim', 'platform', '--port', String(platformPort)], platformPort);
  const started: SpawnedServer[] = [];
  const admins: number[] = [];
  try {
    for (const [index, variant] of variants.entries()) {
      const { policy } = variant;
      const policyFile = join(outDir, `shadow-variant-${index}.yaml`);
      if (policy !== undefined) writeFileSync(policyFile, policy);
      const [port, adminPort] = [await freePort(), await freePort()];
      const env = { PORT: String(port), ADMIN_PORT: String(adminPort), UNDERSTUDY_CLOCK: 'lab', LOG_LEVEL: 'error', UNDERSTUDY_ADMIN_TOKEN: adminToken, UNDERSTUDY_VENDOR_URL: vendor.url, UNDERSTUDY_PLATFORM_URL: platform.url, ...(postgres === undefined ? {} : { UNDERSTUDY_STORE_URL: await createOwnDatabase(postgres.url, `variant${index}`) }), ...(policy === undefined ? {} : { UNDERSTUDY_POLICY_FILE: policyFile }) };
      admins.push(adminPort);
      started.push(await spawnServer([...facadeNodeFlags(), variant.cli ?? cliPath, 'serve', '--config', writeBenchConfig(variant.config ?? {})], port, env));
    }
    const login = await fetch(`${vendor.url}/api_v3/service/ottuser/action/anonymousLogin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ partnerId: 3197, udid: 'bench-stb' }) });
    const ks = ((await login.json()) as { result: { ks: string } }).result.ks;
    const targets: MeasuredTarget[] = started.map((server, index) => ({ name: variants[index]!.name, origin: server.url, pids: () => [server.pid] }));
    const rows = await measureScenario(scenarios.find((s) => s.name === 'asset.get')!, targets, ks);
    // Each build's rows are read against that build's own no-shadow row.
    const baseOf = (target: string): number => (target.endsWith('compare build') ? rows.find((r) => r.target === 'no shadow, compare build') : rows[0])!.cpuMicrosPerRequest;
    console.log(`rate ${loadArgs.rate}/s, ${loadArgs.seconds} s per row, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} at the end\n\n| variant | sent | errors | p50 ms | p99 ms | CPU µs/req | × no shadow |\n|---|---|---|---|---|---|---|`);
    const facts = await Promise.all(admins.map((port) => shadowFacts(port)));
    for (const [i, r] of rows.entries()) console.log(`| ${r.target} (${facts[i]}) | ${r.load.sent} | ${r.load.errors} | ${r.load.latencyMs.p50.toFixed(2)} | ${r.load.latencyMs.p99.toFixed(2)} | ${r.cpuMicrosPerRequest.toFixed(0)} | ${(r.cpuMicrosPerRequest / baseOf(r.target)).toFixed(2)} |`);
  } finally {
    await Promise.all([...started.map((s) => s.stop()), platform.stop(), vendor.stop()]);
    postgres?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
