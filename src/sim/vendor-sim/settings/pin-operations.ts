/** pin.get / pin.update / pin.validate (brief §5.6, S2; docs/lab-rules.md "PINs"). */
import type { PinLevel } from '../../../core/catalog';
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { readPinCheck, readPinTarget, readPinUpdate, toKalturaPin } from '../../../phoenix/pin-requests';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import { resolvePin, type PinLookup } from '../../catalog/resolve-pin';
import type { SimCallContext, SimOperationTable } from '../sim-operation';
import { pinKey } from './pin-state';

function ownerOf(ctx: SimCallContext, level: PinLevel): string {
  return level === 'user' ? (ctx.session?.userId ?? '') : String(ctx.session?.householdId ?? 0);
}

/** The PIN lookup of the caller (user and household PINs of the session). */
export function lookupFor(ctx: SimCallContext): PinLookup {
  return (level, type) => ctx.state.pins.pins.get(pinKey(level, ownerOf(ctx, level), type));
}

function getPin(ctx: SimCallContext): VendorOutcome {
  const target = readPinTarget(ctx.params);
  if (!target.ok) return target;
  const found = resolvePin(lookupFor(ctx), target.value.by, target.value.type);
  if (found === undefined) return vendorFailure('NoPinDefined');
  return ok(toKalturaPin(found.level, found.pin, target.value.type));
}

function updatePin(ctx: SimCallContext): VendorOutcome {
  const update = readPinUpdate(ctx.params);
  if (!update.ok) return update;
  const { by, type, pin } = update.value;
  ctx.state.pins.pins.set(pinKey(by, ownerOf(ctx, by), type), pin);
  return ok(toKalturaPin(by, pin, type));
}

function validatePin(ctx: SimCallContext): VendorOutcome {
  const check = readPinCheck(ctx.params);
  if (!check.ok) return check;
  const found = resolvePin(lookupFor(ctx), 'user', check.value.type);
  if (found === undefined) return vendorFailure('NoPinDefined');
  if (found.pin !== check.value.pin) return vendorFailure('PinMismatch');
  return ok(true);
}

export const pinOperations: SimOperationTable = {
  'pin.get': { access: 'user', run: getPin },
  'pin.update': { access: 'user', run: updatePin },
  'pin.validate': { access: 'user', run: validatePin },
};
