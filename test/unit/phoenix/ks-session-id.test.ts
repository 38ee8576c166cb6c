import { mintKs } from '../../../src/phoenix/ks-codec';
import { decodeCallerSession } from '../../../src/phoenix/ks-session';

const secret = 'lab-secret';
const secrets = (pid: number): string | undefined => (pid === 3197 ? secret : undefined);
const base = { partnerId: 3197, secret, userId: '614001', type: 'user' as const, expiry: 2000000000, createDate: 1900000000 };

function sessionIdOf(ks: string): string {
  const session = decodeCallerSession(ks, secrets, 1950000000);
  if (!session.ok) throw new Error('did not decode');
  return session.value.sessionId;
}

describe('the session id a KS is revoked by', () => {
  it('is the KS\'s sid privilege when it has one', () => {
    expect(sessionIdOf(mintKs({ ...base, privileges: { udid: 'box-1', hh: '5001', sid: 'abc' } }))).toBe('abc');
  });

  it('is a digest of the KS itself when it has none, different for every KS, stable for one', () => {
    const one = mintKs({ ...base, privileges: { udid: 'box-1', hh: '5001' } });
    const other = mintKs({ ...base, privileges: { udid: 'box-1', hh: '5001' } });
    const empty = mintKs({ ...base, privileges: { udid: 'box-1', hh: '5001', sid: '' } });
    expect(sessionIdOf(one)).toMatch(/^ks:[0-9a-f]{32}$/);
    expect(sessionIdOf(one)).toBe(sessionIdOf(one));
    expect(new Set([sessionIdOf(one), sessionIdOf(other), sessionIdOf(empty)]).size).toBe(3);
  });
});
