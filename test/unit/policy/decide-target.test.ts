import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compilePolicy } from '../../../src/policy/compile-policy';
import type { CompiledPolicy } from '../../../src/policy/compiled-policy';
import { bucketOf, decideTarget, resolveRegion } from '../../../src/policy/decide-target';

function compile(doc: unknown, version = 7): CompiledPolicy {
  const compiled = compilePolicy(doc, version);
  if (!compiled.ok) throw new Error(compiled.error.join('; '));
  return compiled.value;
}

const base = {
  salt: 'test-salt',
  defaultTarget: 'vendor',
  qaOverride: { devices: ['qa-1'] },
  regions: { header: 'x-edge-region', cidrs: [{ cidr: '10.20.0.0/16', region: 'eu-west' }, { cidr: '2001:db8::/32', region: 'us' }] },
  rules: [
    { id: 'catalogue', match: { operations: ['asset.get', 'asset.list'] }, target: 'platform', fallbackToVendor: true },
    { id: 'bookmarks', match: { operations: ['bookmark.*'] }, target: 'vendor', shadow: true },
    { id: 'eu-playback', match: { operations: ['asset.getplaybackcontext'], regions: ['eu-west'] }, target: 'platform' },
    { id: 'new-apps', match: { operations: ['favorite.*'], appVersions: '>=7.0.0' }, target: 'platform' },
    { id: 'tv-family', match: { operations: ['household.get'], deviceFamilies: [5] }, target: 'platform' },
    { id: 'tagged', match: { operations: ['ottuser.get'], clientTags: ['stb-*'] }, target: 'platform' },
    { id: 'half', match: { operations: ['session.get'] }, target: 'platform', percent: 50 },
  ],
};

describe('decideTarget', () => {
  const policy = compile(base);

  it('uses the first matching rule and carries its flags, rule id and version', () => {
    expect(decideTarget(policy, { operationId: 'asset.get' })).toEqual({ target: 'platform', shadow: false, fallbackToVendor: true, reason: 'rule', ruleId: 'catalogue', policyVersion: 7 });
    expect(decideTarget(policy, { operationId: 'bookmark.list' })).toEqual({ target: 'vendor', shadow: true, fallbackToVendor: false, reason: 'rule', ruleId: 'bookmarks', policyVersion: 7 });
  });

  it('falls through to the default target when no rule matches', () => {
    expect(decideTarget(policy, { operationId: 'transaction.purchase' })).toEqual({ target: 'vendor', shadow: false, fallbackToVendor: false, reason: 'default', policyVersion: 7 });
    const platformDefault = compile({ ...base, defaultTarget: 'platform' });
    expect(decideTarget(platformDefault, { operationId: 'transaction.purchase' }).target).toBe('platform');
  });

  it('sends out-of-bucket calls of a canary rule to the vendor without trying later rules', () => {
    const canary = compile({ salt: 's', rules: [{ id: 'none', match: { operations: ['asset.get'] }, target: 'platform', percent: 0 }, { id: 'all', match: {}, target: 'platform' }] });
    expect(decideTarget(canary, { operationId: 'asset.get', householdId: 1 })).toMatchObject({ target: 'vendor', reason: 'rule-percent-out', ruleId: 'none', shadow: false, fallbackToVendor: false });
    expect(decideTarget(canary, { operationId: 'asset.list' })).toMatchObject({ target: 'platform', reason: 'rule', ruleId: 'all' });
  });

  it('splits a percentage rule by the household bucket', () => {
    for (let householdId = 0; householdId < 200; householdId++) {
      const decision = decideTarget(policy, { operationId: 'session.get', householdId });
      const inBucket = bucketOf('test-salt', { householdId }) < 5000;
      expect(decision).toMatchObject(inBucket ? { target: 'platform', reason: 'rule' } : { target: 'vendor', reason: 'rule-percent-out' });
    }
  });

  describe('regions', () => {
    it('trusts the policy header over the CIDR table', () => {
      expect(decideTarget(policy, { operationId: 'asset.getplaybackcontext', regionHeader: 'EU-West ', remoteAddress: '192.0.2.1' }).ruleId).toBe('eu-playback');
      expect(decideTarget(policy, { operationId: 'asset.getplaybackcontext', regionHeader: 'us', remoteAddress: '10.20.1.1' }).reason).toBe('default');
    });

    it('falls back to the CIDR table (IPv4, IPv6 and IPv4-mapped) when the header is absent', () => {
      for (const remoteAddress of ['10.20.1.1', '::ffff:10.20.1.1']) {
        expect(decideTarget(policy, { operationId: 'asset.getplaybackcontext', remoteAddress }).ruleId).toBe('eu-playback');
      }
      expect(resolveRegion(policy, { operationId: 'x', remoteAddress: '2001:db8::5' })).toBe('us');
    });

    it('ignores the header when the policy trusts none, and never matches an unknown region', () => {
      const noHeader = compile({ ...base, regions: { cidrs: base.regions.cidrs } });
      expect(decideTarget(noHeader, { operationId: 'asset.getplaybackcontext', regionHeader: 'eu-west' }).reason).toBe('default');
      expect(decideTarget(policy, { operationId: 'asset.getplaybackcontext', remoteAddress: '192.0.2.1' }).reason).toBe('default');
      expect(decideTarget(policy, { operationId: 'asset.getplaybackcontext' }).reason).toBe('default');
    });
  });

  it('matches app versions against the coerced apiVersion', () => {
    const decide = (apiVersion?: string) => decideTarget(policy, { operationId: 'favorite.list', apiVersion }).reason;
    expect(decide('7.8.1')).toBe('rule');
    expect(decide('11.2.1.0')).toBe('rule');
    expect(decide('v7')).toBe('rule');
    expect(decide('5.2.5.17649')).toBe('default');
    expect(decide('3.6.1579.29065')).toBe('default');
    expect(decide('garbage')).toBe('default');
    expect(decide(undefined)).toBe('default');
  });

  it('matches device families as numbers or strings', () => {
    expect(decideTarget(policy, { operationId: 'household.get', deviceFamily: 5 }).reason).toBe('rule');
    expect(decideTarget(policy, { operationId: 'household.get', deviceFamily: '5' }).reason).toBe('rule');
    expect(decideTarget(policy, { operationId: 'household.get', deviceFamily: 4 }).reason).toBe('default');
    expect(decideTarget(policy, { operationId: 'household.get' }).reason).toBe('default');
  });

  it('matches client tags by glob, case-insensitively', () => {
    expect(decideTarget(policy, { operationId: 'ottuser.get', clientTag: 'STB-Legacy-2' }).reason).toBe('rule');
    expect(decideTarget(policy, { operationId: 'ottuser.get', clientTag: 'android' }).reason).toBe('default');
    expect(decideTarget(policy, { operationId: 'ottuser.get' }).reason).toBe('default');
  });

  it('requires every condition of a rule', () => {
    const both = compile({ salt: 's', rules: [{ id: 'r', match: { operations: ['asset.get'], clientTags: ['stb'], deviceFamilies: [1] }, target: 'platform' }] });
    expect(decideTarget(both, { operationId: 'asset.get', clientTag: 'stb', deviceFamily: 1 }).reason).toBe('rule');
    expect(decideTarget(both, { operationId: 'asset.get', clientTag: 'stb', deviceFamily: 2 }).reason).toBe('default');
    expect(decideTarget(both, { operationId: 'asset.list', clientTag: 'stb', deviceFamily: 1 }).reason).toBe('default');
  });

  describe('QA override', () => {
    it('is honoured only for listed devices and only for known values', () => {
      expect(decideTarget(policy, { operationId: 'transaction.purchase', udid: 'qa-1', qaOverride: 'Platform' })).toMatchObject({ target: 'platform', reason: 'qa-override', shadow: false, fallbackToVendor: false });
      expect(decideTarget(policy, { operationId: 'asset.get', udid: 'qa-1', qaOverride: 'vendor' })).toMatchObject({ target: 'vendor', reason: 'qa-override' });
      expect(decideTarget(policy, { operationId: 'asset.get', udid: 'qa-1', qaOverride: 'shadow' }).reason).toBe('rule');
      expect(decideTarget(policy, { operationId: 'transaction.purchase', udid: 'someone', qaOverride: 'platform' }).reason).toBe('default');
      expect(decideTarget(policy, { operationId: 'transaction.purchase', qaOverride: 'platform' }).reason).toBe('default');
    });
  });

  describe('kill switches', () => {
    it('forces the vendor for one operation (names or globs) before QA override and rules', () => {
      const killed = compile({ ...base, killSwitch: { global: false, operations: ['Asset.Get', 'bookmark.*'] } });
      expect(decideTarget(killed, { operationId: 'asset.get', udid: 'qa-1', qaOverride: 'platform' })).toEqual({ target: 'vendor', shadow: false, fallbackToVendor: false, reason: 'kill-switch-operation', policyVersion: 7 });
      expect(decideTarget(killed, { operationId: 'bookmark.list' }).reason).toBe('kill-switch-operation');
      expect(decideTarget(killed, { operationId: 'asset.list' }).reason).toBe('rule');
    });

    it('forces the vendor for everything when global, before anything else', () => {
      const killed = compile({ ...base, defaultTarget: 'platform', killSwitch: { global: true, operations: ['asset.get'] } });
      for (const operationId of ['asset.get', 'asset.list', 'transaction.purchase']) {
        expect(decideTarget(killed, { operationId, udid: 'qa-1', qaOverride: 'platform' })).toEqual({ target: 'vendor', shadow: false, fallbackToVendor: false, reason: 'kill-switch-global', policyVersion: 7 });
      }
    });
  });

  it('returns frozen, shared decisions', () => {
    const first = decideTarget(policy, { operationId: 'asset.get' });
    expect(Object.isFrozen(first)).toBe(true);
    expect(decideTarget(policy, { operationId: 'asset.list' })).toBe(first);
  });
});

describe('the example migration policy', () => {
  const doc = parse(readFileSync(join(__dirname, '../../../fixtures/policy/example-migration.yaml'), 'utf8'));
  const policy = compile(doc, 1);

  it('routes each stage as described', () => {
    expect(decideTarget(policy, { operationId: 'transaction.purchase', householdId: 1 })).toMatchObject({ target: 'vendor', ruleId: 'commerce-vendor' });
    expect(decideTarget(policy, { operationId: 'asset.list', householdId: 1 })).toMatchObject({ target: 'platform', fallbackToVendor: true });
    expect(decideTarget(policy, { operationId: 'bookmark.list', householdId: 1 })).toMatchObject({ target: 'vendor', shadow: true });
    expect(decideTarget(policy, { operationId: 'bookmark.add', householdId: 1 }).reason).toBe('default');
    expect(decideTarget(policy, { operationId: 'asset.getplaybackcontext', apiVersion: '4.9.0', regionHeader: 'eu-west' }).ruleId).toBe('playback-legacy-apps-vendor');
    expect(decideTarget(policy, { operationId: 'asset.getplaybackcontext', apiVersion: '7.8.1', regionHeader: 'eu-central' }).reason).toBe('default');
    let platform = 0;
    for (let householdId = 0; householdId < 10000; householdId++) {
      const decision = decideTarget(policy, { operationId: 'asset.getplaybackcontext', apiVersion: '7.8.1', householdId, remoteAddress: '10.20.3.4' });
      expect(decision.ruleId).toBe('playback-canary-eu-west');
      if (decision.target === 'platform') platform++;
    }
    expect(platform / 100).toBeCloseTo(10, 0);
  });
});
