/**
 * householdDevice.generatePin / addByPin / loginWithPin → platform pairing codes
 * (docs/vendor-decisions.md "Device pairing and login PINs").
 */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readInt, readString } from '../../phoenix/param-readers';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { TranslateContext, TranslatorTable } from '../translator';
import { toHouseholdDevice } from './identity-mappers';
import { checkLoginPartner, codePath, startLoginFor } from './pin-login';
import { bodyOf, problemCode, unexpectedReply, type PlatformDevice, type PlatformUser } from './platform-replies';

async function generatePin(ctx: TranslateContext): Promise<VendorOutcome> {
  const udid = readString(ctx.params, 'udid', { required: true, nonEmpty: true });
  if (!udid.ok) return udid;
  const brandId = readInt(ctx.params, 'brandId', { required: true });
  if (!brandId.ok) return brandId;
  const request = { method: 'POST' as const, path: '/identity/v1/pairing-codes', body: { udid: udid.value, brandId: Math.max(0, brandId.value) } };
  const issued = bodyOf<{ code: string }>(request, await ctx.platform.call(request));
  return ok({ objectType: 'KalturaDevicePin', pin: issued.code });
}

const claimFailures: Readonly<Record<string, Parameters<typeof vendorFailure>[0]>> = {
  not_found: 'DeviceNotExists',
  household_suspended: 'DomainSuspended',
  device_exists: 'DeviceAlreadyExists',
  device_in_other_household: 'DeviceExistsInOtherDomains',
  device_limit_exceeded: 'ExceededLimit',
};

async function addByPin(ctx: TranslateContext): Promise<VendorOutcome> {
  const pin = readString(ctx.params, 'pin', { required: true });
  if (!pin.ok) return pin;
  const deviceName = readString(ctx.params, 'deviceName');
  if (!deviceName.ok) return deviceName;
  if (pin.value.trim() === '') return vendorFailure('DeviceNotExists');
  const request = { method: 'POST' as const, path: codePath('pairing-codes', pin.value, 'claim'), body: { name: deviceName.value ?? '' } };
  const reply = await ctx.platform.call(request);
  if (reply.status === 201) return ok(toHouseholdDevice(bodyOf<PlatformDevice>(request, reply), ctx.ids));
  const failure = claimFailures[problemCode(reply) ?? ''];
  if (failure === undefined) throw unexpectedReply(`${request.method} ${request.path}`, reply);
  return vendorFailure(failure);
}

const loginFailures: Readonly<Record<string, Parameters<typeof vendorFailure>[0]>> = {
  not_found: 'PinNotExists',
  code_expired: 'PinExpired',
  device_not_paired: 'DeviceNotExists',
  user_suspended: 'UserSuspended',
  unknown_user: 'UserDoesNotExist',
};

async function loginWithPin(ctx: TranslateContext): Promise<VendorOutcome> {
  const partner = checkLoginPartner(ctx);
  if (!partner.ok) return partner;
  const pin = readString(ctx.params, 'pin', { required: true });
  if (!pin.ok) return pin;
  const udid = readString(ctx.params, 'udid');
  if (!udid.ok) return udid;
  if (pin.value.trim() === '') return vendorFailure('PinNotExists');
  const request = { method: 'POST' as const, path: codePath('pairing-codes', pin.value, 'authenticate'), body: udid.value === undefined ? {} : { udid: udid.value } };
  const reply = await ctx.platform.callAsClient(request);
  if (reply.status === 200) {
    const signedIn = bodyOf<{ user: PlatformUser; udid: string }>(request, reply);
    return startLoginFor(ctx, signedIn.user, signedIn.udid);
  }
  const failure = loginFailures[problemCode(reply) ?? ''];
  if (failure === undefined) throw unexpectedReply(`${request.method} ${request.path}`, reply);
  return vendorFailure(failure);
}

export const devicePinTranslators: TranslatorTable = {
  'householddevice.generatepin': { access: 'session', run: generatePin },
  'householddevice.addbypin': { access: 'user', run: addByPin },
  'householddevice.loginwithpin': { access: 'none', run: loginWithPin },
};
