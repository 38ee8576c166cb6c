import { compilePolicy } from '../../../src/policy/compile-policy';
import { explainMedia } from '../../../src/policy/explain-media';

function policy(doc: Record<string, unknown>) {
  const compiled = compilePolicy({ salt: 's', ...doc }, 1);
  if (!compiled.ok) throw new Error(compiled.error.join('; '));
  return compiled.value;
}

describe('explainMedia', () => {
  const input = { operationId: 'asset.getplaybackcontext', householdId: 4001 };

  it('names the matching file rule only when a file is named', () => {
    const p = policy({ media: { default: 'vendor', rules: [{ id: 'pilot-files', match: { files: [7] }, source: 'storage' }] } });
    expect(explainMedia(p, input, 7)).toEqual({ source: 'storage', reason: 'rule', ruleId: 'pilot-files', fileId: 7, because: 'media rule "pilot-files" matched: the company CDN, for files verified in the bucket' });
    expect(explainMedia(p, input, null)).toEqual({ source: 'vendor', reason: 'default', fileId: null, because: 'no media rule matched: the media default (vendor) applies' });
  });

  it('says when a kill switch or the percentage keeps the device on the vendor', () => {
    expect(explainMedia(policy({ media: { default: 'storage' }, killSwitch: { media: true } }), input, 1).because).toBe('killSwitch.media is on: every device plays from the vendor\'s CDN');
    expect(explainMedia(policy({ media: { default: 'storage' }, killSwitch: { global: true } }), input, 1).reason).toBe('kill-switch-global');
    const none = policy({ media: { rules: [{ id: 'tiny', match: {}, source: 'storage', percent: 0 }] } });
    expect(explainMedia(none, input, 1)).toMatchObject({ source: 'vendor', reason: 'rule-percent-out', ruleId: 'tiny' });
  });
});
