/** The compared share: calls counted per operation, flushed with the deltas, reported as samples ÷ calls. */
import { ParityAccumulator } from '../../../src/shadow/parity-accumulator';
import { emptyOperationCounts, mergeOperationCounts, reportOperation } from '../../../src/shadow';

describe('compared share', () => {
  it('hands calls over with the deltas (region-less) and starts counting again', () => {
    const parity = new ParityAccumulator(() => 0);
    for (let i = 0; i < 4; i++) parity.countCall('asset.get');
    parity.addSample('asset.get', '', { differences: [] });
    const first = parity.takeDeltas();
    expect(first.map((d) => [d.operation, d.region, d.calls, d.samples])).toEqual([['asset.get', '', 4, 1]]);
    expect(parity.takeDeltas()).toEqual([]);
  });

  it('reports samples ÷ calls, 0 without calls, and at most 100', () => {
    const counts = emptyOperationCounts('asset.get', '');
    expect(reportOperation(counts).comparedPercent).toBe(0);
    const delta = emptyOperationCounts('asset.get', '');
    delta.calls = 8;
    delta.samples = 2;
    mergeOperationCounts(counts, delta);
    expect(reportOperation(counts)).toMatchObject({ calls: 8, samples: 2, comparedPercent: 25 });
    counts.samples = 20;
    expect(reportOperation(counts).comparedPercent).toBe(100);
  });
});
