/** householdDevice.generatePin / addByPin (S2; docs/lab-rules.md "Device pairing and login PINs"). */
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { readInt, readString } from '../../../phoenix/param-readers';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import { issuePairingCode, lookUpPairingCode } from '../../pairing/pairing-codes';
import { familyOfBrand } from '../identity/device-operations';
import { resolveCallerHousehold } from '../identity/household-operations';
import { toHouseholdDevice } from '../identity/identity-mappers';
import { listHouseholdDevices, type SimDevice } from '../identity/identity-state';
import type { SimCallContext, SimOperationTable } from '../sim-operation';

/** A device not yet in a household shows a PIN; a new one replaces the device's earlier PIN. */
function generatePin(ctx: SimCallContext): VendorOutcome {
  const udid = readString(ctx.params, 'udid', { required: true, nonEmpty: true });
  if (!udid.ok) return udid;
  const brandId = readInt(ctx.params, 'brandId', { required: true });
  if (!brandId.ok) return brandId;
  const issued = issuePairingCode(ctx.state.pairing.devicePins, { udid: udid.value, brandId: Math.max(0, brandId.value) }, ctx.nowSec, (old) => old.udid === udid.value);
  return ok({ objectType: 'KalturaDevicePin', pin: issued.code });
}

/** A household member types the PIN: the device joins their household, as householdDevice.add would. */
function addByPin(ctx: SimCallContext): VendorOutcome {
  const pin = readString(ctx.params, 'pin', { required: true });
  if (!pin.ok) return pin;
  const deviceName = readString(ctx.params, 'deviceName');
  if (!deviceName.ok) return deviceName;
  const found = lookUpPairingCode(ctx.state.pairing.devicePins, pin.value, ctx.nowSec);
  if (found.kind !== 'live') return vendorFailure('DeviceNotExists');
  const household = resolveCallerHousehold(ctx, undefined);
  if (!household.ok) return household;
  const hh = household.value;
  if (hh.state === 'suspended') return vendorFailure('DomainSuspended');
  const { udid, brandId } = found.entry.value;
  const existing = ctx.state.identity.devices.get(udid);
  if (existing !== undefined) return vendorFailure(existing.householdVendorId === hh.vendorId ? 'DeviceAlreadyExists' : 'DeviceExistsInOtherDomains');
  if (listHouseholdDevices(ctx.state.identity, hh.vendorId).length >= hh.devicesLimit) return vendorFailure('ExceededLimit');
  const device: SimDevice = { udid, platformId: '', householdVendorId: hh.vendorId, name: deviceName.value ?? '', brandId, deviceFamilyId: familyOfBrand(ctx, brandId), activatedOn: ctx.nowSec };
  ctx.state.identity.devices.set(udid, device);
  found.entry.value.householdVendorId = hh.vendorId;
  return ok(toHouseholdDevice(device));
}

export const devicePinOperations: SimOperationTable = {
  'householddevice.generatepin': { access: 'session', run: generatePin },
  'householddevice.addbypin': { access: 'user', run: addByPin },
};
