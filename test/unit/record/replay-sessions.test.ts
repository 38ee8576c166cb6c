/** Session mapping and pacing of replay (docs/recording.md "Replay"). */
import { decodeKs } from '../../../src/phoenix/ks-codec';
import { mintPlanOf, mintPlannedKs, successfulLogins } from '../../../src/record/replay-logins';
import { orderKeysOf } from '../../../src/record/replay-order';
import { createSessionMap } from '../../../src/record/replay-sessions';
import { plannedRate, scheduleOffsets } from '../../../src/record/replay-pacing';
import type { RecordedExchange } from '../../../src/record/recording-format';

describe('createSessionMap', () => {
  it('maps a recorded KS to the live one learned from the replayed login, and fills passwords from credentials', () => {
    const map = createSessionMap({ demo1: 'demo1-pass' });
    const login = map.rewrite({ username: 'demo1', password: 'password_AAAAAAAAAAAAAAAA', udid: 'udid_BBBBBBBBBBBBBBBB' });
    expect(login.params).toEqual({ username: 'demo1', password: 'demo1-pass', udid: 'udid_BBBBBBBBBBBBBBBB' });
    map.learn({ result: { loginSession: { ks: 'ks_CCCCCCCCCCCCCCCC', refreshToken: 'token_DDDDDDDDDDDDDDDD' } } }, { result: { loginSession: { ks: 'djJ8live', refreshToken: 'rt-live' } } });
    expect(map.rewrite({ ks: 'ks_CCCCCCCCCCCCCCCC', 1: { refreshToken: 'token_DDDDDDDDDDDDDDDD' } })).toEqual({ params: { ks: 'djJ8live', 1: { refreshToken: 'rt-live' } }, unmapped: 0 });
    expect(map.rewrite({ ks: 'ks_EEEEEEEEEEEEEEEE' }).unmapped).toBe(1);
  });
});

describe('scheduleOffsets', () => {
  const at = (ms: number, seq: number): RecordedExchange => ({ at: ms, seq } as unknown as RecordedExchange);
  it('divides the recorded pace by the speed factor, or spaces evenly at a fixed rate', () => {
    const exchanges = [at(1000, 1), at(1400, 2), at(3000, 3)];
    expect(scheduleOffsets(exchanges, { kind: 'speed', factor: 4 })).toEqual([0, 100, 500]);
    expect(scheduleOffsets(exchanges, { kind: 'rate', perSecond: 2000 })).toEqual([0, 0.5, 1]);
    expect(plannedRate([0, 0.5, 1])).toBe(2000);
  });
});

describe('orderKeysOf (per-household order)', () => {
  const exchange = (orderKey: string, params: unknown, body: unknown): RecordedExchange => ({ orderKey, request: { params }, response: { body } } as unknown as RecordedExchange);
  it('gives every call of a household one key, whichever session or username carries it', () => {
    const keys = orderKeysOf([
      exchange('demo1', { username: 'demo1', password: 'password_AAAAAAAAAAAAAAAA' }, { result: { user: { householdId: 5001 }, loginSession: { ks: 'ks_AAAAAAAAAAAAAAAA' } } }),
      exchange('demo2', { username: 'demo2', password: 'password_BBBBBBBBBBBBBBBB' }, { result: { user: { householdId: 5001 }, loginSession: { ks: 'ks_BBBBBBBBBBBBBBBB' } } }),
      exchange('ks_AAAAAAAAAAAAAAAA', { ks: 'ks_AAAAAAAAAAAAAAAA' }, { result: true }),
      exchange('ks_BBBBBBBBBBBBBBBB', { ks: 'ks_BBBBBBBBBBBBBBBB', udid: 'udid_CCCCCCCCCCCCCCCC' }, { result: true }),
      exchange('demo3', { username: 'Demo3', password: 'password_DDDDDDDDDDDDDDDD' }, { result: { error: { code: '1011' } } }),
      exchange('', {}, { result: true }),
    ]);
    expect(keys[2]).toEqual(expect.arrayContaining(['hh:5001', 'ks_AAAAAAAAAAAAAAAA']));
    expect(keys[3]).toEqual(expect.arrayContaining(['hh:5001', 'ks_BBBBBBBBBBBBBBBB', 'udid_CCCCCCCCCCCCCCCC']));
    expect(keys[4]).toEqual(['user:demo3', 'demo3']);
    expect(keys[5]).toEqual([]);
  });
});

describe('successfulLogins and password fill', () => {
  const login = (password: string, ok: boolean): RecordedExchange => ({ operation: 'ottuser.login', request: { params: { username: 'demo1', password } }, response: { body: { result: ok ? { objectType: 'KalturaLoginResponse' } : { error: { code: '1011' } } } } } as unknown as RecordedExchange);
  it('gives the operator password only to pseudonyms that logged in, at the top level and in multirequest slots', () => {
    const good = successfulLogins([login('password_GOODGOODGOODGOOD', true), login('password_BADBADBADBADBADB', false)]);
    const map = createSessionMap({ demo1: 'demo1-pass' }, { successfulLogins: good });
    expect(map.rewrite({ username: 'demo1', password: 'password_GOODGOODGOODGOOD' }).params.password).toBe('demo1-pass');
    expect(map.rewrite({ username: 'demo1', password: 'password_BADBADBADBADBADB' }).params.password).toBe('password_BADBADBADBADBADB');
    expect(map.rewrite({ 1: { username: 'demo1', password: 'password_GOODGOODGOODGOOD' } }).params).toEqual({ 1: { username: 'demo1', password: 'demo1-pass' } });
  });
});

describe('mintPlanOf / mintPlannedKs', () => {
  it('mints a KS the partner secret decodes, for the recorded user, household and device', () => {
    const recorded = { operation: 'ottuser.login', request: { params: { username: 'demo1', password: 'password_AAAAAAAAAAAAAAAA', udid: 'udid_BBBBBBBBBBBBBBBB' } }, response: { body: { result: { objectType: 'KalturaLoginResponse', user: { id: '614001', householdId: 5001 }, loginSession: { ks: 'ks_CCCCCCCCCCCCCCCC', expiry: 1_800_000_000 } } } } } as unknown as RecordedExchange;
    expect(mintPlanOf(recorded, { demo1: 'demo1-pass' })).toBeNull();
    const plan = mintPlanOf(recorded, {})!;
    expect(plan).toEqual({ recordedKs: 'ks_CCCCCCCCCCCCCCCC', userId: '614001', householdId: '5001', udid: 'udid_BBBBBBBBBBBBBBBB', recordedExpiry: 1_800_000_000 });
    const ks = mintPlannedKs(plan, { partnerId: 3197, secret: 's3cret' }, 1_700_000_000, 'sid1');
    const decoded = decodeKs(ks, (pid) => (pid === 3197 ? 's3cret' : undefined));
    expect(decoded.ok && decoded.value).toMatchObject({ userId: '614001', expiry: 1_800_000_000, privileges: { hh: '5001', udid: 'udid_BBBBBBBBBBBBBBBB', sid: 'sid1' } });
    expect(decodeKs(ks, () => 'other').ok).toBe(false);
  });
});
