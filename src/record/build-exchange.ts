/**
 * Turns one captured exchange (raw request and response as the facade saw them) into a redacted
 * recording line: the request in the canonical form replay sends (path + merged parameters, brief
 * §1.2), the response body parsed, both redacted together (redact-value.ts).
 */
import { mergeRequestParams, parseQueryParams } from '../phoenix/request-params';
import { parseVendorRoute, settleVendorTarget } from '../phoenix/routing';
import { splitMultirequest } from '../phoenix/multirequest';
import { recordingFormatVersion, type RecordedExchange, type RecordedRouting, type RecordedSubCall } from './recording-format';
import type { Redactor } from './redact-value';

/** What the facade tap hands over: nothing here has been redacted yet. */
export interface CapturedExchange {
  readonly at: number;
  readonly durationMs: number;
  readonly method: string;
  readonly url: string;
  readonly contentType?: string;
  readonly requestBody: string;
  readonly status: number;
  readonly responseContentType: string;
  readonly responseBody: string;
  readonly location?: string;
  readonly operation: string;
  readonly routing: RecordedRouting;
}

interface CanonicalRequest {
  readonly path: string;
  readonly params: Record<string, unknown> | null;
}

function canonicalRequest(captured: CapturedExchange): CanonicalRequest {
  const at = captured.url.indexOf('?');
  const pathname = at < 0 ? captured.url : captured.url.slice(0, at);
  const query = at < 0 ? '' : captured.url.slice(at + 1);
  const route = parseVendorRoute(pathname, parseQueryParams(query));
  const params = mergeRequestParams({ query, pathParams: route.pathParams, contentType: captured.contentType, body: captured.requestBody });
  if (!params.ok) return { path: route.apiBasePath, params: null };
  const target = settleVendorTarget(route, params.value);
  if (!target.ok) return { path: route.apiBasePath, params: params.value };
  const path = target.value.isMultirequest ? `${route.apiBasePath}/service/multirequest` : `${route.apiBasePath}/service/${target.value.service}/action/${target.value.action}`;
  return { path, params: params.value };
}

/** The sub-calls of a multirequest's parameters (undefined for any other operation). */
export function subCallsOf(params: Readonly<Record<string, unknown>> | null, operation: string): RecordedSubCall[] | undefined {
  if (operation !== 'multirequest' || params === null) return undefined;
  return splitMultirequest(params).subRequests.map((sub) => ({ index: sub.position, operation: `${String(sub.service ?? '').toLowerCase()}.${String(sub.action ?? '').toLowerCase()}` }));
}

function parseBody(text: string): { json: unknown } | { text: string } | null {
  if (text === '') return null;
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return { text };
  }
}

function orderKeyOf(params: Record<string, unknown> | null): string {
  const ks = params?.ks;
  if (typeof ks === 'string' && ks !== '') return ks;
  const udid = params?.udid;
  if (typeof udid === 'string' && udid !== '') return udid;
  const username = params?.username;
  return typeof username === 'string' ? username : '';
}

/** Builds the redacted line for one captured exchange; `seq` numbers lines within the recording. */
export function buildRecordedExchange(captured: CapturedExchange, seq: number, redactor: Redactor): RecordedExchange {
  const request = canonicalRequest(captured);
  const body = parseBody(captured.responseBody);
  const bodyValue = body === null ? null : 'json' in body ? body.json : body.text;
  const [params, responseValue, location, orderKey] = redactor.redact([request.params, bodyValue, captured.location ?? null, orderKeyOf(request.params)]);
  const responseBody = body === null ? null : 'json' in body ? responseValue : { text: responseValue };
  const subCalls = subCallsOf(request.params, captured.operation);
  return {
    v: recordingFormatVersion,
    seq,
    at: captured.at,
    durationMs: Math.round(captured.durationMs * 1000) / 1000,
    operation: captured.operation,
    orderKey: String(orderKey),
    request: { method: captured.method, path: request.path, params: params as Record<string, unknown> | null, bodyBytes: Buffer.byteLength(captured.requestBody) },
    response: {
      status: captured.status,
      contentType: captured.responseContentType,
      body: responseBody,
      ...(typeof location === 'string' ? { location } : {}),
      bodyBytes: Buffer.byteLength(captured.responseBody),
    },
    routing: captured.routing,
    ...(subCalls === undefined ? {} : { subCalls }),
  };
}
