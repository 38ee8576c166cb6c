import { edgeSchema } from './edge-schema';
import { recordSchema } from './record-config';
import { tracingSchema } from './tracing-config';
import { mediaSchema } from './media-config';
const positiveInteger = { type: 'integer', minimum: 1 } as const;
const percent = { type: 'number', minimum: 0, maximum: 100 } as const;

/** Shadow mode and promotion gates (docs/shadow.md); every key has a lab default. */
const shadowConfigSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['queueEntries', 'queueBytes', 'concurrency', 'batchMs', 'timeoutMs', 'bodyCapBytes', 'noisePercent', 'contractPercent', 'sampleCapBytes', 'flushIntervalMs', 'migrationShadowPercent', 'gates'],
  properties: {
    queueEntries: positiveInteger,
    queueBytes: { type: 'integer', minimum: 1024 },
    concurrency: { type: 'integer', minimum: 1, maximum: 1024 },
    batchMs: { type: 'integer', minimum: 0, maximum: 1000 },
    timeoutMs: positiveInteger,
    bodyCapBytes: { type: 'integer', minimum: 1024 },
    noisePercent: percent,
    contractPercent: percent,
    sampleCapBytes: { type: 'integer', minimum: 256 },
    flushIntervalMs: { type: 'integer', minimum: 10 },
    migrationShadowPercent: percent,
    gates: {
      type: 'object',
      additionalProperties: false,
      required: ['intervalSeconds', 'minParityPercent', 'minSamples', 'maxErrorPercent', 'maxP99DeltaMs', 'canarySteps', 'minDwellSeconds', 'absolutePercent', 'relativePercent'],
      properties: {
        intervalSeconds: { type: 'number', exclusiveMinimum: 0 },
        minParityPercent: percent,
        minSamples: positiveInteger,
        maxErrorPercent: percent,
        maxP99DeltaMs: { type: 'number', minimum: 0 },
        canarySteps: { type: 'array', items: { type: 'number', exclusiveMinimum: 0, maximum: 100 } },
        minDwellSeconds: { type: 'number', minimum: 0 },
        absolutePercent: percent,
        relativePercent: percent,
      },
    },
  },
} as const;

/** JSON Schema of the configuration (config-types.ts), applied after defaults are filled in. */
export const configSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['server', 'lab', 'vendor', 'platform', 'store', 'policy', 'admin', 'clock', 'log'],
  properties: {
    server: {
      type: 'object',
      additionalProperties: false,
      required: ['host', 'port', 'adminPort', 'bodyLimitBytes'],
      properties: {
        host: { type: 'string', minLength: 1 },
        port: { type: 'integer', minimum: 0, maximum: 65535 },
        adminPort: { type: 'integer', minimum: 0, maximum: 65535 },
        bodyLimitBytes: { type: 'integer', minimum: 1024, maximum: 104857600 },
        adminHost: { type: 'string', minLength: 1 },
        drainDelayMs: { type: 'integer', minimum: 0, maximum: 300000 },
        drainGraceMs: { type: 'integer', minimum: 0, maximum: 300000 },
        publicBaseUrl: { type: 'string', pattern: '^https?://[^/?#\\s]+(/[^?#\\s]*)?$' },
        workers: { type: 'integer', minimum: 1, maximum: 256 },
      },
    },
    lab: {
      type: 'object',
      additionalProperties: false,
      required: ['vendorSimPort', 'platformSimPort'],
      properties: {
        catalogDir: { type: 'string', minLength: 1 },
        pgliteImage: { type: 'string', minLength: 1 },
        vendorSimPort: { type: 'integer', minimum: 0, maximum: 65535 },
        platformSimPort: { type: 'integer', minimum: 0, maximum: 65535 },
      },
    },
    vendor: {
      type: 'object',
      additionalProperties: false,
      required: ['partnerId', 'partnerSecret', 'timeoutMs'],
      properties: {
        url: { type: 'string', pattern: '^https?://' },
        partnerId: { type: 'integer', minimum: 1 },
        partnerSecret: { type: 'string', minLength: 8 },
        timeoutMs: { type: 'integer', minimum: 1 },
        serverVersion: { type: 'string', minLength: 1, maxLength: 64 },
      },
    },
    platform: {
      type: 'object',
      additionalProperties: false,
      required: ['clientId', 'clientSecret', 'timeoutMs'],
      properties: {
        url: { type: 'string', pattern: '^https?://' },
        clientId: { type: 'string', minLength: 1 },
        clientSecret: { type: 'string', minLength: 8 },
        timeoutMs: { type: 'integer', minimum: 1 },
      },
    },
    store: {
      type: 'object',
      discriminator: { propertyName: 'driver' },
      required: ['driver'],
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['driver'],
          properties: { driver: { const: 'pglite' }, dataDir: { type: 'string', minLength: 1 } },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['driver', 'url', 'poolSize'],
          properties: {
            driver: { const: 'postgres' },
            url: { type: 'string', pattern: '^postgres(ql)?://' },
            poolSize: { type: 'integer', minimum: 1, maximum: 200 },
          },
        },
      ],
    },
    edge: edgeSchema,
    record: recordSchema,
    tracing: tracingSchema,
    media: mediaSchema,
    clock: { enum: ['lab', 'system', 'auto'] },
    policy: { type: 'object', additionalProperties: false, properties: { file: { type: 'string', minLength: 1 } } },
    admin: { type: 'object', additionalProperties: false, properties: { token: { type: 'string', minLength: 16 } } },
    site: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: { id: { type: 'string', pattern: '^[a-z0-9-]{1,32}$' } },
    },
    sync: {
      type: 'object',
      additionalProperties: false,
      required: ['mode', 'order', 'workers', 'batchSize', 'leaseMs', 'pollMs', 'feedPollMs', 'maxAttempts', 'backoffMs', 'maxBackoffMs'],
      properties: {
        mode: { enum: ['on', 'off'] },
        order: { enum: ['household', 'key'] },
        workers: { type: 'integer', minimum: 1, maximum: 64 },
        batchSize: { type: 'integer', minimum: 1, maximum: 1000 },
        leaseMs: { type: 'integer', minimum: 1000, maximum: 600000 },
        pollMs: { type: 'integer', minimum: 10, maximum: 60000 },
        feedPollMs: { type: 'integer', minimum: 10, maximum: 60000 },
        maxAttempts: { type: 'integer', minimum: 1, maximum: 100 },
        backoffMs: { type: 'integer', minimum: 1, maximum: 600000 },
        maxBackoffMs: { type: 'integer', minimum: 1, maximum: 3600000 },
        claimDepth: { type: 'integer', minimum: 1, maximum: 256 },
        captureInFlight: { type: 'integer', minimum: 0, maximum: 64 },
        homeSites: { type: 'array', minItems: 1, maxItems: 8, uniqueItems: true, items: { type: 'string', pattern: '^[a-z0-9-]{1,32}$' } },
        prune: {
          type: 'object',
          additionalProperties: false,
          properties: {
            maxAgeHours: { type: 'integer', minimum: 1, maximum: 8760 },
            maxRows: { type: 'integer', minimum: 1000, maximum: 1000000000 },
            everyMs: { type: 'integer', minimum: 1000, maximum: 3600000 },
          },
        },
      },
    },
    shadow: shadowConfigSchema,
    coverage: {
      type: 'object',
      additionalProperties: false,
      required: ['retirementWindowDays', 'flushIntervalMs'],
      properties: {
        retirementWindowDays: { type: 'integer', minimum: 1, maximum: 3650 },
        flushIntervalMs: { type: 'integer', minimum: 100, maximum: 600000 },
      },
    },
    environment: { enum: ['production', 'development'] },
    safety: {
      type: 'object',
      additionalProperties: false,
      required: ['labInProduction'],
      properties: { labInProduction: { enum: ['refuse', 'warn'] } },
    },
    log: {
      type: 'object',
      additionalProperties: false,
      required: ['level'],
      properties: { level: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] }, access: { type: 'boolean' } },
    },
  },
} as const;
