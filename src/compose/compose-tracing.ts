/**
 * Tracing wiring (docs/observability.md "Traces"): off without `tracing.endpoint`, and then every
 * wrapper here hands back what it was given, so the untraced facade runs the same code as before.
 * On: a server span per device request (probes excepted), the gateway's route and call spans, a
 * client span per upstream call (undici's diagnostics channels, and the passthrough), and in the
 * lab the sims' own server spans, which continue the facade's trace from `traceparent`.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { UnderstudyConfig } from '../config/config-types';
import { resolveTracingConfig, type TracingConfig } from '../config/tracing-config';
import type { GatewayTracing } from '../gateway/gateway-tracing';
import { createTracing, type OpenSpan, type Tracing } from '../metrics/otel-tracing';
import { traceUndiciRequests } from '../metrics/undici-tracing';
import type { VendorPassthrough } from '../upstream/passthrough-types';

type ListenerWrapper = (listener: RequestListener) => RequestListener;

export interface TracingParts {
  /** The gateway's port; absent when tracing is off. */
  readonly gateway?: GatewayTracing;
  /** The device listener with a server span per request. */
  readonly wrapEdge: ListenerWrapper;
  readonly wrapPassthrough: (passthrough: VendorPassthrough) => VendorPassthrough;
  /** A lab sim's listener wrapper (the sim as its own traced service); undefined when off. */
  readonly forSim: (service: 'vendor-sim' | 'platform-sim') => ListenerWrapper | undefined;
  /** Client spans for the undici clients, once the upstream URLs are known. */
  watchUpstreams(vendorUrl: string, platformUrl: string): void;
  close(): Promise<void>;
}

const untraced: TracingParts = {
  wrapEdge: (listener) => listener,
  wrapPassthrough: (passthrough) => passthrough,
  forSim: () => undefined,
  watchUpstreams: () => undefined,
  close: () => Promise.resolve(),
};

function startTracing(settings: TracingConfig & { endpoint: string }, serviceName: string, resource: Record<string, string>): Tracing {
  return createTracing({ ...settings, serviceName, resource });
}

/** Ends `span` when the response is done (answered or abandoned), with its status. */
function endWithResponse(span: OpenSpan, res: ServerResponse): void {
  res.once('close', () => {
    span.annotate({ 'http.response.status_code': res.statusCode, 'understudy.completed': res.writableFinished });
    if (res.statusCode >= 500) span.fail(`HTTP ${res.statusCode}`);
    span.end();
  });
}

function isProbe(req: IncomingMessage): boolean {
  if (req.method !== 'GET') return false;
  const url = req.url ?? '/';
  return url === '/livez' || url === '/readyz' || url.startsWith('/livez?') || url.startsWith('/readyz?');
}

/** A listener wrapper opening a server span per request; `accept` continues an incoming `traceparent`. */
function serverSpans(tracing: Tracing, name: string, accept: boolean): ListenerWrapper {
  return (listener) => (req, res) => {
    if (isProbe(req)) return listener(req, res);
    const span = tracing.startRequest(() => [`${name} ${req.method ?? 'GET'}`, { 'http.request.method': req.method ?? 'GET' }], accept ? req.headers : undefined);
    if (span.recording) endWithResponse(span, res);
    tracing.runIn(span, () => listener(req, res));
  };
}

function passthroughSpans(tracing: Tracing, propagate: boolean): (passthrough: VendorPassthrough) => VendorPassthrough {
  return (passthrough) => ({
    ...passthrough,
    forward(req, res, body, operation, copy) {
      const span = tracing.startChild('client', () => ['vendor passthrough', { 'understudy.upstream': 'vendor', 'understudy.operation': operation ?? 'invalid' }]);
      if (span !== undefined) {
        if (span.recording) endWithResponse(span, res);
        // The request's headers are what the passthrough copies (forwarding-headers.ts).
        if (propagate) {
          delete req.headers.tracestate;
          Object.assign(req.headers, span.traceHeaders());
        }
      }
      passthrough.forward(req, res, body, operation, copy);
    },
  });
}

/** Builds the tracing parts from `tracing.*`. */
export function composeTracing(config: UnderstudyConfig, version: string): TracingParts {
  const settings = resolveTracingConfig(config.tracing);
  const endpoint = settings.endpoint;
  if (endpoint === undefined) return untraced;
  const resource = { 'service.version': version, 'understudy.site': config.site.id };
  const facade = startTracing({ ...settings, endpoint }, settings.serviceName, resource);
  const sims: Tracing[] = [];
  let unsubscribe: (() => void) | undefined;
  return {
    gateway: facade,
    wrapEdge: serverSpans(facade, 'vendor-api', settings.acceptTraceparent),
    wrapPassthrough: passthroughSpans(facade, settings.propagateToVendor),
    forSim(service) {
      const sim = startTracing({ ...settings, endpoint }, `${settings.serviceName}-${service}`, resource);
      sims.push(sim);
      return serverSpans(sim, service, true);
    },
    watchUpstreams(vendorUrl, platformUrl) {
      unsubscribe = traceUndiciRequests({ tracing: facade, vendorOrigin: new URL(vendorUrl).origin, platformOrigin: new URL(platformUrl).origin, propagateToVendor: settings.propagateToVendor });
    },
    async close() {
      unsubscribe?.();
      await Promise.all([facade.close(), ...sims.map((sim) => sim.close())]);
    },
  };
}
