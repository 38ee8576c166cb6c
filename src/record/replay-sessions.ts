/**
 * Sessions during replay (issue 12): each recorded KS pseudonym maps to a KS the target minted when
 * the recorded login was replayed against it; logins get their password from the operator's
 * credentials (username → password), since recordings hold only pseudonyms. One map per target.
 * A logout is replayed like any call, so the mapped KS is revoked on the target as it was live.
 * Only logins the recording shows succeeding get the real password (replay-logins.ts), at the top
 * level and in multirequest slots alike.
 */
import { isSuccessfulLogin } from './replay-logins';

const pseudonymShape = /^(ks|token)_[A-Za-z0-9_-]{16}$/;
const maxDepth = 32;

/** One target's map of recorded session pseudonyms to live values. */
export interface SessionMap {
  /** The params to send: pseudonyms replaced by live values, the login password from credentials. */
  rewrite(params: Readonly<Record<string, unknown>>): { params: Record<string, unknown>; unmapped: number };
  /** Learns the live KS / refresh tokens from a replayed answer, by the recorded answer's pseudonyms. */
  learn(recorded: unknown, live: unknown): void;
  /** Maps a recorded pseudonym to a live value directly (a KS minted for a recorded login). */
  teach(pseudonym: string, value: string): void;
  readonly size: () => number;
}

function walkPairs(recorded: unknown, live: unknown, found: (pseudonym: string, value: string) => void, depth: number): void {
  if (typeof recorded === 'string') {
    if (pseudonymShape.test(recorded) && typeof live === 'string' && live !== '') found(recorded, live);
    return;
  }
  if (recorded === null || typeof recorded !== 'object' || live === null || typeof live !== 'object' || depth >= maxDepth) return;
  for (const [key, item] of Object.entries(recorded)) walkPairs(item, (live as Record<string, unknown>)[key], found, depth + 1);
}

export interface SessionMapOptions {
  /** From successfulLogins(): when given, only these (username, pseudonym) pairs get the real password. */
  readonly successfulLogins?: ReadonlySet<string>;
  readonly maxEntries?: number;
}

/** Builds an empty map; `credentials` is username → password. */
export function createSessionMap(credentials: Readonly<Record<string, string>>, options: SessionMapOptions = {}): SessionMap {
  const maxEntries = options.maxEntries ?? 1_000_000;
  const good = options.successfulLogins;
  const live = new Map<string, string>();
  const fillPassword = (call: Record<string, unknown>): void => {
    const { username, password } = call;
    if (typeof username !== 'string' || typeof password !== 'string' || credentials[username] === undefined) return;
    if (good === undefined || isSuccessfulLogin(good, username, password)) call.password = credentials[username];
  };
  const replace = (value: unknown, counter: { unmapped: number }, depth: number): unknown => {
    if (typeof value === 'string') {
      if (!pseudonymShape.test(value)) return value;
      const mapped = live.get(value);
      if (mapped === undefined) counter.unmapped++;
      return mapped ?? value;
    }
    if (value === null || typeof value !== 'object' || depth >= maxDepth) return value;
    if (Array.isArray(value)) return value.map((item) => replace(item, counter, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v, counter, depth + 1)]));
  };
  return {
    rewrite(params) {
      const counter = { unmapped: 0 };
      const out = replace(params, counter, 0) as Record<string, unknown>;
      fillPassword(out);
      for (const slot of Object.values(out)) if (slot !== null && typeof slot === 'object' && !Array.isArray(slot)) fillPassword(slot as Record<string, unknown>);
      return { params: out, unmapped: counter.unmapped };
    },
    learn(recorded, answer) {
      walkPairs(recorded, answer, (pseudonym, value) => {
        if (live.size < maxEntries || live.has(pseudonym)) live.set(pseudonym, value);
      }, 0);
    },
    teach(pseudonym, value) {
      if (live.size < maxEntries || live.has(pseudonym)) live.set(pseudonym, value);
    },
    size: () => live.size,
  };
}
