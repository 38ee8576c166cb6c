/**
 * `{N:result[:path]}` tokens (brief §3.1): whole-string values only, N 1-based over the ordered
 * sub-requests, path segments split by `:`, numeric segments index arrays. Errors come from the
 * catalogue: N = 0 → 500042, N not an earlier sub-request → 500043, anything else unresolvable
 * (bad syntax, missing property, a failed slot) → 50025 (docs/vendor-decisions.md "Multirequest").
 */
import type { Result } from '../core/result';
import { err, ok } from '../core/result';
import type { VendorError, VendorOutcome } from '../core/vendor-error';
import { vendorError } from './vendor-error-builder';

/** A parsed token: `{2:result:objects:0:id}` → `{index: 2, path: ['objects', '0', 'id']}`. */
export interface MultirequestToken {
  readonly index: number;
  readonly path: readonly string[];
}

/** Looks like a token: `{…:result…}`; such a string is resolved or fails, never passed literally. */
const tokenShape = /^\{\s*([^:{}]*)\s*:\s*result\s*((?::[^{}]*)?)\}$/i;

/** Parses a whole-string token; `null` = not a token, `'invalid'` = token-shaped but malformed. */
export function parseToken(value: string): MultirequestToken | 'invalid' | null {
  const match = tokenShape.exec(value.trim());
  if (match === null) return null;
  const indexText = (match[1] ?? '').trim();
  if (!/^\d{1,6}$/.test(indexText)) return 'invalid';
  const rest = match[2] ?? '';
  const path = rest === '' ? [] : rest.slice(1).split(':').map((s) => s.trim());
  if (path.some((s) => s === '')) return 'invalid';
  return { index: Number(indexText), path };
}

/**
 * Walks a result along a token path; undefined when a step is missing. Only the result's own
 * data is reachable: array items by index and an object's own properties, never anything
 * inherited (`__proto__`, `constructor`, `toString`; issue 9, finding 6).
 */
export function readResultPath(result: unknown, path: readonly string[]): unknown {
  let current = result;
  for (const segment of path) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = Object.hasOwn(current, String(Number(segment))) ? current[Number(segment)] : undefined;
    else if (typeof current === 'object' && current !== null && !Array.isArray(current)) current = Object.hasOwn(current, segment) ? (current as Record<string, unknown>)[segment] : undefined;
    else return undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

/** Resolves one token against the outcomes of the sub-requests before the current one. */
export function resolveToken(token: MultirequestToken, priorResults: readonly VendorOutcome[]): Result<unknown, VendorError> {
  if (token.index === 0) return err(vendorError('MultirequestIndexNotZeroBased'));
  const prior = priorResults[token.index - 1];
  if (token.index > priorResults.length || prior === undefined) return err(vendorError('MultirequestInvalidIndex'));
  if (!prior.ok) return err(vendorError('InvalidMultirequestToken'));
  const value = readResultPath(prior.value, token.path);
  return value === undefined ? err(vendorError('InvalidMultirequestToken')) : ok(value);
}

function resolveValue(value: unknown, priorResults: readonly VendorOutcome[]): Result<unknown, VendorError> {
  if (typeof value === 'string') {
    const token = parseToken(value);
    if (token === null) return ok(value);
    if (token === 'invalid') return err(vendorError('InvalidMultirequestToken'));
    return resolveToken(token, priorResults);
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const r = resolveValue(item, priorResults);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return ok(out);
  }
  if (typeof value === 'object' && value !== null) return resolveTokens(value as Record<string, unknown>, priorResults);
  return ok(value);
}

/** Replaces every whole-string token in `params` (nested too) with the referenced result value. */
export function resolveTokens(params: Readonly<Record<string, unknown>>, priorResults: readonly VendorOutcome[]): Result<Record<string, unknown>, VendorError> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    const r = resolveValue(value, priorResults);
    if (!r.ok) return r;
    out[key] = r.value;
  }
  return ok(out);
}

/** The 1-based sub-request indexes a value's tokens reference (for dependency graphs). */
export function collectTokenIndexes(value: unknown, into: Set<number> = new Set()): Set<number> {
  if (typeof value === 'string') {
    const token = parseToken(value);
    if (token !== null && token !== 'invalid') into.add(token.index);
  } else if (Array.isArray(value)) for (const item of value) collectTokenIndexes(item, into);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) collectTokenIndexes(item, into);
  return into;
}
