/**
 * The company CDN's path token (issue 18 "Tokens", docs/media.md): `/t/<token>/<expiry>/<folder><name>`
 * where `token = base64url(md5("<expiry>/<folder> <secret>"))` without padding — exactly what nginx
 * `secure_link` + `secure_link_md5 "$expires/$folder $secret"` computes, so a stock CDN verifies it.
 * The token covers the file's folder, so the relative segment URIs a manifest names inherit it.
 * Expiry is wall-clock epoch seconds (the CDN's clock, whatever the lab clock says).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** The token of a folder (`vod/1/2/`) until `expiresAt` (epoch seconds). */
export function signFolder(folder: string, expiresAt: number, secret: string): string {
  return createHash('md5').update(`${expiresAt}/${folder} ${secret}`).digest('base64url');
}

/** The device-facing URL of an object under the CDN base. */
export function tokenizedUrl(cdnBaseUrl: string, folder: string, name: string, expiresAt: number, secret: string): string {
  return `${cdnBaseUrl.replace(/\/+$/, '')}/t/${signFolder(folder, expiresAt, secret)}/${expiresAt}/${folder}${name}`;
}

/** A CDN request path taken apart; `undefined` when it is not a token path. */
export interface TokenPath {
  readonly token: string;
  readonly expiresAt: number;
  readonly folder: string;
  readonly name: string;
}

const tokenPath = /^\/t\/([A-Za-z0-9_-]{1,64})\/(\d{1,12})\/((?:[A-Za-z0-9_][A-Za-z0-9._-]*\/){1,16})([A-Za-z0-9_][A-Za-z0-9._-]{0,199})$/;

/** Parses `/t/<token>/<expiry>/<folder><name>` (no `..`, no empty segments). */
export function parseTokenPath(path: string): TokenPath | undefined {
  const match = tokenPath.exec(path);
  if (match === null || path.includes('..')) return undefined;
  return { token: match[1]!, expiresAt: Number(match[2]), folder: match[3]!, name: match[4]! };
}

/** Why a token path is refused, or `undefined` when it is good now. */
export function checkToken(path: TokenPath, nowSeconds: number, secret: string): 'bad-token' | 'expired' | undefined {
  const expected = Buffer.from(signFolder(path.folder, path.expiresAt, secret));
  const given = Buffer.from(path.token);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad-token';
  return path.expiresAt <= nowSeconds ? 'expired' : undefined;
}
