/** Reading platform answers in the identity area: typed bodies, problem codes, ISO dates. */
import type { components } from '../../../contracts/generated/platform';
import type { PlatformReply, PlatformRequest } from '../platform-port';

export type PlatformUser = components['schemas']['User'];
export type PlatformHousehold = components['schemas']['Household'];
export type PlatformDevice = components['schemas']['Device'];
export type PlatformDeviceList = components['schemas']['DeviceList'];

/** The `code` of an application/problem+json answer, or undefined. */
export function problemCode(reply: PlatformReply): string | undefined {
  const body = reply.body;
  if (typeof body !== 'object' || body === null) return undefined;
  const code = (body as Record<string, unknown>).code;
  return typeof code === 'string' ? code : undefined;
}

/** An answer no vendor outcome stands for: the runner turns it into vendor error 1 and logs it. */
export function unexpectedReply(request: PlatformRequest, reply: PlatformReply): Error {
  return new Error(`platform ${request.method} ${request.path} answered ${reply.status} ${problemCode(reply) ?? ''}`.trim());
}

/** The body of a 2xx answer as the contract types it (the platform is trusted to keep its contract). */
export function bodyOf<T>(request: PlatformRequest, reply: PlatformReply): T {
  if (reply.status < 200 || reply.status > 299) throw unexpectedReply(request, reply);
  return reply.body as T;
}

/** ISO 8601 UTC (whole seconds) → epoch seconds; null/absent → 0. */
export function epochOf(iso: string | null | undefined): number {
  if (iso === null || iso === undefined) return 0;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`platform timestamp not ISO 8601: ${iso}`);
  return Math.floor(ms / 1000);
}
