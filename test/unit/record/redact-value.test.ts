/** Redaction (docs/recording.md "Redaction"): secrets by key, by path, by shape and by value. */
import { createPseudonymizer } from '../../../src/record/pseudonymizer';
import { createRedactor } from '../../../src/record/redact-value';

const salt = Buffer.alloc(32, 7);
const ks = 'djJ8MzE5N3ymzq0dB2kpqk9YzZp3b3l6bm9wcXJzdHV2d3h5eg';

describe('createRedactor', () => {
  it('replaces secret keys with stable pseudonyms and links the same value across values', () => {
    const redactor = createRedactor(createPseudonymizer(salt));
    const [request, response] = redactor.redact([
      { ks, udid: 'box-1234567', password: 'hunter22', nested: { refreshToken: 'rt-abcdef' } },
      { result: { loginSession: { ks }, note: 'device box-1234567 added' } },
    ]) as [any, any];
    expect(request.ks).toMatch(/^ks_/);
    expect(request.ks).toBe(response.result.loginSession.ks);
    expect(request.udid).toMatch(/^udid_/);
    expect(response.result.note).toBe(`device ${request.udid} added`);
    expect(request.password).toMatch(/^password_/);
    expect(request.nested.refreshToken).toMatch(/^token_/);
    expect(JSON.stringify([request, response])).not.toMatch(/hunter22|box-1234567|rt-abcdef|djJ8/);
  });

  it('is stable within a recording and differs between recordings', () => {
    const one = createRedactor(createPseudonymizer(salt));
    const two = createRedactor(createPseudonymizer(Buffer.alloc(32, 8)));
    const a = one.redact([{ ks }])[0] as { ks: string };
    const b = one.redact([{ ks }])[0] as { ks: string };
    const c = two.redact([{ ks }])[0] as { ks: string };
    expect(a.ks).toBe(b.ks);
    expect(c.ks).not.toBe(a.ks);
  });

  it('finds KS and emails by shape inside free text, and configured paths anywhere', () => {
    const redactor = createRedactor(createPseudonymizer(salt), ['/**/pin', '/filter/secretCode']);
    const [value] = redactor.redact([{ filter: { kSql: `name~'ann@example.com'`, secretCode: 4242 }, deep: [{ pin: '9876' }], url: `https://x/p/ks/${ks}/a.m3u8` }]) as [any];
    expect(value.filter.kSql).toMatch(/^name~'email_[A-Za-z0-9_-]{16}@redacted\.invalid'$/);
    expect(value.filter.secretCode).toBe(4242);
    expect(value.deep[0].pin).toMatch(/^secret_/);
    expect(value.url).toMatch(/\/ks\/ks_[A-Za-z0-9_-]{16}\/a\.m3u8$/);
  });

  it('pseudonymizes object values under secret paths and leaves pseudonyms alone', () => {
    const redactor = createRedactor(createPseudonymizer(salt), ['/profile']);
    const [value] = redactor.redact([{ profile: { name: 'x' }, email: 'email_AAAAAAAAAAAAAAAA@redacted.invalid' }]) as [any];
    expect(value.profile).toMatch(/^secret_/);
    expect(value.email).toBe('email_AAAAAAAAAAAAAAAA@redacted.invalid');
  });
});
