/**
 * The admin API refuses what it should (issue: strict admin API): schema-checked bodies with every
 * error listed, operation names checked against the contract, ETag = policy version, 412 on a stale
 * or malformed If-Match, kill switches in /admin/status, the audit entry carries the diff, and
 * /admin/explain answers a decision with its reason.
 */
import type { RunningUnderstudy } from '../../src/main';
import { adminRequest, TEST_ADMIN_TOKEN } from '../support/admin-http';
import { frozenLabClock, startFacadeLab } from '../support/facade-lab';
import { captureLog } from '../support/log-lines';

let facade: RunningUnderstudy;
const log = captureLog();

beforeAll(async () => {
  facade = await startFacadeLab({ clock: frozenLabClock(), overrides: { admin: { token: TEST_ADMIN_TOKEN }, log: { level: 'info' } }, logDestination: log });
}, 120_000);
afterAll(() => facade.close());

const admin = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => adminRequest(facade.adminUrl, method, path, { body, headers });
const killSwitch = async () => (await admin('GET', '/admin/status')).json.killSwitch;

describe('POST /admin/kill-switch', () => {
  it.each([
    ['{"on":"yes"}', ['/on must be boolean']],
    ['', ['body is empty: send {"on": true|false, "operation"?: "<service.action>"}']],
    ['{"operation":123}', ['/ must have property "on"', '/operation must be string']],
    ['{"on":true,"global":true}', ['/global is not a known key; allowed: on, operation']],
    ['not json', [expect.stringMatching(/^body is not JSON/)]],
  ])('refuses %s with every error and leaves the switches alone', async (body, errors) => {
    const before = (await admin('GET', '/admin/policy')).json.version;
    const answer = await admin('POST', '/admin/kill-switch', body, { 'content-type': 'application/json' });
    expect(answer.status).toBe(400);
    expect(answer.json.errors).toEqual(errors);
    expect(await killSwitch()).toEqual({ global: false, operations: [] });
    expect((await admin('GET', '/admin/policy')).json.version).toBe(before);
  });

  it('refuses an operation the contract does not have, naming the close one', async () => {
    const answer = await admin('POST', '/admin/kill-switch', { on: true, operation: 'asset.gett' });
    expect(answer.status).toBe(400);
    expect(answer.json.errors).toEqual(['/operation "asset.gett" is not an operation of the vendor contract (did you mean "asset.get"?)']);
    expect(await killSwitch()).toEqual({ global: false, operations: [] });
  });

  it('switches one operation, shows it in /admin/status, and logs the diff', async () => {
    const answer = await admin('POST', '/admin/kill-switch', { on: true, operation: 'asset.get' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('etag')).toBe(`"${answer.json.version}"`);
    expect(await killSwitch()).toEqual({ global: false, operations: ['asset.get'] });
    const audit = log.events('admin_change').at(-1)!;
    expect(audit).toMatchObject({ who: 'jest', what: 'kill switch asset.get on', after: { version: answer.json.version, changes: [{ path: '/killSwitch/operations', before: [], after: ['asset.get'] }] } });
    const explained = await admin('GET', '/admin/explain?operation=asset.get&household=4001');
    expect(explained.json).toMatchObject({ target: 'vendor', reason: 'kill-switch-operation' });
    expect((await admin('POST', '/admin/kill-switch', { on: false, operation: 'asset.get' })).status).toBe(200);
    expect(await killSwitch()).toEqual({ global: false, operations: [] });
  });
});

describe('PUT /admin/policy', () => {
  it('answers ETag = the policy version and refuses a stale or malformed If-Match with 412', async () => {
    const current = await admin('GET', '/admin/policy');
    expect(current.headers.get('etag')).toBe(`"${current.json.version}"`);
    const doc = current.json.document;
    for (const ifMatch of ['garbage', `"${current.json.version - 1}"`, 'W/"x"']) {
      const refused = await admin('PUT', '/admin/policy', doc, { 'if-match': ifMatch });
      expect(refused.status).toBe(412);
      expect(refused.json.errors).toHaveLength(1);
    }
    expect((await admin('GET', '/admin/policy')).json.version).toBe(current.json.version);
    const replaced = await admin('PUT', '/admin/policy', { ...doc, salt: 'another-salt' }, { 'if-match': current.headers.get('etag')! });
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('etag')).toBe(`"${current.json.version + 1}"`);
    expect(log.events('admin_change').at(-1)).toMatchObject({ what: 'policy replaced', after: { changes: [{ path: '/salt', before: doc.salt, after: 'another-salt' }] } });
  });

  it('refuses rules naming operations the contract does not have, every one listed', async () => {
    const doc = (await admin('GET', '/admin/policy')).json.document;
    const bad = { ...doc, rules: [{ id: 'typo', match: { operations: ['asset.gett', 'nothing.*'] }, target: 'platform' }, ...doc.rules] };
    const answer = await admin('PUT', '/admin/policy', bad);
    expect(answer.status).toBe(400);
    expect(answer.json.errors).toEqual([
      '/rules/0/match/operations/0 "asset.gett" is not an operation of the vendor contract (did you mean "asset.get"?)',
      '/rules/0/match/operations/1 "nothing.*" matches no operation of the vendor contract',
    ]);
  });
});

describe('GET /admin/explain', () => {
  it('answers the decision and its reason for a household', async () => {
    const answer = await admin('GET', '/admin/explain?operation=asset.get&household=4001');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ target: 'platform', reason: 'rule', ruleId: 'reads-platform', fallbackToVendor: true });
    expect(answer.json.because).toBe('rule "reads-platform" matched (100%), target platform');
    expect(answer.json.bucket).toEqual(expect.any(Number));
    // No media section in this policy: the device plays from the vendor's CDN by the media default.
    expect(answer.json.media).toEqual({ source: 'vendor', reason: 'default', ruleId: null, fileId: null, because: 'no media rule matched: the media default (vendor) applies' });
  });

  it('refuses a media file id that is not a positive integer', async () => {
    const answer = await admin('GET', '/admin/explain?operation=asset.getPlaybackContext&household=4001&file=x1');
    expect(answer.status).toBe(400);
    expect(answer.json.errors).toEqual(['file "x1" is not a media file id (a positive integer)']);
  });

  it('lists every problem with the question', async () => {
    const answer = await admin('GET', '/admin/explain?operation=asset.gett&household=abc&colour=red');
    expect(answer.status).toBe(400);
    expect(answer.json.errors).toEqual([
      expect.stringContaining('unknown parameter "colour"'),
      'operation "asset.gett" is not an operation of the vendor contract',
      'household "abc" is not a household id (a positive integer)',
    ]);
  });
});
