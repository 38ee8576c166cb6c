import { systemClock, type Clock } from '../core/clock';
import type { RevocationCheck, RevocationStore } from './ports';

export interface RevocationCacheOptions {
  /**
   * How long a "not revoked" answer is reused. This is the window in which a revoke made on another
   * instance is not yet seen here; keep it short (a few seconds) or 0 to ask the database every time.
   */
  readonly ttlMs: number;
  /** Bound on remembered sessions; the oldest entries go first. */
  readonly maxEntries?: number;
  readonly clock?: Clock;
}

interface CachedAnswer {
  readonly revoked: boolean;
  readonly untilMs: number;
}

/**
 * A short-TTL cache in front of the shared revocation list. The database stays the source of truth:
 * "revoked" answers are final (a revocation is never undone) and kept; "not revoked" answers are
 * reused for `ttlMs` only. Revokes made through this instance take effect here at once.
 */
export class CachedRevocationStore implements RevocationStore {
  private readonly answers = new Map<string, CachedAnswer>();
  private readonly clock: Clock;
  private readonly maxEntries: number;

  constructor(private readonly inner: RevocationStore, private readonly options: RevocationCacheOptions) {
    this.clock = options.clock ?? systemClock;
    this.maxEntries = options.maxEntries ?? 50_000;
  }

  async revokeSession(sessionId: string, userId: string, expiresAt: number): Promise<void> {
    await this.inner.revokeSession(sessionId, userId, expiresAt);
    this.remember(sessionId, true);
  }

  /** Which cached sessions belong to the user is unknown here, so every "not revoked" answer goes. */
  async revokeUserBefore(partnerId: number, userId: string, epochSec: number): Promise<void> {
    await this.inner.revokeUserBefore(partnerId, userId, epochSec);
    this.forgetUnrevoked();
  }

  async isRevoked(check: RevocationCheck): Promise<boolean> {
    const cached = this.answers.get(check.sessionId);
    if (cached && (cached.revoked || cached.untilMs > this.clock.nowMs())) return cached.revoked;
    const revoked = await this.inner.isRevoked(check);
    if (revoked || this.options.ttlMs > 0) this.remember(check.sessionId, revoked);
    return revoked;
  }

  /** Drops every "not revoked" answer: a revocation was written elsewhere (design.md §7 shared state). */
  forgetUnrevoked(): void {
    for (const [sessionId, answer] of this.answers) if (!answer.revoked) this.answers.delete(sessionId);
  }

  purgeExpired(nowSec: number): Promise<number> {
    return this.inner.purgeExpired(nowSec);
  }

  private remember(sessionId: string, revoked: boolean): void {
    this.answers.delete(sessionId);
    if (this.answers.size >= this.maxEntries) {
      const oldest = this.answers.keys().next();
      if (!oldest.done) this.answers.delete(oldest.value);
    }
    this.answers.set(sessionId, { revoked, untilMs: this.clock.nowMs() + this.options.ttlMs });
  }
}
