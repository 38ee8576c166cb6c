import type { Migration } from './migration';

/**
 * The shared revocation list (docs/architecture.md §4 "Sessions"): logout revokes one KS, session.revoke every
 * KS of a user created before an instant (brief: both then answer 500016). Times compared with KS
 * fields are epoch seconds, the KS's own unit, so the comparison is exact.
 */
export const revocationsMigration: Migration = {
  id: 2,
  name: 'revocations',
  sql: `
CREATE TABLE ks_revocations (
  session_id text PRIMARY KEY,
  user_id    text NOT NULL,
  revoked_at timestamptz NOT NULL DEFAULT now(),
  -- epoch seconds of the KS expiry: after it the row is useless and may be purged
  expires_at bigint NOT NULL
);
CREATE INDEX ks_revocations_expiry ON ks_revocations (expires_at);
CREATE TABLE user_revocations (
  partner_id     integer NOT NULL,
  user_id        text NOT NULL,
  -- epoch seconds: every KS of this user created strictly before it is revoked
  revoked_before bigint NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (partner_id, user_id)
);
`,
};
