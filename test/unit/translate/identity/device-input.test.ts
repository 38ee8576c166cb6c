import { readDeviceInput } from '../../../../src/translate/identity/device-input';

describe('readDeviceInput', () => {
  it('maps the vendor device to the platform input, coercing leniently', () => {
    const read = readDeviceInput({ device: { udid: 'box', name: 7, brandId: '4', externalId: 'e', macAddress: 'm', model: 'x', manufacturer: 'y' } });
    expect(read).toEqual({ ok: true, value: { udid: 'box', name: '7', brandId: 4, externalRef: 'e', macAddress: 'm', model: 'x', manufacturer: 'y' } });
  });

  it('leaves out what was not sent (the platform then picks the family of the brand)', () => {
    expect(readDeviceInput({ device: { udid: 'box' } })).toEqual({ ok: true, value: { udid: 'box' } });
  });

  it('answers the vendor errors for a missing device, a missing or empty udid and a bad brand', () => {
    const codeOf = (params: Record<string, unknown>): string | undefined => {
      const read = readDeviceInput(params);
      return read.ok ? undefined : `${read.error.code} ${read.error.message}`;
    };
    expect(codeOf({})).toBe('500053 Missing parameter [device]');
    expect(codeOf({ device: {} })).toBe('500053 Missing parameter [device.udid]');
    expect(codeOf({ device: { udid: ' ' } })).toBe('50027 Argument [device.udid] cannot be empty');
    expect(codeOf({ device: { udid: 'b', brandId: 'x' } })).toBe('500031 Argument [device.brandId] must be numeric');
  });
});
