import { REDACTED, redactText, SECRET_PARAMETER_NAMES } from './redact-text';

/** Keys whose values never appear in an admin change record, matched case-insensitively. */
const secretKeys = new Set([...SECRET_PARAMETER_NAMES, 'authorization', 'cookie', 'secret'].map((k) => k.toLowerCase()));

/** Deeper structures are cut rather than walked: a change record describes config, not payloads. */
const MAX_DEPTH = 8;

/** A deep copy of `value` with secret keys masked and every string passed through `redactText`. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[truncated]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = secretKeys.has(key.toLowerCase()) ? REDACTED : redactValue(item, depth + 1);
  }
  return copy;
}
