import { redactText } from '../../../src/metrics/redact-text';

/** Standard base64 (the codec accepts it) with `+` and `/`. */
const ks = 'djJ8MTQ4fOk9mZmFkZGVkLXBheWxvYWQ_-ab+cd/ef==';
/** base64url, the form that can sit in a path segment. */
const urlKs = 'djJ8MTQ4fOk9mZmFkZGVkLXBheWxvYWQ_-abcd_ef';

describe('redactText', () => {
  it.each([
    ['a bare KS', `session ${ks} expired`, 'session [redacted] expired'],
    ['a KS in a path segment of its own', `/api_v3/${urlKs}/service/asset`, '/api_v3/[redacted]/service/asset'],
    ['ks= in a query string', `/api_v3/service/asset/action/get?ks=abc123&id=1`, '/api_v3/service/asset/action/get?ks=[redacted]&id=1'],
    ['ks= holding a KS', `?format=1&ks=${ks}`, '?format=1&ks=[redacted]'],
    ['ks= case-insensitively', 'KS=abc', 'KS=[redacted]'],
    ['password= in a form body', 'username=jo&password=hunter2&udid=dev-1', 'username=jo&password=[redacted]&udid=[redacted]'],
    ['refreshToken= in a URL', '/refresh?refreshToken=r1', '/refresh?refreshToken=[redacted]'],
    ['/ks/ path pairs', `/api_v3/service/asset/action/get/ks/${urlKs}/id/5`, '/api_v3/service/asset/action/get/ks/[redacted]/id/5'],
    ['/password/ path pairs', '/service/ottuser/action/login/username/jo/password/hunter2', '/service/ottuser/action/login/username/jo/password/[redacted]'],
    ['a bearer token', 'authorization: Bearer eyJhbGciOi.J9.sig-_x', 'authorization: Bearer [redacted]'],
    ['basic credentials', 'Authorization: Basic am86aHVudGVyMg==', 'Authorization: Basic [redacted]'],
    ['JSON secrets', '{"username":"jo","password":"hun\\"ter2","token":"t"}', '{"username":"jo","password":"[redacted]","token":"[redacted]"}'],
  ])('masks %s', (_case, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    ['plain text', 'asset 42 served by platform in 3 ms'],
    ['keys that merely end like a secret', '/x?books=3&mytoken=1&tasks=2'],
    ['service names', '/api_v3/service/apptoken/action/add'],
  ])('leaves %s alone', (_case, input) => {
    expect(redactText(input)).toBe(input);
  });

  it('is idempotent', () => {
    const once = redactText(`/get?ks=${ks} Bearer x`);
    expect(redactText(once)).toBe(once);
  });
});
