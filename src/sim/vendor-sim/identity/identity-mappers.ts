/** Vendor objects of the identity area (brief §5.1), every one with its `objectType` (§2.4). */
import type { CatalogUser } from '../../../core/catalog';
import type { SimDevice, SimHousehold, SimUser } from './identity-state';

/** KalturaOTTUser with every field of brief §5.1, incl. the legacy `suspentionState` (§2.7). */
export function toOttUser(record: SimUser, household: SimHousehold | undefined): Record<string, unknown> {
  const { user } = record;
  const suspended = user.suspended || household?.state === 'suspended';
  const suspensionState = suspended ? 'SUSPENDED' : 'NOT_SUSPENDED';
  return {
    objectType: 'KalturaOTTUser',
    id: user.vendorId,
    username: user.username,
    firstName: user.firstName,
    lastName: user.lastName,
    householdId: user.householdVendorId,
    email: user.email,
    address: user.address,
    city: user.city,
    countryId: user.countryId,
    zip: user.zip,
    phone: user.phone,
    affiliateCode: user.affiliateCode,
    externalId: user.externalId,
    userType: { objectType: 'KalturaOTTUserType', id: 0, description: 'Default' },
    dynamicData: {},
    isHouseholdMaster: user.isHouseholdMaster,
    suspensionState,
    suspentionState: suspensionState,
    userState: 'ok',
    roleIds: user.isHouseholdMaster ? '1,2' : '1',
    createDate: user.createDate,
    updateDate: user.updateDate,
    lastLoginDate: record.lastLoginDate,
    failedLoginCount: record.failedLoginCount,
  };
}

/** KalturaBaseOTTUser, the item of the legacy household user lists (brief §2.7). */
function toBaseUser(user: CatalogUser): Record<string, unknown> {
  return { objectType: 'KalturaBaseOTTUser', id: user.vendorId, username: user.username, firstName: user.firstName, lastName: user.lastName };
}

/** KalturaHousehold with the legacy user lists QA's schema requires (brief §2.7). */
export function toHousehold(household: SimHousehold, users: readonly CatalogUser[]): Record<string, unknown> {
  return {
    objectType: 'KalturaHousehold',
    id: household.vendorId,
    name: household.name,
    description: household.description,
    externalId: household.externalId,
    householdLimitationsId: 1,
    devicesLimit: household.devicesLimit,
    usersLimit: household.usersLimit,
    concurrentLimit: household.concurrentLimit,
    regionId: household.regionId,
    state: household.state,
    isFrequencyEnabled: false,
    frequencyNextDeviceAction: 0,
    frequencyNextUserAction: 0,
    restriction: 'not_restricted',
    roleId: 0,
    createDate: household.createDate,
    updateDate: household.updateDate,
    users: users.map(toBaseUser),
    masterUsers: users.filter((u) => u.isHouseholdMaster).map(toBaseUser),
    defaultUsers: users.filter((u) => u.isHouseholdDefault).map(toBaseUser),
    pendingUsers: [],
  };
}

/** KalturaHouseholdDevice incl. the legacy `state` (brief §5.1, §2.7); optional inputs only when set. */
export function toHouseholdDevice(device: SimDevice): Record<string, unknown> {
  return {
    objectType: 'KalturaHouseholdDevice',
    householdId: device.householdVendorId,
    udid: device.udid,
    name: device.name,
    brandId: device.brandId,
    activatedOn: device.activatedOn,
    status: 'ACTIVATED',
    state: 'ACTIVATED',
    deviceFamilyId: device.deviceFamilyId,
    ...(device.externalId === undefined ? {} : { externalId: device.externalId }),
    ...(device.macAddress === undefined ? {} : { macAddress: device.macAddress }),
    ...(device.model === undefined ? {} : { model: device.model }),
    ...(device.manufacturer === undefined ? {} : { manufacturer: device.manufacturer }),
  };
}
