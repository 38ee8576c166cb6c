import { loadConfig } from '../../../src/config/load-config';

const realUpstreams = {
  UNDERSTUDY_VENDOR_URL: 'https://vendor.example/v4_6',
  UNDERSTUDY_PLATFORM_URL: 'https://platform.example',
  UNDERSTUDY_PARTNER_SECRET: 'real-partner-secret-0123',
  UNDERSTUDY_PLATFORM_CLIENT_SECRET: 'real-client-secret-0123',
  UNDERSTUDY_ADMIN_TOKEN: 'real-admin-token-0123456789',
};

describe('production safety', () => {
  it('refuses the lab under NODE_ENV=production, every leftover named with its fix', () => {
    const loaded = loadConfig({ env: { NODE_ENV: 'production' } });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error).toEqual([
      '/vendor/url is not set: the lab vendor-sim would answer devices (set UNDERSTUDY_VENDOR_URL) (from NODE_ENV=production)',
      '/platform/url is not set: the lab platform-sim would answer devices (set UNDERSTUDY_PLATFORM_URL) (from NODE_ENV=production)',
      '/vendor/partnerSecret is the lab demo secret (set UNDERSTUDY_PARTNER_SECRET) (from NODE_ENV=production)',
      '/platform/clientSecret is the lab demo secret (set UNDERSTUDY_PLATFORM_CLIENT_SECRET) (from NODE_ENV=production)',
      '/admin/token is not set: every replica would generate its own (set UNDERSTUDY_ADMIN_TOKEN) (from NODE_ENV=production)',
      'to start anyway, with a warning per finding: UNDERSTUDY_LAB_IN_PRODUCTION=warn',
    ]);
  });

  it('names the one leftover when the rest is real', () => {
    const { UNDERSTUDY_PARTNER_SECRET: _kept, ...rest } = realUpstreams;
    const loaded = loadConfig({ env: { NODE_ENV: 'production', ...rest } });
    expect(loaded.ok ? [] : loaded.error).toEqual([
      '/vendor/partnerSecret is the lab demo secret (set UNDERSTUDY_PARTNER_SECRET) (from NODE_ENV=production)',
      'to start anyway, with a warning per finding: UNDERSTUDY_LAB_IN_PRODUCTION=warn',
    ]);
  });

  it('starts with real upstreams and secrets, or when told to warn', () => {
    expect(loadConfig({ env: { NODE_ENV: 'production', ...realUpstreams } }).ok).toBe(true);
    const warned = loadConfig({ env: { NODE_ENV: 'production', UNDERSTUDY_LAB_IN_PRODUCTION: 'warn' } });
    expect(warned.ok && warned.value.safety.labInProduction).toBe('warn');
    expect(loadConfig({ env: { NODE_ENV: 'test' } }).ok).toBe(true);
  });

  it('binds the admin API to loopback even when HOST is public', () => {
    const loaded = loadConfig({ env: { HOST: '0.0.0.0' } });
    if (!loaded.ok) throw new Error(loaded.error.join('; '));
    expect(loaded.value.server.host).toBe('0.0.0.0');
    expect(loaded.value.server.adminHost).toBe('127.0.0.1');
  });
});
