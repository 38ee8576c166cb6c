/** `tracing.*` and the standard OTEL_ variables, through the one configuration loader. */
import { loadConfig } from '../../../src/config/load-config';
import { resolveTracingConfig } from '../../../src/config/tracing-config';

const tracingOf = (env: Record<string, string>, overrides: Record<string, unknown> = {}) => {
  const loaded = loadConfig({ env, overrides });
  if (!loaded.ok) throw new Error(loaded.error.join('; '));
  return resolveTracingConfig(loaded.value.tracing);
};

describe('tracing configuration', () => {
  it('is off by default, with 10 % sampling once on', () => {
    expect(tracingOf({})).toMatchObject({ sampleRatio: 0.1, serviceName: 'understudy', acceptTraceparent: false, propagateToVendor: false });
    expect(tracingOf({}).endpoint).toBeUndefined();
  });

  it('takes the generic OTLP endpoint as a base and the traces endpoint as given, which wins', () => {
    expect(tracingOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).endpoint).toBe('http://collector:4318/v1/traces');
    expect(tracingOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://other:4318/traces' }).endpoint).toBe('http://other:4318/traces');
  });

  it('reads the sampler ratio and service name, and rejects a ratio that is not one', () => {
    expect(tracingOf({ OTEL_TRACES_SAMPLER_ARG: '0.25', OTEL_SERVICE_NAME: 'understudy-site-a' })).toMatchObject({ sampleRatio: 0.25, serviceName: 'understudy-site-a' });
    const bad = loadConfig({ env: { OTEL_TRACES_SAMPLER_ARG: 'half' }, overrides: {} });
    expect(bad.ok).toBe(false);
    const above = loadConfig({ env: { OTEL_TRACES_SAMPLER_ARG: '1.5' }, overrides: {} });
    expect(above.ok).toBe(false);
  });

  it('accepts the file keys and refuses unknown ones', () => {
    expect(tracingOf({}, { tracing: { endpoint: 'http://127.0.0.1:4318/v1/traces', propagateToVendor: true } })).toMatchObject({ endpoint: 'http://127.0.0.1:4318/v1/traces', propagateToVendor: true });
    expect(loadConfig({ env: {}, overrides: { tracing: { sampling: 1 } } }).ok).toBe(false);
    expect(loadConfig({ env: {}, overrides: { tracing: { endpoint: 'collector:4318' } } }).ok).toBe(false);
  });
});
