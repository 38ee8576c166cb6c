import { createLogger, logChange, type LogLevel } from '../../../src/metrics/logger';

/** A destination that keeps every JSON line pino writes. */
function memoryLogger(level: LogLevel = 'info') {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (chunk: string) => void lines.push(chunk) } });
  const entries = (): Record<string, any>[] => lines.map((line) => JSON.parse(line) as Record<string, any>);
  return { logger, lines, entries };
}

const ks = 'djJ8MTQ4fOk9mFAKEsecretKSbody_-';

describe('createLogger', () => {
  it('writes one JSON object per line with a level label, ISO time and message', () => {
    const { logger, lines, entries } = memoryLogger();
    logger.info({ operation: 'asset.get' }, 'served');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    const [entry] = entries();
    expect(entry).toMatchObject({ level: 'info', msg: 'served', operation: 'asset.get' });
    expect(new Date(entry!.time as string).toISOString()).toBe(entry!.time);
  });

  it.each([
    ['ks', { ks }, (e: any) => e.ks],
    ['*.ks', { call: { ks } }, (e: any) => e.call.ks],
    ['password', { password: 'hunter2' }, (e: any) => e.password],
    ['*.password', { body: { password: 'hunter2' } }, (e: any) => e.body.password],
    ['refreshToken', { refreshToken: 'r-secret' }, (e: any) => e.refreshToken],
    ['*.refreshToken', { body: { refreshToken: 'r-secret' } }, (e: any) => e.body.refreshToken],
    ['token', { token: 't-secret' }, (e: any) => e.token],
    ['accessToken', { accessToken: 'a-secret' }, (e: any) => e.accessToken],
    ['req.headers.authorization', { req: { headers: { authorization: 'Bearer a-secret' } } }, (e: any) => e.req.headers.authorization],
    ['headers.authorization', { headers: { authorization: 'Bearer a-secret' } }, (e: any) => e.headers.authorization],
    ['*.authorization', { upstream: { authorization: 'Bearer a-secret' } }, (e: any) => e.upstream.authorization],
    ['udid', { udid: 'device-1234' }, (e: any) => e.udid],
  ])('redacts %s', (_path, fields, pick) => {
    const { logger, lines, entries } = memoryLogger();
    logger.info(fields, 'call');
    expect(pick(entries()[0])).toBe('[redacted]');
    expect(lines[0]).not.toMatch(/hunter2|secret|device-1234|djJ8/);
  });

  it('redacts secrets in child bindings too', () => {
    const { logger, lines } = memoryLogger();
    logger.child({ ks, udid: 'device-1234' }).info('bound');
    expect(lines[0]).not.toMatch(/djJ8|device-1234/);
  });

  it('masks secrets inside messages, URLs and error text but keeps the rest', () => {
    const { logger, lines, entries } = memoryLogger();
    const url = `/api_v3/service/asset/action/get?ks=${ks}&id=42`;
    logger.info({ url, req: { url: `/api_v3/service/asset/action/get/ks/${ks}` } }, `proxying ${url} with Bearer abc.def`);
    logger.error({ err: new Error(`login failed password=hunter2`) }, 'failed');
    expect(lines.join('')).not.toMatch(/djJ8|hunter2|abc\.def/);
    const [first, second] = entries();
    expect(first!.url).toBe('/api_v3/service/asset/action/get?ks=[redacted]&id=42');
    expect(first!.req.url).toBe('/api_v3/service/asset/action/get/ks/[redacted]');
    expect(first!.msg).toContain('Bearer [redacted]');
    expect(second!.err.message).toBe('login failed password=[redacted]');
  });

  it('writes nothing at the silent level', () => {
    const { logger, lines } = memoryLogger('silent');
    logger.fatal('boom');
    logger.error({ ks }, 'bad');
    logger.info('hello');
    expect(lines).toHaveLength(0);
  });

  it('drops entries below the configured level', () => {
    const { logger, entries } = memoryLogger('warn');
    logger.info('quiet');
    logger.warn('loud');
    expect(entries().map((e) => e.msg)).toEqual(['loud']);
  });
});

describe('logChange', () => {
  it('logs who changed what, with secrets in before/after masked at any depth', () => {
    const { logger, lines, entries } = memoryLogger();
    logChange(logger, {
      who: 'admin-token:ops',
      what: 'policy.put',
      before: { version: 3 },
      after: { version: 4, rules: [{ target: 'platform', auth: { token: 'deep-secret' } }], note: `ks=${ks}` },
    });
    expect(lines.join('')).not.toMatch(/deep-secret|djJ8/);
    expect(entries()[0]).toMatchObject({
      level: 'info',
      msg: 'admin change',
      event: 'admin_change',
      who: 'admin-token:ops',
      what: 'policy.put',
      before: { version: 3 },
      after: { version: 4, rules: [{ target: 'platform', auth: { token: '[redacted]' } }], note: 'ks=[redacted]' },
    });
  });

  it('masks a credential passed by mistake as who', () => {
    const { logger, entries } = memoryLogger();
    logChange(logger, { who: 'Bearer s3cr3t', what: 'kill-switch.global' });
    expect(entries()[0]!.who).toBe('Bearer [redacted]');
  });
});
