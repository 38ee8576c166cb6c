import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema } from '../../../src/config/config-schema';
import { loadConfig } from '../../../src/config/load-config';

function errorsOf(options: Parameters<typeof loadConfig>[0]): string[] {
  const loaded = loadConfig(options);
  if (loaded.ok) throw new Error('expected errors');
  return loaded.error;
}

describe('configuration errors', () => {
  it('name the unknown key, the keys allowed there, and the layer it came from', () => {
    // The allowed list is the schema's own, so adding a server setting does not rewrite this test.
    const allowed = Object.keys(configSchema.properties.server.properties).join(', ');
    expect(allowed).toMatch(/^host, port, adminPort, /);
    expect(errorsOf({ env: {}, overrides: { server: { colour: 'red' } } })).toEqual([
      `/server/colour is not a known key; allowed: ${allowed} (from the command line)`,
    ]);
  });

  it('list the allowed values and name the env variable, the flag or the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'understudy-config-'));
    const file = join(dir, 'understudy.yaml');
    writeFileSync(file, 'store:\n  driver: mongo\n');
    expect(errorsOf({ env: { UNDERSTUDY_CLOCK: 'banana' }, file, overrides: { log: { level: 'loud' } }, flagNames: { 'log.level': '--log-level' } })).toEqual([
      `/store/driver "mongo" is not allowed; allowed: "pglite", "postgres" (from file ${file})`,
      '/clock "banana" is not allowed; allowed: "lab", "system", "auto" (from $UNDERSTUDY_CLOCK)',
      '/log/level "loud" is not allowed; allowed: "fatal", "error", "warn", "info", "debug", "trace", "silent" (from --log-level)',
    ]);
  });

  it('name the flag for a bad number and do not report the derived admin port as a second error', () => {
    expect(errorsOf({ env: {}, overrides: { server: { port: 'abc' } }, flagNames: { 'server.port': '--port' } })).toEqual(['/server/port must be integer (from --port)']);
  });

  it('list schema and semantic errors together', () => {
    expect(errorsOf({ env: { LOG_LEVEL: 'loud', PORT: '9000', ADMIN_PORT: '9000' } })).toEqual([
      '/log/level "loud" is not allowed; allowed: "fatal", "error", "warn", "info", "debug", "trace", "silent" (from $LOG_LEVEL)',
      '/server/adminPort must differ from /server/port (both 9000) (from $ADMIN_PORT)',
    ]);
  });
});
