/**
 * pin.get / pin.update / pin.validate → platform settings.getPin / putPin / verifyPin
 * (docs/vendor-decisions.md "PINs"). The platform resolves which PIN applies; the facade maps.
 */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readPinCheck, readPinTarget, readPinUpdate, toKalturaPin, type PinBy, type PinKind } from '../../phoenix/pin-requests';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import { expectOk, isNotFound } from '../platform-reply';
import type { TranslateContext, TranslatorTable } from '../translator';

interface PlatformPin {
  readonly type: PinKind;
  readonly level: PinBy;
  readonly pin: string;
}

const pinPath = (type: PinKind): string => `/settings/v1/pins/${type}`;

async function getPin(ctx: TranslateContext): Promise<VendorOutcome> {
  const target = readPinTarget(ctx.params);
  if (!target.ok) return target;
  const reply = await ctx.platform.call({ method: 'GET', path: pinPath(target.value.type), query: { scope: target.value.by } });
  if (isNotFound(reply)) return vendorFailure('NoPinDefined');
  const pin = expectOk<PlatformPin>('settings.getPin', reply);
  return ok(toKalturaPin(pin.level, pin.pin, target.value.type));
}

async function updatePin(ctx: TranslateContext): Promise<VendorOutcome> {
  const update = readPinUpdate(ctx.params);
  if (!update.ok) return update;
  const { by, type, pin } = update.value;
  const reply = await ctx.platform.call({ method: 'PUT', path: pinPath(type), body: { scope: by, pin } });
  const stored = expectOk<PlatformPin>('settings.putPin', reply);
  return ok(toKalturaPin(stored.level, stored.pin, type));
}

async function validatePin(ctx: TranslateContext): Promise<VendorOutcome> {
  const check = readPinCheck(ctx.params);
  if (!check.ok) return check;
  const reply = await ctx.platform.call({ method: 'POST', path: `${pinPath(check.value.type)}/verify`, body: { pin: check.value.pin } });
  if (isNotFound(reply)) return vendorFailure('NoPinDefined');
  const verdict = expectOk<{ matches: boolean }>('settings.verifyPin', reply);
  return verdict.matches ? ok(true) : vendorFailure('PinMismatch');
}

export const pinTranslators: TranslatorTable = {
  'pin.get': { access: 'user', run: getPin },
  'pin.update': { access: 'user', run: updatePin },
  'pin.validate': { access: 'user', run: validatePin },
};
