import { compileNameMatcher } from '../../../src/policy/glob-matcher';

describe('compileNameMatcher', () => {
  it('matches exact names only when no glob is given', () => {
    const match = compileNameMatcher(['asset.get', 'asset.list']);
    expect(match('asset.get')).toBe(true);
    expect(match('asset.list')).toBe(true);
    expect(match('asset.getplaybackcontext')).toBe(false);
    expect(match('asset')).toBe(false);
  });

  it('treats "*" as everything', () => {
    const match = compileNameMatcher(['asset.get', '*']);
    expect(match('anything.at.all')).toBe(true);
    expect(match('')).toBe(true);
  });

  it('supports prefix, suffix and inner globs', () => {
    const match = compileNameMatcher(['asset.*', '*.list', 'household*.get*']);
    expect(match('asset.get')).toBe(true);
    expect(match('asset.')).toBe(true);
    expect(match('assetfile.playmanifest')).toBe(false);
    expect(match('favorite.list')).toBe(true);
    expect(match('favorite.listing')).toBe(false);
    expect(match('householddevice.get')).toBe(true);
    expect(match('household.get')).toBe(true);
    expect(match('household.add')).toBe(false);
  });

  it('takes regex metacharacters literally', () => {
    const match = compileNameMatcher(['a.b*c+d']);
    expect(match('a.bXXc+d')).toBe(true);
    expect(match('aXbXXc+d')).toBe(false);
    expect(match('a.bXXccd')).toBe(false);
  });

  it('matches nothing for an empty list', () => {
    expect(compileNameMatcher([])('asset.get')).toBe(false);
  });
});
