/**
 * Vendor routing forms on plain strings (brief §1.1, §1.2, §7.5): `/…/api_v3/service/x/action/y`,
 * `/service/multirequest` (no action), `?service=x&action=y`, trailing `/key/value` pairs with an
 * optional final file-name hint (`a.m3u8`), duplicate slashes, trailing slash, any version prefix.
 */
import type { Result } from '../core/result';
import { err, ok } from '../core/result';
import type { VendorError } from '../core/vendor-error';
import { vendorError } from './vendor-error-builder';

/** Where a request points, before service/action are checked against an operation table. */
export interface VendorRoute {
  /** Raw service name as sent (case kept); undefined when neither path nor query names one. */
  readonly service?: string;
  readonly action?: string;
  /** `/key/value` pairs after the service/action segments (URL-decoded). */
  readonly pathParams: Readonly<Record<string, string>>;
  /** The final odd segment, e.g. `a.m3u8` (brief §1.2 item 3). */
  readonly fileHint?: string;
  /** Normalised path up to the `/service` segment (or the whole path for query routing), e.g. `/v4_6/api_v3`. */
  readonly apiBasePath: string;
}

/** A route with its target settled: `action` is `''` for a multirequest. */
export interface VendorTarget {
  readonly service: string;
  readonly action: string;
  /** Lower-cased `service.action`, or `multirequest`. */
  readonly operationId: string;
  readonly isMultirequest: boolean;
}

function decodeSegment(segment: string): string {
  // Without a `%` there is nothing to decode (`+` is not a space in a path): the common case, and
  // decodeURIComponent's try/catch is measurable per segment on the hot path (bench/README.md).
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Collapses `//`, drops the trailing slash; always starts with `/` (or is `''` for the root). */
export function normalisePath(pathname: string): string {
  const segments = pathname.split('/').filter((s) => s !== '');
  return segments.length === 0 ? '' : `/${segments.join('/')}`;
}

function findServiceSegment(segments: readonly string[]): number {
  return segments.findIndex((s, i) => s.toLowerCase() === 'service' && i + 1 < segments.length);
}

/** Reads the `/key/value…` tail that starts with `service`; keys `service` and `action` are the target. */
function readPathPairs(tail: readonly string[]): { service?: string; action?: string; pathParams: Record<string, string>; fileHint?: string } {
  const pathParams: Record<string, string> = {};
  let service: string | undefined;
  let action: string | undefined;
  let i = 0;
  for (; i + 1 < tail.length; i += 2) {
    const key = decodeSegment(tail[i] ?? '');
    const value = decodeSegment(tail[i + 1] ?? '');
    const lower = key.toLowerCase();
    if (lower === 'service' && service === undefined) service = value;
    else if (lower === 'action' && action === undefined) action = value;
    else pathParams[key] = value;
  }
  const fileHint = i < tail.length ? decodeSegment(tail[i] ?? '') : undefined;
  return { service, action, pathParams, ...(fileHint === undefined ? {} : { fileHint }) };
}

/**
 * Parses a request path and its query (first value of each name) into a route. Path routing wins
 * over query routing; names keep their case here and are lower-cased by `settleVendorTarget`.
 */
export function parseVendorRoute(pathname: string, query: Readonly<Record<string, unknown>> = {}): VendorRoute {
  const segments = pathname.split('/').filter((s) => s !== '');
  const at = findServiceSegment(segments);
  const queryService = typeof query.service === 'string' && query.service !== '' ? query.service : undefined;
  const queryAction = typeof query.action === 'string' && query.action !== '' ? query.action : undefined;
  if (at < 0) {
    return { service: queryService, action: queryAction, pathParams: {}, apiBasePath: normalisePath(pathname) };
  }
  const pairs = readPathPairs(segments.slice(at));
  const apiBasePath = at === 0 ? '' : `/${segments.slice(0, at).join('/')}`;
  return { ...pairs, service: pairs.service ?? queryService, action: pairs.action ?? queryAction, apiBasePath };
}

/**
 * Settles service and action: from the route, else from the merged parameters (a body may carry
 * them). No service → 500011 InvalidService (with an empty name); a service without an action
 * (other than multirequest) → 500033 ActionNotSpecified.
 */
export function settleVendorTarget(route: VendorRoute, params: Readonly<Record<string, unknown>> = {}): Result<VendorTarget, VendorError> {
  const service = route.service ?? (typeof params.service === 'string' ? params.service : undefined);
  if (service === undefined || service.trim() === '') return err(vendorError('InvalidService', { service: '' }));
  if (service.toLowerCase() === 'multirequest') return ok({ service, action: '', operationId: 'multirequest', isMultirequest: true });
  const action = route.action ?? (typeof params.action === 'string' ? params.action : undefined);
  if (action === undefined || action.trim() === '') return err(vendorError('ActionNotSpecified'));
  return ok({ service, action, operationId: `${service.toLowerCase()}.${action.toLowerCase()}`, isMultirequest: false });
}
