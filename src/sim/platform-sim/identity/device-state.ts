import type { Catalog } from '../../../core/catalog';
import type { CatalogIndex } from '../../catalog/catalog-index';
import { platformIdFor } from '../../catalog/platform-ids';

/** A household device as the platform stores it (activation time in epoch seconds). */
export interface DeviceRecord {
  readonly id: string;
  readonly udid: string;
  readonly householdId: string;
  readonly name: string;
  readonly brandId: number;
  readonly deviceFamilyId: number;
  readonly activatedAt: number;
  readonly externalRef: string;
  readonly macAddress?: string;
  readonly model?: string;
  readonly manufacturer?: string;
}

export interface DeviceState {
  /** Devices per household platform id. */
  readonly byHousehold: Map<string, DeviceRecord[]>;
  /** Which household holds a udid. */
  readonly householdOfUdid: Map<string, string>;
}

export type AddDeviceOutcome = { readonly ok: true; readonly device: DeviceRecord } | { readonly ok: false; readonly code: 'device_exists' | 'device_in_other_household' | 'device_limit_exceeded' };
export type FindDeviceOutcome = { readonly ok: true; readonly device: DeviceRecord } | { readonly ok: false; readonly code: 'device_not_in_household' | 'device_not_found' };

/** Seeds the devices from the catalogue. */
export function createDeviceState(catalog: Catalog, index: CatalogIndex): DeviceState {
  const byHousehold = new Map<string, DeviceRecord[]>();
  const householdOfUdid = new Map<string, string>();
  for (const household of catalog.households) byHousehold.set(household.platformId, []);
  for (const device of catalog.devices) {
    const householdId = index.householdByVendorId.get(device.householdVendorId)?.platformId;
    if (!householdId) continue;
    const record: DeviceRecord = {
      id: device.platformId,
      udid: device.udid,
      householdId,
      name: device.name,
      brandId: device.brandId,
      deviceFamilyId: device.deviceFamilyId,
      activatedAt: device.activatedOn,
      externalRef: '',
    };
    byHousehold.get(householdId)?.push(record);
    householdOfUdid.set(device.udid, householdId);
  }
  return { byHousehold, householdOfUdid };
}

/** A household's devices, `activatedAt` ascending, ties by udid (lab-rules "Devices"). */
export function listDevices(state: DeviceState, householdId: string): DeviceRecord[] {
  return [...(state.byHousehold.get(householdId) ?? [])].sort((a, b) => a.activatedAt - b.activatedAt || (a.udid < b.udid ? -1 : a.udid > b.udid ? 1 : 0));
}

/** The family of a registered device of the same brand, else 0 (what a new device without a family gets). */
export function familyOfBrand(state: DeviceState, brandId: number): number {
  for (const devices of state.byHousehold.values()) for (const device of devices) if (device.brandId === brandId) return device.deviceFamilyId;
  return 0;
}

/** Adds a device: own household → exists, other → in other household, at the limit → limit. */
export function addDevice(state: DeviceState, input: Omit<DeviceRecord, 'id'>, devicesLimit: number): AddDeviceOutcome {
  const holder = state.householdOfUdid.get(input.udid);
  if (holder === input.householdId) return { ok: false, code: 'device_exists' };
  if (holder !== undefined) return { ok: false, code: 'device_in_other_household' };
  const devices = state.byHousehold.get(input.householdId) ?? [];
  if (devices.length >= devicesLimit) return { ok: false, code: 'device_limit_exceeded' };
  const device: DeviceRecord = { id: platformIdFor('device', input.udid), ...input };
  devices.push(device);
  state.byHousehold.set(input.householdId, devices);
  state.householdOfUdid.set(input.udid, input.householdId);
  return { ok: true, device };
}

/** Finds a device of a household; distinguishes another household's device from an unknown one. */
export function findDevice(state: DeviceState, householdId: string, udid: string): FindDeviceOutcome {
  const holder = state.householdOfUdid.get(udid);
  if (holder === undefined) return { ok: false, code: 'device_not_found' };
  if (holder !== householdId) return { ok: false, code: 'device_not_in_household' };
  const device = state.byHousehold.get(householdId)?.find((d) => d.udid === udid);
  return device ? { ok: true, device } : { ok: false, code: 'device_not_found' };
}

/** Removes a device found by `findDevice`. */
export function removeDevice(state: DeviceState, device: DeviceRecord): void {
  const devices = state.byHousehold.get(device.householdId) ?? [];
  state.byHousehold.set(device.householdId, devices.filter((d) => d.udid !== device.udid));
  state.householdOfUdid.delete(device.udid);
}
