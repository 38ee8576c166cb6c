/** JSON Schema of the `edge` section (config-types.ts `EdgeConfig`): budgets of the device-facing listener. */

const bucket = {
  type: 'object',
  additionalProperties: false,
  required: ['perSecond', 'burst'],
  properties: { perSecond: { type: 'number', exclusiveMinimum: 0 }, burst: { type: 'integer', minimum: 1 } },
} as const;

const operationClass = {
  type: 'object',
  additionalProperties: false,
  required: ['perDevice', 'perHousehold'],
  properties: { perDevice: bucket, perHousehold: bucket },
} as const;

export const edgeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['headersTimeoutMs', 'requestTimeoutMs', 'keepAliveTimeoutMs', 'idleSocketMs', 'maxConnections', 'rateLimits'],
  properties: {
    headersTimeoutMs: { type: 'integer', minimum: 100 },
    requestTimeoutMs: { type: 'integer', minimum: 100 },
    keepAliveTimeoutMs: { type: 'integer', minimum: 100 },
    idleSocketMs: { type: 'integer', minimum: 100 },
    maxConnections: { type: 'integer', minimum: 1 },
    rateLimits: {
      type: 'object',
      additionalProperties: false,
      required: ['enabled', 'maxKeys', 'read', 'write', 'login'],
      properties: {
        enabled: { type: 'boolean' },
        maxKeys: { type: 'integer', minimum: 1, maximum: 10000000 },
        read: operationClass,
        write: operationClass,
        login: operationClass,
      },
    },
  },
} as const;
