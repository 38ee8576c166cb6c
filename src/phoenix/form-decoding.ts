/**
 * Form-encoded parameters with nested keys (brief §1.4, [U]): both `filter:objectType` (the
 * vendor family's colon notation) and `filter[objectType]` become `{filter: {objectType}}`.
 */
import { overBudgetMarker } from './json-prune';
import { maxParamDepth } from './request-budget';

/** Splits `a:b[c][d]` into `['a', 'b', 'c', 'd']`. */
export function splitNestedKey(key: string): string[] {
  const parts: string[] = [];
  for (const colonPart of key.split(':')) {
    const match = /^([^[\]]*)((?:\[[^[\]]*\])*)$/.exec(colonPart);
    if (match === null) {
      parts.push(colonPart);
      continue;
    }
    if (match[1] !== '' || match[2] === '') parts.push(match[1] ?? '');
    for (const inner of (match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)) parts.push(inner[1] ?? '');
  }
  return parts.filter((p, i) => p !== '' || i === 0);
}

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** Sets `value` at a nested path, creating plain objects; a later value wins (like JSON). */
export function setNested(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  if (path.some((p) => forbiddenKeys.has(p))) return;
  let node = target;
  for (let i = 0; i < path.length - 1; i += 1) {
    const key = path[i] ?? '';
    const next = node[key];
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) node = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      node[key] = created;
      node = created;
    }
  }
  const last = path[path.length - 1];
  if (last !== undefined) node[last] = value;
}

/**
 * Nested keys deeper than any call may hold are not built: the first two levels get the
 * over-budget marker instead (a sub-request `1[…]` of a multirequest then fails in its own slot).
 */
const maxNestedKeyDepth = maxParamDepth + 1;

/** Turns `[name, value]` pairs (query string or form body) into a nested parameter object. */
export function decodeFormPairs(pairs: Iterable<readonly [string, string]>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of pairs) {
    const path = splitNestedKey(key);
    if (path.length > maxNestedKeyDepth && path[0] !== '') setNested(result, path.slice(0, 2), overBudgetMarker);
    else if (path.length > 0 && path[0] !== '') setNested(result, path, value);
  }
  return result;
}

/** Parses an `application/x-www-form-urlencoded` text into nested parameters. */
export function decodeFormBody(text: string): Record<string, unknown> {
  return decodeFormPairs(new URLSearchParams(text));
}
