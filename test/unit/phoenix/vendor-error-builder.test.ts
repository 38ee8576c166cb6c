import { fillVendorMessage, findVendorErrorByCode, isVendorErrorName, vendorError, vendorFailure, withErrorArgs } from '../../../src/phoenix/vendor-error-builder';

describe('vendorError', () => {
  it('fills placeholders from the catalogue', () => {
    expect(vendorError('NotFound', { objectType: 'Asset' })).toEqual({ code: '500007', message: 'Asset not found' });
    expect(vendorError('MissingParameter', { parameter: 'id' })).toEqual({ code: '500053', message: 'Missing parameter [id]' });
  });
  it('keeps codes as strings and messages without placeholders', () => {
    expect(vendorError('ExpiredKS')).toEqual({ code: '500016', message: 'KS expired' });
    expect(vendorError('MissingParameter').message).toBe('Missing parameter []');
  });
  it('wraps a failure outcome and looks up by code', () => {
    expect(vendorFailure('InvalidKS')).toEqual({ ok: false, error: { code: '500015', message: 'Invalid KS format' } });
    expect(findVendorErrorByCode('4001')?.name).toBe('ConcurrencyLimitation');
    expect(isVendorErrorName('NotFound')).toBe(true);
    expect(isVendorErrorName('Nope')).toBe(false);
  });
  it('fills numbers and repeated placeholders', () => {
    expect(fillVendorMessage('@a@-@a@-@b@', { a: 1, b: 'x' })).toBe('1-1-x');
  });
});

describe('withErrorArgs', () => {
  it('adds one arg per placeholder, none for plain messages', () => {
    expect(withErrorArgs(vendorError('NotFound', { objectType: 'Asset' }), { objectType: 'Asset' }).args).toEqual([{ name: 'objectType', value: 'Asset' }]);
    expect(withErrorArgs(vendorError('ExpiredKS')).args).toBeUndefined();
  });
});
