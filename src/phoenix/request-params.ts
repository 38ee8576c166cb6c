/**
 * One parameter set per request (brief §1.4): query string, then `/key/value` path pairs, then the
 * body — a later source wins. The body is JSON (whatever the Content-Type says, when it parses)
 * or form-encoded; anything else is answered 500003 BadRequest in the envelope (HTTP 200), see
 * docs/vendor-decisions.md "Request bodies".
 */
import type { Result } from '../core/result';
import { err, ok } from '../core/result';
import type { VendorError } from '../core/vendor-error';
import { decodeFormBody, decodeFormPairs } from './form-decoding';
import { pruneOverBudgetJson } from './json-prune';
import { maxParamDepth, maxParamNodes } from './request-budget';
import { vendorError } from './vendor-error-builder';

export interface RawVendorRequest {
  /** The query string without `?` (or with it). */
  readonly query: string;
  readonly pathParams?: Readonly<Record<string, string>>;
  readonly contentType?: string;
  /** The body as UTF-8 text; `''` when none. */
  readonly body: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function looksLikeJson(text: string): boolean {
  return text.startsWith('{') || text.startsWith('[') || text.startsWith('"');
}

/** Bodies shorter than this cannot hold enough to matter; longer ones are pruned before parsing. */
const pruneFromLength = 8192;

function parseJsonObject(text: string): Result<Record<string, unknown>, VendorError> {
  try {
    // Containers deeper or wider than any call may hold are never built (json-prune.ts). Depth
    // counts from the body: a multirequest's sub-request parameters sit two levels down.
    const pruned = text.length < pruneFromLength ? text : pruneOverBudgetJson(text, maxParamDepth + 2, maxParamNodes);
    const parsed: unknown = JSON.parse(pruned);
    return isPlainObject(parsed) ? ok(parsed) : err(vendorError('BadRequest'));
  } catch {
    return err(vendorError('BadRequest'));
  }
}

/**
 * Parses a body into parameters. JSON is tried first when the type says JSON or the text looks
 * like JSON (playkit-style clients vary, brief §1.4); a form type or `a=b` text is form-decoded.
 */
export function parseRequestBody(body: string, contentType = ''): Result<Record<string, unknown>, VendorError> {
  const text = body.replace(/^\uFEFF/, '').trim();
  if (text === '') return ok({});
  const type = contentType.toLowerCase();
  if (type.includes('json') || looksLikeJson(text)) return parseJsonObject(text);
  if (type.includes('x-www-form-urlencoded') || /^[^=&\s]+=/.test(text)) return ok(decodeFormBody(text));
  return err(vendorError('BadRequest'));
}

/** Parses a query string (nested keys allowed) into parameters. */
export function parseQueryParams(query: string): Record<string, unknown> {
  // Most calls are POSTs without a query: no URLSearchParams for nothing (bench/README.md "Issue 13").
  if (query === '' || query === '?') return {};
  return decodeFormPairs(new URLSearchParams(query.startsWith('?') ? query.slice(1) : query));
}

/** Merges query, path pairs and body (body wins, top-level keys only). */
export function mergeRequestParams(request: RawVendorRequest): Result<Record<string, unknown>, VendorError> {
  const body = parseRequestBody(request.body, request.contentType);
  if (!body.ok) return body;
  // The common POST: no query and no path pairs, so the body's own fresh object is the merge.
  if ((request.query === '' || request.query === '?') && (request.pathParams === undefined || Object.keys(request.pathParams).length === 0)) return body;
  return ok({ ...parseQueryParams(request.query), ...(request.pathParams ?? {}), ...body.value });
}
