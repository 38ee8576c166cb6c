import type { RevocationCheck, RevocationStore } from './ports';
import type { SqlClient } from './sql-client';

/** RevocationStore over SQL: every instance and site reads the same rows (docs/architecture.md §4 "Sessions"). */
export class SqlRevocationStore implements RevocationStore {
  constructor(private readonly sql: SqlClient) {}

  async revokeSession(sessionId: string, userId: string, expiresAt: number): Promise<void> {
    await this.sql.query(
      `INSERT INTO ks_revocations (session_id, user_id, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (session_id, site) DO UPDATE SET expires_at = GREATEST(ks_revocations.expires_at, EXCLUDED.expires_at)`,
      [sessionId, userId, expiresAt],
    );
  }

  /** GREATEST: a late or replayed older revoke must never un-revoke sessions. */
  async revokeUserBefore(partnerId: number, userId: string, epochSec: number): Promise<void> {
    await this.sql.query(
      `INSERT INTO user_revocations (partner_id, user_id, revoked_before) VALUES ($1, $2, $3)
       ON CONFLICT (partner_id, user_id, site) DO UPDATE
       SET revoked_before = GREATEST(user_revocations.revoked_before, EXCLUDED.revoked_before), updated_at = now()`,
      [partnerId, userId, epochSec],
    );
  }

  /**
   * One round trip answering both lists. Strictly before: a KS minted in the same second as a
   * session.revoke stays valid, so a device that logs in again right away is not thrown out.
   */
  async isRevoked(check: RevocationCheck): Promise<boolean> {
    const { rows } = await this.sql.query<{ revoked: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ks_revocations WHERE session_id = $1)
           OR EXISTS (SELECT 1 FROM user_revocations WHERE partner_id = $2 AND user_id = $3 AND revoked_before > $4) AS revoked`,
      [check.sessionId, check.partnerId, check.userId, check.createdAt],
    );
    return rows[0]?.revoked === true;
  }

  async purgeExpired(nowSec: number): Promise<number> {
    const result = await this.sql.query('DELETE FROM ks_revocations WHERE expires_at < $1', [nowSec]);
    return result.rowCount;
  }
}
