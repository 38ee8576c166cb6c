/**
 * Media bench (bench/README.md "Media"): in one run, on one machine,
 * A. copy throughput of `media migrate` (copy + read-back verification + state per object) against a
 *    bare AWS SDK copy loop (GET from the origin, PutObject, nothing else), same files, same
 *    concurrency, each into a fresh bucket of the same s3rver, taking turns;
 * B. CPU per `asset.getPlaybackContext` with a media rule (default storage) against without, for a
 *    call passed through to the vendor and one answered by the platform, taking turns in slices.
 * Usage: node dist/bench/media-bench.js [assets=60] [calls-per-slice=200] [rounds=3]
 */
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { loadConfig } from '../src/config/load-config';
import { mediaDefaults } from '../src/config/media-config';
import { listManifestReferences, manifestKindOf } from '../src/media/manifest-references';
import { migrateLibrary, runPool } from '../src/media/migrate-library';
import type { InventoryFile } from '../src/media/media-ports';
import { startUnderstudy, type RunningUnderstudy } from '../src/main';
import { loadCatalog } from '../src/sim/catalog/load-catalog';
import { startVendorCdnOrigin, type VendorCdnOrigin } from '../src/sim/cdn/vendor-cdn-server';
import { startLabObjectStore } from '../src/sim/storage/lab-object-store';
import { openStore, SqlMediaStore } from '../src/store';
import { createMediaBucket, createS3Client } from '../src/upstream/media-bucket-client';
import { createMediaOriginClient } from '../src/upstream/media-origin-client';

const [assetCount = 60, callsPerSlice = 200, rounds = 3] = process.argv.slice(2).map(Number);
const catalog = loadCatalog();

/** The bare loop: every object fetched and put, no HEAD, no read-back, no state. */
async function copyBare(files: readonly InventoryFile[], origin: VendorCdnOrigin, bucket: string, endpoint: string): Promise<number> {
  const client = createS3Client(mediaDefaults.storage, endpoint, 30_000);
  const read = createMediaOriginClient({ hosts: { [origin.catalogHost]: origin.url }, timeoutMs: 30_000 });
  let bytes = 0;
  await runPool(files, 4, async (file) => {
    const queue = [new URL(file.manifestUrl).pathname.split('/').pop()!];
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const got = await read.read(new URL(name, file.manifestUrl).href, 64 * 1024 * 1024);
      if (!got.ok) throw new Error(got.failure.reason);
      const key = new URL(name, file.manifestUrl).pathname.slice(1);
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: got.value }));
      bytes += got.value.length;
      const kind = manifestKindOf(name);
      if (kind !== 'progressive') {
        const names = listManifestReferences(kind, got.value.toString(), 100_000);
        if (names.ok) queue.push(...names.value);
      }
    }
  });
  client.destroy();
  return bytes;
}

async function copyThroughput(): Promise<void> {
  const files = catalog.vodAssets.slice(0, assetCount).flatMap((a) => a.files.map((f) => ({ fileId: f.vendorId, assetId: a.vendorId, manifestUrl: f.cdnUrl })));
  const origin = await startVendorCdnOrigin(catalog);
  const s3 = await startLabObjectStore({ bucket: 'media' });
  const admin = createS3Client(mediaDefaults.storage, s3.endpoint, 30_000);
  const rows: { target: string; seconds: number; bytes: number }[] = [];
  for (let round = 0; round < 2; round++) {
    const bareBucket = `bare-${round}`;
    await admin.send(new CreateBucketCommand({ Bucket: bareBucket }));
    let started = performance.now();
    const bareBytes = await copyBare(files, origin, bareBucket, s3.endpoint);
    rows.push({ target: 'bare AWS SDK loop (GET + PutObject)', seconds: (performance.now() - started) / 1000, bytes: bareBytes });
    const bucket = `migrate-${round}`;
    await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    const store = await openStore({ driver: 'pglite' });
    const client = createS3Client(mediaDefaults.storage, s3.endpoint, 30_000);
    started = performance.now();
    const result = await migrateLibrary({ files, concurrency: 4, dryRun: false }, {
      origin: createMediaOriginClient({ hosts: { [origin.catalogHost]: origin.url }, timeoutMs: 30_000 }),
      bucket: createMediaBucket(client, bucket), store: new SqlMediaStore(store.sql), limits: mediaDefaults.copy, retry: mediaDefaults.copy,
    });
    rows.push({ target: 'understudy media migrate (copy + verify + state)', seconds: (performance.now() - started) / 1000, bytes: result.uploadedBytes });
    if (result.failed > 0) throw new Error(`${result.failed} files failed`);
    client.destroy();
    await store.close();
  }
  admin.destroy();
  await s3.close();
  await origin.close();
  console.log(`\nA. copy throughput, ${files.length} files (${assetCount} assets), concurrency 4, two rounds each, alternating`);
  console.log('| target | seconds | MB | MB/s | files/s |\n|---|---:|---:|---:|---:|');
  for (const row of rows) console.log(`| ${row.target} | ${row.seconds.toFixed(2)} | ${(row.bytes / 1e6).toFixed(2)} | ${(row.bytes / 1e6 / row.seconds).toFixed(2)} | ${(files.length / row.seconds).toFixed(1)} |`);
}

async function playbackCall(facade: RunningUnderstudy, ks: string): Promise<void> {
  const res = await fetch(`${facade.url}/api_v3/service/asset/action/getPlaybackContext`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiVersion: '7.8.1', assetId: '480001', assetType: 'media', contextDataParams: { objectType: 'KalturaPlaybackContextOptions', context: 'PLAYBACK', urlType: 'DIRECT' }, ks }),
  });
  const text = await res.text();
  if (!text.includes('KalturaPlaybackContext')) throw new Error(`unexpected answer: ${text.slice(0, 200)}`);
}

async function playbackCpu(): Promise<void> {
  const loaded = loadConfig({ env: {}, overrides: { server: { port: 0, adminPort: 0 }, lab: { vendorSimPort: 0, platformSimPort: 0 }, log: { level: 'silent', access: false }, edge: { rateLimits: { enabled: false } }, sync: { mode: 'off' }, media: { enabled: true } } });
  if (!loaded.ok) throw new Error(loaded.error.join('; '));
  const facade = await startUnderstudy(loaded.value);
  const runtime = facade.media!.runtime;
  await migrateLibrary({ files: runtime.inventory([480001]), concurrency: 2, dryRun: false }, runtime.copyContext());
  await facade.media!.refresh();
  const login = await fetch(`${facade.url}/api_v3/service/ottuser/action/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ partnerId: 3197, username: 'demo1', password: 'demo1-pass' }) });
  const ks = ((await login.json()) as { result: { loginSession: { ks: string } } }).result.loginSession.ks;
  const targets = [
    { name: 'passthrough, no media section', doc: {} },
    { name: 'passthrough, media default storage', doc: { media: { default: 'storage' } } },
    { name: 'platform, no media section', doc: { defaultTarget: 'platform' } },
    { name: 'platform, media default storage', doc: { defaultTarget: 'platform', media: { default: 'storage' } } },
  ];
  const cpu = targets.map(() => 0);
  const wall = targets.map(() => 0);
  for (let round = 0; round <= rounds; round++) {
    for (const [i, target] of targets.entries()) {
      const applied = facade.routing.policy.replace({ salt: 'bench', ...target.doc }, 'bench');
      if (!applied.ok) throw new Error(applied.error.join('; '));
      const before = process.cpuUsage();
      const started = performance.now();
      for (let n = 0; n < callsPerSlice; n++) await playbackCall(facade, ks);
      const used = process.cpuUsage(before);
      if (round === 0) continue; // warm-up
      cpu[i]! += used.user + used.system;
      wall[i]! += performance.now() - started;
    }
  }
  await facade.close();
  const calls = callsPerSlice * rounds;
  console.log(`\nB. CPU per getPlaybackContext (whole lab process: client, facade, sims), ${calls} calls per target in ${rounds} alternating slices after a warm-up`);
  console.log('| target | CPU µs/call | ratio to its no-media row | mean ms/call |\n|---|---:|---:|---:|');
  for (const [i, target] of targets.entries()) {
    const base = cpu[i - (i % 2)]! / calls;
    console.log(`| ${target.name} | ${(cpu[i]! / calls).toFixed(0)} | ${(cpu[i]! / calls / base).toFixed(2)} | ${(wall[i]! / calls).toFixed(2)} |`);
  }
}

async function main(): Promise<void> {
  await copyThroughput();
  await playbackCpu();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
