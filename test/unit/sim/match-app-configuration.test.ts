import { appConfigurations, configurationGroups } from '../../../src/sim/catalog/generate-app-configurations';
import { matchAppConfiguration } from '../../../src/sim/catalog/match-app-configuration';

const android = { appName: 'com.kaltura.player.3197', platform: 'Android', tag: '' };
const pick = (query: Partial<typeof android> & { clientVersion: string }): string | undefined =>
  matchAppConfiguration({ ...android, ...query }, configurationGroups, appConfigurations)?.id;

describe('matchAppConfiguration (docs/lab-rules.md "Device configuration")', () => {
  it('takes the highest client version not above the device', () => {
    expect(pick({ clientVersion: '4' })).toBe('cfg-0001');
    expect(pick({ clientVersion: '4.4.9' })).toBe('cfg-0001');
    expect(pick({ clientVersion: '4.5' })).toBe('cfg-0002');
    expect(pick({ clientVersion: '10' })).toBe('cfg-0002');
  });
  it('finds nothing for a client older than every configuration', () => {
    expect(pick({ clientVersion: '3.99' })).toBeUndefined();
  });
  it('searches the tag group first, then the default group', () => {
    expect(pick({ clientVersion: '4', tag: 'Beta' })).toBe('cfg-0005');
    expect(pick({ clientVersion: '4.6', tag: 'qa' })).toBe('cfg-0005');
    expect(pick({ clientVersion: '4.6', tag: 'nobody' })).toBe('cfg-0002');
  });
  it('matches the platform in any case and the app name exactly', () => {
    expect(pick({ clientVersion: '4', platform: 'ANDROID' })).toBe('cfg-0001');
    expect(pick({ clientVersion: '4', appName: 'COM.KALTURA.PLAYER.3197' })).toBeUndefined();
  });
  it('compares a non-numeric client version as text', () => {
    expect(pick({ clientVersion: '4-beta' })).toBeUndefined();
  });
});
