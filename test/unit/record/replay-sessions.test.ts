/** Session mapping and pacing of replay (docs/recording.md "Replay"). */
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
