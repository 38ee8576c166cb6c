/**
 * The lab's object store (issue 18): s3rver from npm on 127.0.0.1, one bucket, files in a directory.
 * It checks the access key id but not SigV4 signatures, so it is never what refuses a forged device
 * URL: the CDN does that (docs/media.md "Tokens").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface LabObjectStore {
  /** `http://127.0.0.1:<port>`, the S3 endpoint. */
  readonly endpoint: string;
  readonly bucket: string;
  close(): Promise<void>;
}

export interface LabObjectStoreOptions {
  readonly bucket: string;
  readonly port?: number;
  /** Keeps objects here across runs; absent = a temporary directory removed on close. */
  readonly directory?: string;
  /** Creates no bucket (tests of a missing bucket). */
  readonly withoutBucket?: boolean;
}

/** Starts s3rver with the bucket configured. */
export async function startLabObjectStore(options: LabObjectStoreOptions): Promise<LabObjectStore> {
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'understudy-lab-storage-'));
  const server = new S3rver({ address: '127.0.0.1', port: options.port ?? 0, silent: true, directory, configureBuckets: options.withoutBucket === true ? [] : [{ name: options.bucket }] });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket: options.bucket,
    close: async () => {
      await server.close();
      if (options.directory === undefined) rmSync(directory, { recursive: true, force: true });
    },
  };
}
