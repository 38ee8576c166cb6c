/**
 * Two sites active-active (design.md §7): each site a facade on its own PostgreSQL, the sites linked
 * by logical replication with deploy/postgres/site-publish.sql + site-subscribe.sql, a round-robin
 * balancer in front. A kill switch, a policy change and a logout made at site A are in force at
 * site B within 5 s, and the other way; replicated rows keep the site that wrote them.
 */
import { loginAs, postVendorJson } from '../support/vendor-http';
import { pgClusterSkipReason } from '../support/pg-cluster';
import { timeKillSwitch, timeLogout, timePolicyReplace, timeUntil, userGetOutcome } from '../support/shared-state-checks';
import { countRowsBySite, startTwoSiteLab, type TwoSiteLab } from '../support/two-site-lab';

const skipReason = pgClusterSkipReason();
if (skipReason !== undefined) process.stderr.write(`two-site-lab skipped: ${skipReason}\n`);
const describeWithPg = skipReason === undefined ? describe : describe.skip;

describeWithPg(`two-site lab${skipReason === undefined ? '' : ` (skipped: ${skipReason})`}`, () => {
  let lab: TwoSiteLab;

  beforeAll(async () => {
    lab = await startTwoSiteLab();
  }, 180_000);
  afterAll(async () => {
    await lab?.close();
  }, 60_000);

  it('a kill switch set at site A is in force at site B within 5 s, and switched off at B is off at A', async () => {
    expect(await timeKillSwitch(lab.a.facade, lab.b.facade, 'asset.get', true, 15_000)).toBeLessThanOrEqual(5000);
    expect(await timeKillSwitch(lab.b.facade, lab.a.facade, 'asset.get', false, 15_000)).toBeLessThanOrEqual(5000);
  });

  it('a policy replaced at site B is active at site A within 5 s', async () => {
    expect(await timePolicyReplace(lab.b.facade, lab.a.facade, 'two-site-salt', 15_000)).toBeLessThanOrEqual(5000);
  });

  it('a KS logged out at site A is refused with 500016 at site B within 5 s', async () => {
    expect(await timeLogout(lab.a.facade, lab.b.facade, 15_000)).toBeLessThanOrEqual(5000);
    expect(await countRowsBySite(lab.b, 'ks_revocations')).toEqual({ a: 1 });
  });

  it('a device behind the balancer is refused at both sites within 5 s of its logout', async () => {
    const ks = await loginAs(lab.balancer.url, 'demo2');
    const logout = await postVendorJson(lab.balancer.url, '/api_v3/service/ottuser/action/logout', { ks });
    expect(logout.json.result).toBe(true);
    // Two refusals in a row through a round-robin balancer: one from each site.
    const elapsed = await timeUntil(async () => (await userGetOutcome(lab.balancer, ks)) === '500016' && (await userGetOutcome(lab.balancer, ks)) === '500016', 15_000);
    expect(elapsed).toBeLessThanOrEqual(5000);
    expect(lab.balancer.counts.every((n) => n > 0)).toBe(true);
    const atA = await countRowsBySite(lab.a, 'ks_revocations');
    const atB = await countRowsBySite(lab.b, 'ks_revocations');
    expect(atA).toEqual(atB);
  });

  it('policy rows at both sites carry the site that wrote them', async () => {
    const atA = await countRowsBySite(lab.a, 'policy_versions');
    expect(Object.keys(atA).sort()).toEqual(['a', 'b']);
    expect(await timeUntil(async () => JSON.stringify(await countRowsBySite(lab.b, 'policy_versions')) === JSON.stringify(atA), 5000)).toBeLessThan(5000);
  });
});
