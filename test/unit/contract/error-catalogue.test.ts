import { findVendorErrorByCode, findVendorErrorByName, listVendorErrors } from '../../../src/contract/error-catalogue';

// Every code of the brief's §4.3 and §6 tables, with the name where the brief gives one
// (fastify-style catalogue check: the data must cover the documented list).
const briefCodes: Record<string, string | null> = {
  '1': 'Error', '500003': 'BadRequest', '500004': 'ServiceForbidden', '500006': 'MissingConfiguration',
  '500007': 'NotFound', '500008': 'PartnerInvalid', '500011': 'InvalidService', '500012': 'InvalidAction',
  '500013': 'InvalidActionParameters', '500054': 'InvalidActionParameter', '500033': 'ActionNotSpecified',
  '500053': 'MissingParameter', '500015': 'InvalidKS', '500016': 'ExpiredKS', '500017': 'InvalidRefreshToken',
  '500034': 'RefreshTokenFailed', '500035': 'UnauthorizedUser', '500060': 'InvalidUdid', '500057': 'InvalidVersion',
  '50025': null, '500042': null, '500043': null, '50026': 'InvalidArgument', '50027': 'ArgumentCannotBeEmpty',
  '500056': 'ArgumentsCannotBeEmpty', '500031': 'ArgumentMustBeNumeric', '500041': 'EnumValueNotSupported',
  '500044': 'ArgumentShouldBeEnum', '500045': null, '500046': null, '500047': 'ArgumentMaxValueCrossed',
  '500048': 'ArgumentMinValueCrossed', '500058': null, '500059': null, '500038': null, '500061': null,
  '500051': null, '500052': null, '500055': 'ObjectIdNotFound', '500028': 'HouseholdForbidden', '7013': 'NotAllowed',
  '1001': 'ExceededLimit', '1002': 'DeviceTypeNotAllowed', '1003': 'DeviceNotInDomain', '1005': 'UserNotInDomain',
  '1006': 'DomainNotExists', '1009': 'DomainSuspended', '1011': 'WrongPasswordOrUserName', '1014': 'LimitationPeriod',
  '1015': 'DeviceAlreadyExists', '1016': 'DeviceExistsInOtherDomains', '1017': 'NoUsersInDomain',
  '1018': 'UserExistsInOtherDomains', '1019': 'DeviceNotExists', '1020': 'UserNotExistsInDomain',
  '1021': 'ActionUserNotMaster', '1026': 'InvalidUser', '2000': 'UserDoesNotExist', '2001': 'UserSuspended',
  '2014': 'UserExists', '2015': 'InsideLockTime', '2016': 'UserNotActivated', '2017': 'UserAllreadyLoggedIn',
  '2018': 'UserDoubleLogIn', '2019': 'DeviceNotRegistered', '2024': 'UserWithNoDomain', '2028': 'LoginServerDown',
  '3000': null, '3001': null, '3002': null, '3003': 'ServiceNotAllowed', '3004': null, '3005': null, '3018': null,
  '3021': null, '3023': null, '3024': null, '3027': null, '3032': 'NotEntitled', '3033': null, '3034': null,
  '3036': null, '3039': 'RecordingNotFound', '3043': 'RecordingStatusNotValid', '4000': 'MediaConcurrencyLimitation',
  '4001': 'ConcurrencyLimitation', '4002': 'BadSearchRequest', '4004': 'SyntaxError', '4005': 'InvalidSearchField',
  '4018': 'ObjectNotExist', '4021': 'InvalidAssetType', '4022': 'ProgramDoesntExist', '4023': 'ActionNotRecognized',
  '4024': 'InvalidAssetId', '4039': 'AssetDoesNotExist', '5001': 'NoPinDefined', '5002': 'PinMismatch',
  '6000': null, '6001': null, '6007': null, '6009': null,
};

describe('vendor error catalogue', () => {
  it('covers every code of the brief §4.3 and §6 tables, with the brief names', () => {
    const missing = Object.keys(briefCodes).filter((code) => findVendorErrorByCode(code) === undefined);
    expect(missing).toEqual([]);
    const misnamed = Object.entries(briefCodes)
      .filter(([code, name]) => name !== null && findVendorErrorByCode(code)?.name !== name)
      .map(([code]) => code);
    expect(misnamed).toEqual([]);
  });

  it('leaves out 3054, which the brief marks unverified', () => {
    expect(findVendorErrorByCode('3054')).toBeUndefined();
  });

  it('has unique numeric-string codes and unique names', () => {
    const all = listVendorErrors();
    expect(all.every((e) => /^[0-9]+$/.test(e.code))).toBe(true);
    expect(new Set(all.map((e) => e.code)).size).toBe(all.length);
    expect(new Set(all.map((e) => e.name)).size).toBe(all.length);
  });

  it('keeps message templates with @placeholder@ tokens (brief §2.2)', () => {
    expect(findVendorErrorByName('MissingParameter')).toEqual({ code: '500053', name: 'MissingParameter', message: 'Missing parameter [@parameter@]' });
    expect(findVendorErrorByCode('500007')?.message).toBe('@objectType@ not found');
    expect(findVendorErrorByCode('500016')?.message).toBe('KS expired');
    expect(findVendorErrorByCode('500004')?.message).toBe('Service Forbidden');
  });

  it('finds nothing for unknown codes and names', () => {
    expect(findVendorErrorByCode('999999')).toBeUndefined();
    expect(findVendorErrorByName('expiredks')).toBeUndefined();
  });
});
