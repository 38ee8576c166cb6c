/**
 * Per-household order for replay (issue 12, docs/recording.md "Replay"): a pre-scan of the
 * recording gives each exchange the keys whose earlier exchanges it must wait for. Sessions of one
 * household share its lists, reminders, devices and purchases, and a user's login bookkeeping
 * (`failedLoginCount`) is per user, so every call that touches a household waits for the previous
 * call that touched it, whatever session carried it. Calls of different households run in
 * parallel. Pure; linear in the recording's size.
 */
import type { RecordedExchange } from './recording-format';

const sessionShape = /^(ks|token)_[A-Za-z0-9_-]{16}$/;
const udidShape = /^udid_[A-Za-z0-9_-]{16}$/;
const maxDepth = 32;

interface Found {
  readonly sessions: Set<string>;
  readonly usernames: Set<string>;
  readonly udids: Set<string>;
  readonly households: Set<string>;
}

function emptyFound(): Found {
  return { sessions: new Set(), usernames: new Set(), udids: new Set(), households: new Set() };
}

/** Collects session and udid pseudonyms, usernames and (answers only) household ids from a value. */
function collect(value: unknown, found: Found, depth: number): void {
  if (typeof value === 'string') {
    if (sessionShape.test(value)) found.sessions.add(value);
    else if (udidShape.test(value)) found.udids.add(value);
    return;
  }
  if (value === null || typeof value !== 'object' || depth >= maxDepth) return;
  for (const [key, item] of Object.entries(value)) {
    if (key === 'username' && typeof item === 'string' && item !== '') found.usernames.add(item.trim().toLowerCase());
    else if (key === 'householdId' && (typeof item === 'number' || typeof item === 'string') && String(item) !== '0' && String(item) !== '') found.households.add(String(item));
    else collect(item, found, depth + 1);
  }
}

/**
 * The order keys of each exchange, in recorded order: its households (`hh:<id>`, known from its
 * sessions, its usernames or its answer), its session pseudonyms (asked and minted), its udid
 * pseudonyms (a device belongs to one household at a time), its usernames and its `orderKey`.
 */
export function orderKeysOf(exchanges: readonly RecordedExchange[]): string[][] {
  const householdOf = new Map<string, string>();
  return exchanges.map((exchange) => {
    const asked = emptyFound();
    collect(exchange.request.params ?? null, asked, 0);
    const answered = emptyFound();
    collect(exchange.response.body ?? null, answered, 0);
    const users = [...asked.usernames].map((name) => `user:${name}`);
    const households = new Set<string>(answered.households);
    for (const key of [...asked.sessions, ...users]) {
      const household = householdOf.get(key);
      if (household !== undefined) households.add(household);
    }
    if (households.size === 1) {
      const [household] = households;
      for (const key of [...asked.sessions, ...answered.sessions, ...users]) if (!householdOf.has(key)) householdOf.set(key, household!);
    }
    const keys = new Set<string>([...[...households].map((h) => `hh:${h}`), ...asked.sessions, ...answered.sessions, ...asked.udids, ...users]);
    if (exchange.orderKey !== '') keys.add(exchange.orderKey);
    return [...keys];
  });
}
