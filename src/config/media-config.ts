/** The `media.*` section (docs/media.md "Configuration"): object storage, company CDN, copy limits. */

export interface MediaStorageConfig {
  /** S3-compatible endpoint; absent = the lab object store started in-process. */
  readonly endpoint?: string;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly forcePathStyle: boolean;
}

export interface MediaCdnConfig {
  /** The company CDN devices are sent to; absent = the lab CDN started in-process. */
  readonly baseUrl?: string;
  /** Shared with the CDN (nginx `secure_link_md5`); never logged. */
  readonly tokenSecret: string;
  readonly tokenTtlSeconds: number;
}

export interface MediaCopyConfig {
  readonly concurrency: number;
  /** Objects larger than this are uploaded in parts (multipart upload). */
  readonly multipartThresholdBytes: number;
  /** Size of each part but the last (S3 requires at least 5 MiB). */
  readonly partSizeBytes: number;
  /** A manifest larger than this fails its file (a manifest is read whole to find its segments). */
  readonly maxManifestBytes: number;
  /** A manifest naming more segments than this fails its file. */
  readonly maxSegments: number;
  /** An object larger than this fails its file. */
  readonly maxObjectBytes: number;
  /** Tries per request on 5xx and resets (never on 4xx). */
  readonly attempts: number;
  readonly backoffMs: number;
  readonly timeoutMs: number;
}

export interface MediaConfig {
  /** Media migration and storage playback; default: on when the section is configured at all. */
  readonly enabled?: boolean;
  /** Catalogue CDN host → origin URL the copy fetches from (the lab maps its CDN host to the vendor CDN sim). */
  readonly originHosts?: Readonly<Record<string, string>>;
  readonly storage: MediaStorageConfig;
  readonly cdn: MediaCdnConfig;
  readonly copy: MediaCopyConfig;
  /** How often a running instance re-reads the verified set from the store. */
  readonly refreshMs: number;
}

/** The lab object store's key pair (s3rver's built-in account); refused in production. */
export const labStorageCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
/** The lab CDN token secret; refused in production. */
export const labTokenSecret = 'lab-media-token-secret';

/** Defaults for every `media.*` property not configured. */
export const mediaDefaults: MediaConfig = {
  storage: { bucket: 'media', region: 'us-east-1', ...labStorageCredentials, forcePathStyle: true },
  cdn: { tokenSecret: labTokenSecret, tokenTtlSeconds: 6 * 3600 },
  copy: { concurrency: 4, multipartThresholdBytes: 16 * 1024 * 1024, partSizeBytes: 8 * 1024 * 1024, maxManifestBytes: 1024 * 1024, maxSegments: 20_000, maxObjectBytes: 64 * 1024 * 1024, attempts: 4, backoffMs: 200, timeoutMs: 30_000 },
  refreshMs: 1000,
};

const httpUrl = { type: 'string', pattern: '^https?://[^/?#\\s]+(/[^?#\\s]*)?$' } as const;

/** The ajv schema of the section (every property optional; defaults above). */
export const mediaSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    enabled: { type: 'boolean' },
    originHosts: { type: 'object', maxProperties: 64, additionalProperties: httpUrl },
    storage: {
      type: 'object',
      additionalProperties: false,
      properties: {
        endpoint: httpUrl,
        bucket: { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' },
        region: { type: 'string', minLength: 1 },
        accessKeyId: { type: 'string', minLength: 1 },
        secretAccessKey: { type: 'string', minLength: 1 },
        forcePathStyle: { type: 'boolean' },
      },
    },
    cdn: {
      type: 'object',
      additionalProperties: false,
      properties: {
        baseUrl: httpUrl,
        tokenSecret: { type: 'string', minLength: 8 },
        tokenTtlSeconds: { type: 'integer', minimum: 60, maximum: 7 * 24 * 3600 },
      },
    },
    copy: {
      type: 'object',
      additionalProperties: false,
      properties: {
        concurrency: { type: 'integer', minimum: 1, maximum: 64 },
        multipartThresholdBytes: { type: 'integer', minimum: 5 * 1024 * 1024 },
        partSizeBytes: { type: 'integer', minimum: 5 * 1024 * 1024, maximum: 512 * 1024 * 1024 },
        maxManifestBytes: { type: 'integer', minimum: 1024, maximum: 64 * 1024 * 1024 },
        maxSegments: { type: 'integer', minimum: 1, maximum: 1_000_000 },
        maxObjectBytes: { type: 'integer', minimum: 1024 },
        attempts: { type: 'integer', minimum: 1, maximum: 10 },
        backoffMs: { type: 'integer', minimum: 1, maximum: 60_000 },
        timeoutMs: { type: 'integer', minimum: 100, maximum: 600_000 },
      },
    },
    refreshMs: { type: 'integer', minimum: 50, maximum: 600_000 },
  },
} as const;

type Section<T> = { readonly [K in keyof T]?: T[K] };

/** The configured section as written (every property optional). */
export interface MediaConfigInput {
  readonly enabled?: boolean;
  readonly originHosts?: Readonly<Record<string, string>>;
  readonly storage?: Section<MediaStorageConfig>;
  readonly cdn?: Section<MediaCdnConfig>;
  readonly copy?: Section<MediaCopyConfig>;
  readonly refreshMs?: number;
}

/** Fills defaults into the configured section. */
export function resolveMediaConfig(input: MediaConfigInput | undefined): MediaConfig {
  const given = input ?? {};
  return {
    ...(given.enabled === undefined ? {} : { enabled: given.enabled }),
    ...(given.originHosts === undefined ? {} : { originHosts: given.originHosts }),
    storage: { ...mediaDefaults.storage, ...given.storage },
    cdn: { ...mediaDefaults.cdn, ...given.cdn },
    copy: { ...mediaDefaults.copy, ...given.copy },
    refreshMs: given.refreshMs ?? mediaDefaults.refreshMs,
  };
}

/** On when the configuration has a media section, unless it says `enabled: false`. */
export function isMediaEnabled(config: { readonly media?: MediaConfigInput }): boolean {
  return config.media?.enabled ?? config.media !== undefined;
}
