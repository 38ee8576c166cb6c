/**
 * Splitting a multirequest body (brief §3.1): numeric keys are sub-requests, ordered ascending
 * whatever their base (0 or 1); other top-level keys are shared parameters. A sub-request
 * inherits the shared global parameters it does not set itself, so its own `ks` (a token
 * included) wins over the top-level one.
 */

import type { VendorError } from '../core/vendor-error';
import { fitsParamBudget } from './request-budget';
import { vendorError } from './vendor-error-builder';

/** Global parameters a sub-request inherits from the top level (brief §1.4 table). */
export const inheritedGlobalParams: readonly string[] = [
  'ks', 'partnerId', 'userId', 'language', 'currency', 'apiVersion', 'version', 'clientTag', 'format', 'responseProfile', 'ignoreNull', 'kalsig',
];

/** One sub-request of a multirequest, in order. */
export interface SubRequest {
  /** 1-based position: what `{N:result}` tokens count (brief §3.1). */
  readonly position: number;
  /** The body key it came from (`"0"`, `"1"`, …). */
  readonly key: string;
  /** Raw names as sent; undefined when the sub-request omitted them. */
  readonly service?: string;
  readonly action?: string;
  /** Inherited globals overlaid with its own parameters (without `service`/`action`). */
  readonly params: Readonly<Record<string, unknown>>;
  /** Set when the sub-request's own parameters exceed the budget (request-budget.ts): its slot is this error. */
  readonly rejected?: VendorError;
}

export interface SplitMultirequest {
  /** Non-numeric top-level keys. */
  readonly shared: Readonly<Record<string, unknown>>;
  readonly subRequests: readonly SubRequest[];
}

/** True for keys the vendor numbers sub-requests with: digits only. */
function isSubRequestKey(key: string): boolean {
  return /^\d{1,6}$/.test(key);
}

function pickInherited(shared: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const inherited: Record<string, unknown> = {};
  for (const name of inheritedGlobalParams) if (shared[name] !== undefined && shared[name] !== null) inherited[name] = shared[name];
  return inherited;
}

function toSubRequest(key: string, value: unknown, position: number, inherited: Record<string, unknown>): SubRequest {
  const own = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  // Over budget: only this slot fails (issue 9, finding 7); its parameters are never walked again.
  if (!fitsParamBudget(own)) return { position, key, params: { ...inherited }, rejected: vendorError('BadRequest') };
  const params: Record<string, unknown> = { ...inherited };
  // Plain loops and assignments rather than `{ service, action, ...rest }` and conditional
  // spreads: those are runtime copies, the largest own cost of a multirequest on the hot path
  // (bench/README.md "Issue 13"). Same members, same order.
  for (const name of Object.keys(own)) {
    if (name === 'service' || name === 'action') continue;
    const v = own[name];
    if (v !== undefined && v !== null) params[name] = v;
  }
  const sub: { position: number; key: string; service?: string; action?: string; params?: Record<string, unknown> } = { position, key };
  if (typeof own.service === 'string' && own.service !== '') sub.service = own.service;
  if (typeof own.action === 'string' && own.action !== '') sub.action = own.action;
  sub.params = params;
  return sub as SubRequest;
}

/** Splits merged multirequest parameters into shared params and ordered sub-requests. */
export function splitMultirequest(body: Readonly<Record<string, unknown>>): SplitMultirequest {
  const shared: Record<string, unknown> = {};
  const numbered: [number, string, unknown][] = [];
  for (const [key, value] of Object.entries(body)) {
    if (isSubRequestKey(key)) numbered.push([Number(key), key, value]);
    else shared[key] = value;
  }
  numbered.sort((a, b) => a[0] - b[0]);
  const inherited = pickInherited(shared);
  const subRequests = numbered.map(([, key, value], i) => toSubRequest(key, value, i + 1, inherited));
  return { shared, subRequests };
}
