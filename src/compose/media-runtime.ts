/**
 * What the media copy and playback need, built from configuration (docs/media.md): the origin
 * reader with the catalogue host mapping, the bucket (the configured endpoint, or the lab object
 * store started here), the company CDN base (configured, or the lab CDN started here), the state
 * store and the inventory from the catalogue export.
 */
import { loadCatalog } from '../sim/catalog/load-catalog';
import type { UnderstudyConfig } from '../config/config-types';
import { resolveMediaConfig, type MediaConfig } from '../config/media-config';
import type { CopyContext } from '../media/copy-file';
import type { InventoryFile, MediaBucket, MediaOrigin } from '../media/media-ports';
import { SqlMediaStore, type Store } from '../store';
import { startCompanyCdn } from '../sim/cdn/company-cdn-server';
import type { VendorCdnOrigin } from '../sim/cdn/vendor-cdn-server';
import { startLabObjectStore } from '../sim/storage/lab-object-store';
import { createMediaBucket, createS3Client } from '../upstream/media-bucket-client';
import { createMediaOriginClient } from '../upstream/media-origin-client';

export interface MediaRuntime {
  readonly media: MediaConfig;
  readonly origin: MediaOrigin;
  readonly bucket: MediaBucket;
  readonly store: SqlMediaStore;
  readonly bucketEndpoint: string;
  readonly cdnBaseUrl: string;
  readonly originHosts: Readonly<Record<string, string>>;
  readonly banner: readonly string[];
  copyContext(onUploaded?: (bytes: number) => void): CopyContext;
  /** VOD files of the catalogue export, optionally only those of the given assets. */
  inventory(assetIds?: readonly number[]): InventoryFile[];
  close(): Promise<void>;
}

/** Builds the runtime; starts the lab object store and CDN for what is not configured. */
export async function openMediaRuntime(config: UnderstudyConfig, store: Store, vendorCdn: VendorCdnOrigin | undefined, options: { readonly labCdn: boolean } = { labCdn: true }): Promise<MediaRuntime> {
  const media = resolveMediaConfig(config.media);
  const closers: (() => Promise<void>)[] = [];
  const banner: string[] = [];
  const originHosts = media.originHosts ?? (vendorCdn === undefined ? {} : { [vendorCdn.catalogHost]: vendorCdn.url });
  if (vendorCdn !== undefined) banner.push(`vendor CDN: https://${vendorCdn.catalogHost} → ${vendorCdn.url} (lab origin)`);
  let endpoint = media.storage.endpoint;
  if (endpoint === undefined) {
    const lab = await startLabObjectStore({ bucket: media.storage.bucket });
    closers.push(() => lab.close());
    endpoint = lab.endpoint;
  }
  let cdnBaseUrl = media.cdn.baseUrl ?? '';
  if (media.cdn.baseUrl === undefined && options.labCdn) {
    const cdn = await startCompanyCdn({ bucketUrl: `${endpoint}/${media.storage.bucket}`, tokenSecret: media.cdn.tokenSecret });
    closers.push(() => cdn.close());
    cdnBaseUrl = cdn.url;
  }
  banner.push(`media:    bucket ${endpoint}/${media.storage.bucket}${media.storage.endpoint === undefined ? ' (lab s3rver)' : ''}; company CDN ${cdnBaseUrl}${media.cdn.baseUrl === undefined ? ' (lab, in-process)' : ''}`);
  const client = createS3Client(media.storage, endpoint, media.copy.timeoutMs);
  closers.push(() => Promise.resolve(client.destroy()));
  const origin = createMediaOriginClient({ hosts: originHosts, timeoutMs: media.copy.timeoutMs });
  const bucket = createMediaBucket(client, media.storage.bucket, { thresholdBytes: media.copy.multipartThresholdBytes, partSizeBytes: media.copy.partSizeBytes });
  const mediaStore = new SqlMediaStore(store.sql);
  return {
    media, origin, bucket, store: mediaStore, bucketEndpoint: endpoint, cdnBaseUrl, originHosts, banner,
    copyContext: (onUploaded) => ({ origin, bucket, store: mediaStore, limits: media.copy, retry: media.copy, ...(onUploaded === undefined ? {} : { onUploaded }) }),
    inventory: (assetIds) => {
      const wanted = assetIds === undefined ? undefined : new Set(assetIds);
      return loadCatalog(config.lab.catalogDir).vodAssets
        .filter((a) => wanted === undefined || wanted.has(a.vendorId))
        .flatMap((a) => a.files.map((f) => ({ fileId: f.vendorId, assetId: a.vendorId, manifestUrl: f.cdnUrl })));
    },
    close: async () => {
      for (const close of closers.reverse()) await close();
    },
  };
}
