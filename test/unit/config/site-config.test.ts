import { loadConfig } from '../../../src/config/load-config';

describe('site.id', () => {
  it('defaults to lab', () => {
    const loaded = loadConfig({ env: {} });
    if (!loaded.ok) throw new Error(loaded.error.join('; '));
    expect(loaded.value.site).toEqual({ id: 'lab' });
  });

  it('comes from UNDERSTUDY_SITE_ID', () => {
    const loaded = loadConfig({ env: { UNDERSTUDY_SITE_ID: 'site-b' } });
    if (!loaded.ok) throw new Error(loaded.error.join('; '));
    expect(loaded.value.site.id).toBe('site-b');
  });

  it.each(['Site-A', 'a_b', 'x'.repeat(33), 'a b', 'é'])('rejects %p with the path in the message', (id) => {
    const loaded = loadConfig({ env: { UNDERSTUDY_SITE_ID: id } });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error.some((e) => e.startsWith('/site/id'))).toBe(true);
  });

  it('accepts the longest allowed id and rejects unknown keys under site', () => {
    expect(loadConfig({ env: { UNDERSTUDY_SITE_ID: 'a'.repeat(32) } }).ok).toBe(true);
    expect(loadConfig({ env: {}, overrides: { site: { id: 'a', region: 'eu' } } }).ok).toBe(false);
  });
});
