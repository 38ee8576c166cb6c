import { randomInt } from 'node:crypto';

/**
 * Short-lived codes shown on one screen and typed on another: device pairing PINs
 * (`householdDevice.generatePin`) and login PINs (`userLoginPin.add`), docs/lab-rules.md "Device
 * pairing and login PINs". Six random digits, valid ten minutes; at most `maxLiveCodes` are kept
 * (the oldest go first), so a flood of requests cannot grow a sim without bound.
 */
export const pairingCodeLifetimeSec = 600;
export const maxLiveCodes = 10_000;

/** One code and what it stands for. */
export interface PairingCode<T> {
  readonly code: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  value: T;
}

/** A bounded map of live codes, insertion-ordered (oldest first). */
export interface PairingCodeStore<T> {
  readonly codes: Map<string, PairingCode<T>>;
}

/** An empty store. */
export function createPairingCodeStore<T>(): PairingCodeStore<T> {
  return { codes: new Map() };
}

function dropExpired<T>(store: PairingCodeStore<T>, nowSec: number): void {
  for (const [code, entry] of store.codes) if (entry.expiresAt <= nowSec) store.codes.delete(code);
}

/** Issues a fresh code for `value`; `replaces` drops earlier codes it matches (one live PIN per device). */
export function issuePairingCode<T>(store: PairingCodeStore<T>, value: T, nowSec: number, replaces?: (old: T) => boolean): PairingCode<T> {
  dropExpired(store, nowSec);
  if (replaces !== undefined) for (const [code, entry] of store.codes) if (replaces(entry.value)) store.codes.delete(code);
  while (store.codes.size >= maxLiveCodes) {
    const oldest = store.codes.keys().next().value as string;
    store.codes.delete(oldest);
  }
  let code: string;
  do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  while (store.codes.has(code));
  const entry = { code, createdAt: nowSec, expiresAt: nowSec + pairingCodeLifetimeSec, value };
  store.codes.set(code, entry);
  return entry;
}

/** What a typed code is: unknown (never issued, used up or evicted), expired, or live. */
export type CodeLookup<T> = { readonly kind: 'unknown' } | { readonly kind: 'expired' } | { readonly kind: 'live'; readonly entry: PairingCode<T> };

/** Looks a typed code up (surrounding blanks ignored). */
export function lookUpPairingCode<T>(store: PairingCodeStore<T>, typed: string, nowSec: number): CodeLookup<T> {
  const entry = store.codes.get(typed.trim());
  if (entry === undefined) return { kind: 'unknown' };
  if (entry.expiresAt <= nowSec) return { kind: 'expired' };
  return { kind: 'live', entry };
}
