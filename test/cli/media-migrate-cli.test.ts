/**
 * `understudy media migrate` as an operator runs it (issue 18 "Done when"): the built binary,
 * the lab vendor CDN it starts, a real bucket (s3rver) behind a proxy that counts completed uploads
 * per key, and a PGlite directory as the store. A run killed with SIGKILL half way, then resumed,
 * ends with every file verified and no object uploaded twice; a further run uploads 0 bytes.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { startLabObjectStore, type LabObjectStore } from '../../src/sim/storage/lab-object-store';
import { buildCli, runCli, startCli } from '../support/built-cli';

// A slice of the catalogue keeps the run short on a shared machine; bench/ runs --all.
const assets = loadCatalog().vodAssets.slice(0, 60);
const assetList = assets.map((a) => a.vendorId).join(',');
const vodFiles = assets.reduce((n, a) => n + a.files.length, 0);
let bucket: LabObjectStore;
let proxy: Server;
let storeDir: string;
const uploads = new Map<string, number>();
let env: Record<string, string>;

/** Forwards to s3rver; counts PUTs that completed (200) by path. */
function startCountingProxy(target: string): Promise<Server> {
  const to = new URL(target);
  const server = createServer((req, res) => {
    const upstream = request({ hostname: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      if (req.method === 'PUT' && answer.statusCode === 200) uploads.set(req.url ?? '', (uploads.get(req.url ?? '') ?? 0) + 1);
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const totalUploads = (): number => [...uploads.values()].reduce((a, b) => a + b, 0);

beforeAll(async () => {
  await buildCli();
  bucket = await startLabObjectStore({ bucket: 'media' });
  proxy = await startCountingProxy(bucket.endpoint);
  storeDir = mkdtempSync(join(tmpdir(), 'understudy-media-cli-'));
  env = { UNDERSTUDY_MEDIA_S3_ENDPOINT: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, UNDERSTUDY_STORE_DIR: storeDir, LOG_LEVEL: 'silent' };
}, 180_000);
afterAll(async () => {
  await new Promise((resolve) => proxy.close(resolve));
  await bucket.close();
  rmSync(storeDir, { recursive: true, force: true });
});

describe('understudy media migrate', () => {
  it('refuses a call that names nothing with exit 2', async () => {
    const result = await runCli(['media', 'migrate'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--all or --assets/);
  });

  it('resumes a run killed with SIGKILL without uploading any object twice, then copies 0 bytes', async () => {
    const first = startCli(['media', 'migrate', '--assets', assetList, '--json', '--concurrency', '4'], env);
    for (let i = 0; i < 1200 && totalUploads() < 300 && first.child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
    first.child.kill('SIGKILL');
    await first.exited();
    const beforeResume = totalUploads();
    expect(beforeResume).toBeGreaterThan(0);
    const resumed = await runCli(['media', 'migrate', '--assets', assetList, '--json', '--concurrency', '4'], env);
    expect(resumed.code).toBe(0);
    const result = JSON.parse(resumed.stdout) as { files: number; alreadyVerified: number; verified: number; failed: number; uploadedObjects: number };
    expect(result).toMatchObject({ files: vodFiles, failed: 0 });
    expect(result.alreadyVerified + result.verified).toBe(vodFiles);
    expect(result.alreadyVerified).toBeGreaterThan(0);
    expect([...uploads.entries()].filter(([, n]) => n > 1)).toEqual([]);
    expect(totalUploads()).toBe(beforeResume + result.uploadedObjects);

    const again = await runCli(['media', 'migrate', '--assets', assetList, '--json'], env);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ alreadyVerified: vodFiles, verified: 0, uploadedBytes: 0, uploadedObjects: 0 });
    const status = await runCli(['media', 'status', '--json'], env);
    expect(JSON.parse(status.stdout)).toMatchObject({ files: { total: vodFiles, verified: vodFiles, failed: 0, pending: 0, copied: 0 } });
  }, 300_000);
});
