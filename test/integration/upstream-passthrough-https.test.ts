/**
 * The real vendor is served over HTTPS: passthrough to an https vendor URL, through a TLS
 * terminator (self-signed certificate, trusted through `tlsCa`) in front of vendor-sim.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startVendorSim, type VendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { createVendorPassthrough, type PassthroughEngine } from '../../src/upstream/vendor-passthrough';
import type { VendorPassthrough } from '../../src/upstream/passthrough-types';
import { readRequestBody } from '../../src/http/read-request-body';

let vendor: VendorSim;
let tls: HttpsServer;
let tlsUrl: string;
let ca: string;

function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'understudy-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
}

beforeAll(async () => {
  vendor = await startVendorSim();
  const { key, cert } = selfSignedCertificate();
  ca = cert;
  const upstream = new URL(vendor.url);
  tls = createHttpsServer({ key, cert }, (req, res) => {
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  tlsUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
}, 30_000);

afterAll(async () => {
  await new Promise<void>((resolve) => tls.close(() => resolve()));
  await vendor.close();
});

async function serveThrough(passthrough: VendorPassthrough): Promise<{ server: HttpServer; url: string }> {
  const server = createHttpServer((req, res) => {
    void readRequestBody(req, 1 << 20).then((read) => {
      if (read.kind === 'ok') passthrough.forward(req, res, read.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe.each<PassthroughEngine>(['pipe', 'http-proxy-middleware'])('passthrough to an https vendor (%s)', (engine) => {
  it('forwards over TLS and answers what the vendor answered', async () => {
    const passthrough = createVendorPassthrough({ vendorUrl: tlsUrl, timeoutMs: 5000, tlsCa: ca, engine });
    const { server, url } = await serveThrough(passthrough);
    try {
      const body = JSON.stringify({ partnerId: 3197 });
      const direct = await fetch(`${vendor.url}/api_v3/service/ottuser/action/anonymousLogin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const passed = await fetch(`${url}/api_v3/service/ottuser/action/anonymousLogin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(passed.status).toBe(direct.status);
      const json = (await passed.json()) as { result: { objectType: string } };
      expect(json.result.objectType).toBe('KalturaLoginSession');
      await direct.text();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await passthrough.close();
    }
  });

  it('refuses an untrusted certificate with the vendor error envelope', async () => {
    const passthrough = createVendorPassthrough({ vendorUrl: tlsUrl, timeoutMs: 5000, engine });
    const { server, url } = await serveThrough(passthrough);
    try {
      const answer = await fetch(`${url}/api_v3/service/ottuser/action/anonymousLogin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"partnerId":3197}' });
      expect(answer.status).toBe(200);
      const json = (await answer.json()) as { result: { error: { objectType: string; code: string } } };
      expect(json.result.error.objectType).toBe('KalturaAPIException');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await passthrough.close();
    }
  });
});
