/** The vendor call client against a real vendor-sim (outcomes) and its fault knobs (rejections). */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startVendorSim, type VendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { createVendorCallClient, type VendorCallClient } from '../../src/upstream/vendor-call-client';
import { UpstreamError } from '../../src/upstream/upstream-error';
import { loginAs } from '../support/vendor-http';

let sim: VendorSim;
let client: VendorCallClient;
let ks: string;

beforeAll(async () => {
  sim = await startVendorSim();
  client = createVendorCallClient({ vendorUrl: `${sim.url}/v4_6/`, timeoutMs: 300 });
  ks = await loginAs(sim.url, 'anonymous', 'stb-call-client');
});
afterAll(async () => {
  await client.close();
  await sim.close();
});
beforeEach(() => sim.setFaults({ latencyMs: 0, resetRate: 0, errorRate: 0 }));

const rejection = async (promise: Promise<unknown>): Promise<UpstreamError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
};

describe('vendor call client', () => {
  it('turns a success envelope into ok(result)', async () => {
    const outcome = await client.call({ service: 'asset', action: 'get', params: { id: '480002', assetReferenceType: 'media', ks } });
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.value).toMatchObject({ objectType: 'KalturaMediaAsset', id: 480002 });
  });

  it('turns result.error into err with the vendor code and message', async () => {
    const outcome = await client.call({ service: 'asset', action: 'get', params: { id: '1', assetReferenceType: 'media', ks } });
    expect(outcome).toEqual({ ok: false, error: { code: '500007', message: 'Asset not found' } });
  });

  it('keeps scalar results (ottuser.logout answers a bare true)', async () => {
    const outcome = await client.call({ service: 'ottuser', action: 'logout', params: { ks: await loginAs(sim.url, 'anonymous', 'stb-logout') } });
    expect(outcome).toEqual({ ok: true, value: true });
  });

  it('rejects on a reset, a non-200 answer and a timeout', async () => {
    sim.setFaults({ resetRate: 1 });
    expect((await rejection(client.call({ service: 'asset', action: 'get', params: { ks } }))).kind).toBe('reset');
    sim.setFaults({ resetRate: 0, errorRate: 1 });
    expect((await rejection(client.call({ service: 'asset', action: 'get', params: { ks } }))).kind).toBe('status');
    sim.setFaults({ errorRate: 0, latencyMs: 3000 });
    const started = Date.now();
    expect((await rejection(client.call({ service: 'asset', action: 'get', params: { ks } }))).kind).toBe('timeout');
    // 300 ms on undici's coarse timer wheel (up to ~1 s late), well before the 3 s answer.
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('rejects when nothing listens', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const dead = createVendorCallClient({ vendorUrl: `http://127.0.0.1:${port}`, timeoutMs: 500 });
    try {
      expect((await rejection(dead.call({ service: 'asset', action: 'get', params: {} }))).kind).toBe('refused');
    } finally {
      await dead.close();
    }
  });
});
