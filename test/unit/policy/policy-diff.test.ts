import { diffPolicies } from '../../../src/policy/policy-diff';
import { vendorOnlyPolicy, type PolicyDocument } from '../../../src/policy/policy-document';

const rule = (id: string, target: 'vendor' | 'platform' = 'platform') => ({ id, match: { operations: ['asset.get'] }, target });

describe('diffPolicies', () => {
  it('is empty for the same policy', () => {
    expect(diffPolicies(vendorOnlyPolicy, { ...vendorOnlyPolicy })).toEqual([]);
  });

  it('names changed fields, added, removed, moved and edited rules by id', () => {
    const before: PolicyDocument = { ...vendorOnlyPolicy, rules: [rule('a'), rule('b'), rule('c')] };
    const after: PolicyDocument = { ...vendorOnlyPolicy, defaultTarget: 'platform', rules: [rule('b', 'vendor'), rule('a'), rule('d')] };
    expect(diffPolicies(before, after)).toEqual([
      { path: '/defaultTarget', before: 'vendor', after: 'platform' },
      { path: '/rules/b/position', before: 1, after: 0 },
      { path: '/rules/b/target', before: 'platform', after: 'vendor' },
      { path: '/rules/a/position', before: 0, after: 1 },
      { path: '/rules/d', after: rule('d') },
      { path: '/rules/c', before: rule('c') },
    ]);
  });
});
