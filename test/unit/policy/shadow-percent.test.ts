import { compilePolicy, decideTarget } from '../../../src/policy';

const base = { salt: 's' };

describe('shadow sampling percentage in the policy', () => {
  it('puts shadowPercent on a shadow rule decision', () => {
    const compiled = compilePolicy({ ...base, rules: [{ id: 'sh', match: { operations: ['asset.get'] }, target: 'vendor', shadow: true, shadowPercent: 25 }] }, 1);
    if (!compiled.ok) throw new Error(compiled.error.join());
    expect(decideTarget(compiled.value, { operationId: 'asset.get' })).toMatchObject({ target: 'vendor', shadow: true, shadowPercent: 25, reason: 'rule' });
  });

  it('shadows the vendor share of a canary rule that names shadowPercent, and only then', () => {
    const rule = { id: 'canary', match: { operations: ['asset.get'] }, target: 'platform', percent: 0 };
    const withShadow = compilePolicy({ ...base, rules: [{ ...rule, shadowPercent: 50 }] }, 1);
    const without = compilePolicy({ ...base, rules: [rule] }, 1);
    if (!withShadow.ok || !without.ok) throw new Error('invalid');
    expect(decideTarget(withShadow.value, { operationId: 'asset.get', householdId: 1 })).toMatchObject({ target: 'vendor', shadow: true, shadowPercent: 50, reason: 'rule-percent-out' });
    expect(decideTarget(without.value, { operationId: 'asset.get', householdId: 1 })).toMatchObject({ target: 'vendor', shadow: false, reason: 'rule-percent-out' });
  });

  it('refuses shadowPercent on a vendor rule without shadow, and values out of range', () => {
    const noShadow = compilePolicy({ ...base, rules: [{ id: 'v', match: {}, target: 'vendor', shadowPercent: 10 }] }, 1);
    const tooMuch = compilePolicy({ ...base, rules: [{ id: 'w', match: {}, target: 'vendor', shadow: true, shadowPercent: 101 }] }, 1);
    expect(noShadow.ok ? [] : noShadow.error).toEqual(['/rules/0/shadowPercent needs shadow: true on a vendor rule']);
    expect(tooMuch.ok ? [] : tooMuch.error).toEqual(['/rules/0/shadowPercent must be <= 100']);
  });
});
