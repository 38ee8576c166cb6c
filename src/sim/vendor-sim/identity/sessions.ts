/**
 * Minting and verifying vendor-sim sessions. A KS lives 7 days, a refresh token 30 (lab-rules
 * "Time and sessions"); revocation is by session id (logout) or by user (session.revoke).
 */
import { randomBytes } from 'node:crypto';
import type { Result } from '../../../core/result';
import { err, ok } from '../../../core/result';
import type { VendorError } from '../../../core/vendor-error';
import { ksPrivilegeKeys, mintKs } from '../../../phoenix/ks-codec';
import { decodeCallerSession } from '../../../phoenix/ks-session';
import { vendorError } from '../../../phoenix/vendor-error-builder';
import type { SimSession } from '../sim-operation';
import type { IdentityState } from './identity-state';

export const ksLifetimeSeconds = 604800;
export const refreshTokenLifetimeSeconds = 30 * 86400;

export interface SessionSubject {
  readonly userId: string;
  readonly householdId: number;
  readonly udid: string;
  readonly type: 'anonymous' | 'user';
}

/** A freshly minted session: the KalturaLoginSession fields plus the decoded view. */
export interface MintedSession {
  readonly ks: string;
  readonly refreshToken: string;
  readonly expiry: number;
  readonly session: SimSession;
}

/** Mints a KS and a refresh token for a subject at `nowSec`. */
export function startSession(identity: IdentityState, subject: SessionSubject, nowSec: number): MintedSession {
  const sessionId = randomBytes(12).toString('hex');
  const expiry = nowSec + ksLifetimeSeconds;
  const privileges = { [ksPrivilegeKeys.udid]: subject.udid, [ksPrivilegeKeys.householdId]: String(subject.householdId), [ksPrivilegeKeys.sessionId]: sessionId };
  const ks = mintKs({ partnerId: identity.partnerId, secret: identity.partnerSecret, userId: subject.userId, type: subject.type, expiry, createDate: nowSec, privileges });
  const refreshToken = randomBytes(16).toString('hex');
  identity.refreshTokens.set(refreshToken, { partnerId: identity.partnerId, ...subject, expiry: nowSec + refreshTokenLifetimeSeconds });
  let sessions = identity.sessionsByUser.get(subject.userId);
  if (sessions === undefined) identity.sessionsByUser.set(subject.userId, (sessions = new Set()));
  sessions.add(sessionId);
  const session: SimSession = { ks, partnerId: identity.partnerId, ...subject, expiry, createDate: nowSec, sessionId };
  return { ks, refreshToken, expiry, session };
}

/** The KalturaLoginSession object (brief §4.2; `refreshToken` is a deprecated field still sent, §2.7). */
export function toLoginSession(minted: MintedSession): Record<string, unknown> {
  return { objectType: 'KalturaLoginSession', ks: minted.ks, refreshToken: minted.refreshToken, expiry: minted.expiry };
}

function isRevoked(identity: IdentityState, userId: string, sessionId: string, createDate: number): boolean {
  if (identity.revokedSessionIds.has(sessionId)) return true;
  const before = identity.userRevokedBefore.get(userId);
  return before !== undefined && createDate < before && !(identity.sessionsByUser.get(userId)?.has(sessionId) ?? false);
}

/**
 * Verifies a KS: not decodable with the partner secret → 500015; past expiry, logged out or
 * revoked → 500016 "KS expired" (brief §4.2, §4.3).
 */
export function verifySessionKs(identity: IdentityState, ks: string, nowSec: number): Result<SimSession, VendorError> {
  const decoded = decodeCallerSession(ks, (pid) => (pid === identity.partnerId ? identity.partnerSecret : undefined), nowSec);
  if (!decoded.ok) return decoded;
  const session = decoded.value;
  return isRevoked(identity, session.userId, session.sessionId, session.createDate) ? err(vendorError('ExpiredKS')) : ok(session);
}

/** Logout: this KS only (brief §4.2: other KSs of the user keep working). */
export function revokeSession(identity: IdentityState, session: SimSession): void {
  identity.revokedSessionIds.add(session.sessionId);
}

/** session.revoke: every KS of the user, including ones this state did not mint (brief §4.2). */
export function revokeUserSessions(identity: IdentityState, userId: string, nowSec: number): void {
  for (const sessionId of identity.sessionsByUser.get(userId) ?? []) identity.revokedSessionIds.add(sessionId);
  identity.userRevokedBefore.set(userId, nowSec + 1);
}
