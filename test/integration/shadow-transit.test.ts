/**
 * A defect that is not in platform-sim but in transit: a proxy between the facade and the platform
 * changes one member of every catalogue answer. Shadow mode must report it at the operation and
 * JSON pointer it surfaces at, like any translation defect.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningUnderstudy } from '../../src/main';
import { startPlatformSim, type PlatformSim } from '../../src/sim/platform-sim/platform-sim-server';
import { startVendorSim, type VendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { startFacadeLab } from '../support/facade-lab';
import { frozenLabClock } from '../support/lab-clock';
import { readParity, shadowAllPolicy } from '../support/shadow-lab';
import { loginAs, postVendorJson } from '../support/vendor-http';

let vendor: VendorSim;
let platform: PlatformSim;
let proxy: Server;
let facade: RunningUnderstudy;

function rewrite(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewrite);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'title' && typeof v === 'string' ? v.toUpperCase() : rewrite(v)]));
}

/** Forwards to platform-sim; catalogue JSON answers come back with every `title` upper-cased. */
function startAlteringProxy(target: URL): Promise<Server> {
  const server = createServer((req, res) => {
    const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        let body = Buffer.concat(chunks);
        if ((req.url ?? '').startsWith('/catalog/') && String(answer.headers['content-type']).includes('json')) body = Buffer.from(JSON.stringify(rewrite(JSON.parse(body.toString('utf8')))));
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'content-length': String(body.length) });
        res.end(body);
      });
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  const clock = frozenLabClock();
  vendor = await startVendorSim({ clock });
  platform = await startPlatformSim({ clock });
  proxy = await startAlteringProxy(new URL(platform.url));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  facade = await startFacadeLab({ clock, overrides: { vendor: { url: vendor.url }, platform: { url: proxyUrl }, clock: 'lab', shadow: { flushIntervalMs: 50, noisePercent: 20 } } });
  const replaced = facade.routing.policy.replace(shadowAllPolicy, 'test');
  if (!replaced.ok) throw new Error(replaced.error.join());
}, 60_000);

afterAll(async () => {
  await facade.close();
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await platform.close();
  await vendor.close();
});

it('reports a member changed between the facade and the platform at the operation and JSON pointer', async () => {
  const ks = await loginAs(facade.url, 'anonymous');
  for (let i = 0; i < 100; i++) {
    await postVendorJson(facade.url, '/api_v3/service/asset/action/get', { ks, id: String(480001 + (i % 30)), assetReferenceType: 'media' });
  }
  const parity = await readParity(facade);
  const asset = parity.operations.find((o: any) => o.operation === 'asset.get');
  expect(asset.report.samples).toBeGreaterThan(50);
  expect(asset.topFields.map((f: any) => [f.pointer, f.kind])).toEqual(expect.arrayContaining([['/result/name', 'value']]));
  expect(asset.report.noiseSamples).toBeGreaterThan(0);
  for (const f of asset.report.fields) expect(f.field).not.toMatch(/executionTime|\/ks$|\/url$/);
}, 60_000);
