/**
 * `understudy media verify` (issue 18): re-reads every object of every verified file from the bucket
 * and checks it against the SHA-256 recorded at copy time. A missing or corrupt object sends its file
 * back to `failed` (and its objects are forgotten, so the next migrate checks each again); playback
 * then leaves the file on the vendor's CDN at the next refresh of the verified set.
 */
import type { MediaBucket, MediaStateStore } from './media-ports';
import { runPool } from './migrate-library';
import { retryTransfer, type RetryPolicy } from './retry-transfer';

export interface VerifyResult {
  readonly checked: number;
  readonly stillVerified: number;
  readonly failed: readonly { readonly fileId: number; readonly reason: string }[];
}

async function checkFile(fileId: number, store: MediaStateStore, bucket: MediaBucket, retry: RetryPolicy): Promise<string | undefined> {
  const objects = await store.objectsOf(fileId);
  if (objects.length === 0) return 'no objects recorded for a verified file';
  for (const object of objects) {
    const found = await retryTransfer(retry, () => bucket.digest(object.key));
    if (!found.ok) return `verify ${object.key}: ${found.failure.reason}`;
    if (found.value === undefined) return `verify ${object.key}: missing from the bucket`;
    if (found.value.size !== object.size || found.value.sha256 !== object.sha256) return `verify ${object.key}: bucket bytes differ from the copy`;
  }
  return undefined;
}

/** Checks every verified file (or those listed); returns what changed. */
export async function verifyLibrary(store: MediaStateStore, bucket: MediaBucket, options: { readonly concurrency: number; readonly retry: RetryPolicy; readonly fileIds?: readonly number[] }): Promise<VerifyResult> {
  const files = (await store.listFiles(options.fileIds)).filter((f) => f.state === 'verified');
  const failed: { fileId: number; reason: string }[] = [];
  await runPool(files, options.concurrency, async (file) => {
    const reason = await checkFile(file.fileId, store, bucket, options.retry);
    if (reason === undefined) return;
    await store.forgetObjects(file.fileId);
    await store.setState(file.fileId, 'failed', { reason });
    failed.push({ fileId: file.fileId, reason });
  });
  return { checked: files.length, stillVerified: files.length - failed.length, failed: failed.sort((a, b) => a.fileId - b.fileId) };
}
