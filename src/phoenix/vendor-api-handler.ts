/**
 * The vendor API pipeline on plain data, shared by every server that speaks the protocol (the
 * facade and vendor-sim): route → merge parameters → single call or multirequest → envelope with
 * HTTP 200, or playManifest's 302. What a call does is the caller's `runCall`.
 */
import type { VendorError, VendorOutcome } from '../core/vendor-error';
import { errorEnvelope, executionSeconds, multirequestEnvelope, outcomeEnvelope } from './envelope';
import { executeMultirequest, readMultirequestOptions, splitMultirequest, type SplitMultirequest, type SubRequest } from './multirequest';
import { executeMultirequestConcurrently } from './multirequest-concurrent';
import { isRedirectResult } from './redirect-result';
import { fitsParamBudget, maxSubRequests } from './request-budget';
import { vendorError } from './vendor-error-builder';
import { isUnenvelopedResult } from './unenveloped-result';
import { mergeRequestParams, parseQueryParams } from './request-params';
import { parseVendorRoute, settleVendorTarget } from './routing';

/** An API request as the pipeline sees it. */
export interface VendorApiRequest {
  /** Path and query, as on the request line. */
  readonly url: string;
  readonly contentType?: string;
  readonly body: string;
  /** `http://host:port` the client addressed, for absolute playManifest URLs. */
  readonly origin: string;
}

export interface VendorApiResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** One call of a request (a single call, or one sub-request of a multirequest). */
export interface VendorApiCall {
  readonly service?: string;
  readonly action?: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Runs one call; must not throw. `apiBaseUrl` is the absolute base up to `/api_v3`. */
export type RunVendorCall = (call: VendorApiCall, apiBaseUrl: string) => Promise<VendorOutcome>;

export interface VendorApiOptions {
  /** Sub-requests for which this returns true may run in parallel with each other (see multirequest-concurrent). */
  readonly canOverlap?: (sub: SubRequest) => boolean;
}

const jsonHeaders = { 'content-type': 'application/json; charset=utf-8' };

function jsonResponse(value: unknown): VendorApiResponse {
  return { status: 200, headers: jsonHeaders, body: JSON.stringify(value) };
}

function splitUrl(url: string): { pathname: string; query: string } {
  const at = url.indexOf('?');
  return at < 0 ? { pathname: url, query: '' } : { pathname: url.slice(0, at), query: url.slice(at + 1) };
}

/** A request parsed into the calls it makes, before any of them runs. */
export type ParsedVendorApiRequest =
  | { readonly kind: 'invalid'; readonly error: VendorError; readonly startedMs: number; readonly answerHere?: true }
  | { readonly kind: 'single'; readonly call: VendorApiCall; readonly apiBaseUrl: string; readonly startedMs: number }
  | { readonly kind: 'multi'; readonly split: SplitMultirequest; readonly apiBaseUrl: string; readonly startedMs: number };

/** A request beyond the budgets: answered 500003 by whoever parsed it, never forwarded. */
function overBudget(startedMs: number): ParsedVendorApiRequest {
  return { kind: 'invalid', error: vendorError('BadRequest'), startedMs, answerHere: true };
}

/** Parses routing form, parameters and target (brief §1.2); nothing runs yet. */
export function parseVendorApiRequest(request: VendorApiRequest, startedMs: number = performance.now()): ParsedVendorApiRequest {
  const { pathname, query } = splitUrl(request.url);
  const route = parseVendorRoute(pathname, parseQueryParams(query));
  const params = mergeRequestParams({ query, pathParams: route.pathParams, contentType: request.contentType, body: request.body });
  if (!params.ok) return { kind: 'invalid', error: params.error, startedMs };
  const target = settleVendorTarget(route, params.value);
  // Naming no service at all, the request is not addressed to the vendor API (`/`, `/__sim/…`,
  // `/etc/passwd`): answered 500011 here as vendor-sim answers it, never forwarded (issue 9).
  if (!target.ok) return { kind: 'invalid', error: target.error, startedMs, ...(route.service === undefined && params.value.service === undefined ? { answerHere: true as const } : {}) };
  const apiBaseUrl = `${request.origin}${route.apiBasePath}`;
  if (target.value.isMultirequest) {
    const split = splitMultirequest(params.value);
    // Budgets (request-budget.ts): too many sub-requests or oversized shared parameters fail the
    // whole request before anything runs; an oversized sub-request fails only its own slot.
    if (split.subRequests.length > maxSubRequests || !fitsParamBudget(split.shared)) return overBudget(startedMs);
    return { kind: 'multi', split, apiBaseUrl, startedMs };
  }
  if (!fitsParamBudget(params.value)) return overBudget(startedMs);
  return { kind: 'single', call: { service: target.value.service, action: target.value.action, params: params.value }, apiBaseUrl, startedMs };
}

/** Runs a parsed request's calls and builds the answer (envelope with HTTP 200, or playManifest's 302). */
export async function executeVendorApiRequest(parsed: ParsedVendorApiRequest, runCall: RunVendorCall, options: VendorApiOptions = {}): Promise<VendorApiResponse> {
  const elapsed = (): number => executionSeconds(parsed.startedMs, performance.now());
  if (parsed.kind === 'invalid') return jsonResponse(errorEnvelope(parsed.error, elapsed()));
  if (parsed.kind === 'multi') {
    const runSub = (sub: VendorApiCall): Promise<VendorOutcome> => runCall(sub, parsed.apiBaseUrl);
    const { split } = parsed;
    const mrOptions = readMultirequestOptions(split.shared);
    const slots = options.canOverlap === undefined
      ? await executeMultirequest(split.subRequests, runSub, mrOptions)
      : await executeMultirequestConcurrently(split.subRequests, runSub, options.canOverlap, mrOptions);
    return jsonResponse(multirequestEnvelope(slots, elapsed()));
  }
  const outcome = await runCall(parsed.call, parsed.apiBaseUrl);
  if (outcome.ok && isRedirectResult(outcome.value)) {
    return { status: 302, headers: { location: outcome.value.redirectTo, 'content-type': 'text/plain; charset=utf-8' }, body: '' };
  }
  if (outcome.ok && isUnenvelopedResult(outcome.value)) return jsonResponse(outcome.value.unenveloped);
  return jsonResponse(outcomeEnvelope(outcome, elapsed()));
}

/** Answers one API request. `format=2` (XML) is answered as JSON (docs/vendor-decisions.md). */
export function handleVendorApiRequest(request: VendorApiRequest, runCall: RunVendorCall, options: VendorApiOptions = {}): Promise<VendorApiResponse> {
  return executeVendorApiRequest(parseVendorApiRequest(request), runCall, options);
}
