import type { PlatformReply } from '../platform-port';

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

/** Throws for an answer the translator did not expect. */
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
