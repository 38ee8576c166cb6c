/**
 * Multipart upload of one object (docs/media.md "Copy and verify"): objects above
 * `media.copy.multipartThresholdBytes` go up in parts of `partSizeBytes` (S3 requires ≥ 5 MiB but
 * the last), sequentially, with the same `x-amz-meta-sha256` a whole upload carries, so a completed
 * one is found by the next run's HEAD exactly like a whole object. A failure aborts the upload (best
 * effort: s3rver answers 405 to an abort) and the caller's retry starts a new one; parts of an upload
 * a killed run left unfinished are not reused.
 */
import { AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateMultipartUploadCommand, UploadPartCommand, type S3Client } from '@aws-sdk/client-s3';

/** When and how objects are split. */
export interface MultipartPolicy {
  readonly thresholdBytes: number;
  readonly partSizeBytes: number;
}

async function sendParts(client: S3Client, target: { Bucket: string; Key: string; UploadId: string }, body: Buffer, partSize: number): Promise<{ PartNumber: number; ETag: string }[]> {
  const parts: { PartNumber: number; ETag: string }[] = [];
  for (let offset = 0, number = 1; offset < body.length; offset += partSize, number++) {
    const chunk = body.subarray(offset, offset + partSize);
    const answer = await client.send(new UploadPartCommand({ ...target, PartNumber: number, Body: chunk, ContentLength: chunk.length }));
    parts.push({ PartNumber: number, ETag: answer.ETag ?? '' });
  }
  return parts;
}

/** Uploads `body` in parts; throws the SDK's error after aborting the upload. */
export async function uploadInParts(client: S3Client, bucket: string, key: string, body: Buffer, sha256: string, partSizeBytes: number): Promise<void> {
  const created = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, Metadata: { sha256 } }));
  const target = { Bucket: bucket, Key: key, UploadId: created.UploadId ?? '' };
  try {
    const parts = await sendParts(client, target, body, partSizeBytes);
    await client.send(new CompleteMultipartUploadCommand({ ...target, MultipartUpload: { Parts: parts } }));
  } catch (error) {
    await client.send(new AbortMultipartUploadCommand(target)).catch(() => undefined);
    throw error;
  }
}
