import { applyOtelEnvironment } from './tracing-config';

/** The environment variables understudy reads, and where each lands in the configuration. */
export const configEnvironmentVariables = {
  HOST: 'server.host',
  PORT: 'server.port',
  ADMIN_PORT: 'server.adminPort',
  UNDERSTUDY_VENDOR_URL: 'vendor.url',
  UNDERSTUDY_PARTNER_ID: 'vendor.partnerId',
  UNDERSTUDY_PARTNER_SECRET: 'vendor.partnerSecret',
  UNDERSTUDY_VENDOR_SERVER_VERSION: 'vendor.serverVersion',
  UNDERSTUDY_PLATFORM_URL: 'platform.url',
  UNDERSTUDY_PLATFORM_CLIENT_SECRET: 'platform.clientSecret',
  UNDERSTUDY_CATALOG_DIR: 'lab.catalogDir',
  UNDERSTUDY_STORE_URL: 'store.url',
  UNDERSTUDY_STORE_DIR: 'store.dataDir',
  UNDERSTUDY_PGLITE_IMAGE: 'lab.pgliteImage',
  UNDERSTUDY_CLOCK: 'clock',
  UNDERSTUDY_POLICY_FILE: 'policy.file',
  UNDERSTUDY_ADMIN_TOKEN: 'admin.token',
  LOG_LEVEL: 'log.level',
  ADMIN_HOST: 'server.adminHost',
  UNDERSTUDY_LAB_IN_PRODUCTION: 'safety.labInProduction',
  UNDERSTUDY_DRAIN_DELAY_MS: 'server.drainDelayMs',
  UNDERSTUDY_DRAIN_GRACE_MS: 'server.drainGraceMs',
  UNDERSTUDY_PUBLIC_BASE_URL: 'server.publicBaseUrl',
  UNDERSTUDY_MAX_CONNECTIONS: 'edge.maxConnections',
  UNDERSTUDY_SITE_ID: 'site.id',
  UNDERSTUDY_SYNC: 'sync.mode',
  UNDERSTUDY_RECORD_DIR: 'record.dir',
  UNDERSTUDY_WORKERS: 'server.workers',
  OTEL_EXPORTER_OTLP_ENDPOINT: 'tracing.endpoint',
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'tracing.endpoint',
  OTEL_TRACES_SAMPLER_ARG: 'tracing.sampleRatio',
  OTEL_SERVICE_NAME: 'tracing.serviceName',
  UNDERSTUDY_MEDIA_S3_ENDPOINT: 'media.storage.endpoint',
  UNDERSTUDY_MEDIA_S3_BUCKET: 'media.storage.bucket',
  UNDERSTUDY_MEDIA_S3_ACCESS_KEY_ID: 'media.storage.accessKeyId',
  UNDERSTUDY_MEDIA_S3_SECRET_ACCESS_KEY: 'media.storage.secretAccessKey',
  UNDERSTUDY_MEDIA_CDN_URL: 'media.cdn.baseUrl',
  UNDERSTUDY_MEDIA_TOKEN_SECRET: 'media.cdn.tokenSecret',
  UNDERSTUDY_MEDIA_TOKEN_TTL_SECONDS: 'media.cdn.tokenTtlSeconds',
  UNDERSTUDY_RETIREMENT_WINDOW_DAYS: 'coverage.retirementWindowDays',
} as const;

const integerPaths = new Set(['server.port', 'server.adminPort', 'vendor.partnerId', 'server.drainDelayMs', 'server.drainGraceMs', 'edge.maxConnections', 'server.workers', 'media.cdn.tokenTtlSeconds', 'coverage.retirementWindowDays']);

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] = (node[key]) ?? {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/** Turns environment variables into a configuration layer (numbers parsed; bad numbers left for the schema to reject). */
export function configLayerFromEnv(env: Readonly<Record<string, string | undefined>>): Record<string, unknown> {
  const layer: Record<string, unknown> = {};
  for (const [name, path] of Object.entries(configEnvironmentVariables)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = integerPaths.has(path) && /^\d+$/.test(raw) ? Number(raw) : raw;
    setPath(layer, path, value);
  }
  // The OTEL_ endpoint and ratio need more than a copy (tracing-config.ts).
  applyOtelEnvironment(layer, env);
  if (typeof env.UNDERSTUDY_STORE_URL === 'string' && env.UNDERSTUDY_STORE_URL !== '') setPath(layer, 'store.driver', 'postgres');
  // Node's own convention: only NODE_ENV=production is production; anything else is development.
  if (typeof env.NODE_ENV === 'string' && env.NODE_ENV !== '') setPath(layer, 'environment', env.NODE_ENV === 'production' ? 'production' : 'development');
  return layer;
}
