import { createReplayDiff } from '../../../src/record/replay-rules';

const diff = createReplayDiff();
const user = (id: string, householdId: number) => ({ objectType: 'KalturaOTTUser', id, username: 'mr.viewer', householdId });

describe('replay rules: users registered during the run', () => {
  it('ignores the id each target gave a registered user (alone, in a slot, in a login answer)', () => {
    const a = JSON.stringify({ result: [user('614091', 0), { objectType: 'KalturaLoginResponse', user: user('614091', 0) }] });
    const b = JSON.stringify({ result: [user('9000000004', 0), { objectType: 'KalturaLoginResponse', user: user('9000000004', 0) }] });
    expect(diff(a, b, 'multirequest').differences).toEqual([]);
    expect(diff(JSON.stringify({ result: user('1', 0) }), JSON.stringify({ result: user('2', 0) }), 'ottuser.register').differences).toEqual([]);
  });

  it('still compares the id of a user who belongs to a household', () => {
    const found = diff(JSON.stringify({ result: user('614001', 5001) }), JSON.stringify({ result: user('614002', 5001) }), 'ottuser.get').differences;
    expect(found.map((d) => d.pointer)).toContain('/result/id');
  });

  it('still compares the rest of a registered user', () => {
    const found = diff(JSON.stringify({ result: user('1', 0) }), JSON.stringify({ result: { ...user('2', 0), username: 'other' } }), 'ottuser.register').differences;
    expect(found.map((d) => d.pointer)).toEqual(['/result/username']);
  });
});
