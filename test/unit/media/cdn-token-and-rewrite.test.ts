import { createHash } from 'node:crypto';
import { checkToken, parseTokenPath, signFolder, tokenizedUrl } from '../../../src/media/cdn-token';
import { rewriteCdnUrl, rewritePlaybackEnvelope, type PlaybackRewrite } from '../../../src/media/rewrite-playback';

describe('CDN path tokens', () => {
  it('is the nginx secure_link_md5 value of "<expiry>/<folder> <secret>" in base64url without padding', () => {
    const expected = createHash('md5').update('1900000000/vod/1/2/ s3cret').digest('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(signFolder('vod/1/2/', 1900000000, 's3cret')).toBe(expected);
  });

  it('accepts its own token for any object of the folder, refuses changed, expired and foreign ones', () => {
    const url = tokenizedUrl('http://cdn', 'vod/1/2/', 'master.m3u8', 2000, 'k3y-k3y-k3y');
    const path = parseTokenPath(new URL(url).pathname)!;
    expect(checkToken(path, 1999, 'k3y-k3y-k3y')).toBeUndefined();
    expect(checkToken({ ...path, name: 'seg-1.ts' }, 1999, 'k3y-k3y-k3y')).toBeUndefined();
    expect(checkToken(path, 2000, 'k3y-k3y-k3y')).toBe('expired');
    expect(checkToken({ ...path, expiresAt: 3000 }, 1999, 'k3y-k3y-k3y')).toBe('bad-token');
    expect(checkToken({ ...path, folder: 'vod/1/3/' }, 1999, 'k3y-k3y-k3y')).toBe('bad-token');
    expect(checkToken(path, 1999, 'other-secret')).toBe('bad-token');
  });

  it.each(['/t/abc/123/vod/../etc/passwd', '/t/abc/123/master.m3u8', '/vod/1/2/master.m3u8', '/t/abc/x/vod/1/master.m3u8', '/t/abc/123/vod//master.m3u8'])('does not parse %s', (path) => {
    expect(parseTokenPath(path)).toBeUndefined();
  });
});

const rewrite = (storage: boolean): PlaybackRewrite => ({
  verified: new Map([[11, 'vod/5/11/']]),
  playsFromStorage: () => storage,
  cdnBaseUrl: 'https://media.example',
  tokenSecret: 'secret-secret',
  expiresAt: 5000,
  publicBaseUrl: 'https://api.example',
});

describe('playback URL rewriting', () => {
  it('sends a verified file decided storage to the CDN, and nothing else', () => {
    expect(rewriteCdnUrl('https://cdn.vendor/vod/5/11/master.m3u8', 11, rewrite(true))).toBe(tokenizedUrl('https://media.example', 'vod/5/11/', 'master.m3u8', 5000, 'secret-secret'));
    expect(rewriteCdnUrl('https://cdn.vendor/vod/5/11/master.m3u8', 11, rewrite(false))).toBeUndefined();
    expect(rewriteCdnUrl('https://cdn.vendor/vod/5/12/master.m3u8', 12, rewrite(true))).toBeUndefined();
    expect(rewriteCdnUrl('https://cdn.vendor/vod/9/11/master.m3u8', 11, rewrite(true))).toBeUndefined();
  });

  it('reports each file decided storage that keeps the vendor URL, and why', () => {
    const seen: string[] = [];
    const rw = { ...rewrite(true), onFallback: (reason: string) => seen.push(reason) };
    rewriteCdnUrl('https://cdn.vendor/vod/5/11/master.m3u8', 11, rw);
    rewriteCdnUrl('https://cdn.vendor/vod/5/12/master.m3u8', 12, rw);
    rewriteCdnUrl('https://cdn.vendor/vod/9/11/master.m3u8', 11, rw);
    rewriteCdnUrl('not a url', 11, rw);
    rewriteCdnUrl('https://cdn.vendor/vod/5/12/master.m3u8', 12, { ...rw, playsFromStorage: () => false });
    expect(seen).toEqual(['not-verified', 'url-changed', 'url-changed']);
  });

  it('rewrites only the url of verified sources in a getPlaybackContext envelope', () => {
    const envelope = {
      executionTime: 0.01,
      result: {
        objectType: 'KalturaPlaybackContext',
        sources: [
          { objectType: 'KalturaPlaybackSource', id: 11, url: 'https://cdn.vendor/vod/5/11/master.m3u8', format: 'applehttp' },
          { objectType: 'KalturaPlaybackSource', id: 12, url: 'https://cdn.vendor/vod/5/12/master.mpd', format: 'mpegdash' },
          { objectType: 'KalturaPlaybackSource', id: 11, url: 'https://vendor.api/api_v3/service/assetFile/action/playManifest/assetFileId/11/a.m3u8' },
        ],
      },
    };
    const out = JSON.parse(rewritePlaybackEnvelope(JSON.stringify(envelope), rewrite(true))!);
    expect(out.result.sources[0].url).toMatch(/^https:\/\/media\.example\/t\/[^/]+\/5000\/vod\/5\/11\/master\.m3u8$/);
    expect(out.result.sources[1].url).toBe(envelope.result.sources[1]!.url);
    expect(out.result.sources[2].url).toBe('https://api.example/api_v3/service/assetFile/action/playManifest/assetFileId/11/a.m3u8');
    expect({ ...out, result: { ...out.result, sources: [] } }).toEqual({ ...envelope, result: { ...envelope.result, sources: [] } });
    expect(rewritePlaybackEnvelope(JSON.stringify(envelope), rewrite(false))).toBeUndefined();
    expect(rewritePlaybackEnvelope('not json', rewrite(true))).toBeUndefined();
  });
});

describe('CDN URLs in the parity diff', () => {
  it('compares a company CDN URL equal to the vendor CDN URL of the same object', async () => {
    const { stripSignedUrl } = await import('../../../src/shadow/compare-scalars');
    const vendor = 'https://cdn.lab.understudy.test/vod/5/11/master.m3u8';
    expect(stripSignedUrl(tokenizedUrl('https://media.example', 'vod/5/11/', 'master.m3u8', 5000, 'secret-secret'))).toBe(stripSignedUrl(vendor));
    expect(stripSignedUrl(tokenizedUrl('https://media.example', 'vod/5/12/', 'master.m3u8', 5000, 'secret-secret'))).not.toBe(stripSignedUrl(vendor));
  });
});
