/**
 * The bucket through the AWS SDK v3 S3 client (docs/media.md): HEAD for size and the recorded
 * SHA-256 (`x-amz-meta-sha256`), PUT (or a multipart upload above a size) with that metadata, and a streamed read-back that hashes
 * without holding the object. SDK errors become per-file reasons: 4xx never retried, 5xx and resets
 * retried by the caller. Request checksums are only sent when required: an S3-compatible store need
 * not understand the SDK's aws-chunked trailers.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { MediaStorageConfig } from '../config/media-config';
import type { Digest, MediaBucket, Transfer } from '../media/media-ports';
import { uploadInParts, type MultipartPolicy } from './media-multipart-upload';

interface SdkError {
  readonly name?: string;
  readonly message?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

function describe(error: unknown, key: string): Transfer<never> {
  const e = (error ?? {}) as SdkError;
  const status = e.$metadata?.httpStatusCode;
  const name = e.name ?? 'Error';
  if (name === 'NoSuchBucket') return { ok: false, failure: { reason: `bucket does not exist (NoSuchBucket) for ${key}`, retryable: false } };
  if (status === 403 || name === 'InvalidAccessKeyId' || name === 'SignatureDoesNotMatch') return { ok: false, failure: { reason: `storage refused the credentials (${name})`, retryable: false } };
  const retryable = status === undefined || status >= 500;
  return { ok: false, failure: { reason: `storage ${status ?? 'connection'} ${name} for ${key}`, retryable } };
}

function isMissing(error: unknown): boolean {
  const e = (error ?? {}) as SdkError;
  return e.name === 'NotFound' || e.name === 'NoSuchKey';
}

/** Creates the S3 client for the configured storage. */
export function createS3Client(storage: MediaStorageConfig, endpoint: string, timeoutMs: number): S3Client {
  return new S3Client({
    endpoint,
    region: storage.region,
    forcePathStyle: storage.forcePathStyle,
    credentials: { accessKeyId: storage.accessKeyId, secretAccessKey: storage.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
    requestHandler: { requestTimeout: timeoutMs, connectionTimeout: timeoutMs },
  });
}

async function hashStream(body: Readable): Promise<Digest> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of body) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

/** The bucket port over one S3 client; objects above the multipart threshold go up in parts. */
export function createMediaBucket(client: S3Client, bucket: string, multipart?: MultipartPolicy): MediaBucket {
  return {
    async head(key) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { ok: true, value: { size: head.ContentLength ?? -1, sha256: head.Metadata?.sha256 ?? '' } };
      } catch (error) {
        // HEAD has no body: a missing bucket answers a bare 404 too, so the PUT that follows names it.
        return isMissing(error) ? { ok: true, value: undefined } : describe(error, key);
      }
    },
    async put(key, body, sha256) {
      try {
        if (multipart !== undefined && body.length > multipart.thresholdBytes) await uploadInParts(client, bucket, key, body, sha256, multipart.partSizeBytes);
        else await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentLength: body.length, Metadata: { sha256 } }));
        return { ok: true, value: undefined };
      } catch (error) {
        return describe(error, key);
      }
    },
    async digest(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return { ok: true, value: await hashStream(answer.Body as Readable) };
      } catch (error) {
        return isMissing(error) ? { ok: true, value: undefined } : describe(error, key);
      }
    },
  };
}
