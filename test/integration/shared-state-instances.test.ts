/**
 * Two facade instances on one PostgreSQL (design.md §7 "Between instances of one site"): a kill
 * switch or policy change made through one instance's admin API is in force on the other within
 * 1 s, and a KS logged out on one is refused (500016) by the other within 1 s. The PostgreSQL is a
 * throwaway cluster of this test, so the LISTEN/NOTIFY path runs for real.
 */
import type { RunningUnderstudy } from '../../src/main';
import { TEST_ADMIN_TOKEN } from '../support/admin-http';
import { startFacadeLab } from '../support/facade-lab';
import { pgClusterSkipReason, startPgCluster, type PgCluster } from '../support/pg-cluster';
import { timeKillSwitch, timeLogout, timePolicyReplace } from '../support/shared-state-checks';

const skipReason = pgClusterSkipReason();
if (skipReason !== undefined) process.stderr.write(`shared-state-instances skipped: ${skipReason}\n`);
const describeWithPg = skipReason === undefined ? describe : describe.skip;

describeWithPg(`two instances on one PostgreSQL${skipReason === undefined ? '' : ` (skipped: ${skipReason})`}`, () => {
  let cluster: PgCluster;
  let a: RunningUnderstudy;
  let b: RunningUnderstudy;

  beforeAll(async () => {
    cluster = await startPgCluster();
    const start = (): Promise<RunningUnderstudy> =>
      startFacadeLab({ overrides: { admin: { token: TEST_ADMIN_TOKEN }, store: { driver: 'postgres', url: cluster.url(), poolSize: 4 } } });
    a = await start();
    b = await start();
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await cluster?.stop();
  });

  it('a kill switch set on one instance is in force on the other within 1 s, and so is switching it off', async () => {
    expect(await timeKillSwitch(a, b, 'asset.get', true, 5000)).toBeLessThanOrEqual(1000);
    expect(await timeKillSwitch(b, a, 'asset.get', false, 5000)).toBeLessThanOrEqual(1000);
    expect(a.routing.policy.current().version).toBe(b.routing.policy.current().version);
  });

  it('a policy replaced on one instance is active on the other within 1 s', async () => {
    expect(await timePolicyReplace(b, a, 'shared-salt-1', 5000)).toBeLessThanOrEqual(1000);
  });

  it('a KS logged out on one instance is refused with 500016 by the other within 1 s', async () => {
    expect(await timeLogout(a, b, 5000)).toBeLessThanOrEqual(1000);
  });
});
