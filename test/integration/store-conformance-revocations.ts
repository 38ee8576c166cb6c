import { CachedRevocationStore, SqlRevocationStore } from '../../src/store';
import type { ConformanceContext } from './store-conformance';

const PARTNER = 3197;
const T = 1_760_000_000;

const ks = (sessionId: string, createdAt: number, userId = 'u1', partnerId = PARTNER) => ({ sessionId, partnerId, userId, createdAt });

/** RevocationStore (logout, session.revoke) and the short-TTL cache in front of it. */
export function describeRevocationConformance(ctx: () => ConformanceContext): void {
  describe('revocations', () => {
    it('revokes one session and leaves the user\'s other sessions working', async () => {
      const { revocations } = ctx().store;
      await revocations.revokeSession('s1', 'u1', T + 3600);
      expect(await revocations.isRevoked(ks('s1', T))).toBe(true);
      expect(await revocations.isRevoked(ks('s2', T))).toBe(false);
    });

    it('revokes every session of a user created strictly before the instant, never moving back', async () => {
      const { revocations } = ctx().store;
      await revocations.revokeUserBefore(PARTNER, 'u1', T);
      expect(await revocations.isRevoked(ks('a', T - 1))).toBe(true);
      expect(await revocations.isRevoked(ks('b', T))).toBe(false);
      expect(await revocations.isRevoked(ks('c', T - 1, 'u2'))).toBe(false);
      expect(await revocations.isRevoked(ks('d', T - 1, 'u1', PARTNER + 1))).toBe(false);
      await revocations.revokeUserBefore(PARTNER, 'u1', T - 100);
      expect(await revocations.isRevoked(ks('a', T - 1))).toBe(true);
      await revocations.revokeUserBefore(PARTNER, 'u1', T + 10);
      expect(await revocations.isRevoked(ks('b', T))).toBe(true);
    });

    it('purges session revocations whose KS has expired', async () => {
      const { revocations } = ctx().store;
      await revocations.revokeSession('old', 'u1', T);
      await revocations.revokeSession('live', 'u1', T + 100);
      expect(await revocations.purgeExpired(T + 1)).toBe(1);
      expect(await revocations.isRevoked(ks('live', T))).toBe(true);
    });

    it('cache: sees another instance\'s revoke once the TTL has passed; its own at once', async () => {
      const { clock, sql } = ctx();
      const shared = new SqlRevocationStore(sql);
      const cached = new CachedRevocationStore(new SqlRevocationStore(sql), { ttlMs: 2000, clock });
      expect(await cached.isRevoked(ks('s1', T))).toBe(false);
      await shared.revokeSession('s1', 'u1', T + 3600);
      expect(await cached.isRevoked(ks('s1', T))).toBe(false);
      clock.advanceSeconds(3);
      expect(await cached.isRevoked(ks('s1', T))).toBe(true);
      expect(await cached.isRevoked(ks('s2', T))).toBe(false);
      await cached.revokeUserBefore(PARTNER, 'u1', T + 1);
      expect(await cached.isRevoked(ks('s2', T))).toBe(true);
      await cached.revokeSession('s3', 'u9', T + 3600);
      expect(await cached.isRevoked(ks('s3', T, 'u9'))).toBe(true);
    });

    it('cache with ttlMs 0 asks the database every time', async () => {
      const { clock, sql } = ctx();
      const cached = new CachedRevocationStore(new SqlRevocationStore(sql), { ttlMs: 0, clock });
      expect(await cached.isRevoked(ks('s1', T))).toBe(false);
      await new SqlRevocationStore(sql).revokeSession('s1', 'u1', T + 3600);
      expect(await cached.isRevoked(ks('s1', T))).toBe(true);
    });
  });
}
