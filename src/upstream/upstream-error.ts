/**
 * Upstream failures as a small closed vocabulary, for the envelope the device gets, the
 * `onUpstreamError` counter and the breaker (docs/architecture.md §5).
 */

/** `refused`: nothing listens; `reset`: the connection broke; `timeout`: no answer in time;
 * `status`: an HTTP status the vendor protocol never uses (brief §1.6); `invalid`: not an envelope;
 * `breaker-open`: not tried, the breaker is open. */
export type UpstreamErrorKind = 'refused' | 'reset' | 'timeout' | 'status' | 'invalid' | 'breaker-open' | 'other';

/** A failure to get an answer from an upstream; thrown (an outage, not an expected outcome). */
export class UpstreamError extends Error {
  constructor(
    readonly kind: UpstreamErrorKind,
    message: string,
    readonly upstream: string = 'vendor',
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}

const resetCodes: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);
const timeoutCodes: ReadonlySet<string> = new Set(['ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ESOCKETTIMEDOUT']);

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  const cause = (error as { cause?: unknown }).cause;
  return cause === undefined ? undefined : codeOf(cause);
}

/** Sorts a network error (node:http, undici, an abort signal's timeout) into a kind. */
export function classifyUpstreamError(error: unknown): UpstreamErrorKind {
  if (error instanceof UpstreamError) return error.kind;
  // By name, not instanceof: AbortSignal.timeout's DOMException may come from another realm.
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  if (name === 'TimeoutError' || name === 'HeadersTimeoutError' || name === 'BodyTimeoutError') return 'timeout';
  const code = codeOf(error);
  if (code === undefined) return 'other';
  if (code === 'ECONNREFUSED') return 'refused';
  if (resetCodes.has(code)) return 'reset';
  if (timeoutCodes.has(code)) return 'timeout';
  return 'other';
}
