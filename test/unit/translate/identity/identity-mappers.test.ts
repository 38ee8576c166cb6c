import type { IdMapper } from '../../../../src/core/id-mapper';
import { toHousehold, toHouseholdDevice, toKalturaSession, toOttUser } from '../../../../src/translate/identity/identity-mappers';
import type { PlatformDevice, PlatformHousehold, PlatformUser } from '../../../../src/translate/identity/platform-replies';

const userPid = '50397131-9f7e-5cdb-af59-76126b871b08';
const otherPid = 'f4250985-dda0-51f9-a2e2-ef3e61ac638c';
const householdPid = '8a87b831-2381-57bb-ad8b-9337b023bf93';

const vendorIds: Readonly<Record<string, string>> = { [`user:${userPid}`]: '614001', [`user:${otherPid}`]: '614002', [`household:${householdPid}`]: '5001' };
const ids: IdMapper = {
  toPlatform: () => undefined,
  toVendor: (kind, platformId) => vendorIds[`${kind}:${platformId}`],
  allocateVendorId: () => Promise.reject(new Error('not used')),
};

const user: PlatformUser = {
  id: userPid,
  username: 'demo1',
  firstName: 'Olga',
  lastName: 'Lindqvist',
  email: 'demo1@lab.understudy.test',
  city: 'Madrid',
  countryId: 2,
  householdId: householdPid,
  householdState: 'active',
  isHouseholdMaster: true,
  isHouseholdDefault: true,
  suspended: false,
  createdAt: '2026-04-17T11:00:00Z',
  lastLoginAt: '2026-11-18T11:00:00Z',
  failedLoginCount: 0,
};

describe('identity mappers', () => {
  it('builds a KalturaOTTUser with vendor ids, epoch dates and the legacy suspension field', () => {
    const mapped = toOttUser(user, ids);
    expect(mapped).toMatchObject({
      objectType: 'KalturaOTTUser',
      id: '614001',
      householdId: 5001,
      createDate: 1776423600,
      updateDate: 1776423600,
      lastLoginDate: 1794999600,
      failedLoginCount: 0,
      suspensionState: 'NOT_SUSPENDED',
      suspentionState: 'NOT_SUSPENDED',
      roleIds: '1,2',
      userType: { objectType: 'KalturaOTTUserType', id: 0, description: 'Default' },
    });
  });

  it('shows a member of a suspended household as suspended; never signed in → lastLoginDate 0', () => {
    const mapped = toOttUser({ ...user, householdState: 'suspended', lastLoginAt: null, isHouseholdMaster: false }, ids);
    expect(mapped).toMatchObject({ suspensionState: 'SUSPENDED', suspentionState: 'SUSPENDED', lastLoginDate: 0, roleIds: '1' });
  });

  it('builds a KalturaHousehold with the legacy user lists and the vendor state names', () => {
    const household: PlatformHousehold = {
      id: householdPid,
      name: 'Lindqvist family',
      description: 'Milan home',
      externalRef: 'hh-5001',
      devicesLimit: 5,
      usersLimit: 5,
      concurrentLimit: 2,
      regionId: 2,
      state: 'active',
      createdAt: '2026-04-17T11:00:00Z',
      userIds: [userPid, otherPid],
      defaultUserId: userPid,
      masterUserIds: [otherPid],
    };
    const other = { ...user, id: otherPid, username: 'hugo', firstName: 'Hugo' };
    const mapped = toHousehold(household, [user, other], ids);
    expect(mapped).toMatchObject({ objectType: 'KalturaHousehold', id: 5001, externalId: 'hh-5001', state: 'ok', createDate: 1776423600, updateDate: 1776423600, pendingUsers: [] });
    expect(mapped.users).toEqual([
      { objectType: 'KalturaBaseOTTUser', id: '614001', username: 'demo1', firstName: 'Olga', lastName: 'Lindqvist' },
      { objectType: 'KalturaBaseOTTUser', id: '614002', username: 'hugo', firstName: 'Hugo', lastName: 'Lindqvist' },
    ]);
    expect((mapped.masterUsers as { id: string }[]).map((u) => u.id)).toEqual(['614002']);
    expect((mapped.defaultUsers as { id: string }[]).map((u) => u.id)).toEqual(['614001']);
    expect(toHousehold({ ...household, state: 'suspended' }, [], ids).state).toBe('suspended');
  });

  it('builds a KalturaHouseholdDevice, omitting inputs the device was not registered with', () => {
    const device: PlatformDevice = {
      id: '1f270568-cf35-58d6-a537-f4531e00e3be',
      udid: 'demo1-stb-1',
      householdId: householdPid,
      name: 'Study box',
      brandId: 22,
      deviceFamilyId: 4,
      activatedAt: '2026-08-27T00:30:19Z',
      status: 'activated',
      externalRef: '',
    };
    expect(toHouseholdDevice(device, ids)).toEqual({
      objectType: 'KalturaHouseholdDevice',
      householdId: 5001,
      udid: 'demo1-stb-1',
      name: 'Study box',
      brandId: 22,
      activatedOn: 1787790619,
      status: 'ACTIVATED',
      state: 'ACTIVATED',
      deviceFamilyId: 4,
    });
    expect(toHouseholdDevice({ ...device, externalRef: 'x', model: 'M' }, ids)).toMatchObject({ externalId: 'x', model: 'M' });
  });

  it('throws on a platform id with no vendor id rather than answering garbage', () => {
    expect(() => toOttUser({ ...user, id: '00000000-0000-4000-8000-000000000000' }, ids)).toThrow(/no vendor id/);
  });

  it('describes a session with its privilege string; anonymous sessions say so', () => {
    const session = { ks: 'ks', partnerId: 3197, userId: '0', householdId: 0, udid: '', type: 'anonymous' as const, expiry: 2, createDate: 1, sessionId: 'abc' };
    expect(toKalturaSession(session)).toEqual({ objectType: 'KalturaSession', ks: 'ks', partnerId: 3197, userId: '0', expiry: 2, privileges: 'udid:,hh:0,sid:abc,anon:1', udid: '', createDate: 1 });
  });
});
