import { errorEnvelope, executionSeconds, isVendorErrorResult, multirequestEnvelope, outcomeEnvelope, successEnvelope, toErrorItem } from '../../../src/phoenix/envelope';
import { err, ok } from '../../../src/core/result';

describe('envelope', () => {
  const error = { code: '500016', message: 'KS expired' };
  it('builds success and error envelopes', () => {
    expect(successEnvelope(true, 0.002)).toEqual({ executionTime: 0.002, result: true });
    expect(errorEnvelope(error, 0.001)).toEqual({ executionTime: 0.001, result: { error: { objectType: 'KalturaAPIException', code: '500016', message: 'KS expired' } } });
    expect(outcomeEnvelope(ok({ a: 1 }), 0)).toEqual({ executionTime: 0, result: { a: 1 } });
  });
  it('renders args with objectType when present', () => {
    expect(toErrorItem({ ...error, args: [{ name: 'x', value: '1' }] }).error.args).toEqual([{ objectType: 'KalturaApiExceptionArg', name: 'x', value: '1' }]);
  });
  it('builds multirequest slots in order', () => {
    const env = multirequestEnvelope([ok(1), err(error), ok(false)], 0.5);
    expect(env.result).toEqual([1, { error: { objectType: 'KalturaAPIException', code: '500016', message: 'KS expired' } }, false]);
  });
  it('measures float seconds and detects error results', () => {
    expect(executionSeconds(1000, 1012.4)).toBe(0.012);
    expect(isVendorErrorResult(toErrorItem(error))).toBe(true);
    expect(isVendorErrorResult({ objectType: 'KalturaAPIException' })).toBe(true);
    expect(isVendorErrorResult({ objectType: 'KalturaMediaAsset' })).toBe(false);
  });
});
