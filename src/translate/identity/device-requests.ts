/** Platform device calls of the caller's household, with the vendor errors their problems mean. */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { PlatformRequest } from '../platform-port';
import type { TranslateContext } from '../translator';
import { bodyOf, problemCode, unexpectedReply, type PlatformDevice } from './platform-replies';

/** The platform path of the caller's household devices (a user KS always names a mapped household). */
export function ownDevicesPath(ctx: TranslateContext): string {
  const householdId = ctx.ids.toPlatform('household', ctx.session?.householdId ?? 0);
  if (householdId === undefined) throw new Error(`no platform household for ${ctx.session?.householdId ?? 0}`);
  return `/identity/v1/households/${encodeURIComponent(householdId)}/devices`;
}

/** Maps a failed device lookup: unknown udid → 1019, another household's → 1003 (lab-rules "Devices"). */
function lookupFailure(request: PlatformRequest, reply: { status: number; body: unknown }): VendorOutcome<never> {
  const code = problemCode(reply);
  // An over-long udid is one the platform cannot hold, so it does not exist.
  if (code === 'device_not_found' || code === 'validation_failed') return vendorFailure('DeviceNotExists');
  if (code === 'device_not_in_household') return vendorFailure('DeviceNotInDomain');
  throw unexpectedReply(`${request.method} ${request.path}`, reply);
}

/** One device of the caller's household. */
export async function fetchOwnDevice(ctx: TranslateContext, udid: string): Promise<VendorOutcome<PlatformDevice>> {
  const request = { method: 'GET' as const, path: `${ownDevicesPath(ctx)}/${encodeURIComponent(udid)}` };
  const reply = await ctx.platform.call(request);
  return reply.status === 200 ? ok(bodyOf<PlatformDevice>(request, reply)) : lookupFailure(request, reply);
}

/** Removes a device of the caller's household. */
export async function removeOwnDevice(ctx: TranslateContext, udid: string): Promise<VendorOutcome<true>> {
  const request = { method: 'DELETE' as const, path: `${ownDevicesPath(ctx)}/${encodeURIComponent(udid)}` };
  const reply = await ctx.platform.call(request);
  return reply.status === 204 ? ok(true) : lookupFailure(request, reply);
}

/** Registers a device: already here → 1015, elsewhere → 1016, household full → 1001. */
export async function registerDevice(ctx: TranslateContext, input: Readonly<Record<string, unknown>>): Promise<VendorOutcome<PlatformDevice>> {
  const request = { method: 'POST' as const, path: ownDevicesPath(ctx), body: input };
  const reply = await ctx.platform.call(request);
  if (reply.status === 201 || reply.status === 200) return ok(bodyOf<PlatformDevice>(request, reply));
  switch (problemCode(reply)) {
    case 'device_exists':
      return vendorFailure('DeviceAlreadyExists');
    case 'device_in_other_household':
      return vendorFailure('DeviceExistsInOtherDomains');
    case 'device_limit_exceeded':
      return vendorFailure('ExceededLimit');
    default:
      throw unexpectedReply(`${request.method} ${request.path}`, reply);
  }
}
