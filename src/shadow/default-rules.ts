/**
 * The built-in rule set for vendor (Phoenix) answers: what differs between two correct answers by
 * design. Versioned: change the version whenever a rule changes, so reports say which rules held.
 * Each rule names its reason (test/support/parity-noise.ts lists the same facts for golden cases).
 */
import type { PathRule, RuleSet } from './path-rules';

/** Rules every shadow comparison of vendor answers starts from. */
export const phoenixRuleSet: RuleSet = {
  version: 'phoenix-6',
  rules: [
    { path: '/executionTime', rule: 'ignore', why: 'server timing (brief §2.2)' },
    { path: '/**/executionTime', rule: 'ignore', why: 'server timing of multirequest slots' },
    { path: '/**/ks', rule: 'token', token: 'ks', why: 'KS minted per session (brief §3)' },
    { path: '/**/refreshToken', rule: 'token', token: 'opaque', why: 'random per minted session' },
    { path: '/**/privileges', rule: 'token', token: 'opaque', why: 'session privileges string, random per session' },
    { path: '/**/url', rule: 'token', token: 'signed-url', why: 'playback URLs carry per-call signatures and the host the device addressed' },
    { path: '/**/serverTime', rule: 'time', toleranceSeconds: 5, why: 'server clock when answering' },
    { path: '/**/createDate', rule: 'time', toleranceSeconds: 2, why: 'a second may tick between the two calls' },
    { path: '/**/updateDate', rule: 'time', toleranceSeconds: 2, why: 'a second may tick between the two calls' },
    { path: '/**/expiry', rule: 'time', toleranceSeconds: 2, why: 'session expiry relative to now' },
    { path: '/**/lastWatchedDate', rule: 'time', toleranceSeconds: 2, why: 'a second may tick between the two calls' },
    { path: '/**/activatedOn', rule: 'time', toleranceSeconds: 5, why: 'each side stamps a device when it stores it; a write compared by state is stored on the platform by the sync a moment later' },
    { path: '/**/currentDate', rule: 'time', toleranceSeconds: 5, why: 'an entitlement\'s "now" when each side answered; a write compared by state reads the two sides moments apart' },
    { path: '/**/lastLoginDate', rule: 'time', toleranceSeconds: 2, why: 'each side stamps its own login of the user; a second may tick between the two' },
    { path: '/result/objects/*/mediaFiles', rule: 'set', key: 'id', why: 'file order carries no meaning (brief §5.2)' },
    { path: '/result/objects/*/images', rule: 'set', key: 'ratio', why: 'image order carries no meaning' },
  ],
};

const copiedPurchaseDate = 'a purchase the sync copied is dated by the side it was copied to when the sync applied it, within the sync\'s pick-up latency (docs/sync.md)';

/** Rules of one operation, tried before the shared ones (DiffEngineOptions.operationRules); part of phoenixRuleSet's version. */
export const phoenixOperationRules: Readonly<Record<string, readonly PathRule[]>> = {
  'entitlement.list': [
    { path: '/result/objects/*/purchaseDate', rule: 'time', toleranceSeconds: 60, why: copiedPurchaseDate },
    { path: '/result/objects/*/endDate', rule: 'time', toleranceSeconds: 60, why: copiedPurchaseDate },
    { path: '/result/objects/*/nextRenewalDate', rule: 'time', toleranceSeconds: 60, why: copiedPurchaseDate },
  ],
};

/** A leading `"executionTime"` member of an envelope's text (how Phoenix and the facade serialise it). */
const leadingExecutionTime = /^\{"executionTime":-?[0-9][0-9.eE+-]*,/;

/** Where an envelope's members after a leading `executionTime` begin; -1 for a text that is no object. */
function bodyStart(text: string): number {
  const leading = leadingExecutionTime.exec(text);
  if (leading !== null) return leading[0].length;
  return text.startsWith('{') ? 1 : -1;
}

/**
 * Text equality that agrees with phoenixRuleSet (DiffEngineOptions.sameText): two envelopes' texts
 * are the same apart from a leading `executionTime`, which the rules ignore; `{"result":…}` of a
 * multirequest slot is the same as `{"executionTime":0,"result":…}`. Compares the texts in place:
 * a substring is a view of its text, where the key it replaces copied both answers per sample
 * (400,000 comparisons of a 3 KB asset: 12 scavenges against 174).
 */
export function phoenixSameText(a: string, b: string): boolean {
  if (a === b) return true;
  const startA = bodyStart(a);
  const startB = bodyStart(b);
  if (startA < 0 || startB < 0) return false;
  // Substrings are views of the texts: `===` compares them without copying (startsWith walked
  // them char by char, ~7 µs for a 3 KB answer against ~0.3 µs).
  return a.length - startA === b.length - startB && a.substring(startA) === b.substring(startB);
}
