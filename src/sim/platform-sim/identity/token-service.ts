import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Platform access tokens: stateless, HMAC-SHA256 signed, carrying the verified subject the facade
 * named at token exchange. Format `pt1.<base64url payload>.<base64url signature>`.
 */
export interface TokenSubject {
  /** Absent for an anonymous caller. */
  readonly userId?: string;
  readonly householdId?: string;
  readonly deviceUdid?: string;
  readonly sessionKey?: string;
}

interface TokenPayload {
  readonly sub: TokenSubject;
  /** Epoch seconds. */
  readonly iat: number;
  readonly exp: number;
}

/** Lifetime of an access token, seconds (sim clock). */
export const accessTokenTtlSeconds = 3600;

export interface TokenService {
  mint(subject: TokenSubject, nowSec: number): { accessToken: string; expiresIn: number };
  /** The subject of a valid, unexpired token, or null. */
  verify(token: string, nowSec: number): TokenSubject | null;
}

function sign(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}

function parsePayload(text: string): TokenPayload | null {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as TokenPayload;
    if (typeof value !== 'object' || value === null || typeof value.exp !== 'number' || typeof value.sub !== 'object') return null;
    return value;
  } catch {
    return null;
  }
}

/** Creates the token service; the signing key is derived from the client secret, so restarts keep tokens valid. */
export function createTokenService(clientSecret: string): TokenService {
  const key = createHmac('sha256', clientSecret).update('understudy-platform-token-v1').digest();
  return {
    mint(subject, nowSec) {
      const payload: TokenPayload = { sub: subject, iat: nowSec, exp: nowSec + accessTokenTtlSeconds };
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return { accessToken: `pt1.${body}.${sign(key, body)}`, expiresIn: accessTokenTtlSeconds };
    },
    verify(token, nowSec) {
      const parts = token.split('.');
      if (parts.length !== 3 || parts[0] !== 'pt1') return null;
      const body = parts[1] as string;
      const given = Buffer.from(parts[2] as string, 'base64url');
      const expected = Buffer.from(sign(key, body), 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      const payload = parsePayload(body);
      if (!payload || payload.exp <= nowSec) return null;
      return payload.sub;
    },
  };
}

/** True when the Basic credentials are `understudy:<clientSecret>`. */
export function checkClientCredentials(authorization: string | undefined, clientSecret: string): boolean {
  if (!authorization || !authorization.startsWith('Basic ')) return false;
  const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
  const expected = `understudy:${clientSecret}`;
  const a = Buffer.from(decoded);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
