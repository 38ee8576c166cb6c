import { compilePolicy } from '../../../src/policy/compile-policy';
import type { CompiledPolicy } from '../../../src/policy/compiled-policy';
import { bucketOf, decideTarget } from '../../../src/policy/decide-target';
import type { Target } from '../../../src/policy/policy-document';
import { simulateDevices } from './seeded-devices';

// Issue acceptance: 100,000 simulated devices; 10/50/90% within ±1 pp; sticky; monotonic.
const devices = simulateDevices(100_000, 20240917);

function canary(percent: number, version = 1): CompiledPolicy {
  const compiled = compilePolicy({ salt: 'rollout-salt', rules: [{ id: 'canary', match: { operations: ['asset.*'] }, target: 'platform', percent }] }, version);
  if (!compiled.ok) throw new Error(compiled.error.join('; '));
  return compiled.value;
}

function targetsOf(policy: CompiledPolicy): Target[] {
  return devices.map((device) => decideTarget(policy, { operationId: 'asset.get', ...device }).target);
}

const byPercent = new Map<number, Target[]>();
/** Targets at a percentage, computed once per test file (the stickiness test recomputes on purpose). */
function targetsAt(percent: number): Target[] {
  const known = byPercent.get(percent) ?? targetsOf(canary(percent));
  byPercent.set(percent, known);
  return known;
}

const platformShare = (targets: Target[]): number => (100 * targets.filter((t) => t === 'platform').length) / targets.length;

describe('percentage buckets over 100,000 simulated devices', () => {
  it('sends each share to the platform within ±1 percentage point', () => {
    for (const percent of [10, 50, 90]) {
      const share = platformShare(targetsAt(percent));
      expect(Math.abs(share - percent)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps every device on its target while the rule is unchanged, across calls and versions', () => {
    const first = targetsAt(50);
    const again = targetsOf(canary(50, 1));
    const nextVersion = targetsOf(canary(50, 2));
    expect(again).toEqual(first);
    expect(nextVersion).toEqual(first);
    const policy = canary(50);
    const operations = ['asset.get', 'asset.list', 'asset.getplaybackcontext'];
    const changed = devices.filter((device, i) => decideTarget(policy, { operationId: operations[i % 3]!, ...device }).target !== first[i]);
    expect(changed).toEqual([]);
  });

  it('moves only vendor devices to the platform when the percentage rises, none back', () => {
    let previous = targetsAt(10);
    for (const percent of [20, 50, 90, 100]) {
      const next = targetsAt(percent);
      let moved = 0;
      let movedBack = 0;
      next.forEach((target, i) => {
        if (previous[i] === 'platform' && target !== 'platform') movedBack++;
        if (previous[i] === 'vendor' && target === 'platform') moved++;
      });
      expect(movedBack).toBe(0);
      expect(moved).toBeGreaterThan(0);
      previous = next;
    }
    expect(platformShare(previous)).toBe(100);
  });

  it('buckets a household once for all its devices and an anonymous call without udid in the bucket of ""', () => {
    expect(bucketOf('s', { householdId: 42, udid: 'a' })).toBe(bucketOf('s', { householdId: 42, udid: 'b' }));
    expect(bucketOf('s', { householdId: 42 })).toBe(bucketOf('s', { householdId: '42' }));
    expect(bucketOf('s', {})).toBe(bucketOf('s', { udid: '' }));
  });

  it('honours fractional percentages at 0.01 resolution', () => {
    const counts = [0.5, 2.5].map((percent) => platformShare(targetsOf(canary(percent))));
    expect(Math.abs(counts[0]! - 0.5)).toBeLessThan(0.2);
    expect(Math.abs(counts[1]! - 2.5)).toBeLessThan(0.4);
    expect(canary(0.07).rules[0]!.bucketLimit).toBe(7);
  });
});
