/** Reading platform answers in the identity area: typed bodies, problem codes, ISO dates. */
import type { components } from '../../../contracts/generated/platform';
import type { PlatformReply, PlatformRequest } from '../platform-port';
import { unexpectedReply } from '../platform-reply';

export { epochOf, problemCode, unexpectedReply } from '../platform-reply';

export type PlatformUser = components['schemas']['User'];
export type PlatformHousehold = components['schemas']['Household'];
export type PlatformDevice = components['schemas']['Device'];
export type PlatformDeviceList = components['schemas']['DeviceList'];

/** The body of a 2xx answer as the contract types it (the platform is trusted to keep its contract). */
export function bodyOf<T>(request: PlatformRequest, reply: PlatformReply): T {
  if (reply.status < 200 || reply.status > 299) throw unexpectedReply(`${request.method} ${request.path}`, reply);
  return reply.body as T;
}
