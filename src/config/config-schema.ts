import { edgeSchema } from './edge-schema';

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
    clock: { enum: ['lab', 'system'] },
    policy: { type: 'object', additionalProperties: false, properties: { file: { type: 'string', minLength: 1 } } },
    admin: { type: 'object', additionalProperties: false, properties: { token: { type: 'string', minLength: 16 } } },
    site: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: { id: { type: 'string', pattern: '^[a-z0-9-]{1,32}$' } },
    },
    log: {
      type: 'object',
      additionalProperties: false,
      required: ['level'],
      properties: { level: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] } },
    },
  },
} as const;
