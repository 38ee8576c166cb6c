import type { CatalogHousehold, CatalogUser } from '../../../core/catalog';
import type { CatalogIndex } from '../../catalog/catalog-index';
import { toIso } from '../http/iso-time';
import type { DeviceRecord } from './device-state';

/** A user in platform vocabulary: every field a vendor KalturaOTTUser is rebuilt from. */
export function toUserView(index: CatalogIndex, user: CatalogUser): Record<string, unknown> {
  return {
    id: user.platformId,
    username: user.username,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    city: user.city,
    countryId: user.countryId,
    householdId: index.householdByVendorId.get(user.householdVendorId)?.platformId ?? null,
    isHouseholdMaster: user.isHouseholdMaster,
    isHouseholdDefault: user.isHouseholdDefault,
    suspended: user.suspended,
    createdAt: toIso(user.createDate),
  };
}

/** A household: limits, state and members (catalogue order). */
export function toHouseholdView(index: CatalogIndex, household: CatalogHousehold): Record<string, unknown> {
  const users = index.usersByHousehold.get(household.vendorId) ?? [];
  return {
    id: household.platformId,
    name: household.name,
    description: household.description,
    externalRef: household.externalId,
    devicesLimit: household.devicesLimit,
    usersLimit: household.usersLimit,
    concurrentLimit: household.concurrentLimit,
    regionId: household.regionId,
    state: household.state === 'ok' ? 'active' : 'suspended',
    createdAt: toIso(household.createDate),
    userIds: users.map((u) => u.platformId),
    defaultUserId: users.find((u) => u.isHouseholdDefault)?.platformId ?? null,
    masterUserIds: users.filter((u) => u.isHouseholdMaster).map((u) => u.platformId),
  };
}

/** A household device. */
export function toDeviceView(device: DeviceRecord): Record<string, unknown> {
  return {
    id: device.id,
    udid: device.udid,
    householdId: device.householdId,
    name: device.name,
    brandId: device.brandId,
    deviceFamilyId: device.deviceFamilyId,
    activatedAt: toIso(device.activatedAt),
    status: 'activated',
    externalRef: device.externalRef,
  };
}
