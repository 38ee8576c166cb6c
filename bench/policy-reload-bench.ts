/**
 * Policy changes under continuous load (issue: strangler routing): devices call the facade at a
 * fixed rate while the admin API replaces the policy and flips the kill switch every 100 ms. Every
 * answer must be a successful vendor envelope: 0 failed requests. Also measures how long a kill
 * switch takes to reach the next request.
 * Usage: npm run bench:reload [-- --rate 1000 --seconds 10]
 */
import { writeBenchConfig } from './lib/bench-config';
import { printJsonRows } from './lib/json-rows';
import { Pool } from 'undici';
import { cliPath, loadArgs } from './lib/bench-args';
import { freePort, spawnServer } from './lib/spawn-server';
import { scenarios } from './scenarios';

const cli = cliPath;
const { rate, seconds } = loadArgs;
const adminToken = 'bench-admin-token-0123456789';

async function adminCall(adminUrl: string, method: string, path: string, body: unknown): Promise<number> {
  const answer = await fetch(`${adminUrl}${path}`, { method, headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json', 'x-understudy-actor': 'bench' }, body: JSON.stringify(body) });
  await answer.text();
  return answer.status;
}

async function main(): Promise<void> {
  const [port, adminPort] = await Promise.all([freePort(), freePort()]);
  const facade = await spawnServer([cli, 'serve', '--config', writeBenchConfig()], port, { PORT: String(port), ADMIN_PORT: String(adminPort), UNDERSTUDY_ADMIN_TOKEN: adminToken, LOG_LEVEL: 'warn' });
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  const pool = new Pool(facade.url, { connections: 64 });
  try {
    const login = await pool.request({ method: 'POST', path: '/api_v3/service/ottuser/action/login', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ partnerId: 3197, username: 'demo1', password: 'demo1-pass', udid: 'demo1-stb-1' }) });
    const ks = ((await login.body.json()) as { result: { loginSession: { ks: string } } }).result.loginSession.ks;
    const policy = (await (await fetch(`${adminUrl}/admin/policy`, { headers: { authorization: `Bearer ${adminToken}` } })).json()) as { document: { rules: unknown[] } };
    let changes = 0;
    let stop = false;
    const changer = (async () => {
      while (!stop) {
        const step = changes % 4;
        if (step === 0) await adminCall(adminUrl, 'POST', '/admin/kill-switch', { on: true });
        else if (step === 1) await adminCall(adminUrl, 'POST', '/admin/kill-switch', { on: false });
        else await adminCall(adminUrl, 'PUT', '/admin/policy', { ...policy.document, salt: `bench-${changes}` });
        changes++;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const scenario = scenarios[0]!;
    const total = rate * seconds;
    let failed = 0;
    const start = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const wait = start + (i * 1000) / rate - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const req = scenario.request(ks);
      inFlight.push(
        pool.request({ method: req.method, path: req.path, body: req.body, headers: req.headers }).then(
          async (res) => {
            const body = (await res.body.json()) as { result?: { objectType?: string } };
            if (res.statusCode !== 200 || body.result?.objectType !== 'KalturaMediaAsset') failed++;
          },
          () => {
            failed++;
          },
        ),
      );
    }
    await Promise.all(inFlight);
    stop = true;
    await changer;
    const elapsedSec = (performance.now() - start) / 1000;
    console.log(`| requests | policy changes during the run | failed requests |\n|---|---|---|\n| ${total} | ${changes} | ${failed} |`);
    printJsonRows([{ scenario: `asset.get during ${changes} policy changes`, target: 'facade', sent: total, errors: failed, ratePerSec: Number((total / elapsedSec).toFixed(1)), p50Ms: null, p99Ms: null, cpuUsPerRequest: null, rssMiB: null }]);
    if (failed > 0) process.exitCode = 1;
  } finally {
    await pool.close();
    await facade.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
