/** The `record.*` section (docs/recording.md "Configuration"): where and how the facade records. */

export interface RecordConfig {
  /** Directory recordings are written under; absent = recording unavailable (admin start answers 409). */
  readonly dir?: string;
  /** Fraction of requests recorded, 0–1. */
  readonly sampleRate: number;
  /** A recording file rotates to the next one past this size. */
  readonly maxFileBytes: number;
  /** Files per recording; past the last one the recording stops writing and counts drops. */
  readonly maxFiles: number;
  /** Bounded queue between the facade and the writer (entries and bytes). */
  readonly queueEntries: number;
  readonly queueBytes: number;
  /** Exchanges larger than this (request + response) are dropped and counted. */
  readonly maxExchangeBytes: number;
  /** Extra JSON path patterns (pointer syntax with `*` and `**`) whose values are pseudonymized. */
  readonly redactPaths: readonly string[];
  /** Start recording when the process starts (otherwise `POST /admin/record/start`). */
  readonly startOnBoot: boolean;
}

/** Defaults filled in for any `record.*` property not configured. */
export const recordDefaults: Omit<RecordConfig, 'dir'> = {
  sampleRate: 1,
  maxFileBytes: 64 * 1024 * 1024,
  maxFiles: 16,
  queueEntries: 10_000,
  queueBytes: 64 * 1024 * 1024,
  maxExchangeBytes: 4 * 1024 * 1024,
  redactPaths: [],
  startOnBoot: false,
};

/** The ajv schema of the section (every property optional; defaults above). */
export const recordSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    dir: { type: 'string', minLength: 1 },
    sampleRate: { type: 'number', minimum: 0, maximum: 1 },
    maxFileBytes: { type: 'integer', minimum: 1024 },
    maxFiles: { type: 'integer', minimum: 1, maximum: 100_000 },
    queueEntries: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    queueBytes: { type: 'integer', minimum: 1024 },
    maxExchangeBytes: { type: 'integer', minimum: 1024 },
    redactPaths: { type: 'array', maxItems: 256, items: { type: 'string', pattern: '^/' } },
    startOnBoot: { type: 'boolean' },
  },
} as const;
