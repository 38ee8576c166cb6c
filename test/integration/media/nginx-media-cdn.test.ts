/**
 * deploy/nginx/media-cdn.conf on real nginx (issue 18 "Done when"): it accepts understudy's path
 * tokens — for the manifest and, inherited, for every segment it names — and refuses a changed or
 * expired token with 403, pulling objects from a real bucket (s3rver) that checks no token itself.
 */
import { migrateLibrary } from '../../../src/media/migrate-library';
import { tokenizedUrl } from '../../../src/media/cdn-token';
import { listManifestReferences } from '../../../src/media/manifest-references';
import { mediaDefaults } from '../../../src/config/media-config';
import { loadCatalog } from '../../../src/sim/catalog/load-catalog';
import { startVendorCdnOrigin, type VendorCdnOrigin } from '../../../src/sim/cdn/vendor-cdn-server';
import { startLabObjectStore, type LabObjectStore } from '../../../src/sim/storage/lab-object-store';
import { openStore, SqlMediaStore, type Store } from '../../../src/store';
import { createMediaBucket, createS3Client } from '../../../src/upstream/media-bucket-client';
import { createMediaOriginClient, mapOriginUrl } from '../../../src/upstream/media-origin-client';
import { reportSkipped } from '../../support/deploy-tools';
import { nginxUnavailableReason, startMediaNginx, type RunningNginx } from '../../support/nginx-server';

const unavailable = nginxUnavailableReason();
reportSkipped('nginx media CDN check', unavailable);
const maybe = unavailable === undefined ? describe : describe.skip;
const secret = 'nginx-test-token-secret';
const catalog = loadCatalog();
const file = catalog.vodAssets.flatMap((a) => a.files).find((f) => f.cdnUrl.endsWith('.m3u8'))!;
const folder = new URL(file.cdnUrl).pathname.slice(1).replace(/[^/]+$/, '');

let origin: VendorCdnOrigin;
let bucket: LabObjectStore;
let store: Store;
let nginx: RunningNginx;

maybe(`deploy/nginx/media-cdn.conf on real nginx${unavailable === undefined ? '' : ` (skipped: ${unavailable})`}`, () => {
  beforeAll(async () => {
    origin = await startVendorCdnOrigin(catalog);
    bucket = await startLabObjectStore({ bucket: 'media' });
    store = await openStore({ driver: 'pglite' });
    const client = createS3Client(mediaDefaults.storage, bucket.endpoint, 5000);
    const result = await migrateLibrary({ files: [{ fileId: file.vendorId, assetId: 0, manifestUrl: file.cdnUrl }], concurrency: 1, dryRun: false }, {
      origin: createMediaOriginClient({ hosts: { [origin.catalogHost]: origin.url }, timeoutMs: 5000 }),
      bucket: createMediaBucket(client, 'media'), store: new SqlMediaStore(store.sql), limits: mediaDefaults.copy, retry: { attempts: 1, backoffMs: 1 },
    });
    expect(result.verified).toBe(1);
    client.destroy();
    nginx = await startMediaNginx(bucket.endpoint, 'media', secret);
  }, 60_000);
  afterAll(async () => {
    await nginx?.stop();
    await store?.close();
    await bucket?.close();
    await origin?.close();
  });

  const expiry = (): number => Math.floor(Date.now() / 1000) + 600;
  const originBytes = async (name: string): Promise<Buffer> => Buffer.from(await (await fetch(mapOriginUrl(new URL(name, file.cdnUrl).href, { [origin.catalogHost]: origin.url }))).arrayBuffer());

  it('serves the manifest and every object it names under one folder token, byte for byte', async () => {
    const manifestUrl = tokenizedUrl(nginx.url, folder, 'master.m3u8', expiry(), secret);
    const queue = [manifestUrl];
    let fetched = 0;
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      const name = new URL(url).pathname.split('/').pop()!;
      expect(bytes.equals(await originBytes(name))).toBe(true);
      fetched++;
      if (name.endsWith('.m3u8')) {
        const names = listManifestReferences('hls', bytes.toString(), 100);
        if (!names.ok) throw new Error(names.error);
        queue.push(...names.value.map((n) => new URL(n, url).href));
      }
    }
    expect(fetched).toBe(5);
  });

  it('answers 403 for a changed token, an expired one, another folder, and a bare bucket path', async () => {
    const good = tokenizedUrl(nginx.url, folder, 'master.m3u8', expiry(), secret);
    const at = good.indexOf('/t/') + 3;
    expect((await fetch(good.slice(0, at) + (good[at] === 'A' ? 'B' : 'A') + good.slice(at + 1))).status).toBe(403);
    expect((await fetch(tokenizedUrl(nginx.url, folder, 'master.m3u8', Math.floor(Date.now() / 1000) - 5, secret))).status).toBe(403);
    expect((await fetch(tokenizedUrl(nginx.url, folder, 'master.m3u8', expiry(), 'another-secret'))).status).toBe(403);
    const otherFolder = good.replace(folder, folder.replace(/\d+\/$/, '1/'));
    expect((await fetch(otherFolder)).status).toBe(403);
    expect((await fetch(`${nginx.url}/media/${folder}master.m3u8`)).status).toBe(403);
  });

  it('answers 404 for a well-signed name the bucket does not hold', async () => {
    expect((await fetch(tokenizedUrl(nginx.url, folder, 'absent.ts', expiry(), secret))).status).toBe(404);
  });
});
