import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config/load-config';

describe('loadConfig', () => {
  it('defaults to the lab: embedded store, port 8080, admin on port + 1', () => {
    const loaded = loadConfig({ env: {} });
    if (!loaded.ok) throw new Error(loaded.error.join('; '));
    expect(loaded.value.server.port).toBe(8080);
    expect(loaded.value.server.adminPort).toBe(8081);
    expect(loaded.value.store).toEqual({ driver: 'pglite' });
    expect(loaded.value.vendor.url).toBeUndefined();
  });

  it('lets the environment override the file and the file override defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'understudy-config-'));
    const file = join(dir, 'config.yaml');
    writeFileSync(file, 'server:\n  port: 9000\nlog:\n  level: warn\n');
    const loaded = loadConfig({ env: { PORT: '9100', UNDERSTUDY_STORE_URL: 'postgres://u@127.0.0.1:5432/db' }, file });
    if (!loaded.ok) throw new Error(loaded.error.join('; '));
    expect(loaded.value.server.port).toBe(9100);
    expect(loaded.value.server.adminPort).toBe(9101);
    expect(loaded.value.log.level).toBe('warn');
    expect(loaded.value.store).toEqual({ driver: 'postgres', url: 'postgres://u@127.0.0.1:5432/db', poolSize: 10 });
  });

  it('lists every error at once', () => {
    const loaded = loadConfig({ env: { PORT: 'eighty', LOG_LEVEL: 'loud' } });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error.some((e) => e.includes('/server/port'))).toBe(true);
    expect(loaded.error.some((e) => e.includes('/log/level'))).toBe(true);
  });

  it('rejects unknown keys and a missing file with a clear message', () => {
    expect(loadConfig({ env: {}, overrides: { server: { colour: 'red' } } }).ok).toBe(false);
    const missing = loadConfig({ env: {}, file: '/nonexistent/understudy.yaml' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error[0]).toMatch(/cannot read config file/);
  });

  it('is frozen', () => {
    const loaded = loadConfig({ env: {} });
    if (!loaded.ok) throw new Error('config');
    expect(Object.isFrozen(loaded.value.server)).toBe(true);
    expect(() => {
      (loaded.value.server as { port: number }).port = 1;
    }).toThrow();
  });
});
