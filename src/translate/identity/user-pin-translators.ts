/** userLoginPin.add / ottUser.loginWithPin → platform login codes (docs/vendor-decisions.md "Device pairing and login PINs"). */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readString } from '../../phoenix/param-readers';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { TranslateContext, TranslatorTable } from '../translator';
import { vendorUserId } from './identity-ids';
import { checkLoginPartner, codePath, startLoginFor } from './pin-login';
import { bodyOf, epochOf, problemCode, unexpectedReply, type PlatformUser } from './platform-replies';

async function addLoginPin(ctx: TranslateContext): Promise<VendorOutcome> {
  const secret = readString(ctx.params, 'secret');
  if (!secret.ok) return secret;
  const body = secret.value === undefined || secret.value === '' ? {} : { secret: secret.value };
  const request = { method: 'POST' as const, path: '/identity/v1/login-codes', body };
  const issued = bodyOf<{ code: string; userId: string; expiresAt: string }>(request, await ctx.platform.call(request));
  return ok({ objectType: 'KalturaUserLoginPin', pinCode: issued.code, expirationTime: epochOf(issued.expiresAt), userId: vendorUserId(ctx.ids, issued.userId) });
}

const loginFailures: Readonly<Record<string, Parameters<typeof vendorFailure>[0]>> = {
  not_found: 'PinNotExists',
  code_expired: 'PinExpired',
  invalid_credentials: 'SecretIsWrong',
  user_suspended: 'UserSuspended',
  unknown_user: 'UserDoesNotExist',
};

async function loginWithPin(ctx: TranslateContext): Promise<VendorOutcome> {
  const partner = checkLoginPartner(ctx);
  if (!partner.ok) return partner;
  const pin = readString(ctx.params, 'pin', { required: true });
  if (!pin.ok) return pin;
  const secret = readString(ctx.params, 'secret');
  if (!secret.ok) return secret;
  const udid = readString(ctx.params, 'udid');
  if (!udid.ok) return udid;
  if (pin.value.trim() === '') return vendorFailure('PinNotExists');
  const request = { method: 'POST' as const, path: codePath('login-codes', pin.value, 'authenticate'), body: secret.value === undefined ? {} : { secret: secret.value } };
  const reply = await ctx.platform.callAsClient(request);
  if (reply.status === 200) return startLoginFor(ctx, bodyOf<PlatformUser>(request, reply), udid.value ?? '');
  const failure = loginFailures[problemCode(reply) ?? ''];
  if (failure === undefined) throw unexpectedReply(`${request.method} ${request.path}`, reply);
  return vendorFailure(failure);
}

export const userPinTranslators: TranslatorTable = {
  'userloginpin.add': { access: 'user', run: addLoginPin },
  'ottuser.loginwithpin': { access: 'none', run: loginWithPin },
};
