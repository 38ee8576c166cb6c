import { Counter, Histogram, Registry } from 'prom-client';
import { PlainCounter, PlainHistogram } from '../../../src/metrics/plain-labelled-metrics';

const buckets = [0.001, 0.01, 0.1, 1];

/** The same metrics twice: prom-client's own, and the plain ones, each in its own registry. */
function twins() {
  const reference = new Registry();
  const plain = new Registry();
  const labelNames = ['operation', 'target'] as const;
  return {
    reference,
    plain,
    refCounter: new Counter({ name: 'x_requests_total', help: 'Requests.', labelNames, registers: [reference] }),
    plainCounter: new PlainCounter({ name: 'x_requests_total', help: 'Requests.', labelNames, registers: [plain] }),
    refHistogram: new Histogram({ name: 'x_duration_seconds', help: 'Durations.', labelNames, buckets, registers: [reference] }),
    plainHistogram: new PlainHistogram({ name: 'x_duration_seconds', help: 'Durations.', labelNames, buckets, registers: [plain] }),
  };
}

describe('plain labelled metrics', () => {
  it('render the exposition prom-client renders for the same events', async () => {
    const t = twins();
    const events: [string, string, number][] = [['asset.get', 'vendor', 0.0004], ['asset.get', 'vendor', 0.02], ['bookmark.add', 'platform', 3], ['asset.get', 'vendor', 0.001], ['other', 'platform', 0.5]];
    for (const [operation, target, seconds] of events) {
      t.refCounter.labels(operation, target).inc();
      t.plainCounter.labels(operation, target).inc();
      t.refHistogram.labels(operation, target).observe(seconds);
      t.plainHistogram.labels(operation, target).observe(seconds);
    }
    expect(await t.plain.metrics()).toBe(await t.reference.metrics());
    // prom-client's JSON adds `exemplar: null` to bucket values (exemplars are off); nothing else differs.
    const withoutExemplars = JSON.parse(JSON.stringify(await t.reference.getMetricsAsJSON(), (key, value: unknown) => (key === 'exemplar' ? undefined : value))) as unknown;
    expect(await t.plain.getMetricsAsJSON()).toEqual(withoutExemplars);
  });

  it('show a series only from its first event, and drop every series on reset as prom-client does', async () => {
    const t = twins();
    const plainChild = t.plainCounter.labels('asset.get', 'vendor');
    const refChild = t.refCounter.labels('asset.get', 'vendor');
    const plainTimer = t.plainHistogram.labels('asset.get', 'vendor');
    const refTimer = t.refHistogram.labels('asset.get', 'vendor');
    expect(await t.plain.metrics()).toBe(await t.reference.metrics());
    plainChild.inc(2);
    refChild.inc(2);
    plainTimer.observe(0.05);
    refTimer.observe(0.05);
    t.plain.resetMetrics();
    t.reference.resetMetrics();
    expect(await t.plain.metrics()).toBe(await t.reference.metrics());
    plainChild.inc();
    refChild.inc();
    plainTimer.observe(7);
    refTimer.observe(7);
    expect(await t.plain.metrics()).toBe(await t.reference.metrics());
    expect(await t.plain.metrics()).toContain('x_requests_total{operation="asset.get",target="vendor"} 1');
  });

  it('refuse what prom-client refuses: a non-finite observation, a negative increment', () => {
    const t = twins();
    expect(() => t.plainHistogram.labels('a', 'b').observe(Number.NaN)).toThrow(TypeError);
    expect(() => t.plainCounter.labels('a', 'b').inc(-1)).toThrow(TypeError);
  });
});
