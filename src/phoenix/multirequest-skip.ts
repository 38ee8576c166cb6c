/**
 * Per sub-request `skipCondition` (brief §3.3): `KalturaSkipOnErrorCondition {condition:
 * No|Previous|Any}`, `KalturaPropertySkipCondition {propertyPath, operator, value}` and
 * `KalturaAggregatedPropertySkipCondition {…, aggregationType: Avg|Count|Sum}`. A condition that
 * cannot be evaluated (unknown type, unresolvable path) does not skip: running is the safer default.
 */
import type { VendorOutcome } from '../core/vendor-error';
import { parseToken, readResultPath } from './multirequest-tokens';

type Operator = 'equal' | 'greaterthan' | 'lessthan' | 'unequal';

function lower(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

function skipOnError(condition: string, prior: readonly VendorOutcome[]): boolean {
  if (condition === 'previous') return prior.length > 0 && prior[prior.length - 1]?.ok === false;
  if (condition === 'any') return prior.some((o) => !o.ok);
  return false;
}

/** Reads the value a property path points at: `{1:result:x}` or `1:result:x`. */
function readPropertyPath(path: unknown, prior: readonly VendorOutcome[]): unknown {
  if (typeof path !== 'string') return undefined;
  const text = path.trim();
  const token = parseToken(text.startsWith('{') ? text : `{${text}}`);
  if (token === null || token === 'invalid' || token.index < 1) return undefined;
  const slot = prior[token.index - 1];
  return slot?.ok === true ? readResultPath(slot.value, token.path) : undefined;
}

function aggregate(value: unknown, kind: string): unknown {
  const items = Array.isArray(value) ? value : [value];
  if (kind === 'count') return items.length;
  const numbers = items.map(Number).filter((n) => Number.isFinite(n));
  const sum = numbers.reduce((a, b) => a + b, 0);
  if (kind === 'sum') return sum;
  if (kind === 'avg') return numbers.length === 0 ? 0 : sum / numbers.length;
  return undefined;
}

/** Text of a value for Equal/UnEqual: scalars as text, objects as JSON. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

function compare(actual: unknown, operator: Operator, expected: unknown): boolean {
  if (actual === undefined) return false;
  if (operator === 'equal') return textOf(actual) === textOf(expected);
  if (operator === 'unequal') return textOf(actual) !== textOf(expected);
  const a = Number(actual);
  const b = Number(expected);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return operator === 'greaterthan' ? a > b : a < b;
}

/** True when a sub-request's `skipCondition` says it must not run, given the earlier outcomes. */
export function shouldSkip(skipCondition: unknown, prior: readonly VendorOutcome[]): boolean {
  if (typeof skipCondition !== 'object' || skipCondition === null) return false;
  const condition = skipCondition as Record<string, unknown>;
  const type = lower(condition.objectType);
  if (type === 'kalturaskiponerrorcondition' || (type === '' && condition.condition !== undefined)) return skipOnError(lower(condition.condition), prior);
  const operator = lower(condition.operator) as Operator;
  if (!['equal', 'greaterthan', 'lessthan', 'unequal'].includes(operator)) return false;
  let actual = readPropertyPath(condition.propertyPath, prior);
  if (type === 'kalturaaggregatedpropertyskipcondition') actual = aggregate(actual, lower(condition.aggregationType));
  else if (type !== 'kalturapropertyskipcondition' && type !== '') return false;
  return compare(actual, operator, condition.value);
}

/** True for `{condition: Any}`: the skip reads every earlier slot (executors treat it as a barrier). */
export function readsEveryEarlierSlot(skipCondition: unknown): boolean {
  return typeof skipCondition === 'object' && skipCondition !== null && lower((skipCondition as Record<string, unknown>).condition) === 'any';
}

/**
 * The sub-request positions a skip condition reads (for dependency graphs). `{condition: Any}`
 * reads them all; it is reported by readsEveryEarlierSlot instead of as a list, which would make
 * a request of N such sub-requests cost N².
 */
export function skipConditionDependencies(skipCondition: unknown, position: number): number[] {
  if (typeof skipCondition !== 'object' || skipCondition === null) return [];
  const condition = skipCondition as Record<string, unknown>;
  const onError = lower(condition.condition);
  if (onError === 'previous') return position > 1 ? [position - 1] : [];
  if (onError === 'any') return [];
  if (typeof condition.propertyPath !== 'string') return [];
  const text = condition.propertyPath.trim();
  const token = parseToken(text.startsWith('{') ? text : `{${text}}`);
  return token !== null && token !== 'invalid' ? [token.index] : [];
}
