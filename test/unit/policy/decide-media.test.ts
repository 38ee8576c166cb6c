import { compilePolicy } from '../../../src/policy/compile-policy';
import { decideMedia, mediaMayUseStorage } from '../../../src/policy/decide-media';

function policy(doc: Record<string, unknown>) {
  const compiled = compilePolicy({ salt: 's', ...doc }, 1);
  if (!compiled.ok) throw new Error(compiled.error.join('; '));
  return compiled.value;
}

describe('decideMedia', () => {
  it('keeps every device on the vendor CDN without a media section, at no cost', () => {
    const p = policy({});
    expect(mediaMayUseStorage(p)).toBe(false);
    expect(decideMedia(p, { operationId: 'asset.getplaybackcontext', householdId: 1 }, 7)).toEqual({ source: 'vendor', reason: 'default' });
  });

  it('applies the default, the kill switches, per-region and per-file rules', () => {
    const p = policy({ regions: { header: 'x-region' }, media: { default: 'vendor', rules: [{ id: 'files', match: { files: [7] }, source: 'storage' }, { id: 'eu', match: { regions: ['EU-West'] }, source: 'storage' }] } });
    expect(mediaMayUseStorage(p)).toBe(true);
    expect(decideMedia(p, { operationId: 'x', householdId: 1 }, 7)).toEqual({ source: 'storage', reason: 'rule', ruleId: 'files' });
    expect(decideMedia(p, { operationId: 'x', householdId: 1 }, 8)).toEqual({ source: 'vendor', reason: 'default' });
    expect(decideMedia(p, { operationId: 'x', householdId: 1, regionHeader: 'eu-west' }, 8)).toEqual({ source: 'storage', reason: 'rule', ruleId: 'eu' });
    const killed = policy({ media: { default: 'storage' }, killSwitch: { media: true } });
    expect(mediaMayUseStorage(killed)).toBe(false);
    expect(decideMedia(killed, { operationId: 'x' }, 1)).toEqual({ source: 'vendor', reason: 'kill-switch-media' });
    expect(decideMedia(policy({ media: { default: 'storage' }, killSwitch: { global: true } }), { operationId: 'x' }, 1).reason).toBe('kill-switch-global');
  });

  it('keeps percentages sticky and monotonic per household', () => {
    const at = (percent: number) => policy({ media: { rules: [{ id: 'r', match: {}, source: 'storage', percent }] } });
    const inAt = (percent: number) => new Set(Array.from({ length: 2000 }, (_, h) => h).filter((h) => decideMedia(at(percent), { operationId: 'x', householdId: h }, 1).source === 'storage'));
    const ten = inAt(10);
    const twenty = inAt(20);
    expect([...ten].every((h) => twenty.has(h))).toBe(true);
    expect(ten.size).toBeGreaterThan(120);
    expect(ten.size).toBeLessThan(280);
  });

  it('rejects an unknown source and duplicate rule ids', () => {
    expect(compilePolicy({ salt: 's', media: { default: 'cloud' } }, 1).ok).toBe(false);
    const dup = compilePolicy({ salt: 's', media: { rules: [{ id: 'a', match: {}, source: 'storage' }, { id: 'a', match: {}, source: 'vendor' }] } }, 1);
    expect(dup.ok ? [] : dup.error).toEqual(['/media/rules/1/id "a" is already used']);
  });
});
