/**
 * The tracing core against a real OTLP/HTTP receiver: spans nest through awaits by this instance's
 * own current-span store, an unsampled request makes no child spans yet still hands its
 * `traceparent` (flags 00) to upstream calls, and a continued `traceparent` keeps its trace id.
 */
import { createTracing, type Tracing } from '../../../src/metrics/otel-tracing';
import { startOtlpReceiver, type OtlpReceiver } from '../../support/otlp-receiver';

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.close());

const options = (sampleRatio: number, serviceName: string) => ({ endpoint: receiver.url, sampleRatio, serviceName, batchDelayMs: 10, queueSpans: 64, exportTimeoutMs: 5000 });

async function tracedRequest(tracing: Tracing, headers?: Record<string, string>): Promise<Record<string, string>> {
  const request = tracing.startRequest(() => ['vendor-api POST', {}], headers);
  const sent = await tracing.runIn(request, () =>
    tracing.inSpan('translate asset.get', { 'understudy.operation': 'asset.get' }, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      const client = tracing.startChild('client', () => ['platform GET', {}])!;
      client.end();
      return client.traceHeaders();
    }),
  );
  request.end();
  return sent;
}

describe('createTracing', () => {
  it('nests spans across awaits and exports them', async () => {
    const tracing = createTracing(options(1, 'nesting'));
    const headers = await tracedRequest(tracing);
    await tracing.close();
    await receiver.waitFor((spans) => spans.filter((s) => s.service === 'nesting').length === 3);
    const spans = receiver.spans.filter((s) => s.service === 'nesting');
    const byName = (name: string) => spans.find((s) => s.name === name)!;
    expect(byName('translate asset.get').parentSpanId).toBe(byName('vendor-api POST').spanId);
    expect(byName('platform GET').parentSpanId).toBe(byName('translate asset.get').spanId);
    expect(headers.traceparent).toBe(`00-${byName('platform GET').traceId}-${byName('platform GET').spanId}-01`);
  });

  it('exports nothing for an unsampled request but still propagates its context, unsampled', async () => {
    const tracing = createTracing(options(0, 'unsampled'));
    expect(tracing.isRecording()).toBe(false);
    const headers = await tracedRequest(tracing);
    await tracing.close();
    expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.spans.filter((s) => s.service === 'unsampled')).toEqual([]);
  });

  it('never describes a span of an unsampled request: one stand-in for the request and its children', async () => {
    const tracing = createTracing(options(0, 'undescribed'));
    const describe = jest.fn((): readonly [string, Record<string, string>] => ['never', {}]);
    const request = tracing.startRequest(describe);
    const children = await tracing.runIn(request, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return [tracing.startChild('client', describe), tracing.startChild('client', describe)];
    });
    await tracing.close();
    expect(describe).not.toHaveBeenCalled();
    expect(request.recording).toBe(false);
    expect(children).toEqual([request, request]);
    expect(tracing.startChild('client', describe)).toBeUndefined();
  });

  it('samples new traces at the configured ratio', async () => {
    const tracing = createTracing(options(0.25, 'ratio'));
    const sampled = Array.from({ length: 400 }, () => tracing.startRequest(() => ['vendor-api POST', {}])).filter((span) => span.recording).length;
    await tracing.close();
    // Binomial(400, 0.25): mean 100, standard deviation 8.7; this range is ±5.7 deviations.
    expect(sampled).toBeGreaterThan(50);
    expect(sampled).toBeLessThan(150);
  });

  it('keeps an unsampled incoming trace unsampled, with its trace id and tracestate', async () => {
    const tracing = createTracing(options(1, 'unsampled-continued'));
    const headers = await tracedRequest(tracing, { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00', tracestate: 'vendor=abc' });
    await tracing.close();
    expect(headers.traceparent).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-00$/);
    expect(headers.tracestate).toBe('vendor=abc');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.spans.filter((s) => s.service === 'unsampled-continued')).toEqual([]);
  });

  it('continues an incoming traceparent, sampled by its flag whatever the ratio', async () => {
    const tracing = createTracing(options(0, 'continued'));
    const headers = await tracedRequest(tracing, { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    await tracing.close();
    expect(headers.traceparent).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
    await receiver.waitFor((spans) => spans.filter((s) => s.service === 'continued').length === 3);
    expect(receiver.spans.find((s) => s.service === 'continued' && s.name === 'vendor-api POST')!.parentSpanId).toBe('b7ad6b7169203331');
  });
});
