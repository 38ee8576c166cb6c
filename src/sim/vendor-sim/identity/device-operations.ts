/** householddevice.add / list / get / delete (brief §5.1, docs/lab-rules.md "Devices"). */
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { listResponse } from '../../../phoenix/pager';
import { readEnum, readInt, readObject, readString, readIdList } from '../../../phoenix/param-readers';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import type { SimCallContext, SimOperationTable } from '../sim-operation';
import { resolveCallerHousehold } from './household-operations';
import { toHouseholdDevice } from './identity-mappers';
import { listHouseholdDevices, type SimDevice } from './identity-state';

/** A new device's family: the family of a known device of the same brand, else 0 (also for paired devices). */
export function familyOfBrand(ctx: SimCallContext, brandId: number): number {
  for (const device of ctx.state.identity.devices.values()) if (device.brandId === brandId) return device.deviceFamilyId;
  return 0;
}

function readOptionalText(device: Record<string, unknown>, name: string): VendorOutcome<string | undefined> {
  return readString(device, name, { label: `device.${name}` });
}

function addDevice(ctx: SimCallContext): VendorOutcome {
  const input = readObject(ctx.params, 'device', { required: true });
  if (!input.ok) return input;
  const device = input.value;
  const udid = readString(device, 'udid', { required: true, nonEmpty: true, label: 'device.udid' });
  if (!udid.ok) return udid;
  const name = readOptionalText(device, 'name');
  if (!name.ok) return name;
  const brandId = readInt(device, 'brandId', { label: 'device.brandId' });
  if (!brandId.ok) return brandId;
  const extras: Record<string, string> = {};
  for (const field of ['externalId', 'macAddress', 'model', 'manufacturer']) {
    const value = readOptionalText(device, field);
    if (!value.ok) return value;
    if (value.value !== undefined) extras[field] = value.value;
  }
  const household = resolveCallerHousehold(ctx, undefined);
  if (!household.ok) return household;
  const hh = household.value;
  if (hh.state === 'suspended') return vendorFailure('DomainSuspended');
  const existing = ctx.state.identity.devices.get(udid.value);
  if (existing !== undefined) return vendorFailure(existing.householdVendorId === hh.vendorId ? 'DeviceAlreadyExists' : 'DeviceExistsInOtherDomains');
  if (listHouseholdDevices(ctx.state.identity, hh.vendorId).length >= hh.devicesLimit) return vendorFailure('ExceededLimit');
  const brand = brandId.value ?? 0;
  const created: SimDevice = {
    udid: udid.value,
    platformId: '',
    householdVendorId: hh.vendorId,
    name: name.value ?? '',
    brandId: brand,
    deviceFamilyId: familyOfBrand(ctx, brand),
    activatedOn: ctx.nowSec,
    ...extras,
  };
  ctx.state.identity.devices.set(created.udid, created);
  return ok(toHouseholdDevice(created));
}

const deviceOrders = ['CREATED_DATE_ASC', 'CREATED_DATE_DESC', 'NONE'] as const;

function listDevices(ctx: SimCallContext): VendorOutcome {
  const filter = readObject(ctx.params, 'filter');
  if (!filter.ok) return filter;
  const f = filter.value ?? {};
  const householdId = readInt(f, 'householdIdEqual', { label: 'filter.householdIdEqual' });
  if (!householdId.ok) return householdId;
  const families = readIdList(f, 'deviceFamilyIdIn', { label: 'filter.deviceFamilyIdIn' });
  if (!families.ok) return families;
  const externalId = readString(f, 'externalIdEqual', { label: 'filter.externalIdEqual' });
  if (!externalId.ok) return externalId;
  const orderBy = readEnum(f, 'orderBy', deviceOrders, { label: 'filter.orderBy' });
  if (!orderBy.ok) return orderBy;
  const household = resolveCallerHousehold(ctx, householdId.value);
  if (!household.ok) return household;
  let devices = listHouseholdDevices(ctx.state.identity, household.value.vendorId);
  if (families.value.length > 0) devices = devices.filter((d) => families.value.includes(d.deviceFamilyId));
  if (externalId.value !== undefined && externalId.value !== '') devices = devices.filter((d) => d.externalId === externalId.value);
  if (orderBy.value === 'CREATED_DATE_DESC') devices.reverse();
  return ok(listResponse('KalturaHouseholdDeviceListResponse', devices.map(toHouseholdDevice)));
}

/** The udid argument, else the KS's own udid (S4 `householdDevice.get(udid?)`). */
function readUdid(ctx: SimCallContext, fallbackToKs: boolean): VendorOutcome<string> {
  const udid = readString(ctx.params, 'udid');
  if (!udid.ok) return udid;
  const value = udid.value ?? (fallbackToKs ? ctx.session?.udid : undefined) ?? '';
  return value === '' ? vendorFailure('MissingParameter', { parameter: 'udid' }) : ok(value);
}

/** A device of the caller's household: unknown → 1019, elsewhere → 1003 (lab-rules "Devices"). */
function findOwnDevice(ctx: SimCallContext, udid: string): VendorOutcome<SimDevice> {
  const device = ctx.state.identity.devices.get(udid);
  if (device === undefined) return vendorFailure('DeviceNotExists');
  if (device.householdVendorId !== ctx.session?.householdId) return vendorFailure('DeviceNotInDomain');
  return ok(device);
}

function getDevice(ctx: SimCallContext): VendorOutcome {
  const udid = readUdid(ctx, true);
  if (!udid.ok) return udid;
  const device = findOwnDevice(ctx, udid.value);
  return device.ok ? ok(toHouseholdDevice(device.value)) : device;
}

function deleteDevice(ctx: SimCallContext): VendorOutcome {
  const udid = readUdid(ctx, false);
  if (!udid.ok) return udid;
  const device = findOwnDevice(ctx, udid.value);
  if (!device.ok) return device;
  const household = ctx.state.identity.households.get(device.value.householdVendorId);
  if (household?.state === 'suspended') return vendorFailure('DomainSuspended');
  ctx.state.identity.devices.delete(udid.value);
  return ok(true);
}

export const deviceOperations: SimOperationTable = {
  'householddevice.add': { access: 'user', run: addDevice },
  'householddevice.list': { access: 'user', run: listDevices },
  'householddevice.get': { access: 'user', run: getDevice },
  'householddevice.delete': { access: 'user', run: deleteDevice },
};
