/**
 * OpenTelemetry traces end to end (docs/observability.md "Traces"): the lab facade exports to a real
 * OTLP/HTTP receiver on loopback. One translated multirequest gives one trace: the edge's server
 * span, the routing decision, one span per sub-call, a client span per platform call under its
 * sub-call, and platform-sim's own server span under each of those — linked only by the
 * `traceparent` the facade sent. The vendor gets no `traceparent` unless configured.
 */
import { join } from 'node:path';
import { labPolicyFile } from '../../src/config/lab-defaults';
import { validateVendorResponse } from '../../src/contract/response-validator';
import type { RunningUnderstudy } from '../../src/main';
import { adminRequest, TEST_ADMIN_TOKEN } from '../support/admin-http';
import { frozenLabClock, startFacadeLab } from '../support/facade-lab';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver';
import { loginAs, sendVendorRequest } from '../support/vendor-http';

const SERVER = 2;
const CLIENT = 3;
const deviceTraceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

let receiver: OtlpReceiver;
let facade: RunningUnderstudy;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  facade = await startFacadeLab({
    clock: frozenLabClock(),
    overrides: {
      admin: { token: TEST_ADMIN_TOKEN },
      policy: { file: labPolicyFile(join(__dirname, '../../fixtures/catalog')) },
      tracing: { endpoint: receiver.url, sampleRatio: 1, batchDelayMs: 20 },
    },
  });
}, 120_000);
afterAll(async () => {
  await facade?.close();
  await receiver?.close();
});

const inTrace = (spans: readonly ReceivedSpan[], traceId: string): ReceivedSpan[] => spans.filter((s) => s.traceId === traceId);
const childrenOf = (spans: readonly ReceivedSpan[], parent: ReceivedSpan): ReceivedSpan[] => spans.filter((s) => s.parentSpanId === parent.spanId && s.traceId === parent.traceId);
const edgeSpanFor = (spans: readonly ReceivedSpan[], operation: string): ReceivedSpan | undefined => spans.find((s) => s.service === 'understudy' && s.kind === SERVER && s.attributes['understudy.operation'] === operation);

describe('a translated multirequest', () => {
  it('is one trace: edge → route and one span per sub-call → its platform calls → platform-sim', async () => {
    const ks = await loginAs(facade.url, 'demo1');
    const body = { ks, '1': { service: 'asset', action: 'get', id: '480001', assetReferenceType: 'media' }, '2': { service: 'asset', action: 'get', id: '480002', assetReferenceType: 'media' } };
    const answer = await sendVendorRequest(facade.url, '/api_v3/service/multirequest', { method: 'POST', body: JSON.stringify(body), contentType: 'application/json', headers: { traceparent: deviceTraceparent } });
    expect(answer.json.result.map((slot: any) => slot.id)).toEqual([480001, 480002]);
    expect(validateVendorResponse('multirequest', answer.json)).toEqual([]);

    let edge: ReceivedSpan | undefined;
    await receiver.waitFor((spans) => {
      edge = edgeSpanFor(spans, 'multirequest');
      if (edge === undefined) return false;
      const platformCalls = inTrace(spans, edge.traceId).filter((s) => s.service === 'understudy' && s.kind === CLIENT);
      const simSpans = inTrace(spans, edge.traceId).filter((s) => s.service === 'understudy-platform-sim');
      return platformCalls.length >= 2 && simSpans.length >= platformCalls.length;
    });
    const trace = inTrace(receiver.spans, edge!.traceId);
    // A device's traceparent is not continued unless tracing.acceptTraceparent says so.
    expect(edge!.traceId).not.toBe(deviceTraceparent.split('-')[1]);
    expect(edge!.parentSpanId).toBe('');
    expect(edge!.attributes['understudy.route']).toBe('execute');

    const underEdge = childrenOf(trace, edge!);
    const route = underEdge.filter((s) => s.name === 'understudy.route');
    expect(route).toHaveLength(1);
    expect(route[0]!.attributes).toMatchObject({ 'understudy.route': 'execute', 'understudy.calls': 2, 'understudy.platform_calls': 2, 'understudy.rule_id': 'reads-platform' });
    const calls = underEdge.filter((s) => s.name === 'translate asset.get');
    expect(calls.map((s) => s.attributes['understudy.position']).sort()).toEqual([1, 2]);
    for (const call of calls) {
      expect(call.attributes).toMatchObject({ 'understudy.operation': 'asset.get', 'understudy.target': 'platform', 'understudy.rule_id': 'reads-platform', 'understudy.shadow': false, 'understudy.answered_by': 'platform', 'understudy.outcome': 'ok' });
      const platformCalls = childrenOf(trace, call).filter((s) => s.kind === CLIENT);
      expect(platformCalls.length).toBeGreaterThanOrEqual(1);
      for (const client of platformCalls) {
        expect(client.attributes['understudy.upstream']).toBe('platform');
        expect(client.attributes['http.response.status_code']).toBe(200);
        // The sim's span is a child of the facade's client span: traceparent crossed the wire.
        const served = childrenOf(trace, client);
        expect(served.map((s) => [s.service, s.kind])).toEqual([['understudy-platform-sim', SERVER]]);
      }
    }
    // Every span of the trace hangs off the edge span (no orphan, no second root).
    const ids = new Set(trace.map((s) => s.spanId));
    expect(trace.filter((s) => s !== edge && !ids.has(s.parentSpanId))).toEqual([]);
  }, 60_000);
});

describe('the vendor', () => {
  it('gets a passthrough span but no traceparent of the facade when propagateToVendor is off', async () => {
    expect((await adminRequest(facade.adminUrl, 'POST', '/admin/kill-switch', { body: { on: true } })).status).toBe(200);
    try {
      const answer = await sendVendorRequest(facade.url, '/api_v3/service/ottuser/action/anonymousLogin', { method: 'POST', body: JSON.stringify({ partnerId: 3197 }), contentType: 'application/json' });
      expect(typeof answer.json.result.ks).toBe('string');
    } finally {
      await adminRequest(facade.adminUrl, 'POST', '/admin/kill-switch', { body: { on: false } });
    }
    let edge: ReceivedSpan | undefined;
    await receiver.waitFor((spans) => (edge = edgeSpanFor(spans, 'ottuser.anonymouslogin')) !== undefined && spans.some((s) => s.service === 'understudy-vendor-sim'));
    const passthrough = childrenOf(receiver.spans, edge!).filter((s) => s.name === 'vendor passthrough');
    expect(passthrough).toHaveLength(1);
    expect(passthrough[0]!.attributes).toMatchObject({ 'understudy.upstream': 'vendor', 'http.response.status_code': 200 });
    expect(edge!.attributes['understudy.route']).toBe('passthrough');
    const vendorSide = receiver.spans.filter((s) => s.service === 'understudy-vendor-sim');
    expect(vendorSide.filter((s) => s.traceId === edge!.traceId)).toEqual([]);
  }, 60_000);
});
