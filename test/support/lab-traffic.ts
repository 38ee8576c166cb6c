/**
 * Lab traffic for the observability tests: a policy that splits calls between the vendor and the
 * platform, devices calling, and the sims' fault knobs turned on for a while so errors, resets,
 * fallbacks and breaker activity show in the metrics.
 */
import type { RunningUnderstudy } from '../../src/main';
import { labDemo, loginAs, postVendorJson, sendVendorRequest } from './vendor-http';

/** asset.get split 50/50 by device, asset.list on the vendor, everything else on the platform. */
const splitPolicy = {
  salt: 'observability-lab',
  defaultTarget: 'vendor',
  rules: [
    { id: 'asset-get-half', match: { operations: ['asset.get'] }, target: 'platform', percent: 50, fallbackToVendor: true },
    { id: 'asset-list-vendor', match: { operations: ['asset.list'] }, target: 'vendor' },
    { id: 'rest-platform', match: { operations: ['*'] }, target: 'platform', fallbackToVendor: true },
  ],
};

/** Replaces the running policy through the admin API (a reload the metrics count). */
export async function applySplitPolicy(running: RunningUnderstudy): Promise<void> {
  const answer = await fetch(`${running.adminUrl}/admin/policy`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${running.adminToken}`, 'content-type': 'application/json', 'x-understudy-actor': 'observability-test' },
    body: JSON.stringify(splitPolicy),
  });
  if (answer.status !== 200) throw new Error(`policy PUT answered ${answer.status}: ${await answer.text()}`);
}

/** Sets both sims' fault knobs (`{}` clears them back to none). */
export async function setSimFaults(running: RunningUnderstudy, faults: { errorRate?: number; resetRate?: number; latencyMs?: number; jitterMs?: number }): Promise<void> {
  const all = { errorRate: 0, resetRate: 0, latencyMs: 0, jitterMs: 0, ...faults };
  for (const base of [running.upstreams.vendorUrl, running.upstreams.platformUrl]) {
    const answer = await fetch(`${base}/__sim/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(all) });
    if (answer.status !== 200) throw new Error(`${base}/__sim/faults answered ${answer.status}`);
  }
}

/** One device's round of calls: asset.get, asset.list, a household read, and a malformed request. */
async function callRound(url: string, ks: string, round: number): Promise<void> {
  await postVendorJson(url, '/api_v3/service/asset/action/get', { ks, id: '480001', assetReferenceType: 'media' });
  await postVendorJson(url, '/api_v3/service/asset/action/list', { ks, filter: { objectType: 'KalturaSearchAssetFilter', kSql: "name~'the'" }, pager: { pageSize: 3 } });
  await postVendorJson(url, '/api_v3/service/household/action/get', { ks });
  if (round % 5 === 0) await sendVendorRequest(url, '/api_v3/service/asset/action/get', { method: 'POST', body: '{"ks":', contentType: 'application/json' });
}

/**
 * Logs `devices` devices in (the demo accounts, then anonymous logins with distinct udids, so the
 * percentage split sends some to each target); do this before turning faults on.
 */
export function loginLabDevices(running: RunningUnderstudy, devices = 6): Promise<string[]> {
  const accounts = labDemo().accounts.map((a) => a.username);
  return Promise.all(Array.from({ length: devices }, (_, i) => loginAs(running.url, i < accounts.length ? accounts[i]! : 'anonymous', `obs-device-${i}`)));
}

/**
 * Drives traffic for `durationMs`, one concurrent caller per session pausing `pauseMs` between
 * rounds (a steady trickle, so the test does not take the machine's CPU from the tests beside it);
 * returns the rounds completed.
 */
export async function driveLabTraffic(running: RunningUnderstudy, sessions: readonly string[], durationMs: number, pauseMs = 40): Promise<number> {
  const until = Date.now() + durationMs;
  let rounds = 0;
  await Promise.all(
    sessions.map(async (ks) => {
      for (let round = 0; Date.now() < until; round++) {
        await callRound(running.url, ks, round).catch(() => undefined);
        rounds++;
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    }),
  );
  return rounds;
}

/** The split policy plus shadowing: asset.list compared on the platform, bookmark.add (a write) left unshadowed. */
const shadowedPolicy = {
  ...splitPolicy,
  rules: [
    { id: 'asset-list-shadow', match: { operations: ['asset.list', 'bookmark.add', 'ottuser.anonymouslogin'] }, target: 'vendor', shadow: true, shadowPercent: 100 },
    ...splitPolicy.rules.filter((rule) => rule.id !== 'asset-list-vendor'),
  ],
};

/**
 * Shadows asset.list (parity samples), sends bookmark writes to the vendor under a shadow rule
 * (counted as `write` drops, never shadowed) which sync then carries to the platform (sync lag).
 */
export async function driveShadowAndSync(running: RunningUnderstudy, sessions: readonly string[], rounds = 10): Promise<void> {
  const answer = await fetch(`${running.adminUrl}/admin/policy`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${running.adminToken}`, 'content-type': 'application/json', 'x-understudy-actor': 'observability-test' },
    body: JSON.stringify(shadowedPolicy),
  });
  if (answer.status !== 200) throw new Error(`policy PUT answered ${answer.status}: ${await answer.text()}`);
  // A login writes (it issues a session) and has no state to compare: a `write` drop.
  await postVendorJson(running.url, '/api_v3/service/ottuser/action/anonymousLogin', { partnerId: 3197 });
  for (let round = 0; round < rounds; round++) {
    for (const ks of sessions) {
      await postVendorJson(running.url, '/api_v3/service/asset/action/list', { ks, filter: { objectType: 'KalturaSearchAssetFilter', kSql: "name~'the'" }, pager: { pageSize: 3 } });
      await postVendorJson(running.url, '/api_v3/service/bookmark/action/add', { ks, bookmark: { objectType: 'KalturaBookmark', id: '480001', type: 'media', position: 100 + round, playerData: { objectType: 'KalturaBookmarkPlayerData', action: 'HIT', averageBitrate: 0, totalBitrate: 0, currentBitrate: 0 } } });
    }
  }
}
