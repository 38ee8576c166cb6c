import { OffsetClock } from '../../../src/core/clock';
import { decideTarget } from '../../../src/policy/decide-target';
import { PolicyHolder, type PolicyVersion } from '../../../src/policy/policy-holder';

const allPlatform = { salt: 's', defaultTarget: 'platform' };
const catalogueOnly = { salt: 's', rules: [{ id: 'catalogue', match: { operations: ['asset.*'] }, target: 'platform' }] };

function holderAt(ms: number): { holder: PolicyHolder; clock: OffsetClock } {
  const clock = new OffsetClock({ nowMs: () => ms });
  return { holder: new PolicyHolder({ clock, historyLimit: 3 }), clock };
}

describe('PolicyHolder', () => {
  it('starts at version 0 with the vendor-only policy', () => {
    const { holder } = holderAt(1000);
    const active = holder.current();
    expect(active).toMatchObject({ version: 0, author: 'built-in', atMs: 1000 });
    expect(decideTarget(active.policy, { operationId: 'asset.get' })).toMatchObject({ target: 'vendor', reason: 'default', policyVersion: 0 });
  });

  it('numbers versions one by one and keeps author and time', () => {
    const { holder, clock } = holderAt(1000);
    clock.advanceSeconds(60);
    expect(holder.replace(allPlatform, 'alice')).toEqual({ ok: true, value: { version: 1 } });
    clock.advanceSeconds(60);
    expect(holder.replace(catalogueOnly, 'bob')).toEqual({ ok: true, value: { version: 2 } });
    expect(holder.current()).toMatchObject({ version: 2, author: 'bob', atMs: 121000 });
    expect(holder.current().document.rules[0]!.id).toBe('catalogue');
  });

  it('keeps a reference taken before a swap deciding with the old version', () => {
    const { holder } = holderAt(0);
    holder.replace(allPlatform, 'alice');
    const inFlight = holder.current();
    holder.replace(catalogueOnly, 'bob');
    expect(decideTarget(inFlight.policy, { operationId: 'transaction.purchase' })).toMatchObject({ target: 'platform', policyVersion: 1 });
    expect(decideTarget(holder.current().policy, { operationId: 'transaction.purchase' })).toMatchObject({ target: 'vendor', policyVersion: 2 });
  });

  it('refuses an invalid policy, keeps the active version and does not use up a version number', () => {
    const { holder } = holderAt(0);
    holder.replace(allPlatform, 'alice');
    const refused = holder.replace({ salt: '', rules: [{ id: 'x' }] }, 'mallory');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.length).toBeGreaterThanOrEqual(3);
    expect(holder.current().version).toBe(1);
    expect(holder.replace(catalogueOnly, 'bob')).toEqual({ ok: true, value: { version: 2 } });
  });

  it('refuses a change made against a stale version', () => {
    const { holder } = holderAt(0);
    holder.replace(allPlatform, 'alice');
    expect(holder.replace(catalogueOnly, 'bob', { expectedVersion: 0 })).toEqual({ ok: false, error: ['the active version is 1, not 0'] });
    expect(holder.replace(catalogueOnly, 'bob', { expectedVersion: 1 })).toEqual({ ok: true, value: { version: 2 } });
  });

  it('keeps the last N versions, newest first', () => {
    const { holder } = holderAt(0);
    for (const author of ['a', 'b', 'c', 'd']) holder.replace(allPlatform, author);
    expect(holder.history().map((v) => [v.version, v.author])).toEqual([[4, 'd'], [3, 'c'], [2, 'b']]);
  });

  it('switches kill switches as new versions, global and per operation', () => {
    const { holder } = holderAt(0);
    holder.replace(allPlatform, 'alice');
    expect(holder.setKillSwitch({ operation: 'Asset.Get', on: true }, 'sre')).toEqual({ ok: true, value: { version: 2 } });
    expect(decideTarget(holder.current().policy, { operationId: 'asset.get' }).reason).toBe('kill-switch-operation');
    expect(decideTarget(holder.current().policy, { operationId: 'asset.list' }).target).toBe('platform');
    expect(holder.setKillSwitch({ global: true, on: true }, 'sre')).toEqual({ ok: true, value: { version: 3 } });
    expect(decideTarget(holder.current().policy, { operationId: 'asset.list' }).reason).toBe('kill-switch-global');
    holder.setKillSwitch({ global: true, on: false }, 'sre');
    holder.setKillSwitch({ operation: 'asset.get', on: false }, 'sre');
    expect(holder.current().version).toBe(5);
    expect(holder.current().document.killSwitch).toEqual({ global: false, operations: [] });
    expect(decideTarget(holder.current().policy, { operationId: 'asset.get' }).target).toBe('platform');
    expect(holder.setKillSwitch({ on: true }, 'sre').ok).toBe(false);
  });

  it('tells listeners about each new version until they unsubscribe', () => {
    const { holder } = holderAt(0);
    const seen: PolicyVersion[] = [];
    const stop = holder.onChange((active) => seen.push(active));
    holder.replace(allPlatform, 'alice');
    holder.replace({ salt: 1 }, 'mallory');
    stop();
    holder.replace(catalogueOnly, 'bob');
    expect(seen.map((v) => v.version)).toEqual([1]);
  });
});
