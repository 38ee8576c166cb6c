/**
 * Plays one file from the company CDN the way a device does (issue 18 "Done when"): follows the
 * redirects, fetches the manifest and every object it names (nested playlists, DASH segments, the
 * progressive file) and compares each with the lab origin's bytes (src/sim/cdn/lab-rendition.ts).
 */
import type { StreamFormat } from '../../src/core/catalog';
import { tokenizedUrl } from '../../src/media/cdn-token';
import { listManifestReferences, manifestKindOf } from '../../src/media/manifest-references';
import { buildLabRendition } from '../../src/sim/cdn/lab-rendition';

/** Running totals of a play check. */
export interface PlayTally {
  files: number;
  objects: number;
  bytes: number;
  refusals: number;
}

/** A new, empty tally. */
export function emptyTally(): PlayTally {
  return { files: 0, objects: 0, bytes: 0, refusals: 0 };
}

/**
 * Fetches `url` (following redirects), checks it ends on `<cdnBase>/t/`, then fetches the manifest and
 * every object it names; each must answer 200 with exactly the origin's bytes. Returns the manifest's
 * final URL. Throws with the URL on the first difference.
 */
export async function playFromCdn(url: string, cdnBase: string, fileId: number, format: StreamFormat, tally: PlayTally): Promise<string> {
  const origin = buildLabRendition(fileId, format);
  const first = await fetch(url);
  if (!first.url.startsWith(`${cdnBase}/t/`)) throw new Error(`file ${fileId}: ${url} led to ${first.url}, not the company CDN`);
  const queue: { url: string; answer: Promise<Response> }[] = [{ url: first.url, answer: Promise.resolve(first) }];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const answer = await next.answer;
    const bytes = Buffer.from(await answer.arrayBuffer());
    const name = new URL(next.url).pathname.replace(/^.*\//, '');
    const expected = origin.get(name);
    if (answer.status !== 200 || expected === undefined || !bytes.equals(expected)) throw new Error(`file ${fileId}: ${next.url} answered ${answer.status}, ${bytes.length} bytes, not the origin's ${expected?.length ?? 'none'}`);
    tally.objects++;
    tally.bytes += bytes.length;
    const kind = manifestKindOf(name);
    if (kind === 'progressive') continue;
    const names = listManifestReferences(kind, bytes.toString(), 1000);
    if (!names.ok) throw new Error(`file ${fileId}: ${names.error}`);
    for (const ref of names.value) {
      const href = new URL(ref, next.url).href;
      queue.push({ url: href, answer: fetch(href) });
    }
  }
  tally.files++;
  return first.url;
}

/** The same CDN URL with one character of its token changed. */
export function tamperToken(cdnUrl: string): string {
  const at = cdnUrl.indexOf('/t/') + 3;
  return cdnUrl.slice(0, at) + (cdnUrl[at] === 'A' ? 'B' : 'A') + cdnUrl.slice(at + 1);
}

/** A correctly signed URL for the file's manifest whose expiry passed a second ago. */
export function expiredUrl(cdnBase: string, vendorCdnUrl: string, secret: string): string {
  const path = new URL(vendorCdnUrl).pathname.slice(1);
  const folder = path.replace(/[^/]+$/, '');
  return tokenizedUrl(cdnBase, folder, path.slice(folder.length), Math.floor(Date.now() / 1000) - 1, secret);
}
