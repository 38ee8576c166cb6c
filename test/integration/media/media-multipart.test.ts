/**
 * Multipart upload above `media.copy.multipartThresholdBytes` (docs/media.md "Copy and verify"),
 * against s3rver (which implements CreateMultipartUpload, UploadPart and CompleteMultipartUpload,
 * not AbortMultipartUpload): an 11 MiB object goes up in three parts and is verified; a second run
 * uploads nothing; a run that lost its record of the object (killed after the upload completed)
 * finds it by HEAD and its SHA-256 metadata and does not upload it again; a part the bucket fails
 * is retried with a new upload and the file still ends verified. A proxy in front of s3rver logs
 * every request.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { loadCatalog } from '../../../src/sim/catalog/load-catalog';
import { deriveBytes } from '../../../src/sim/cdn/lab-rendition';
import { startVendorCdnOrigin, type VendorCdnOrigin } from '../../../src/sim/cdn/vendor-cdn-server';
import { startLabObjectStore, type LabObjectStore } from '../../../src/sim/storage/lab-object-store';
import { openStore, SqlMediaStore, type Store } from '../../../src/store';
import { createMediaBucket, createS3Client } from '../../../src/upstream/media-bucket-client';
import { createMediaOriginClient } from '../../../src/upstream/media-origin-client';
import { mediaDefaults } from '../../../src/config/media-config';
import { migrateLibrary } from '../../../src/media/migrate-library';
import type { CopyContext } from '../../../src/media/copy-file';
import type { InventoryFile } from '../../../src/media/media-ports';

const catalog = loadCatalog();
const progressive = catalog.vodAssets.flatMap((a) => a.files.map((f) => ({ fileId: f.vendorId, assetId: a.vendorId, manifestUrl: f.cdnUrl }))).find((f) => f.manifestUrl.endsWith('.mp4'))!;
const files: InventoryFile[] = [progressive];
const bigKey = new URL(progressive.manifestUrl).pathname.slice(1);
const big = deriveBytes(progressive.fileId, 'big', 11 * 1024 * 1024);
const mib = 1024 * 1024;
let origin: VendorCdnOrigin;
let bucketServer: LabObjectStore;
let proxy: Server;
let store: Store;
const log: string[] = [];
let failNextPart = false;

/** Forwards to s3rver, logging `METHOD path?query status`; can fail one part upload with a 500. */
function startLoggingProxy(target: string): Promise<Server> {
  const to = new URL(target);
  const server = createServer((req, res) => {
    if (failNextPart && req.method === 'PUT' && (req.url ?? '').includes('partNumber=2')) {
      failNextPart = false;
      log.push(`${req.method} ${req.url} 500`);
      req.resume();
      return void res.writeHead(500, { 'content-type': 'application/xml' }).end('<Error><Code>InternalError</Code><Message>injected</Message></Error>');
    }
    const upstream = request({ hostname: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      log.push(`${req.method} ${req.url} ${answer.statusCode}`);
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function context(): CopyContext {
  const client = createS3Client(mediaDefaults.storage, `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, 30_000);
  return {
    origin: createMediaOriginClient({ hosts: { [origin.catalogHost]: origin.url }, timeoutMs: 30_000 }),
    bucket: createMediaBucket(client, 'media', { thresholdBytes: 5 * mib, partSizeBytes: 5 * mib }),
    store: new SqlMediaStore(store.sql),
    limits: mediaDefaults.copy,
    retry: { attempts: 3, backoffMs: 5 },
  };
}

const requestsTo = (key: string, pattern: RegExp): string[] => log.filter((line) => line.includes(`/media/${key}`) && pattern.test(line));

beforeAll(async () => {
  origin = await startVendorCdnOrigin(catalog);
  origin.setDefect(`/${bigKey}`, { kind: 'body', body: big });
  bucketServer = await startLabObjectStore({ bucket: 'media' });
  proxy = await startLoggingProxy(bucketServer.endpoint);
  store = await openStore({ driver: 'pglite' });
}, 60_000);
afterAll(async () => {
  await store.close();
  await new Promise((resolve) => proxy.close(resolve));
  await bucketServer.close();
  await origin.close();
});

describe('multipart upload above the threshold', () => {
  it('uploads an 11 MiB object in three parts with its SHA-256 and verifies it', async () => {
    const result = await migrateLibrary({ files, concurrency: 1, dryRun: false }, context());
    expect(result).toMatchObject({ verified: 1, failed: 0, uploadedObjects: 1, uploadedBytes: big.length });
    expect(requestsTo(bigKey, /^POST .*\?uploads.* 200$/)).toHaveLength(1);
    expect(requestsTo(bigKey, /^PUT .*partNumber=\d.* 200$/)).toHaveLength(3);
    expect(requestsTo(bigKey, /^POST .*\?uploadId=.* 200$/)).toHaveLength(1);
    expect(requestsTo(bigKey, /^PUT \/media\/[^?]* /)).toEqual([]);
    const recorded = await new SqlMediaStore(store.sql).objectsOf(progressive.fileId);
    expect(recorded).toEqual([{ key: bigKey, size: big.length, sha256: createHash('sha256').update(big).digest('hex') }]);
  }, 120_000);

  it('uploads nothing on a second run, nor after losing its record of the completed upload', async () => {
    const before = log.length;
    const again = await migrateLibrary({ files, concurrency: 1, dryRun: false }, context());
    expect(again).toMatchObject({ alreadyVerified: 1, uploadedBytes: 0, uploadedObjects: 0 });
    const mediaStore = new SqlMediaStore(store.sql);
    await mediaStore.forgetObjects(progressive.fileId);
    await mediaStore.setState(progressive.fileId, 'copied');
    const resumed = await migrateLibrary({ files, concurrency: 1, dryRun: false }, context());
    expect(resumed).toMatchObject({ verified: 1, uploadedBytes: 0, uploadedObjects: 0, keptObjects: 1 });
    expect(log.slice(before).filter((line) => /^(PUT|POST) /.test(line))).toEqual([]);
  }, 120_000);

  it('starts a new upload when the bucket fails a part, and ends verified', async () => {
    const mediaStore = new SqlMediaStore(store.sql);
    await mediaStore.forgetObjects(progressive.fileId);
    await mediaStore.setState(progressive.fileId, 'pending');
    origin.setDefect(`/${bigKey}`, { kind: 'body', body: Buffer.concat([big, Buffer.from('changed')]) });
    const before = log.length;
    failNextPart = true;
    const result = await migrateLibrary({ files, concurrency: 1, dryRun: false }, context());
    expect(result).toMatchObject({ verified: 1, failed: 0, uploadedObjects: 1 });
    const lines = log.slice(before);
    expect(lines.filter((line) => /^PUT .*partNumber=2.* 500$/.test(line))).toHaveLength(1);
    expect(lines.filter((line) => /^POST .*\?uploads.* 200$/.test(line))).toHaveLength(2);
    expect(lines.filter((line) => /^DELETE .*uploadId=/.test(line))).toHaveLength(1);
    expect(lines.filter((line) => /^POST .*\?uploadId=.* 200$/.test(line))).toHaveLength(1);
  }, 120_000);
});
