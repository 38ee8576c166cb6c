/**
 * The lab's media bytes (issue 18 "Lab media that really plays"): every catalogue file has a small
 * deterministic rendition in its own folder on the vendor CDN, derived from the file id alone, so a
 * manifest and every segment it names can be fetched, copied and compared byte for byte.
 * HLS: `master.m3u8` → `index.m3u8` → `seg-N.ts`; DASH: `master.mpd` → `init.mp4` + `seg-N.m4s`;
 * progressive: `master.mp4`, one object. Segment URIs are relative and stay in the folder, so a
 * path token on the folder covers them (docs/media.md "Tokens").
 */
import { createHash } from 'node:crypto';
import type { StreamFormat } from '../../core/catalog';

/** Segments per rendition: enough to prove every named segment is copied, small enough for tests. */
export const labSegmentCount = 3;

/** Deterministic bytes: SHA-256 blocks of `fileId:name:counter`, cut to `size`. */
export function deriveBytes(fileId: number, name: string, size: number): Buffer {
  const out = Buffer.alloc(size);
  for (let offset = 0, block = 0; offset < size; block++) {
    const digest = createHash('sha256').update(`${fileId}:${name}:${block}`).digest();
    offset += digest.copy(out, offset);
  }
  return out;
}

/** A few KB per segment, varying by file and segment. */
function segmentSize(fileId: number, name: string): number {
  return 2048 + (createHash('sha256').update(`${fileId}:${name}:size`).digest().readUInt16BE(0) % 2048);
}

function hlsObjects(fileId: number): Map<string, Buffer> {
  const names = Array.from({ length: labSegmentCount }, (_, i) => `seg-${i}.ts`);
  const media = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:4', '#EXT-X-MEDIA-SEQUENCE:0', '#EXT-X-PLAYLIST-TYPE:VOD'];
  for (const name of names) media.push('#EXTINF:4.000,', name);
  media.push('#EXT-X-ENDLIST', '');
  const master = ['#EXTM3U', '#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360', 'index.m3u8', ''];
  const objects = new Map<string, Buffer>([
    ['master.m3u8', Buffer.from(master.join('\n'))],
    ['index.m3u8', Buffer.from(media.join('\n'))],
  ]);
  for (const name of names) objects.set(name, deriveBytes(fileId, name, segmentSize(fileId, name)));
  return objects;
}

function dashObjects(fileId: number): Map<string, Buffer> {
  const names = Array.from({ length: labSegmentCount }, (_, i) => `seg-${i}.m4s`);
  const mpd = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT12S" minBufferTime="PT2S" profiles="urn:mpeg:dash:profile:isoff-main:2011">',
    '  <Period id="0">',
    '    <AdaptationSet mimeType="video/mp4" segmentAlignment="true">',
    '      <Representation id="v0" bandwidth="800000" width="640" height="360" codecs="avc1.4d401e">',
    '        <SegmentList duration="4" timescale="1">',
    '          <Initialization sourceURL="init.mp4"/>',
    ...names.map((name) => `          <SegmentURL media="${name}"/>`),
    '        </SegmentList>',
    '      </Representation>',
    '    </AdaptationSet>',
    '  </Period>',
    '</MPD>',
    '',
  ];
  const objects = new Map<string, Buffer>([['master.mpd', Buffer.from(mpd.join('\n'))], ['init.mp4', deriveBytes(fileId, 'init.mp4', 1024)]]);
  for (const name of names) objects.set(name, deriveBytes(fileId, name, segmentSize(fileId, name)));
  return objects;
}

/** Every object of one file's folder, by name; the manifest is `master.<ext>`. */
export function buildLabRendition(fileId: number, format: StreamFormat): Map<string, Buffer> {
  if (format === 'mpegdash') return dashObjects(fileId);
  if (format === 'url') return new Map([['master.mp4', deriveBytes(fileId, 'master.mp4', 3 * segmentSize(fileId, 'master.mp4'))]]);
  return hlsObjects(fileId);
}
