/**
 * Redaction of kept diff samples (design.md §4: "diff samples are kept redacted"): secrets and
 * personal data never reach the parity store. Keys by name, KS and emails by shape; size capped.
 */

const secretKeys = new Set(['ks', 'password', 'refreshtoken', 'token', 'accesstoken', 'udid', 'email', 'secret', 'authorization', 'privileges']);
const ksShape = /djJ8[A-Za-z0-9+/_=-]{8,}/g;
const emailShape = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const maxDepth = 24;

/** A deep copy of `value` with secret keys masked and KS / email shapes replaced in every string. */
export function redactSampleValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(ksShape, '[ks]').replace(emailShape, '[email]');
  if (value === null || typeof value !== 'object') return value;
  if (depth >= maxDepth) return '[deep]';
  if (Array.isArray(value)) return value.map((item) => redactSampleValue(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = secretKeys.has(key.toLowerCase()) && item !== null && item !== '' ? '[redacted]' : redactSampleValue(item, depth + 1);
  }
  return copy;
}

/**
 * Redacts a value and bounds it: when its JSON exceeds `maxBytes`, arrays are cut to their first
 * elements until it fits (a sample illustrates a cluster; it is not an archive).
 */
export function redactAndBound(value: unknown, maxBytes: number): unknown {
  let redacted = redactSampleValue(value);
  for (let keep = 8; JSON.stringify(redacted).length > maxBytes && keep >= 1; keep = Math.floor(keep / 2)) {
    redacted = cutArrays(redacted, keep);
  }
  return JSON.stringify(redacted).length > maxBytes ? '[sample larger than the cap]' : redacted;
}

function cutArrays(value: unknown, keep: number): unknown {
  if (Array.isArray(value)) return value.slice(0, keep).map((item) => cutArrays(item, keep));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cutArrays(v, keep)]));
}
