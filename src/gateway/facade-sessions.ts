/**
 * Sessions the facade serves itself: KS in the vendor's format signed with the partner secret (so a
 * device can move between vendor and platform routing without re-login, docs/architecture.md §4), revocations
 * in the shared store so logout and revoke hold on every instance and site.
 */
import { randomBytes } from 'node:crypto';
import type { CallerSession } from '../core/caller-session';
import { err, ok } from '../core/result';
import type { SessionPort, SessionSubject, StartedSession } from '../translate/translator';
import { ksPrivilegeKeys, mintKs } from '../phoenix/ks-codec';
import { decodeCallerSession } from '../phoenix/ks-session';
import { vendorError } from '../phoenix/vendor-error-builder';
import { issueRefreshToken, readRefreshToken } from './refresh-token';

/** KS and refresh-token lifetimes (docs/lab-rules.md "Time and sessions"). */
export const ksLifetimeSeconds = 604800;
export const refreshTokenLifetimeSeconds = 30 * 86400;

/** The revocation operations sessions need (the store's RevocationStore fits). */
export interface SessionRevocations {
  revokeSession(sessionId: string, userId: string, expiresAt: number): Promise<void>;
  revokeUserBefore(partnerId: number, userId: string, epochSec: number): Promise<void>;
  isRevoked(check: { sessionId: string; partnerId: number; userId: string; createdAt: number }): Promise<boolean>;
}

export interface FacadeSessionOptions {
  readonly partnerId: number;
  readonly partnerSecret: string;
  readonly revocations: SessionRevocations;
}

const refreshPrefix = 'refresh:';

/** Builds the facade's SessionPort. */
export function createFacadeSessions(options: FacadeSessionOptions): SessionPort {
  const { partnerId, partnerSecret, revocations } = options;
  const start = (subject: SessionSubject, nowSec: number, createDate: number): StartedSession => {
    const sessionId = randomBytes(12).toString('hex');
    const expiry = nowSec + ksLifetimeSeconds;
    const privileges = { [ksPrivilegeKeys.udid]: subject.udid, [ksPrivilegeKeys.householdId]: String(subject.householdId), [ksPrivilegeKeys.sessionId]: sessionId };
    const ks = mintKs({ partnerId, secret: partnerSecret, userId: subject.userId, type: subject.type, expiry, createDate, privileges });
    const refresh = issueRefreshToken({ ...subject, expiry: nowSec + refreshTokenLifetimeSeconds }, partnerSecret);
    const session: CallerSession = { ks, partnerId, ...subject, expiry, createDate, sessionId };
    return { ks, refreshToken: refresh.token, expiry, session };
  };
  /**
   * A session.revoke covers KS created before the next second (docs/vendor-decisions.md "session.revoke
   * and a login in the same second"); a KS minted after it in that same second is dated the next
   * second, so it is not born revoked (vendor-sim tracks its own sessions and has no such edge).
   */
  const createDateFor = async (subject: SessionSubject, nowSec: number): Promise<number> => {
    if (subject.type !== 'user') return nowSec;
    const probe = { sessionId: `probe:${randomBytes(9).toString('hex')}`, partnerId, userId: subject.userId, createdAt: nowSec };
    return (await revocations.isRevoked(probe)) ? nowSec + 1 : nowSec;
  };
  return {
    start: async (subject, nowSec) => start(subject, nowSec, await createDateFor(subject, nowSec)),
    async refresh(refreshToken, udid, nowSec) {
      const claims = readRefreshToken(refreshToken, partnerSecret);
      if (claims === null || claims.expiry <= nowSec) return err(vendorError('InvalidRefreshToken'));
      const used = await revocations.isRevoked({ sessionId: refreshPrefix + claims.tokenId, partnerId, userId: claims.userId, createdAt: claims.expiry - refreshTokenLifetimeSeconds });
      if (used) return err(vendorError('InvalidRefreshToken'));
      await revocations.revokeSession(refreshPrefix + claims.tokenId, claims.userId, claims.expiry);
      const subject: SessionSubject = { userId: claims.userId, householdId: claims.householdId, udid: udid ?? claims.udid, type: claims.type };
      return ok(start(subject, nowSec, await createDateFor(subject, nowSec)));
    },
    end: (session) => revocations.revokeSession(session.sessionId, session.userId, session.expiry),
    revokeUser: (session, nowSec) => revocations.revokeUserBefore(session.partnerId, session.userId, nowSec + 1),
    async inspect(ks, nowSec) {
      const decoded = decodeCallerSession(ks, (pid) => (pid === partnerId ? partnerSecret : undefined), nowSec);
      if (!decoded.ok) return decoded;
      const s = decoded.value;
      const revoked = await revocations.isRevoked({ sessionId: s.sessionId, partnerId: s.partnerId, userId: s.userId, createdAt: s.createDate });
      return revoked ? err(vendorError('ExpiredKS')) : decoded;
    },
  };
}
