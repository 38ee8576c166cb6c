/**
 * OpenTelemetry traces (docs/observability.md "Traces"): a tracer provider of its own per traced
 * service, spans exported in bounded batches over OTLP/HTTP, and the current span carried in an
 * AsyncLocalStorage of this instance (not the global context manager), so two instances in one
 * process (the facade and the lab's sims) never adopt each other's spans.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, isSpanContextValid, trace, type Context, type Span, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOnSampler, BasicTracerProvider, BatchSpanProcessor, ParentBasedSampler, RandomIdGenerator } from '@opentelemetry/sdk-trace-base';

/** Span attribute values: scalars only. */
export type SpanAttributes = Readonly<Record<string, string | number | boolean>>;

export interface TracingOptions {
  readonly endpoint: string;
  readonly sampleRatio: number;
  readonly serviceName: string;
  readonly batchDelayMs: number;
  readonly queueSpans: number;
  readonly exportTimeoutMs: number;
  /** More resource attributes (version, site). */
  readonly resource?: SpanAttributes;
}

/** A span someone else ends: callback-shaped work (the passthrough, an undici request). */
export interface OpenSpan {
  /** False for an unsampled request's stand-in: nothing it is told is kept, so callers may skip it. */
  readonly recording: boolean;
  annotate(attributes: SpanAttributes): void;
  fail(message: string): void;
  end(): void;
  /** `traceparent` (and `tracestate`) naming this span as the parent, for an outgoing request. */
  traceHeaders(): Record<string, string>;
}

export type SpanRole = 'server' | 'client' | 'internal';

/** A span's name and attributes, asked for only when the span is recorded (never for unsampled work). */
export type SpanDescriber = () => readonly [name: string, attributes: SpanAttributes];

/** One traced service: spans, the current span, W3C trace context in and out. */
export interface Tracing {
  /** False outside a traced request or in one the sampler left out: callers may skip their spans. */
  isRecording(): boolean;
  inSpan<T>(name: string, attributes: SpanAttributes, step: (notes: OpenSpan) => Promise<T>): Promise<T>;
  inSyncSpan<T>(name: string, attributes: SpanAttributes, step: (notes: OpenSpan) => T): T;
  annotateRequest(attributes: SpanAttributes): void;
  /** A child of the current span; undefined outside any traced request; a no-op stand-in in an unsampled one. */
  startChild(role: SpanRole, describe: SpanDescriber): OpenSpan | undefined;
  /**
   * A request's span: a new trace, or the one `headers` continue when given. Sampled first (a
   * new trace with probability `sampleRatio`; a continued one by its flag), so an unsampled
   * request gets a stand-in and makes no SDK span, attributes or response listener.
   */
  startRequest(describe: SpanDescriber, headers?: Readonly<Record<string, unknown>>): OpenSpan;
  /** Runs `work` with `span` current (its own span and the request's, for `annotateRequest`). */
  runIn<T>(span: OpenSpan, work: () => T): T;
  /** Exports what is queued and stops. */
  close(): Promise<void>;
}

const kinds: Record<SpanRole, SpanKind> = { server: SpanKind.SERVER, client: SpanKind.CLIENT, internal: SpanKind.INTERNAL };
const headerGetter: TextMapGetter<Readonly<Record<string, unknown>>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const value = carrier[key];
    return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
  },
};
const headerSetter: TextMapSetter<Record<string, string>> = { set: (carrier, key, value) => void (carrier[key] = value) };

interface Current {
  readonly span: TracedSpan;
  readonly request: TracedSpan;
}

class TracedSpan implements OpenSpan {
  private headers: Record<string, string> | undefined;
  readonly recording = true;
  constructor(
    readonly span: Span,
    private readonly propagator: W3CTraceContextPropagator,
  ) {}
  annotate(attributes: SpanAttributes): void {
    this.span.setAttributes(attributes);
  }
  fail(message: string): void {
    this.span.setStatus({ code: SpanStatusCode.ERROR, message });
  }
  end(): void {
    this.span.end();
  }
  traceHeaders(): Record<string, string> {
    if (this.headers !== undefined) return this.headers;
    const headers: Record<string, string> = {};
    this.propagator.inject(trace.setSpan(ROOT_CONTEXT, this.span), headers, headerSetter);
    return (this.headers = headers);
  }
}

const ids = new RandomIdGenerator();

/**
 * A request the sampler left out: no SDK span, no child spans (none would be exported), no
 * attributes; upstream calls carry its `traceparent` with flags 00 (made on first use), so the
 * platform does not start traces of its own for them. One object per request, its own children
 * included, keeps 10 % sampling cheap (bench/README.md "Tracing").
 */
class UnsampledRequest implements OpenSpan {
  readonly recording = false;
  private headers: Record<string, string> | undefined;
  constructor(
    private readonly traceId?: string,
    private readonly traceState?: string,
  ) {}
  annotate(): void {}
  fail(): void {}
  end(): void {}
  traceHeaders(): Record<string, string> {
    if (this.headers !== undefined) return this.headers;
    const traceparent = `00-${this.traceId ?? ids.generateTraceId()}-${ids.generateSpanId()}-00`;
    return (this.headers = this.traceState === undefined ? { traceparent } : { traceparent, tracestate: this.traceState });
  }
}

/** Whether a request is sampled, and the trace it continues (undefined: a new trace). */
type Sampling = { readonly sampled: true; readonly parent: Context } | { readonly sampled: false; readonly traceId?: string; readonly traceState?: string };

function sampleRequest(propagator: W3CTraceContextPropagator, ratio: number, headers: Readonly<Record<string, unknown>> | undefined): Sampling {
  if (headers !== undefined && headers.traceparent !== undefined) {
    const parent = propagator.extract(ROOT_CONTEXT, headers, headerGetter);
    const continued = trace.getSpanContext(parent);
    if (continued !== undefined && isSpanContextValid(continued)) {
      if ((continued.traceFlags & TraceFlags.SAMPLED) !== 0) return { sampled: true, parent };
      return { sampled: false, traceId: continued.traceId, ...(continued.traceState === undefined ? {} : { traceState: continued.traceState.serialize() }) };
    }
  }
  return ratio > 0 && Math.random() < ratio ? { sampled: true, parent: ROOT_CONTEXT } : { sampled: false };
}

function createProvider(options: TracingOptions): BasicTracerProvider {
  const exporter = new OTLPTraceExporter({ url: options.endpoint, timeoutMillis: options.exportTimeoutMs });
  // Bounded: at most queueSpans wait; a full queue drops new spans (never blocks a request).
  const processor = new BatchSpanProcessor(exporter, { maxQueueSize: options.queueSpans, maxExportBatchSize: Math.min(512, options.queueSpans), scheduledDelayMillis: options.batchDelayMs, exportTimeoutMillis: options.exportTimeoutMs });
  return new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName, ...options.resource }),
    // The ratio is applied in startRequest, before any span exists: a span is started only for a
    // request already sampled, and its children follow it.
    sampler: new ParentBasedSampler({ root: new AlwaysOnSampler() }),
    // Bounded bytes per span: few, short attributes; no events are recorded.
    spanLimits: { attributeCountLimit: 32, attributeValueLengthLimit: 256, eventCountLimit: 8, linkCountLimit: 4 },
    spanProcessors: [processor],
  });
}

/** Starts tracing for one service (the facade, or a lab sim). */
export function createTracing(options: TracingOptions): Tracing {
  const provider = createProvider(options);
  const tracer = provider.getTracer('understudy');
  const propagator = new W3CTraceContextPropagator();
  // The current request: its span and innermost span when sampled, its stand-in when not.
  const store = new AsyncLocalStorage<Current | UnsampledRequest>();
  const open = (role: SpanRole, describe: SpanDescriber, parent: Context): TracedSpan => {
    const [name, attributes] = describe();
    return new TracedSpan(tracer.startSpan(name, { kind: kinds[role], attributes }, parent), propagator);
  };
  const sampledCurrent = (): Current | undefined => {
    const current = store.getStore();
    return current === undefined || current instanceof UnsampledRequest ? undefined : current;
  };
  const child = (current: Current, role: SpanRole, describe: SpanDescriber): { span: TracedSpan; current: Current } => {
    const span = open(role, describe, trace.setSpan(ROOT_CONTEXT, current.span.span));
    return { span, current: { span, request: current.request } };
  };
  const inChild = <T>(name: string, attributes: SpanAttributes, step: (notes: OpenSpan) => T, finish: (span: TracedSpan, run: () => T) => T): T => {
    const current = sampledCurrent();
    if (current === undefined) return step(noNotes);
    const started = child(current, 'internal', () => [name, attributes]);
    return finish(started.span, () => store.run(started.current, () => step(started.span)));
  };
  return {
    isRecording: () => sampledCurrent() !== undefined,
    inSpan: (name, attributes, step) =>
      inChild(name, attributes, step, async (span, run) => {
        try {
          return await run();
        } catch (error) {
          span.fail(error instanceof Error ? error.message : String(error));
          throw error;
        } finally {
          span.end();
        }
      }),
    inSyncSpan: (name, attributes, step) =>
      inChild(name, attributes, step, (span, run) => {
        try {
          return run();
        } finally {
          span.end();
        }
      }),
    annotateRequest: (attributes) => sampledCurrent()?.request.annotate(attributes),
    startChild(role, describe) {
      const current = store.getStore();
      if (current === undefined || current instanceof UnsampledRequest) return current;
      return child(current, role, describe).span;
    },
    startRequest(describe, headers) {
      const sampling = sampleRequest(propagator, options.sampleRatio, headers);
      return sampling.sampled ? open('server', describe, sampling.parent) : new UnsampledRequest(sampling.traceId, sampling.traceState);
    },
    runIn(span, work) {
      if (span instanceof UnsampledRequest) return store.run(span, work);
      const traced = span as TracedSpan;
      return store.run({ span: traced, request: sampledCurrent()?.request ?? traced }, work);
    },
    close: () => provider.shutdown(),
  };
}

const noNotes: OpenSpan = { recording: false, annotate: () => undefined, fail: () => undefined, end: () => undefined, traceHeaders: () => ({}) };
