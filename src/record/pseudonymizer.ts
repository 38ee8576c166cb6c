/**
 * Stable pseudonyms for secrets (issue 12): the same input gives the same pseudonym within one
 * recording (a keyed hash with a per-recording salt), so sessions still link and replay can map
 * each recorded KS to a fresh one, while nothing of the input can be read back.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** The kinds of secret a pseudonym stands for; the kind is its prefix (`ks_…`, `email_…`). */
export type SecretKind = 'ks' | 'password' | 'token' | 'email' | 'udid' | 'secret';

export interface Pseudonymizer {
  /** `kind_` + 16 url-safe characters of HMAC-SHA256(salt, value). */
  pseudonym(kind: SecretKind, value: string): string;
}

/** A pseudonymizer for one recording; a fresh random salt unless one is given (tests). */
export function createPseudonymizer(salt: Uint8Array = randomBytes(32)): Pseudonymizer {
  const key = Buffer.from(salt);
  return {
    pseudonym(kind, value) {
      const digest = createHmac('sha256', key).update(kind).update('\0').update(value).digest('base64url');
      // Emails keep an email shape (validators and kSql filters still see an address).
      return kind === 'email' ? `email_${digest.slice(0, 16)}@redacted.invalid` : `${kind}_${digest.slice(0, 16)}`;
    },
  };
}

/** True when a string is one of our pseudonyms (already redacted; never re-pseudonymized). */
export function isPseudonym(value: string): boolean {
  return /^(ks|password|token|email|udid|secret)_[A-Za-z0-9_-]{16}(@redacted\.invalid)?$/.test(value);
}
