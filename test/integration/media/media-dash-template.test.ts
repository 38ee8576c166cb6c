/**
 * A DASH file whose MPD uses a SegmentTemplate (docs/media.md "Copy and verify"): the copy expands
 * the template, copies the initialization and every segment it implies from the lab origin, and
 * the bucket then holds exactly the origin's bytes; a template naming segments the origin lacks
 * fails the file with the origin's 404, never `verified`.
 */
import { createHash } from 'node:crypto';
import { loadCatalog } from '../../../src/sim/catalog/load-catalog';
import { buildLabRendition } from '../../../src/sim/cdn/lab-rendition';
import { startVendorCdnOrigin, type VendorCdnOrigin } from '../../../src/sim/cdn/vendor-cdn-server';
import { startLabObjectStore, type LabObjectStore } from '../../../src/sim/storage/lab-object-store';
import { openStore, SqlMediaStore, type Store } from '../../../src/store';
import { createMediaBucket, createS3Client } from '../../../src/upstream/media-bucket-client';
import { createMediaOriginClient } from '../../../src/upstream/media-origin-client';
import { mediaDefaults } from '../../../src/config/media-config';
import { migrateLibrary } from '../../../src/media/migrate-library';
import type { CopyContext } from '../../../src/media/copy-file';

const catalog = loadCatalog();
const dashFiles = catalog.vodAssets.flatMap((a) => a.files.map((f) => ({ fileId: f.vendorId, assetId: a.vendorId, manifestUrl: f.cdnUrl }))).filter((f) => f.manifestUrl.endsWith('.mpd'));
const [templated, missing] = [dashFiles[0]!, dashFiles[1]!];
const template = (media: string): Buffer => Buffer.from(`<?xml version="1.0"?>
<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT12S">
  <Period id="0">
    <AdaptationSet mimeType="video/mp4">
      <SegmentTemplate media="${media}" initialization="init.mp4" startNumber="0" duration="4" timescale="1"/>
      <Representation id="v0" bandwidth="800000" width="640" height="360"/>
    </AdaptationSet>
  </Period>
</MPD>
`);
let origin: VendorCdnOrigin;
let bucketServer: LabObjectStore;
let store: Store;
let ctx: CopyContext;

beforeAll(async () => {
  origin = await startVendorCdnOrigin(catalog);
  origin.setDefect(new URL(templated.manifestUrl).pathname, { kind: 'body', body: template('seg-$Number$.m4s') });
  origin.setDefect(new URL(missing.manifestUrl).pathname, { kind: 'body', body: template('chunk-$Number%05d$.m4s') });
  bucketServer = await startLabObjectStore({ bucket: 'media' });
  store = await openStore({ driver: 'pglite' });
  ctx = {
    origin: createMediaOriginClient({ hosts: { [origin.catalogHost]: origin.url }, timeoutMs: 10_000 }),
    bucket: createMediaBucket(createS3Client(mediaDefaults.storage, bucketServer.endpoint, 10_000), 'media'),
    store: new SqlMediaStore(store.sql), limits: mediaDefaults.copy, retry: { attempts: 2, backoffMs: 5 },
  };
}, 60_000);
afterAll(async () => {
  await store.close();
  await bucketServer.close();
  await origin.close();
});

describe('DASH SegmentTemplate copy', () => {
  it('copies the MPD, the initialization and every templated segment, byte for byte', async () => {
    const result = await migrateLibrary({ files: [templated], concurrency: 1, dryRun: false }, ctx);
    expect(result).toMatchObject({ verified: 1, failed: 0, uploadedObjects: 5 });
    const folder = new URL(templated.manifestUrl).pathname.slice(1).replace(/[^/]*$/, '');
    const lab = buildLabRendition(templated.fileId, 'mpegdash');
    for (const name of ['init.mp4', 'seg-0.m4s', 'seg-1.m4s', 'seg-2.m4s']) {
      const found = await ctx.bucket.digest(folder + name);
      expect(found).toEqual({ ok: true, value: { size: lab.get(name)!.length, sha256: createHash('sha256').update(lab.get(name)!).digest('hex') } });
    }
  });

  it('fails a file whose template names segments the origin lacks', async () => {
    const result = await migrateLibrary({ files: [missing], concurrency: 1, dryRun: false }, ctx);
    expect(result.failed).toBe(1);
    expect(result.failures[0]!.reason).toMatch(/origin chunk-00000\.m4s: origin answered 404/);
  });
});
