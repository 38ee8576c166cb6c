import { connect } from 'node:net';
import { startVendorSim, type VendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { labDemo, postVendorJson, sendVendorRequest } from '../support/vendor-http';

let sim: VendorSim;
const { partnerId } = labDemo();
const anonymousLogin = (): ReturnType<typeof postVendorJson> => postVendorJson(sim.url, '/api_v3/service/ottuser/action/anonymousLogin', { partnerId });

beforeAll(async () => {
  sim = await startVendorSim();
});
afterAll(() => sim.close());
afterEach(() => sim.setFaults({ latencyMs: 0, jitterMs: 0, errorRate: 0, resetRate: 0 }));

/** Writes raw bytes on a fresh socket and returns whatever comes back before it closes. */
function rawExchange(payload: string, closeAfterWrite: boolean): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(sim.port, '127.0.0.1', () => {
      socket.write(payload);
      if (closeAfterWrite) socket.destroy();
    });
    let received = '';
    socket.on('data', (chunk) => { received += chunk.toString(); });
    socket.on('close', () => resolve(received));
    socket.on('error', () => resolve(received));
    setTimeout(() => { socket.destroy(); resolve(received); }, 1000).unref();
  });
}

describe('vendor-sim survives hostile clients', () => {
  it('a connection aborted mid-body is dropped and the server stays up', async () => {
    await rawExchange('POST /api_v3/service/ottuser/action/anonymousLogin HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"partnerId":', true);
    expect((await anonymousLogin()).json.result.objectType).toBe('KalturaLoginSession');
  });
  it('garbage on the wire gets a 400 and a clean close', async () => {
    const answer = await rawExchange('THIS IS NOT HTTP\r\n\r\n', false);
    expect(answer).toContain('400');
    expect((await anonymousLogin()).status).toBe(200);
  });
  it('oversized headers are refused without a crash', async () => {
    const answer = await rawExchange(`GET /__sim/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20000)}\r\n\r\n`, false);
    expect(answer).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect((await anonymousLogin()).status).toBe(200);
  });
  it('keeps connections alive across requests', async () => {
    const body = JSON.stringify({ partnerId });
    const answer = await rawExchange(
      `POST /api_v3/service/ottuser/action/anonymousLogin HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}` +
        'GET /__sim/health HTTP/1.1\r\nHost: x\r\n\r\n',
      false,
    );
    expect(answer.match(/HTTP\/1\.1 200/g)).toHaveLength(2);
  });
  it('serves many concurrent requests', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => anonymousLogin()));
    expect(answers.every((a) => a.json.result.objectType === 'KalturaLoginSession')).toBe(true);
  });
});

describe('control endpoints and fault knobs', () => {
  it('health, faults validation and clock', async () => {
    expect((await sendVendorRequest(sim.url, '/__sim/health')).json.status).toBe('ok');
    const bad = await sendVendorRequest(sim.url, '/__sim/faults', { method: 'PUT', body: '{"errorRate": 3}', contentType: 'application/json' });
    expect(bad.status).toBe(400);
    const clock = await sendVendorRequest(sim.url, '/__sim/clock', { method: 'PUT', body: '{"offsetSeconds": 3600}', contentType: 'application/json' });
    expect(clock.json.offsetSeconds).toBe(3600);
    sim.clock.setOffsetSeconds(0);
  });
  it('latency delays answers', async () => {
    await sendVendorRequest(sim.url, '/__sim/faults', { method: 'PUT', body: '{"latencyMs": 150}', contentType: 'application/json' });
    const started = Date.now();
    await anonymousLogin();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
  it('errorRate 1 answers 503, control endpoints still work', async () => {
    await sendVendorRequest(sim.url, '/__sim/faults', { method: 'PUT', body: '{"errorRate": 1}', contentType: 'application/json' });
    expect((await anonymousLogin()).status).toBe(503);
    expect((await sendVendorRequest(sim.url, '/__sim/health')).status).toBe(200);
  });
  it('resetRate 1 cuts connections', async () => {
    sim.setFaults({ resetRate: 1 });
    await expect(anonymousLogin()).rejects.toThrow();
    sim.setFaults({ resetRate: 0 });
    expect((await anonymousLogin()).status).toBe(200);
  });
  it('reset starts the world over', async () => {
    sim.state.identity.devices.delete('demo1-stb-1');
    const reset = await sendVendorRequest(sim.url, '/__sim/reset', { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(sim.state.identity.devices.has('demo1-stb-1')).toBe(true);
  });
});
