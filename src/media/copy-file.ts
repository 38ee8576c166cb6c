/**
 * Copies one file into the bucket (issue 18 "Copy and verify", docs/media.md): its manifest and every
 * object the manifest names (nested HLS playlists included), then reads each object back and checks
 * size and SHA-256 against the origin before recording it. Resumable: an object recorded and still in
 * the bucket is neither fetched nor uploaded again; one found in the bucket with the origin's SHA-256
 * (uploaded by a run killed before it recorded it) is not uploaded again.
 */
import { createHash } from 'node:crypto';
import { listManifestReferences, manifestKindOf } from './manifest-references';
import type { Digest, MediaBucket, MediaFileRecord, MediaOrigin, MediaStateStore, StoredObject, Transfer } from './media-ports';
import { retryTransfer, type RetryPolicy } from './retry-transfer';

export interface CopyLimits {
  readonly maxManifestBytes: number;
  readonly maxSegments: number;
  readonly maxObjectBytes: number;
}

export interface CopyContext {
  readonly origin: MediaOrigin;
  readonly bucket: MediaBucket;
  readonly store: MediaStateStore;
  readonly limits: CopyLimits;
  readonly retry: RetryPolicy;
  /** Told about every byte uploaded (progress, metrics). */
  readonly onUploaded?: (bytes: number) => void;
}

/** What copying one file did. */
export interface FileCopyOutcome {
  readonly fileId: number;
  readonly state: 'verified' | 'failed';
  readonly reason?: string;
  readonly uploadedBytes: number;
  readonly uploadedObjects: number;
  readonly keptObjects: number;
}

class CopyFailure extends Error {}

function unwrap<T>(outcome: Transfer<T>, what: string): T {
  if (!outcome.ok) throw new CopyFailure(`${what}: ${outcome.failure.reason}`);
  return outcome.value;
}

function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

interface FileJob {
  readonly file: MediaFileRecord;
  readonly folderUrl: string;
  readonly folderKey: string;
  readonly recorded: Map<string, StoredObject>;
  readonly pending: Map<string, Digest>;
  uploadedBytes: number;
  uploadedObjects: number;
  keptObjects: number;
}

/** Phase 1 for one object: upload unless the bucket already holds exactly these bytes. */
async function placeObject(job: FileJob, name: string, ctx: CopyContext, known?: Buffer): Promise<void> {
  const key = job.folderKey + name;
  const recorded = job.recorded.get(key);
  const head = unwrap(await retryTransfer(ctx.retry, () => ctx.bucket.head(key)), `bucket ${key}`);
  if (recorded !== undefined && head?.size === recorded.size && head.sha256 === recorded.sha256) {
    job.keptObjects++;
    return;
  }
  const bytes = known ?? unwrap(await retryTransfer(ctx.retry, () => ctx.origin.read(job.folderUrl + name, ctx.limits.maxObjectBytes)), `origin ${name}`);
  const digest = { size: bytes.length, sha256: sha256Of(bytes) };
  job.pending.set(key, digest);
  if (head?.size === digest.size && head.sha256 === digest.sha256) {
    job.keptObjects++;
    return;
  }
  unwrap(await retryTransfer(ctx.retry, () => ctx.bucket.put(key, bytes, digest.sha256)), `upload ${key}`);
  job.uploadedBytes += bytes.length;
  job.uploadedObjects++;
  ctx.onUploaded?.(bytes.length);
}

/** Reads a manifest, places it, and returns the names it refers to. */
async function placeManifest(job: FileJob, name: string, ctx: CopyContext): Promise<string[]> {
  const bytes = unwrap(await retryTransfer(ctx.retry, () => ctx.origin.read(job.folderUrl + name, ctx.limits.maxManifestBytes)), `origin ${name}`);
  const names = listManifestReferences(manifestKindOf(name), bytes.toString('utf8'), ctx.limits.maxSegments);
  if (!names.ok) throw new CopyFailure(`${name}: ${names.error}`);
  await placeObject(job, name, ctx, bytes);
  return names.value;
}

/** Walks the manifest tree (bounded by `maxSegments` names in all) placing every object. */
async function placeAll(job: FileJob, manifestName: string, ctx: CopyContext): Promise<void> {
  const seen = new Set<string>([manifestName]);
  const queue = [manifestName];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (manifestKindOf(name) === 'progressive') {
      await placeObject(job, name, ctx);
      continue;
    }
    for (const next of await placeManifest(job, name, ctx)) {
      if (seen.has(next)) continue;
      seen.add(next);
      if (seen.size > ctx.limits.maxSegments) throw new CopyFailure(`manifests name more than ${ctx.limits.maxSegments} objects`);
      queue.push(next);
    }
  }
}

/** Phase 2: reads back every object placed by this run and checks it against the origin's digest. */
async function verifyPlaced(job: FileJob, ctx: CopyContext): Promise<void> {
  for (const [key, expected] of job.pending) {
    const found = unwrap(await retryTransfer(ctx.retry, () => ctx.bucket.digest(key)), `verify ${key}`);
    if (found === undefined) throw new CopyFailure(`verify ${key}: missing from the bucket after upload`);
    if (found.size !== expected.size || found.sha256 !== expected.sha256) throw new CopyFailure(`verify ${key}: bucket bytes differ from the origin`);
    await ctx.store.recordObject(job.file.fileId, { key, ...expected });
  }
}

/** Copies and verifies one file; every failure is the file's, returned with its reason. */
export async function copyFile(file: MediaFileRecord, ctx: CopyContext): Promise<FileCopyOutcome> {
  const url = new URL(file.manifestUrl);
  const slash = url.pathname.lastIndexOf('/');
  const recorded = new Map((await ctx.store.objectsOf(file.fileId)).map((o) => [o.key, o]));
  const job: FileJob = { file, folderUrl: new URL('.', url).href, folderKey: url.pathname.slice(1, slash + 1), recorded, pending: new Map(), uploadedBytes: 0, uploadedObjects: 0, keptObjects: 0 };
  try {
    await placeAll(job, url.pathname.slice(slash + 1), ctx);
    await ctx.store.setState(file.fileId, 'copied');
    await verifyPlaced(job, ctx);
    const objects = await ctx.store.objectsOf(file.fileId);
    await ctx.store.setState(file.fileId, 'verified', { bytes: objects.reduce((sum, o) => sum + o.size, 0), objects: objects.length });
    return { fileId: file.fileId, state: 'verified', uploadedBytes: job.uploadedBytes, uploadedObjects: job.uploadedObjects, keptObjects: job.keptObjects };
  } catch (error) {
    if (!(error instanceof CopyFailure)) throw error;
    await ctx.store.setState(file.fileId, 'failed', { reason: error.message });
    return { fileId: file.fileId, state: 'failed', reason: error.message, uploadedBytes: job.uploadedBytes, uploadedObjects: job.uploadedObjects, keptObjects: job.keptObjects };
  }
}
