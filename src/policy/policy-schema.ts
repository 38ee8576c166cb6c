/**
 * JSON Schema of the policy document (policy-document.ts). Optional sections may be omitted and are
 * filled with defaults by ajv (`useDefaults`); unknown keys are errors so a typo never passes silently.
 */

import { mediaPolicySchema } from './media-policy';

const nameList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
/** Match lists are never empty: an empty list would silently match nothing. */
const matchList = { ...nameList, minItems: 1 } as const;
/** operationIds (`service.action`) and `*` globs; case is normalised later. */
const operationList = { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_*]+(\\.[A-Za-z0-9_*]+)?$' } } as const;
const target = { enum: ['vendor', 'platform'] } as const;

const ruleSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'match', 'target'],
  properties: {
    id: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    match: {
      type: 'object',
      additionalProperties: false,
      properties: {
        operations: { ...operationList, minItems: 1 },
        regions: matchList,
        clientTags: matchList,
        appVersions: { type: 'string', minLength: 1 },
        deviceFamilies: { type: 'array', minItems: 1, items: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'integer' }] } },
      },
    },
    target,
    percent: { type: 'number', minimum: 0, maximum: 100 },
    shadow: { type: 'boolean' },
    shadowPercent: { type: 'number', minimum: 0, maximum: 100 },
    fallbackToVendor: { type: 'boolean' },
  },
} as const;

/** The schema `compilePolicy` validates against (ajv, allErrors, useDefaults). */
export const policySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['salt'],
  properties: {
    salt: { type: 'string', minLength: 1 },
    defaultTarget: { ...target, default: 'vendor' },
    killSwitch: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        global: { type: 'boolean', default: false },
        operations: { ...operationList, default: [] },
        media: { type: 'boolean' },
      },
    },
    qaOverride: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        header: { type: 'string', minLength: 1, pattern: '^[A-Za-z0-9!#$%&\'*+.^_`|~-]+$', default: 'x-understudy-target' },
        devices: { ...nameList, default: [] },
      },
    },
    regions: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        header: { type: 'string', minLength: 1, pattern: '^[A-Za-z0-9!#$%&\'*+.^_`|~-]+$' },
        cidrs: {
          type: 'array',
          default: [],
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['cidr', 'region'],
            properties: { cidr: { type: 'string', minLength: 1 }, region: { type: 'string', minLength: 1 } },
          },
        },
      },
    },
    rules: { type: 'array', default: [], items: ruleSchema },
    media: mediaPolicySchema,
  },
} as const;
