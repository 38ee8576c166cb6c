/**
 * Rolling restart and kill -9 of facade instances under load (issue 13, design.md §7 "Many
 * instances per site"): two built facades share one throwaway PostgreSQL behind a balancer that
 * follows `/readyz`. While devices read and write, each instance is restarted in turn with drain:
 * no device request fails. Then one is killed with SIGKILL: requests on its cut connections may
 * fail (a balancer must not replay a write), nothing fails once it is back, and every acknowledged
 * write is on the platform that answered it and, through the sync outbox, on the vendor.
 */
import { writeBenchConfig } from '../../bench/lib/bench-config';
import { lostWrites, readBookmarks, runBookmarkWriters } from '../../bench/lib/bookmark-writers';
import { startFleet, type Fleet } from '../../bench/lib/facade-fleet';
import { startHealthCheckedBalancer, type HealthCheckedBalancer } from '../../bench/lib/health-checked-balancer';
import { runLoadSlice, type LoadSlice } from '../../bench/lib/open-loop-load';
import { spawnServer, type SpawnedServer } from '../../bench/lib/spawn-server';
import { scenarios } from '../../bench/scenarios';
import { buildCli, cliPath, repoRoot } from '../support/built-cli';
import { pgClusterSkipReason, spareLoopbackPort, startPgCluster, type PgCluster } from '../support/pg-cluster';
import { loginAs } from '../support/vendor-http';

const skipReason = pgClusterSkipReason();
if (skipReason !== undefined) process.stderr.write(`rolling-restart skipped: ${skipReason}\n`);
const describeWithPg = skipReason === undefined ? describe : describe.skip;

const assets = ['480001', '480005', '480081', '480169'];
const reads = ['asset.get', 'asset.getPlaybackContext', 'player multirequest'].map((name) => scenarios.find((s) => s.name === name)!);

/** Reads at `rate` in 1 s slices through `url` until `stop()`; every slice's counts. */
async function readUntil(url: string, ks: string, rate: number, stop: () => boolean): Promise<LoadSlice[]> {
  const slices: LoadSlice[] = [];
  while (!stop()) slices.push(await runLoadSlice({ origin: url, rate, durationMs: 1000, request: (i) => reads[i % reads.length]!.request(ks), acceptBody: (body) => !body.includes('KalturaAPIException') }));
  return slices;
}

describeWithPg(`rolling restart of two instances under load${skipReason === undefined ? '' : ` (skipped: ${skipReason})`}`, () => {
  let cluster: PgCluster;
  let vendor: SpawnedServer;
  let platform: SpawnedServer;
  let fleet: Fleet;
  let balancer: HealthCheckedBalancer;
  let ks: string;

  beforeAll(async () => {
    [cluster] = await Promise.all([startPgCluster(), buildCli()]);
    const [vendorPort, platformPort] = await Promise.all([spareLoopbackPort(), spareLoopbackPort()]);
    vendor = await spawnServer([cliPath, 'sim', 'vendor', '--port', String(vendorPort)], vendorPort);
    platform = await spawnServer([cliPath, 'sim', 'platform', '--port', String(platformPort)], platformPort);
    fleet = await startFleet(
      2,
      {
        UNDERSTUDY_VENDOR_URL: vendor.url,
        UNDERSTUDY_PLATFORM_URL: platform.url,
        UNDERSTUDY_POLICY_FILE: `${repoRoot}/fixtures/policy/lab-all-platform.yaml`,
        UNDERSTUDY_STORE_URL: cluster.url(),
        UNDERSTUDY_CLOCK: 'lab',
        UNDERSTUDY_DRAIN_DELAY_MS: '1500',
        LOG_LEVEL: 'warn',
      },
      writeBenchConfig(),
      cliPath,
    );
    balancer = await startHealthCheckedBalancer(fleet.instances.map((i) => i.url));
    ks = await loginAs(vendor.url, 'demo1');
  }, 180_000);

  afterAll(async () => {
    await balancer?.close();
    await fleet?.stop();
    await Promise.all([vendor?.stop(), platform?.stop()]);
    await cluster?.stop();
  });

  it('restarts each instance with drain while devices read and write: no device request fails', async () => {
    let done = false;
    const before = [...balancer.counts];
    const load = readUntil(balancer.url, ks, 30, () => done);
    const writers = runBookmarkWriters(balancer.url, ks, assets, 100, () => done);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await fleet.restart(0);
    await fleet.restart(1);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    done = true;
    const slices = await load;
    const ledger = await writers;
    expect(slices.reduce((n, s) => n + s.sent, 0)).toBeGreaterThan(100);
    expect(slices.reduce((n, s) => n + s.errors, 0)).toBe(0);
    expect(ledger.acknowledged).toBeGreaterThan(10);
    expect(ledger.failed).toBe(0);
    expect(balancer.failures()).toEqual({});
    // Both instances served during the run (the balancer spread the load, restarts included).
    balancer.counts.forEach((count, i) => expect(count).toBeGreaterThan(before[i]!));
  }, 240_000);

  it('a kill -9 of one instance loses no acknowledged write, on the platform or through the outbox on the vendor', async () => {
    let done = false;
    const load = readUntil(balancer.url, ks, 30, () => done);
    const writers = runBookmarkWriters(balancer.url, ks, assets, 100, () => done);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await fleet.killAndRestart(0);
    let back = false;
    const afterRestart = readUntil(balancer.url, ks, 30, () => back);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    back = true;
    done = true;
    const ledger = await writers;
    await load;
    // Requests cut by the kill fail as cut connections (a balancer must not replay a write); once
    // the instance is back, nothing fails.
    expect(Object.keys(balancer.failures()).filter((code) => !/ECONNRESET|EPIPE|socket hang up/.test(code))).toEqual([]);
    expect((await afterRestart).reduce((n, s) => n + s.errors, 0)).toBe(0);
    expect(ledger.acknowledged).toBeGreaterThan(10);
    expect(lostWrites(ledger, await readBookmarks(balancer.url, ks, assets))).toEqual([]);
    let onVendor = lostWrites(ledger, await readBookmarks(vendor.url, ks, assets));
    for (let waited = 0; onVendor.length > 0 && waited < 60_000; waited += 500) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      onVendor = lostWrites(ledger, await readBookmarks(vendor.url, ks, assets));
    }
    expect(onVendor).toEqual([]);
  }, 240_000);
});
