import { profileFieldChanges, toVendorProfileWrite } from '../../../src/sync/profile-changes';
import type { CapturedCall } from '../../../src/sync/capture-rules';

const call = (user: unknown): CapturedCall => ({ operationId: 'ottuser.update', params: { user }, caller: { userId: '614001', householdId: 5001, udid: 'dev-1' }, result: {}, side: 'platform' });

describe('profile changes (ready for ottUser.update)', () => {
  it('splits an update into one change per synced field, keyed user:field', () => {
    const changes = profileFieldChanges(call({ objectType: 'KalturaOTTUser', firstName: 'Ada', city: 'Haifa', countryId: '7', id: '999', userState: 'ok' }));
    expect(changes.map((c) => [c.key, c.value])).toEqual([
      ['614001:firstName', { field: 'firstName', value: 'Ada' }],
      ['614001:city', { field: 'city', value: 'Haifa' }],
      ['614001:countryId', { field: 'countryId', value: 7 }],
    ]);
    expect(changes.every((c) => c.entity === 'profile' && c.householdId === '5001' && c.source === 'platform' && c.udid === 'dev-1')).toBe(true);
  });

  it('captures nothing from a missing or malformed user, and skips fields of the wrong type', () => {
    expect(profileFieldChanges(call(undefined))).toEqual([]);
    expect(profileFieldChanges(call(['firstName']))).toEqual([]);
    expect(profileFieldChanges(call({ firstName: 5, countryId: 'x' }))).toEqual([]);
  });

  it('writes one field to the vendor with ottuser.update and refuses unknown fields', () => {
    const [change] = profileFieldChanges(call({ lastName: 'Lovelace' }));
    expect(toVendorProfileWrite({ ...change!, stamp: '1' })).toEqual({ service: 'ottuser', action: 'update', params: { user: { objectType: 'KalturaOTTUser', lastName: 'Lovelace' } } });
    expect(toVendorProfileWrite({ ...change!, stamp: '1', value: { field: 'userState', value: 'x' } })).toBeUndefined();
  });
});
