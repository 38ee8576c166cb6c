import type { PlatformReply } from './platform-port';

/**
 * Reading platform answers: the statuses a translator expects are handled by the caller, anything
 * else is an outage or a bug and throws (the runner turns it into vendor error "1", §Rules).
 */

/** The `code` of an application/problem+json body, or undefined. */
export function problemCode(reply: PlatformReply): string | undefined {
  const body = reply.body;
  if (typeof body !== 'object' || body === null) return undefined;
  const code = (body as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** The error for an answer the translator did not expect (thrown; the runner answers error 1 and logs it). */
export function unexpectedReply(operationId: string, reply: PlatformReply): Error {
  const code = problemCode(reply);
  return new Error(`platform ${operationId} answered ${reply.status}${code === undefined ? '' : ` ${code}`}`);
}

/** The body of a 200 answer, typed by the contract; throws on any other status. */
export function expectOk<T>(operationId: string, reply: PlatformReply): T {
  if (reply.status !== 200) throw unexpectedReply(operationId, reply);
  return reply.body as T;
}

/** True for a 404 the platform answers for an unknown resource. */
export function isNotFound(reply: PlatformReply): boolean {
  return reply.status === 404;
}

/** ISO 8601 UTC (whole seconds) → epoch seconds, the vendor's date unit; null/absent → 0. */
export function epochOf(iso: string | null | undefined): number {
  if (iso === null || iso === undefined) return 0;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`platform timestamp not ISO 8601: ${iso}`);
  return Math.floor(ms / 1000);
}
