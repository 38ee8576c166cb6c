/** The canary check itself must be able to fail: each leak form is found. */
import { findLeaks } from '../../support/recording-files';

describe('findLeaks', () => {
  const secret = 'canary-0123456789abcdef';
  it.each([
    ['raw', `{"x":"${secret}"}`],
    ['url-encoded', `a=${encodeURIComponent('p@ss word/' + secret)}`],
    ['base64', Buffer.from(secret).toString('base64')],
    ['a 12-character piece', `..${secret.slice(5, 17)}..`],
  ])('finds a secret leaked %s', (_form, text) => {
    expect(findLeaks(text, [secret, 'p@ss word/' + secret])).not.toEqual([]);
  });
  it('finds nothing in a text without the secret', () => {
    expect(findLeaks('{"ks":"ks_AAAAAAAAAAAAAAAA"}', [secret])).toEqual([]);
  });
});
