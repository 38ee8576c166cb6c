/**
 * Playback URLs for files played from storage (issue 18, docs/media.md "Playback"): the
 * `playManifest` 302 and DIRECT sources go to the company CDN with a path token on the file's folder;
 * `playManifest` sources answered by the vendor go to understudy's own public base, so its own
 * `playManifest` decides. Only files verified in the bucket and decided `storage` change; every
 * other URL — and every byte when nothing changes — stays the vendor's.
 */
import { tokenizedUrl } from './cdn-token';

/** Why a file decided `storage` still plays from the vendor's CDN. */
export type StorageFallback = 'not-verified' | 'url-changed';

export interface PlaybackRewrite {
  /** Verified files: vendor file id → bucket folder (`vod/1/2/`). */
  readonly verified: ReadonlyMap<number, string>;
  /** True when this device plays this file from storage. */
  readonly playsFromStorage: (fileId: number) => boolean;
  /** Told when a file decided `storage` keeps the vendor's URL (metrics, alerts). */
  readonly onFallback?: (reason: StorageFallback) => void;
  readonly cdnBaseUrl: string;
  readonly tokenSecret: string;
  /** Token expiry, wall-clock epoch seconds. */
  readonly expiresAt: number;
  /** understudy's public base (`https://api.example`), for playManifest sources. */
  readonly publicBaseUrl: string;
}

const playManifestPath = /\/service\/assetfile\/action\/playmanifest\//i;

/** The folder a file decided `storage` plays from, or undefined (reported) when it is not verified. */
function storageFolder(fileId: number, rw: PlaybackRewrite): string | undefined {
  if (!rw.playsFromStorage(fileId)) return undefined;
  const folder = rw.verified.get(fileId);
  if (folder === undefined) rw.onFallback?.('not-verified');
  return folder;
}

/** The token URL of `url` in the verified `folder`; undefined (reported) when the URL is elsewhere. */
function tokenUrlIn(url: string, folder: string, rw: PlaybackRewrite): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = '';
  }
  const slash = path.lastIndexOf('/');
  // The URL must be the one the copy verified: same folder (a changed vendor URL stays the vendor's).
  if (slash < 0 || path.slice(1, slash + 1) !== folder) {
    rw.onFallback?.('url-changed');
    return undefined;
  }
  return tokenizedUrl(rw.cdnBaseUrl, folder, path.slice(slash + 1), rw.expiresAt, rw.tokenSecret);
}

/** The company CDN URL of a vendor CDN URL, when the file plays from storage. */
export function rewriteCdnUrl(url: string, fileId: number, rw: PlaybackRewrite): string | undefined {
  const folder = storageFolder(fileId, rw);
  return folder === undefined ? undefined : tokenUrlIn(url, folder, rw);
}

/** A vendor-host playManifest URL moved onto understudy's public base (path and query kept). */
function rebasePlayManifest(url: string, rw: PlaybackRewrite): string | undefined {
  const at = url.toLowerCase().indexOf('/api_v3/');
  if (at < 0) return undefined;
  const prefixEnd = url.indexOf('/', url.indexOf('//') + 2);
  const rebased = rw.publicBaseUrl.replace(/\/+$/, '') + url.slice(prefixEnd);
  return rebased === url ? undefined : rebased;
}

function rewriteSource(source: Record<string, unknown>, rw: PlaybackRewrite): boolean {
  const id = Number(source.id);
  if (typeof source.url !== 'string' || !Number.isSafeInteger(id)) return false;
  const folder = storageFolder(id, rw);
  if (folder === undefined) return false;
  const next = playManifestPath.test(source.url) ? rebasePlayManifest(source.url, rw) : tokenUrlIn(source.url, folder, rw);
  if (next === undefined) return false;
  source.url = next;
  return true;
}

function rewriteContext(value: unknown, rw: PlaybackRewrite): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const context = value as { objectType?: unknown; sources?: unknown };
  if (context.objectType !== 'KalturaPlaybackContext' || !Array.isArray(context.sources)) return false;
  let changed = false;
  for (const source of context.sources) if (typeof source === 'object' && source !== null && rewriteSource(source as Record<string, unknown>, rw)) changed = true;
  return changed;
}

/** Rewrites the sources of a getPlaybackContext envelope (single or multirequest); `undefined` = unchanged. */
export function rewritePlaybackEnvelope(text: string, rw: PlaybackRewrite): string | undefined {
  let envelope: { result?: unknown };
  try {
    envelope = JSON.parse(text) as { result?: unknown };
  } catch {
    return undefined;
  }
  const results = Array.isArray(envelope.result) ? envelope.result : [envelope.result];
  let changed = false;
  for (const result of results) if (rewriteContext(result, rw)) changed = true;
  return changed ? JSON.stringify(envelope) : undefined;
}
