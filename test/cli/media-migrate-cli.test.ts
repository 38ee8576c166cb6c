/**
 * `understudy media migrate` as an operator runs it (issue 18 "Done when"): the built binary,
 * the lab vendor CDN it starts, a real bucket (s3rver) behind a proxy that counts completed uploads
 * per key, and a PGlite directory as the store. A run killed with SIGKILL half way (half of the
 * objects uploaded), then resumed, ends with every file verified, the bucket holding exactly the
 * origin's objects byte for byte, and no object uploaded twice; a further run uploads 0 bytes.
 * CI runs a slice of 60 assets; `npm run check:media-all` (MEDIA_MIGRATE_ASSETS=all) runs the same
 * test with `--all` over the whole lab catalogue (about a minute per run here, docs/media.md).
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { buildLabRendition } from '../../src/sim/cdn/lab-rendition';
import { startLabObjectStore, type LabObjectStore } from '../../src/sim/storage/lab-object-store';
import { buildCli, runCli, startCli } from '../support/built-cli';

// A slice of the catalogue keeps CI short on a shared machine; MEDIA_MIGRATE_ASSETS=all runs --all.
const wholeCatalogue = process.env.MEDIA_MIGRATE_ASSETS === 'all';
const catalog = loadCatalog();
const formats = new Map(catalog.fileTypes.map((t) => [t.id, t.format]));
const catalogue = catalog.vodAssets;
const assets = wholeCatalogue ? catalogue : catalogue.slice(0, Number(process.env.MEDIA_MIGRATE_ASSETS ?? 60));
const selection = wholeCatalogue ? ['--all'] : ['--assets', assets.map((a) => a.vendorId).join(',')];
const vodFiles = assets.reduce((n, a) => n + a.files.length, 0);
/** Every object the origin serves for the selection: bucket key → bytes. */
const originObjects = new Map(assets.flatMap((a) => a.files.flatMap((f) => {
  const folder = new URL(f.cdnUrl).pathname.slice(1).replace(/[^/]*$/, '');
  return [...buildLabRendition(f.vendorId, formats.get(f.fileTypeId) ?? 'url')].map(([name, bytes]) => [`${folder}${name}`, bytes] as const);
})));
const cliTimeoutMs = wholeCatalogue ? 600_000 : 120_000;
let bucket: LabObjectStore;
let bucketDir: string;
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

/** The bucket's objects as s3rver keeps them on disk: key → bytes. */
function bucketObjects(): Map<string, Buffer> {
  const root = join(bucketDir, 'media');
  const found = new Map<string, Buffer>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('._S3rver_object')) found.set(relative(root, path).replace(/\._S3rver_object$/, ''), readFileSync(path));
    }
  };
  walk(root);
  return found;
}

beforeAll(async () => {
  await buildCli();
  bucketDir = mkdtempSync(join(tmpdir(), 'understudy-media-bucket-'));
  bucket = await startLabObjectStore({ bucket: 'media', directory: bucketDir });
  proxy = await startCountingProxy(bucket.endpoint);
  storeDir = mkdtempSync(join(tmpdir(), 'understudy-media-cli-'));
  env = { UNDERSTUDY_MEDIA_S3_ENDPOINT: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, UNDERSTUDY_STORE_DIR: storeDir, LOG_LEVEL: 'silent' };
}, 180_000);
afterAll(async () => {
  await new Promise((resolve) => proxy.close(resolve));
  await bucket.close();
  rmSync(storeDir, { recursive: true, force: true });
  rmSync(bucketDir, { recursive: true, force: true });
});

describe('understudy media migrate', () => {
  it('refuses a call that names nothing with exit 2', async () => {
    const result = await runCli(['media', 'migrate'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--all or --assets/);
  });

  it('resumes a run killed with SIGKILL without uploading any object twice, then copies 0 bytes', async () => {
    const first = startCli(['media', 'migrate', ...selection, '--json', '--concurrency', '4'], env);
    const half = Math.floor(originObjects.size / 2);
    for (let i = 0; i < cliTimeoutMs / 50 && totalUploads() < half && first.child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
    expect(first.child.exitCode).toBeNull();
    first.child.kill('SIGKILL');
    await first.exited();
    const beforeResume = totalUploads();
    expect(beforeResume).toBeGreaterThan(0);
    expect(beforeResume).toBeLessThan(originObjects.size);
    const resumed = await runCli(['media', 'migrate', ...selection, '--json', '--concurrency', '4'], env, cliTimeoutMs);
    expect(resumed.code).toBe(0);
    const result = JSON.parse(resumed.stdout) as { files: number; alreadyVerified: number; verified: number; failed: number; uploadedObjects: number };
    expect(result).toMatchObject({ files: vodFiles, failed: 0 });
    expect(result.alreadyVerified + result.verified).toBe(vodFiles);
    expect(result.alreadyVerified).toBeGreaterThan(0);
    expect([...uploads.entries()].filter(([, n]) => n > 1)).toEqual([]);
    expect(totalUploads()).toBe(beforeResume + result.uploadedObjects);
    expect(totalUploads()).toBe(originObjects.size);
    const held = bucketObjects();
    expect([...held.keys()].sort()).toEqual([...originObjects.keys()].sort());
    expect([...held].filter(([key, bytes]) => !bytes.equals(originObjects.get(key)!)).map(([key]) => key)).toEqual([]);

    const again = await runCli(['media', 'migrate', ...selection, '--json'], env, cliTimeoutMs);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ alreadyVerified: vodFiles, verified: 0, uploadedBytes: 0, uploadedObjects: 0 });
    const status = await runCli(['media', 'status', '--json'], env);
    expect(JSON.parse(status.stdout)).toMatchObject({ files: { total: vodFiles, verified: vodFiles, failed: 0, pending: 0, copied: 0 } });
    const verify = await runCli(['media', 'verify', '--json'], env, cliTimeoutMs);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ checked: vodFiles, stillVerified: vodFiles, failed: [] });
  }, wholeCatalogue ? 1_800_000 : 300_000);
});
