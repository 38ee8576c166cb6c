import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a refresh token stands for (vendor ids). */
export interface RefreshClaims {
  readonly tokenId: string;
  readonly userId: string;
  readonly householdId: number;
  readonly udid: string;
  readonly type: 'anonymous' | 'user';
  /** Epoch seconds. */
  readonly expiry: number;
}

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/**
 * Refresh tokens the facade issues are self-contained and signed, so any instance can verify them
 * without a lookup; single use is enforced by revoking `tokenId` in the shared store when used.
 */
export function issueRefreshToken(claims: Omit<RefreshClaims, 'tokenId'>, secret: string): { token: string; claims: RefreshClaims } {
  const full: RefreshClaims = { tokenId: randomBytes(12).toString('hex'), ...claims };
  const payload = Buffer.from(JSON.stringify(full)).toString('base64url');
  return { token: `${payload}.${sign(payload, secret)}`, claims: full };
}

/** The claims of a well-signed refresh token, or null (expiry is checked by the caller). */
export function readRefreshToken(token: string, secret: string): RefreshClaims | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || token.length > 2048) return null;
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(sign(payload, secret));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as RefreshClaims;
    return typeof claims.tokenId === 'string' && typeof claims.userId === 'string' && typeof claims.expiry === 'number' ? claims : null;
  } catch {
    return null;
  }
}
