import type { CatalogHousehold, CatalogUser } from '../../../core/catalog';
import type { CatalogIndex } from '../../catalog/catalog-index';
import { toLabUser, type UserDirectory } from '../../identity/lab-users';
import { toIso } from '../http/iso-time';
import type { DeviceRecord } from './device-state';
import type { LoginState } from './login-state';

/** What a user view is built from. */
export interface UserViewSources {
  readonly index: CatalogIndex;
  readonly logins: LoginState;
  readonly users: UserDirectory;
}

/**
 * A user in platform vocabulary: every field a vendor KalturaOTTUser is rebuilt from, incl. the
 * household's state (a suspended household suspends its users' standing) and login bookkeeping.
 * The current record (profile changes) wins over the catalogue row passed in.
 */
export function toUserView(sources: UserViewSources, given: CatalogUser): Record<string, unknown> {
  const { index, logins } = sources;
  const user = sources.users.byId.get(given.platformId) ?? toLabUser(given);
  const household = index.householdByVendorId.get(user.householdVendorId);
  const login = logins.get(user.platformId);
  return {
    id: user.platformId,
    username: user.username,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    city: user.city,
    countryId: user.countryId,
    householdId: household?.platformId ?? null,
    householdState: household === undefined ? null : household.state === 'ok' ? 'active' : 'suspended',
    isHouseholdMaster: user.isHouseholdMaster,
    isHouseholdDefault: user.isHouseholdDefault,
    suspended: user.suspended,
    createdAt: toIso(user.createDate),
    lastLoginAt: login === undefined || login.lastLoginAt === 0 ? null : toIso(login.lastLoginAt),
    failedLoginCount: login?.failedLoginCount ?? 0,
    address: user.address,
    zip: user.zip,
    phone: user.phone,
    affiliateCode: user.affiliateCode,
    externalRef: user.externalId,
    updatedAt: toIso(user.updateDate),
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
    ...(device.macAddress === undefined ? {} : { macAddress: device.macAddress }),
    ...(device.model === undefined ? {} : { model: device.model }),
    ...(device.manufacturer === undefined ? {} : { manufacturer: device.manufacturer }),
  };
}
