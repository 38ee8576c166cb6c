import { countCandidateError, countNoiseSample, countSample, emptyOperationCounts, mergeOperationCounts, redactAndBound, reportOperation, type Difference } from '../../../src/shadow';

const d = (field: string, kind: Difference['kind'] = 'value'): Difference => ({ pointer: field.replace('*', '0'), field, kind, primary: 1, candidate: 2 });

describe('counts, noise and thresholds', () => {
  it('reports a field that differs beyond its noise, and computes parity from clusters', () => {
    const counts = emptyOperationCounts('asset.get', 'eu');
    for (let i = 0; i < 90; i++) countSample(counts, { differences: [] });
    for (let i = 0; i < 10; i++) countSample(counts, { differences: [d('/result/name')], example: () => ({ differences: [d('/result/name')], primary: { name: 'a' }, candidate: { name: 'b' }, atMs: 1 }) });
    const report = reportOperation(counts);
    expect(report.samples).toBe(100);
    expect(report.parityPercent).toBeCloseTo(90);
    expect(report.fields[0]).toMatchObject({ field: '/result/name', kind: 'value', raw: 10, reported: true, rawPercent: 10 });
    expect(report.clusters).toHaveLength(1);
    expect(report.clusters[0]!.sample?.primary).toEqual({ name: 'a' });
  });

  it('does not report a field whose raw rate is matched by vendor-vs-vendor noise', () => {
    const counts = emptyOperationCounts('asset.list', '');
    for (let i = 0; i < 100; i++) countSample(counts, { differences: i % 2 === 0 ? [d('/result/objects/*/views')] : [] });
    for (let i = 0; i < 20; i++) countNoiseSample(counts, i % 2 === 0 ? [d('/result/objects/*/views')] : []);
    const report = reportOperation(counts);
    expect(report.fields[0]).toMatchObject({ raw: 50, noise: 10, rawPercent: 50, noisePercent: 50, reported: false });
    expect(report.parityPercent).toBe(100);
  });

  it('still reports a noisy field when raw differences clearly exceed its noise', () => {
    const counts = emptyOperationCounts('asset.list', '');
    for (let i = 0; i < 100; i++) countSample(counts, { differences: [d('/result/totalCount')] });
    for (let i = 0; i < 20; i++) countNoiseSample(counts, i < 2 ? [d('/result/totalCount')] : []);
    expect(reportOperation(counts).fields[0]).toMatchObject({ reported: true, noisePercent: 10 });
  });

  it('applies the absolute and relative thresholds', () => {
    const counts = emptyOperationCounts('x', '');
    for (let i = 0; i < 1000; i++) countSample(counts, { differences: i < 5 ? [d('/rare')] : [] });
    expect(reportOperation(counts, { absolutePercent: 1, relativePercent: 20 }).fields[0]!.reported).toBe(false);
    expect(reportOperation(counts, { absolutePercent: 0.1, relativePercent: 20 }).fields[0]!.reported).toBe(true);
  });

  it('bounds clusters and fields; overflow counts against parity', () => {
    const counts = emptyOperationCounts('x', '');
    for (let i = 0; i < 10; i++) countSample(counts, { differences: [d(`/f${i}`)] }, { maxClusters: 3, maxFields: 4 });
    expect(counts.clusters.size).toBe(4);
    expect(counts.fields.size).toBe(4);
    expect(counts.clusters.get('*')!.count).toBe(7);
    expect(reportOperation(counts).parityPercent).toBe(0);
  });

  it('merges deltas from several instances', () => {
    const a = emptyOperationCounts('x', '');
    const b = emptyOperationCounts('x', '');
    countSample(a, { differences: [d('/n')], primaryMs: 10, candidateMs: 30 });
    countSample(b, { differences: [d('/n')], primaryMs: 10, candidateMs: 20 });
    countCandidateError(b);
    countNoiseSample(b, []);
    mergeOperationCounts(a, b);
    expect(a).toMatchObject({ samples: 2, candidateErrors: 1, noiseSamples: 1, latencyDeltaMsSum: 30 });
    expect(a.fields.get('value /n')!.raw).toBe(2);
    expect(a.clusters.get('value /n')!.count).toBe(2);
    expect(reportOperation(a).meanLatencyDeltaMs).toBe(15);
  });
});

describe('sample redaction', () => {
  it('masks secret keys, KS and emails, and bounds size', () => {
    const value = { ks: 'djJ8MzE5N3xzZWNyZXQ=', user: { email: 'a@b.example', note: 'mail x@y.example now', udid: 'dev-1' }, text: 'token djJ8MzE5N3xzZWNyZXQxMjM= end' };
    expect(redactAndBound(value, 10_000)).toEqual({ ks: '[redacted]', user: { email: '[redacted]', note: 'mail [email] now', udid: '[redacted]' }, text: 'token [ks] end' });
    const big = { objects: Array.from({ length: 1000 }, (_, i) => ({ id: i, name: 'x'.repeat(50) })) };
    const bounded = redactAndBound(big, 2000) as { objects: unknown[] };
    expect(JSON.stringify(bounded).length).toBeLessThanOrEqual(2000);
    expect(bounded.objects.length).toBeGreaterThan(0);
  });
});
