/**
 * Profiles shadow mode's CPU (issue 11): one facade shadowing 100 % of reads (or none, with
 * `--plain`), run under `--cpu-prof`, driven with asset.get at the bench rate; prints the
 * hottest functions by self time and where the .cpuprofile went.
 * Usage: npm run build && node dist/bench/shadow-profile.js [--rate 1000 --seconds 6] [--plain]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, facadeNodeFlags, loadArgs } from './lib/bench-args';
import { writeBenchConfig } from './lib/bench-config';
import { runLoadSlice } from './lib/open-loop-load';
import { processCpuSeconds } from './lib/process-cpu';
import { freePort, spawnServer } from './lib/spawn-server';
import { startThrowawayPostgres } from './lib/throwaway-postgres';
import { scenarios } from './scenarios';

const outDir = join(__dirname, '../../bench/out/shadow-profile');
const policy = 'salt: bench\ndefaultTarget: vendor\nrules:\n  - id: shadow-reads\n    match: { operations: ["*"] }\n    target: vendor\n    shadow: true\n    shadowPercent: 100\n';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }

function hottest(file: string, top: number): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
  const self = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    total += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(dist|node_modules)\//, '$1/')}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + hits);
  }
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([key, hits]) => `${((hits / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
}

async function main(): Promise<void> {
  const plain = process.argv.includes('--plain');
  const extraAt = process.argv.indexOf('--config');
  const extra = extraAt < 0 ? {} : (JSON.parse(process.argv[extraAt + 1]!) as Record<string, unknown>);
  const policyAt = process.argv.indexOf('--policy');
  mkdirSync(outDir, { recursive: true });
  const policyFile = join(outDir, 'policy.yaml');
  writeFileSync(policyFile, policyAt < 0 ? policy : readFileSync(process.argv[policyAt + 1]!, 'utf8'));
  const postgres = await startThrowawayPostgres();
  const [vendorPort, platformPort, facadePort, adminPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const vendor = await spawnServer([cliPath, 'sim', 'vendor', '--port', String(vendorPort)], vendorPort);
  const platform = await spawnServer([cliPath, 'sim', 'platform', '--port', String(platformPort)], platformPort);
  const env = { PORT: String(facadePort), ADMIN_PORT: String(adminPort), UNDERSTUDY_CLOCK: 'lab', LOG_LEVEL: 'error', UNDERSTUDY_DRAIN_DELAY_MS: '0', UNDERSTUDY_VENDOR_URL: vendor.url, UNDERSTUDY_PLATFORM_URL: platform.url, ...(postgres === undefined ? {} : { UNDERSTUDY_STORE_URL: postgres.url }), ...(plain ? {} : { UNDERSTUDY_POLICY_FILE: policyFile }) };
  const facade = await spawnServer([...facadeNodeFlags(), `--cpu-prof`, `--cpu-prof-dir=${outDir}`, cliPath, 'serve', '--config', writeBenchConfig(extra)], facadePort, env);
  try {
    const login = await fetch(`${vendor.url}/api_v3/service/ottuser/action/anonymousLogin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ partnerId: 3197, udid: 'bench-stb' }) });
    const ks = ((await login.json()) as { result: { ks: string } }).result.ks;
    const scenario = scenarios.find((s) => s.name === 'asset.get')!;
    await runLoadSlice({ origin: facade.url, rate: loadArgs.rate, durationMs: 2000, request: () => scenario.request(ks) });
    const before = processCpuSeconds(facade.pid);
    const slice = await runLoadSlice({ origin: facade.url, rate: loadArgs.rate, durationMs: loadArgs.seconds * 1000, request: () => scenario.request(ks) });
    console.log(`${plain ? 'no shadow' : '100 % shadow'}: ${slice.sent} sent, ${slice.errors} errors, CPU ${(((processCpuSeconds(facade.pid) - before) * 1e6) / slice.sent).toFixed(0)} µs/request`);
  } finally {
    await facade.stop();
    await Promise.all([platform.stop(), vendor.stop()]);
    postgres?.stop();
  }
  const newest = readdirSync(outDir).filter((f) => f.endsWith('.cpuprofile')).sort().at(-1);
  if (newest === undefined) return;
  console.log(`${join(outDir, newest)}\n${hottest(join(outDir, newest), 40).join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
