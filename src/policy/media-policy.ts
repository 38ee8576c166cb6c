/**
 * The `media` section of the policy document (issue 18 "Playback from storage, by policy",
 * docs/media.md): where a device's playback URLs point — the vendor's CDN or the company CDN in front
 * of the bucket — with the rules' match grammar and sticky percentages. Absent = every device on the
 * vendor's CDN, and the decision costs nothing.
 */

/** Where a device plays a file from. */
export type MediaSource = 'vendor' | 'storage';

/** What a media rule looks at; an absent field matches every device and file. */
export interface MediaRuleMatch {
  readonly regions?: readonly string[];
  readonly clientTags?: readonly string[];
  readonly appVersions?: string;
  readonly deviceFamilies?: readonly (string | number)[];
  /** Vendor file ids (per-file rollout). */
  readonly files?: readonly number[];
}

export interface MediaRule {
  readonly id: string;
  readonly description?: string;
  readonly match: MediaRuleMatch;
  readonly source: MediaSource;
  /** Share of matched households/devices sent to `source`, 0–100 (default 100); the rest stays on the vendor. */
  readonly percent?: number;
}

export interface MediaPolicy {
  readonly default: MediaSource;
  readonly rules: readonly MediaRule[];
}

const nameList = { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } as const;
const source = { enum: ['vendor', 'storage'] } as const;

/** JSON Schema of the section (policy-schema.ts embeds it). */
export const mediaPolicySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    default: { ...source, default: 'vendor' },
    rules: {
      type: 'array',
      default: [],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'match', 'source'],
        properties: {
          id: { type: 'string', minLength: 1 },
          description: { type: 'string' },
          match: {
            type: 'object',
            additionalProperties: false,
            properties: {
              regions: nameList,
              clientTags: nameList,
              appVersions: { type: 'string', minLength: 1 },
              deviceFamilies: { type: 'array', minItems: 1, items: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'integer' }] } },
              files: { type: 'array', minItems: 1, maxItems: 100_000, items: { type: 'integer', minimum: 1 } },
            },
          },
          source,
          percent: { type: 'number', minimum: 0, maximum: 100 },
        },
      },
    },
  },
} as const;

function lower(list: readonly string[] | undefined): string[] | undefined {
  return list?.map((s) => s.trim().toLowerCase());
}

/** Lower-cases names as the routing rules do; drops absent fields. */
export function normaliseMediaPolicy(media: MediaPolicy): MediaPolicy {
  return {
    default: media.default,
    rules: media.rules.map((rule) => {
      const match: Record<string, unknown> = { ...rule.match, regions: lower(rule.match.regions), clientTags: lower(rule.match.clientTags) };
      for (const key of Object.keys(match)) if (match[key] === undefined) delete match[key];
      return { ...rule, match: match };
    }),
  };
}

/** Rule ids must be unique within the section. */
export function checkMediaPolicy(media: MediaPolicy): string[] {
  const seen = new Set<string>();
  return media.rules.flatMap((rule, index) => {
    if (seen.has(rule.id)) return [`/media/rules/${index}/id "${rule.id}" is already used`];
    seen.add(rule.id);
    return [];
  });
}
