/**
 * The copy against real servers (vendor CDN origin, s3rver, PGlite): every file of a few assets
 * verified, a second run uploads nothing, and each bad input of issue 18 fails its file only.
 */
import { loadCatalog } from '../../../src/sim/catalog/load-catalog';
import { startVendorCdnOrigin, type VendorCdnOrigin } from '../../../src/sim/cdn/vendor-cdn-server';
import { startLabObjectStore, type LabObjectStore } from '../../../src/sim/storage/lab-object-store';
import { openStore, SqlMediaStore, type Store } from '../../../src/store';
import { createMediaBucket, createS3Client } from '../../../src/upstream/media-bucket-client';
import { createMediaOriginClient } from '../../../src/upstream/media-origin-client';
import { mediaDefaults } from '../../../src/config/media-config';
import { migrateLibrary } from '../../../src/media/migrate-library';
import { verifyLibrary } from '../../../src/media/verify-library';
import type { CopyContext } from '../../../src/media/copy-file';
import type { InventoryFile } from '../../../src/media/media-ports';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';

const catalog = loadCatalog();
const assets = catalog.vodAssets.slice(0, 6);
const files: InventoryFile[] = assets.flatMap((a) => a.files.map((f) => ({ fileId: f.vendorId, assetId: a.vendorId, manifestUrl: f.cdnUrl })));
let origin: VendorCdnOrigin;
let bucketServer: LabObjectStore;
let store: Store;

function context(options: { accessKeyId?: string; bucket?: string } = {}): CopyContext {
  const client = createS3Client({ ...mediaDefaults.storage, ...(options.accessKeyId === undefined ? {} : { accessKeyId: options.accessKeyId }) }, bucketServer.endpoint, 5000);
  return {
    origin: createMediaOriginClient({ hosts: { [origin.catalogHost]: origin.url }, timeoutMs: 5000 }),
    bucket: createMediaBucket(client, options.bucket ?? 'media'),
    store: new SqlMediaStore(store.sql),
    limits: { ...mediaDefaults.copy, maxManifestBytes: 64 * 1024 },
    retry: { attempts: 2, backoffMs: 5 },
  };
}

beforeAll(async () => {
  origin = await startVendorCdnOrigin(catalog);
  bucketServer = await startLabObjectStore({ bucket: 'media' });
  store = await openStore({ driver: 'pglite' });
});
afterAll(async () => {
  await store.close();
  await bucketServer.close();
  await origin.close();
});

describe('media copy against the lab origin and s3rver', () => {
  it('verifies every file, then a second run uploads nothing', async () => {
    const first = await migrateLibrary({ files, concurrency: 3, dryRun: false }, context());
    expect(first).toMatchObject({ files: files.length, verified: files.length, failed: 0 });
    expect(first.uploadedBytes).toBeGreaterThan(0);
    const second = await migrateLibrary({ files, concurrency: 3, dryRun: false }, context());
    expect(second).toMatchObject({ alreadyVerified: files.length, verified: 0, uploadedBytes: 0, uploadedObjects: 0 });
  });

  it('finds a deleted object with verify and copies it again on the next run', async () => {
    const file = files[0]!;
    const folder = new URL(file.manifestUrl).pathname.slice(1).replace(/[^/]+$/, '');
    const client = createS3Client(mediaDefaults.storage, bucketServer.endpoint, 5000);
    await client.send(new DeleteObjectCommand({ Bucket: 'media', Key: `${folder}${new URL(file.manifestUrl).pathname.split('/').pop()!}` }));
    const ctx = context();
    const verify = await verifyLibrary(ctx.store, ctx.bucket, { concurrency: 2, retry: ctx.retry });
    expect(verify.failed.map((f) => f.fileId)).toEqual([file.fileId]);
    expect((await ctx.store.verifiedFolders()).has(file.fileId)).toBe(false);
    const again = await migrateLibrary({ files: [file], concurrency: 1, dryRun: false }, ctx);
    expect(again).toMatchObject({ verified: 1, uploadedObjects: 1 });
    client.destroy();
  });

  it('fails only the file whose origin answers 404, truncates, names ../ or a million segments', async () => {
    const pick = catalog.vodAssets.slice(10, 14).map((a) => a.files[0]!);
    const [notFound, truncated, escaping, huge] = pick;
    const path = (f: typeof notFound): string => new URL(f!.cdnUrl).pathname;
    origin.setDefect(path(notFound), { kind: 'status', status: 404 });
    origin.setDefect(path(truncated), { kind: 'truncate', keepBytes: 10 });
    origin.setDefect(path(escaping), { kind: 'body', body: Buffer.from('#EXTM3U\n#EXTINF:4,\n../../other/seg.ts\n') });
    const lines = ['#EXTM3U'];
    for (let i = 0; i < 1_000_000; i++) lines.push(`s${i}.ts`);
    origin.setDefect(path(huge), { kind: 'body', body: Buffer.from(lines.join('\n')) });
    const healthy = catalog.vodAssets[14]!.files[0]!;
    const chosen = [...pick, healthy].map((f) => ({ fileId: f.vendorId, assetId: 0, manifestUrl: f.cdnUrl }));
    const result = await migrateLibrary({ files: chosen, concurrency: 2, dryRun: false }, context());
    const reasons = new Map(result.failures.map((f) => [f.fileId, f.reason]));
    expect(result.verified).toBe(1);
    expect(reasons.get(notFound!.vendorId)).toMatch(/origin answered 404/);
    expect(reasons.get(truncated!.vendorId)).toMatch(/truncated/);
    expect(reasons.get(escaping!.vendorId)).toMatch(/outside the file's folder/);
    expect(reasons.get(huge!.vendorId)).toMatch(/cap/);
    const states = await new SqlMediaStore(store.sql).listFiles(pick.map((f) => f.vendorId));
    expect(states.map((s) => s.state)).toEqual(['failed', 'failed', 'failed', 'failed']);
    for (const f of pick) origin.setDefect(path(f), undefined);
  });

  it('fails every file with a clear reason on wrong credentials or a missing bucket', async () => {
    const some = catalog.vodAssets.slice(20, 22).flatMap((a) => a.files).map((f) => ({ fileId: f.vendorId, assetId: 0, manifestUrl: f.cdnUrl }));
    const denied = await migrateLibrary({ files: some, concurrency: 2, dryRun: false }, context({ accessKeyId: 'WRONG' }));
    expect(denied.verified).toBe(0);
    expect(denied.failures.every((f) => /storage refused the credentials/.test(f.reason))).toBe(true);
    const missing = await migrateLibrary({ files: some, concurrency: 2, dryRun: false }, context({ bucket: 'no-such-bucket' }));
    expect(missing.verified).toBe(0);
    expect(missing.failures.every((f) => /NoSuchBucket/.test(f.reason))).toBe(true);
  });
});
