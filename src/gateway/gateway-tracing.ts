/**
 * What the gateway tells traces (docs/observability.md "Traces"), as a port of plain data: the
 * OpenTelemetry implementation lives in src/metrics/otel-tracing.ts, and without tracing the
 * gateway has no port at all, so an untraced request pays nothing (bench/README.md "Tracing").
 */

/** Span attribute values: scalars only, so no request body or object graph reaches a trace. */
export type TraceAttributes = Readonly<Record<string, string | number | boolean>>;

/** The span a traced step runs in: more attributes once the step knows them, or its failure. */
export interface TraceNotes {
  annotate(attributes: TraceAttributes): void;
  fail(message: string): void;
}

export interface GatewayTracing {
  /** False when the current request is not sampled: the gateway then records nothing at all. */
  isRecording(): boolean;
  /** Runs an asynchronous step in a child span of the current one. */
  inSpan<T>(name: string, attributes: TraceAttributes, step: (notes: TraceNotes) => Promise<T>): Promise<T>;
  /** Runs a synchronous step (the routing decision) in a child span of the current one. */
  inSyncSpan<T>(name: string, attributes: TraceAttributes, step: (notes: TraceNotes) => T): T;
  /** Adds attributes to the request's own span (the edge's). */
  annotateRequest(attributes: TraceAttributes): void;
}
