/**
 * `server.workers` (design.md §7 "All cores"): the built CLI with UNDERSTUDY_WORKERS=2 on a
 * throwaway PostgreSQL forks two workers that share the facade and admin ports; both serve, a
 * kill switch set through whichever worker took the admin request is in force in both within 1 s,
 * and SIGTERM to the primary stops everything. Connections (not requests) are spread over workers,
 * so every probe here opens a new connection.
 */
import { request } from 'node:http';
import { TEST_ADMIN_TOKEN } from '../support/admin-http';
import { buildCli, startCli, type RunningCli } from '../support/built-cli';
import { pgClusterSkipReason, spareLoopbackPort, startPgCluster, type PgCluster } from '../support/pg-cluster';
import { timeUntil } from '../support/shared-state-checks';

const skipReason = pgClusterSkipReason();
if (skipReason !== undefined) process.stderr.write(`serve-workers skipped: ${skipReason}\n`);
const describeWithPg = skipReason === undefined ? describe : describe.skip;

/** One request on a fresh connection: status code and parsed JSON body. */
function once(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(url, { method, agent: false, headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

describeWithPg(`serve with two workers${skipReason === undefined ? '' : ` (skipped: ${skipReason})`}`, () => {
  let cluster: PgCluster;
  let cli: RunningCli;
  let facadeUrl: string;
  let adminUrl: string;
  const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'x-understudy-actor': 'jest' };
  const status = async (): Promise<{ pid: number; policyVersion: number }> => (await once(`${adminUrl}/admin/status`, 'GET', undefined, auth)).json;

  beforeAll(async () => {
    [cluster] = await Promise.all([startPgCluster(), buildCli()]);
    const [port, adminPort] = [await spareLoopbackPort(), await spareLoopbackPort()];
    facadeUrl = `http://127.0.0.1:${port}`;
    adminUrl = `http://127.0.0.1:${adminPort}`;
    cli = startCli(['serve'], {
      UNDERSTUDY_WORKERS: '2',
      UNDERSTUDY_STORE_URL: cluster.url(),
      PORT: String(port),
      ADMIN_PORT: String(adminPort),
      UNDERSTUDY_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      UNDERSTUDY_DRAIN_DELAY_MS: '0',
      LOG_LEVEL: 'warn',
    });
    await cli.waitFor(/2 workers ready/, 90_000);
  }, 180_000);
  afterAll(async () => {
    if (cli !== undefined && cli.child.exitCode === null) {
      cli.child.kill('SIGTERM');
      await cli.exited();
    }
    await cluster?.stop();
  }, 60_000);

  it('both workers serve the facade and the admin API', async () => {
    const pids = new Set<number>();
    expect(await timeUntil(async () => pids.add((await status()).pid).size === 2, 10_000)).toBeLessThan(10_000);
    for (let i = 0; i < 6; i++) {
      const login = await once(`${facadeUrl}/api_v3/service/ottuser/action/anonymousLogin`, 'POST', { partnerId: 3197 });
      expect(login.status).toBe(200);
      expect(typeof login.json.result.ks).toBe('string');
    }
  });

  it('a kill switch set through one worker is in force in both within 1 s', async () => {
    const set = await once(`${adminUrl}/admin/kill-switch`, 'POST', { on: true, operation: 'asset.get' }, auth);
    expect(set.status).toBe(200);
    const current = new Set<number>();
    const elapsed = await timeUntil(async () => {
      const seen = await status();
      if (seen.policyVersion >= set.json.version) current.add(seen.pid);
      return current.size === 2;
    }, 5000);
    expect(elapsed).toBeLessThanOrEqual(1000);
  });

  it('stops every worker on SIGTERM to the primary', async () => {
    cli.child.kill('SIGTERM');
    expect(await cli.exited()).toBe(0);
    await expect(once(`${adminUrl}/admin/status`, 'GET', undefined, auth)).rejects.toThrow();
  }, 60_000);
});
