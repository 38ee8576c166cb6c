import { createFacadeMetrics } from '../../../src/metrics/facade-metrics';
import { cacheLabelChildren } from '../../../src/metrics/label-child-cache';
import { PlainCounter } from '../../../src/metrics/plain-labelled-metrics';

describe('cacheLabelChildren', () => {
  it('resolves each label tuple once and returns the same child after', () => {
    const resolve = jest.fn((...values: string[]) => ({ key: values.join('/') }));
    const childFor = cacheLabelChildren(resolve);
    const first = childFor('asset.get', 'platform');
    expect(childFor('asset.get', 'platform')).toBe(first);
    expect(childFor('asset.get', 'vendor')).not.toBe(first);
    expect(resolve).toHaveBeenCalledTimes(2);
  });

  it('keeps label lookups off the request hot path', () => {
    const metrics = createFacadeMetrics({ operations: ['asset.get'] });
    const labels = jest.spyOn(PlainCounter.prototype, 'labels');
    try {
      for (let i = 0; i < 100; i += 1) {
        metrics.recordRequest({ operation: 'asset.get', target: 'platform', outcome: 'ok', seconds: 0.01 });
        metrics.recordRequest({ operation: `random-${i}`, target: 'platform', outcome: 'ok', seconds: 0.01 });
      }
      // One child for asset.get and one for `other`, however many distinct strings arrived.
      expect(labels).toHaveBeenCalledTimes(2);
    } finally {
      labels.mockRestore();
    }
  });
});
