/**
 * Arguments of pin.get / pin.update / pin.validate as the public OTT OpenAPI (brief S2) declares
 * them: `by` KalturaEntityReferenceBy (user | household), `type` KalturaPinType (purchase |
 * parental), optional `ruleId`, `pin` a KalturaPin object (update) or a string (validate).
 */
import { ok } from '../core/result';
import type { VendorOutcome } from '../core/vendor-error';
import { readEnum, readInt, readObject, readString } from './param-readers';

export type PinBy = 'user' | 'household';
export type PinKind = 'purchase' | 'parental';

const byValues: readonly PinBy[] = ['user', 'household'];
const kindValues: readonly PinKind[] = ['purchase', 'parental'];

/** `by` and `type` (both required, any case); `ruleId` is read for its type only. */
export function readPinTarget(params: Readonly<Record<string, unknown>>): VendorOutcome<{ by: PinBy; type: PinKind }> {
  const by = readEnum(params, 'by', byValues, { required: true });
  if (!by.ok) return by;
  const type = readEnum(params, 'type', kindValues, { required: true });
  if (!type.ok) return type;
  const ruleId = readInt(params, 'ruleId');
  if (!ruleId.ok) return ruleId;
  return ok({ by: by.value, type: type.value });
}

/** pin.update: the target plus `pin.pin` (a KalturaPin; required, not empty). */
export function readPinUpdate(params: Readonly<Record<string, unknown>>): VendorOutcome<{ by: PinBy; type: PinKind; pin: string }> {
  const target = readPinTarget(params);
  if (!target.ok) return target;
  const object = readObject(params, 'pin', { required: true });
  if (!object.ok) return object;
  const pin = readString(object.value, 'pin', { required: true, nonEmpty: true, label: 'pin.pin' });
  if (!pin.ok) return pin;
  return ok({ ...target.value, pin: pin.value });
}

/** pin.validate: `pin` (string, required) and `type`. */
export function readPinCheck(params: Readonly<Record<string, unknown>>): VendorOutcome<{ type: PinKind; pin: string }> {
  const pin = readString(params, 'pin', { required: true });
  if (!pin.ok) return pin;
  const type = readEnum(params, 'type', kindValues, { required: true });
  if (!type.ok) return type;
  const ruleId = readInt(params, 'ruleId');
  if (!ruleId.ok) return ruleId;
  return ok({ type: type.value, pin: pin.value });
}

/** A `KalturaPin` (S2 definition and the generated clients: origin KalturaRuleLevel, pin, type). */
export function toKalturaPin(origin: PinBy, pin: string, type: PinKind): Record<string, unknown> {
  return { objectType: 'KalturaPin', origin, pin, type };
}
