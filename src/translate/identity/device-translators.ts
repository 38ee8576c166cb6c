/** householddevice.add / list / get / delete (brief §5.1, docs/lab-rules.md "Devices"). */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { listResponse } from '../../phoenix/pager';
import { readEnum, readIdList, readInt, readObject, readString } from '../../phoenix/param-readers';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { TranslateContext, TranslatorTable } from '../translator';
import { resolveCallerHousehold } from './caller-household';
import { fetchOwnDevice, ownDevicesPath, registerDevice, removeOwnDevice } from './device-requests';
import { readDeviceInput } from './device-input';
import { toHouseholdDevice } from './identity-mappers';
import { bodyOf, type PlatformDeviceList } from './platform-replies';

async function addDevice(ctx: TranslateContext): Promise<VendorOutcome> {
  const input = readDeviceInput(ctx.params);
  if (!input.ok) return input;
  const household = await resolveCallerHousehold(ctx, undefined);
  if (!household.ok) return household;
  if (household.value.state === 'suspended') return vendorFailure('DomainSuspended');
  const device = await registerDevice(ctx, input.value);
  return device.ok ? ok(toHouseholdDevice(device.value, ctx.ids)) : device;
}

const deviceOrders = ['CREATED_DATE_ASC', 'CREATED_DATE_DESC', 'NONE'] as const;

async function listDevices(ctx: TranslateContext): Promise<VendorOutcome> {
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
  const household = await resolveCallerHousehold(ctx, householdId.value);
  if (!household.ok) return household;
  const request = { method: 'GET' as const, path: ownDevicesPath(ctx) };
  // Already in registration order (activatedAt, then udid), as the vendor lists them.
  let devices = bodyOf<PlatformDeviceList>(request, await ctx.platform.call(request)).items;
  if (families.value.length > 0) devices = devices.filter((d) => families.value.includes(d.deviceFamilyId));
  const wanted = externalId.value;
  if (wanted !== undefined && wanted !== '') devices = devices.filter((d) => d.externalRef === wanted);
  if (orderBy.value === 'CREATED_DATE_DESC') devices.reverse();
  return ok(listResponse('KalturaHouseholdDeviceListResponse', devices.map((d) => toHouseholdDevice(d, ctx.ids))));
}

/** The udid argument, else (for get) the KS's own udid (S4 `householdDevice.get(udid?)`). */
function readUdid(ctx: TranslateContext, fallbackToKs: boolean): VendorOutcome<string> {
  const udid = readString(ctx.params, 'udid');
  if (!udid.ok) return udid;
  const value = udid.value ?? (fallbackToKs ? ctx.session?.udid : undefined) ?? '';
  return value === '' ? vendorFailure('MissingParameter', { parameter: 'udid' }) : ok(value);
}

async function getDevice(ctx: TranslateContext): Promise<VendorOutcome> {
  const udid = readUdid(ctx, true);
  if (!udid.ok) return udid;
  const device = await fetchOwnDevice(ctx, udid.value);
  return device.ok ? ok(toHouseholdDevice(device.value, ctx.ids)) : device;
}

/** Unknown → 1019, another household's → 1003, then a suspended household → 1009 (vendor order). */
async function deleteDevice(ctx: TranslateContext): Promise<VendorOutcome> {
  const udid = readUdid(ctx, false);
  if (!udid.ok) return udid;
  const household = await resolveCallerHousehold(ctx, undefined);
  if (!household.ok) return household;
  if (household.value.state !== 'suspended') return removeOwnDevice(ctx, udid.value);
  const device = await fetchOwnDevice(ctx, udid.value);
  return device.ok ? vendorFailure('DomainSuspended') : device;
}

export const deviceTranslators: TranslatorTable = {
  'householddevice.add': { access: 'user', run: addDevice },
  'householddevice.list': { access: 'user', run: listDevices },
  'householddevice.get': { access: 'user', run: getDevice },
  'householddevice.delete': { access: 'user', run: deleteDevice },
};
