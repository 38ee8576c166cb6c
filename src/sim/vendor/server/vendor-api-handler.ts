/**
 * vendor-sim's API pipeline on plain data: route → merge parameters → single call or
 * multirequest → envelope (HTTP 200) or playManifest's 302. No node:http types here.
 */
import { successEnvelope, errorEnvelope, executionSeconds, multirequestEnvelope, outcomeEnvelope } from '../../../vendor/envelope';
import { executeMultirequest, readMultirequestOptions, splitMultirequest } from '../../../vendor/multirequest';
import { mergeRequestParams, parseQueryParams } from '../../../vendor/request-params';
import { parseVendorRoute, settleVendorTarget } from '../../../vendor/routing';
import type { VendorOutcome } from '../../../core/vendor-error';
import { isRedirectResult } from '../sim-operation';
import { runSimCall, type SimCallEnvironment } from './sim-call-runner';

/** An API request as the handler sees it. */
export interface SimApiRequest {
  /** Path and query, as on the request line. */
  readonly url: string;
  readonly contentType?: string;
  readonly body: string;
  /** `http://host:port` the client addressed, for absolute playManifest URLs. */
  readonly origin: string;
}

export interface SimApiResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type SimApiEnvironment = Omit<SimCallEnvironment, 'apiBaseUrl'>;

const jsonHeaders = { 'content-type': 'application/json; charset=utf-8' };

function jsonResponse(value: unknown): SimApiResponse {
  return { status: 200, headers: jsonHeaders, body: JSON.stringify(value) };
}

function splitUrl(url: string): { pathname: string; query: string } {
  const at = url.indexOf('?');
  return at < 0 ? { pathname: url, query: '' } : { pathname: url.slice(0, at), query: url.slice(at + 1) };
}

/** Answers one API request. `format=2` (XML) is answered as JSON (docs/vendor-decisions.md). */
export async function handleVendorApiRequest(request: SimApiRequest, env: SimApiEnvironment): Promise<SimApiResponse> {
  const started = performance.now();
  const elapsed = (): number => executionSeconds(started, performance.now());
  const { pathname, query } = splitUrl(request.url);
  const queryParams = parseQueryParams(query);
  const route = parseVendorRoute(pathname, queryParams);
  const params = mergeRequestParams({ query, pathParams: route.pathParams, contentType: request.contentType, body: request.body });
  if (!params.ok) return jsonResponse(errorEnvelope(params.error, elapsed()));
  const target = settleVendorTarget(route, params.value);
  if (!target.ok) return jsonResponse(errorEnvelope(target.error, elapsed()));
  const callEnv: SimCallEnvironment = { ...env, apiBaseUrl: `${request.origin}${route.apiBasePath}` };
  if (target.value.isMultirequest) {
    const split = splitMultirequest(params.value);
    const slots = await executeMultirequest(split.subRequests, (sub) => runSimCall(sub, callEnv), readMultirequestOptions(split.shared));
    return jsonResponse(multirequestEnvelope(slots, elapsed()));
  }
  const outcome: VendorOutcome = await runSimCall({ service: target.value.service, action: target.value.action, params: params.value }, callEnv);
  if (outcome.ok && isRedirectResult(outcome.value)) {
    return { status: 302, headers: { location: outcome.value.redirectTo, 'content-type': 'text/plain; charset=utf-8' }, body: '' };
  }
  return jsonResponse(outcome.ok ? successEnvelope(outcome.value, elapsed()) : outcomeEnvelope(outcome, elapsed()));
}
