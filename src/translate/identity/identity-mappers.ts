/**
 * Pure mappers: platform identity JSON → vendor objects (brief §5.1), shaped exactly as vendor-sim
 * shapes them, every object with its `objectType` (§2.4), dates in epoch seconds.
 */
import type { CallerSession } from '../../core/caller-session';
import type { IdMapper } from '../../core/id-mapper';
import { formatKsPrivileges } from '../../phoenix/ks-codec';
import type { StartedSession } from '../translator';
import { vendorHouseholdId, vendorUserId } from './identity-ids';
import { epochOf, type PlatformDevice, type PlatformHousehold, type PlatformUser } from './platform-replies';

/** KalturaOTTUser incl. the legacy `suspentionState` (§2.7); a suspended household suspends its users. */
export function toOttUser(user: PlatformUser, ids: IdMapper): Record<string, unknown> {
  const suspended = user.suspended || user.householdState === 'suspended';
  const suspensionState = suspended ? 'SUSPENDED' : 'NOT_SUSPENDED';
  const createDate = epochOf(user.createdAt);
  return {
    objectType: 'KalturaOTTUser',
    id: vendorUserId(ids, user.id),
    username: user.username,
    firstName: user.firstName,
    lastName: user.lastName,
    householdId: vendorHouseholdId(ids, user.householdId),
    email: user.email,
    address: user.address ?? '',
    city: user.city,
    countryId: user.countryId,
    zip: user.zip ?? '',
    phone: user.phone ?? '',
    affiliateCode: user.affiliateCode ?? '',
    externalId: user.externalRef ?? '',
    userType: { objectType: 'KalturaOTTUserType', id: 0, description: 'Default' },
    dynamicData: {},
    isHouseholdMaster: user.isHouseholdMaster,
    suspensionState,
    suspentionState: suspensionState,
    userState: 'ok',
    roleIds: user.isHouseholdMaster ? '1,2' : '1',
    createDate,
    updateDate: user.updatedAt === undefined ? createDate : epochOf(user.updatedAt),
    lastLoginDate: epochOf(user.lastLoginAt),
    failedLoginCount: user.failedLoginCount ?? 0,
  };
}

/** KalturaBaseOTTUser, the item of the legacy household user lists (§2.7). */
function toBaseUser(user: PlatformUser, ids: IdMapper): Record<string, unknown> {
  return { objectType: 'KalturaBaseOTTUser', id: vendorUserId(ids, user.id), username: user.username, firstName: user.firstName, lastName: user.lastName };
}

/** KalturaHousehold with the legacy user lists; `members` in the household's `userIds` order. */
export function toHousehold(household: PlatformHousehold, members: readonly PlatformUser[], ids: IdMapper): Record<string, unknown> {
  const createDate = epochOf(household.createdAt);
  const masters = new Set(household.masterUserIds);
  return {
    objectType: 'KalturaHousehold',
    id: vendorHouseholdId(ids, household.id),
    name: household.name,
    description: household.description,
    externalId: household.externalRef,
    householdLimitationsId: 1,
    devicesLimit: household.devicesLimit,
    usersLimit: household.usersLimit,
    concurrentLimit: household.concurrentLimit,
    regionId: household.regionId,
    state: household.state === 'active' ? 'ok' : household.state,
    isFrequencyEnabled: false,
    frequencyNextDeviceAction: 0,
    frequencyNextUserAction: 0,
    restriction: 'not_restricted',
    roleId: 0,
    createDate,
    updateDate: createDate,
    users: members.map((u) => toBaseUser(u, ids)),
    masterUsers: members.filter((u) => masters.has(u.id)).map((u) => toBaseUser(u, ids)),
    defaultUsers: members.filter((u) => u.id === household.defaultUserId).map((u) => toBaseUser(u, ids)),
    pendingUsers: [],
  };
}

/** KalturaHouseholdDevice incl. the legacy `state` (§2.7); optional inputs only when registered with them. */
export function toHouseholdDevice(device: PlatformDevice, ids: IdMapper): Record<string, unknown> {
  return {
    objectType: 'KalturaHouseholdDevice',
    householdId: vendorHouseholdId(ids, device.householdId),
    udid: device.udid,
    name: device.name,
    brandId: device.brandId,
    activatedOn: epochOf(device.activatedAt),
    status: 'ACTIVATED',
    state: 'ACTIVATED',
    deviceFamilyId: device.deviceFamilyId,
    // The platform keeps "" for "no external id"; the vendor omits the field then.
    ...(device.externalRef === '' ? {} : { externalId: device.externalRef }),
    ...(device.macAddress === undefined ? {} : { macAddress: device.macAddress }),
    ...(device.model === undefined ? {} : { model: device.model }),
    ...(device.manufacturer === undefined ? {} : { manufacturer: device.manufacturer }),
  };
}

/** KalturaLoginSession (`refreshToken` is deprecated but still sent, §2.7). */
export function toLoginSession(started: StartedSession): Record<string, unknown> {
  return { objectType: 'KalturaLoginSession', ks: started.ks, refreshToken: started.refreshToken, expiry: started.expiry };
}

/** KalturaSession; `privileges` is the KS privilege string `name:value,…` (§4.1). */
export function toKalturaSession(session: CallerSession): Record<string, unknown> {
  const privileges: Record<string, string> = { udid: session.udid, hh: String(session.householdId), sid: session.sessionId };
  if (session.type === 'anonymous') privileges.anon = '1';
  return {
    objectType: 'KalturaSession',
    ks: session.ks,
    partnerId: session.partnerId,
    userId: session.userId,
    expiry: session.expiry,
    privileges: formatKsPrivileges(privileges),
    udid: session.udid,
    createDate: session.createDate,
  };
}
