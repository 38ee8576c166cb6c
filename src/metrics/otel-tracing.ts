/**
 * OpenTelemetry traces (docs/observability.md "Traces"): a tracer provider of its own per traced
 * service, spans exported in bounded batches over OTLP/HTTP, and the current span carried in an
 * AsyncLocalStorage of this instance (not the global context manager), so two instances in one
 * process (the facade and the lab's sims) never adopt each other's spans.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-base';

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
  annotate(attributes: SpanAttributes): void;
  fail(message: string): void;
  end(): void;
  /** `traceparent` (and `tracestate`) naming this span as the parent, for an outgoing request. */
  traceHeaders(): Record<string, string>;
}

export type SpanRole = 'server' | 'client' | 'internal';

/** One traced service: spans, the current span, W3C trace context in and out. */
export interface Tracing {
  /** False outside a traced request or in one the sampler left out: callers may skip their spans. */
  isRecording(): boolean;
  inSpan<T>(name: string, attributes: SpanAttributes, step: (notes: OpenSpan) => Promise<T>): Promise<T>;
  inSyncSpan<T>(name: string, attributes: SpanAttributes, step: (notes: OpenSpan) => T): T;
  annotateRequest(attributes: SpanAttributes): void;
  /** A child of the current span; undefined when there is none (work outside any traced request). */
  startChild(name: string, role: SpanRole, attributes: SpanAttributes): OpenSpan | undefined;
  /** A request's span: a new trace, or the one `headers` continue when given. */
  startRequest(name: string, attributes: SpanAttributes, headers?: Readonly<Record<string, unknown>>): OpenSpan;
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
  readonly recording: boolean;
  constructor(
    readonly span: Span,
    private readonly propagator: W3CTraceContextPropagator,
  ) {
    this.recording = span.isRecording();
  }
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

/**
 * Inside a trace the sampler left out: no child spans are made (none would be exported), and
 * upstream calls carry the unsampled request's `traceparent` (flags 00), so the platform does not
 * start traces of its own for them. This keeps 10 % sampling cheap (bench/README.md "Tracing").
 */
class UnsampledView implements OpenSpan {
  constructor(private readonly parent: TracedSpan) {}
  annotate(): void {}
  fail(): void {}
  end(): void {}
  traceHeaders(): Record<string, string> {
    return this.parent.traceHeaders();
  }
}

function createProvider(options: TracingOptions): BasicTracerProvider {
  const exporter = new OTLPTraceExporter({ url: options.endpoint, timeoutMillis: options.exportTimeoutMs });
  // Bounded: at most queueSpans wait; a full queue drops new spans (never blocks a request).
  const processor = new BatchSpanProcessor(exporter, { maxQueueSize: options.queueSpans, maxExportBatchSize: Math.min(512, options.queueSpans), scheduledDelayMillis: options.batchDelayMs, exportTimeoutMillis: options.exportTimeoutMs });
  return new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName, ...options.resource }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(options.sampleRatio) }),
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
  const store = new AsyncLocalStorage<Current>();
  const open = (name: string, role: SpanRole, attributes: SpanAttributes, parent: Context): TracedSpan =>
    new TracedSpan(tracer.startSpan(name, { kind: kinds[role], attributes }, parent), propagator);
  const child = (name: string, role: SpanRole, attributes: SpanAttributes): { span: TracedSpan; current: Current } | undefined => {
    const current = store.getStore();
    if (current === undefined || !current.span.recording) return undefined;
    const span = open(name, role, attributes, trace.setSpan(ROOT_CONTEXT, current.span.span));
    return { span, current: { span, request: current.request } };
  };
  return {
    isRecording: () => store.getStore()?.span.recording === true,
    async inSpan(name, attributes, step) {
      const started = child(name, 'internal', attributes);
      if (started === undefined) return step(noNotes);
      try {
        return await store.run(started.current, () => step(started.span));
      } catch (error) {
        started.span.fail(error instanceof Error ? error.message : String(error));
        throw error;
      } finally {
        started.span.end();
      }
    },
    inSyncSpan(name, attributes, step) {
      const started = child(name, 'internal', attributes);
      if (started === undefined) return step(noNotes);
      try {
        return store.run(started.current, () => step(started.span));
      } finally {
        started.span.end();
      }
    },
    annotateRequest: (attributes) => store.getStore()?.request.annotate(attributes),
    startChild(name, role, attributes) {
      const current = store.getStore();
      if (current === undefined) return undefined;
      return current.span.recording ? child(name, role, attributes)?.span : new UnsampledView(current.span);
    },
    startRequest(name, attributes, headers) {
      const parent = headers === undefined ? ROOT_CONTEXT : propagator.extract(ROOT_CONTEXT, headers, headerGetter);
      return open(name, 'server', attributes, parent);
    },
    runIn(span, work) {
      const traced = span as TracedSpan;
      const current = store.getStore();
      return store.run({ span: traced, request: current?.request ?? traced }, work);
    },
    close: () => provider.shutdown(),
  };
}

const noNotes: OpenSpan = { annotate: () => undefined, fail: () => undefined, end: () => undefined, traceHeaders: () => ({}) };
