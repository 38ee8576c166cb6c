/**
 * The `tracing.*` section (docs/observability.md "Traces"): OpenTelemetry spans exported over
 * OTLP/HTTP. Off unless an endpoint is configured, in the file or through the standard OTEL_
 * variables, which are read here like every other setting (only src/config reads the environment).
 */

export interface TracingConfig {
  /** OTLP/HTTP traces URL, e.g. `http://collector:4318/v1/traces`; absent = tracing off. */
  readonly endpoint?: string;
  /** Share of new traces sampled, 0–1 (parent-based: a sampled parent's children are kept). */
  readonly sampleRatio: number;
  /** `service.name` of the exported spans. */
  readonly serviceName: string;
  /** Continue a `traceparent` the device edge sends (a trusted ingress); otherwise every request starts a trace. */
  readonly acceptTraceparent: boolean;
  /** Send `traceparent` to the vendor too (always sent to the platform, which is ours). */
  readonly propagateToVendor: boolean;
  /** Finished spans wait at most this long before they are exported in a batch. */
  readonly batchDelayMs: number;
  /** Spans held for export at most; past it new spans are dropped (bounded, never blocking). */
  readonly queueSpans: number;
  readonly exportTimeoutMs: number;
}

/** Defaults for any `tracing.*` property not configured. */
export const tracingDefaults: Omit<TracingConfig, 'endpoint'> = {
  sampleRatio: 0.1,
  serviceName: 'understudy',
  acceptTraceparent: false,
  propagateToVendor: false,
  // 500, not OpenTelemetry's 5000: spans that wait 5 s outlive the young generation and are
  // promoted before they are dropped; at 10 % sampling the short delay cost 3–5 % less CPU per
  // request in two same-run comparisons (bench/README.md "Tracing: batch delay").
  batchDelayMs: 500,
  queueSpans: 2048,
  exportTimeoutMs: 10_000,
};

/** The ajv schema of the section (every property optional; defaults above). */
export const tracingSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    endpoint: { type: 'string', pattern: '^https?://' },
    sampleRatio: { type: 'number', minimum: 0, maximum: 1 },
    serviceName: { type: 'string', minLength: 1, maxLength: 128 },
    acceptTraceparent: { type: 'boolean' },
    propagateToVendor: { type: 'boolean' },
    batchDelayMs: { type: 'integer', minimum: 10, maximum: 60_000 },
    queueSpans: { type: 'integer', minimum: 16, maximum: 100_000 },
    exportTimeoutMs: { type: 'integer', minimum: 100, maximum: 120_000 },
  },
} as const;

/** The section with its defaults filled in. */
export function resolveTracingConfig(section: Partial<TracingConfig> | undefined): TracingConfig {
  return { ...tracingDefaults, ...section };
}

/**
 * OpenTelemetry's standard variables (the OTLP exporter specification): the signal-specific
 * endpoint is used as given; the generic one is a base that traces go under `/v1/traces` of, and
 * loses to the signal-specific one. The sampler argument is a ratio (a number the schema checks).
 */
export function applyOtelEnvironment(layer: Record<string, unknown>, env: Readonly<Record<string, string | undefined>>): void {
  const tracing = (layer.tracing ?? {}) as Record<string, unknown>;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const specific = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (specific !== undefined && specific !== '') tracing.endpoint = specific;
  else if (base !== undefined && base !== '') tracing.endpoint = `${base.replace(/\/+$/, '')}/v1/traces`;
  const ratio = env.OTEL_TRACES_SAMPLER_ARG;
  if (ratio !== undefined && ratio !== '') tracing.sampleRatio = /^\d+(\.\d+)?$/.test(ratio.trim()) ? Number(ratio) : ratio;
  if (Object.keys(tracing).length > 0) layer.tracing = tracing;
}
