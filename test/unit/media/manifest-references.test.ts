import { buildLabRendition } from '../../../src/sim/cdn/lab-rendition';
import { listManifestReferences } from '../../../src/media/manifest-references';

describe('listManifestReferences', () => {
  it('lists the lab HLS master and media playlist names', () => {
    const objects = buildLabRendition(1001, 'applehttp');
    expect(listManifestReferences('hls', objects.get('master.m3u8')!.toString(), 100)).toEqual({ ok: true, value: ['index.m3u8'] });
    expect(listManifestReferences('hls', objects.get('index.m3u8')!.toString(), 100)).toEqual({ ok: true, value: ['seg-0.ts', 'seg-1.ts', 'seg-2.ts'] });
  });

  it('lists the lab DASH initialization and segments', () => {
    const mpd = buildLabRendition(1002, 'mpegdash').get('master.mpd')!.toString();
    expect(listManifestReferences('dash', mpd, 100)).toEqual({ ok: true, value: ['init.mp4', 'seg-0.m4s', 'seg-1.m4s', 'seg-2.m4s'] });
  });

  it.each(['../../etc/passwd', 'sub/seg.ts', 'https://evil.example/seg.ts', '/abs.ts', '..'])('refuses %s', (name) => {
    const result = listManifestReferences('hls', `#EXTM3U\n#EXTINF:4,\n${name}\n`, 100);
    expect(result.ok).toBe(false);
  });

  it('refuses URI attributes that leave the folder', () => {
    expect(listManifestReferences('hls', '#EXTM3U\n#EXT-X-KEY:METHOD=AES-128,URI="../key.bin"\n', 100).ok).toBe(false);
  });

  it('stops counting past the cap on a million-segment playlist', () => {
    const lines = ['#EXTM3U'];
    for (let i = 0; i < 1_000_000; i++) lines.push('#EXTINF:4,', `s${i}.ts`);
    const result = listManifestReferences('hls', lines.join('\n'), 20_000);
    expect(result).toEqual({ ok: false, error: 'manifest names more than 20000 objects' });
  });

  it('refuses a DASH SegmentTemplate outside a Period', () => {
    expect(listManifestReferences('dash', '<MPD><SegmentTemplate media="s$Number$.m4s"/></MPD>', 10)).toEqual({ ok: false, error: 'DASH SegmentTemplate outside a Period is not supported' });
  });
});

describe('buildLabRendition', () => {
  it('derives the same bytes from the same file id and different bytes for another', () => {
    expect(buildLabRendition(7, 'applehttp').get('seg-1.ts')).toEqual(buildLabRendition(7, 'applehttp').get('seg-1.ts'));
    expect(buildLabRendition(7, 'applehttp').get('seg-1.ts')).not.toEqual(buildLabRendition(8, 'applehttp').get('seg-1.ts'));
    const size = buildLabRendition(7, 'applehttp').get('seg-0.ts')!.length;
    expect(size).toBeGreaterThanOrEqual(2048);
    expect(size).toBeLessThan(4096);
  });

  it('serves a progressive file as one object', () => {
    expect([...buildLabRendition(9, 'url').keys()]).toEqual(['master.mp4']);
  });
});
