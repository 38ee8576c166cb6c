import { createFacadeMetrics, type FacadeMetrics } from '../../../src/metrics/facade-metrics';
import type { RequestOutcome, RequestTarget } from '../../../src/metrics/label-sets';
import { findSamples, parseExposition, sampleValue, type Sample } from './parse-exposition';

const operations = ['asset.get', 'ottuser.login', 'bookmark.add'];

async function scrape(metrics: FacadeMetrics): Promise<Sample[]> {
  return parseExposition((await metrics.render()).body);
}

describe('createFacadeMetrics', () => {
  it('renders the Prometheus text format with understudy_ names only, process metrics included', async () => {
    const metrics = createFacadeMetrics({ operations });
    const rendered = await metrics.render();
    expect(rendered.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const names = [...rendered.body.matchAll(/^# TYPE (\S+)/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(name).toMatch(/^understudy_/);
    expect(names).toEqual(expect.arrayContaining([
      'understudy_process_cpu_user_seconds_total',
      'understudy_requests_total',
      'understudy_request_duration_seconds',
      'understudy_upstream_duration_seconds',
      'understudy_decisions_total',
      'understudy_policy_version',
      'understudy_policy_reloads_total',
      'understudy_upstream_errors_total',
      'understudy_breaker_state',
      'understudy_contract_violations_total',
      'understudy_inflight_requests',
      'understudy_draining',
    ]));
  });

  it('counts requests by operation, target and outcome and observes their duration', async () => {
    const metrics = createFacadeMetrics({ operations });
    metrics.recordRequest({ operation: 'asset.get', target: 'platform', outcome: 'ok', seconds: 0.003 });
    metrics.recordRequest({ operation: 'asset.get', target: 'platform', outcome: 'ok', seconds: 0.2 });
    metrics.recordRequest({ operation: 'asset.get', target: 'vendor', outcome: 'fallback', seconds: 1.5 });
    const samples = await scrape(metrics);
    const ok = { operation: 'asset.get', target: 'platform', outcome: 'ok' };
    expect(sampleValue(samples, 'understudy_requests_total', ok)).toBe(2);
    expect(sampleValue(samples, 'understudy_requests_total', { target: 'vendor', outcome: 'fallback' })).toBe(1);
    const series = { operation: 'asset.get', target: 'platform' };
    expect(sampleValue(samples, 'understudy_request_duration_seconds_count', series)).toBe(2);
    expect(sampleValue(samples, 'understudy_request_duration_seconds_sum', series)).toBeCloseTo(0.203);
    expect(sampleValue(samples, 'understudy_request_duration_seconds_bucket', { ...series, le: '0.0025' })).toBe(0);
    expect(sampleValue(samples, 'understudy_request_duration_seconds_bucket', { ...series, le: '0.005' })).toBe(1);
    expect(sampleValue(samples, 'understudy_request_duration_seconds_bucket', { ...series, le: '0.25' })).toBe(2);
  });

  it('uses latency buckets from 0.5 ms to 5 s', async () => {
    const metrics = createFacadeMetrics({ operations });
    metrics.recordUpstream({ upstream: 'vendor', operation: 'asset.get', seconds: 0.0004 });
    const buckets = findSamples(await scrape(metrics), 'understudy_upstream_duration_seconds_bucket').map((s) => s.labels.le);
    expect(buckets[0]).toBe('0.0005');
    expect(buckets).toContain('5');
    expect(buckets[buckets.length - 1]).toBe('+Inf');
  });

  it('records an operation outside the contract list as other, never as the string sent', async () => {
    const metrics = createFacadeMetrics({ operations });
    metrics.recordRequest({ operation: 'evil"}\nservice.x', target: 'none', outcome: 'bad_request', seconds: 0.001 });
    metrics.recordRequest({ operation: 'ASSET.GET', target: 'none', outcome: 'bad_request', seconds: 0.001 });
    metrics.recordDecision({ operation: 'made.up', target: 'vendor', reason: 'default' });
    metrics.recordContractViolation({ operation: 'no.such' });
    metrics.recordUpstream({ upstream: 'platform', operation: 'x.y', seconds: 0.01 });
    const rendered = await metrics.render();
    expect(rendered.body).not.toMatch(/evil|ASSET\.GET|made\.up|no\.such|x\.y/);
    const samples = parseExposition(rendered.body);
    expect(sampleValue(samples, 'understudy_requests_total', { operation: 'other', outcome: 'bad_request' })).toBe(2);
    expect(sampleValue(samples, 'understudy_decisions_total', { operation: 'other' })).toBe(1);
    expect(sampleValue(samples, 'understudy_contract_violations_total', { operation: 'other' })).toBe(1);
    expect(sampleValue(samples, 'understudy_upstream_duration_seconds_count', { operation: 'other' })).toBe(1);
  });

  it('closes every other label set too', async () => {
    const metrics = createFacadeMetrics({ operations });
    metrics.recordRequest({
      operation: 'asset.get', target: 'mars' as RequestTarget, outcome: 'weird' as RequestOutcome, seconds: 0.01,
    });
    metrics.recordDecision({ operation: 'asset.get', target: 'platform', reason: 'because' as 'rule' });
    metrics.recordUpstreamError({ upstream: 'cdn' as 'vendor', kind: 'dns' as 'connect' });
    metrics.recordPolicyReload({ result: 'maybe' as 'applied', source: 'env' as 'file' });
    const samples = await scrape(metrics);
    expect(sampleValue(samples, 'understudy_requests_total', { target: 'other', outcome: 'other' })).toBe(1);
    expect(sampleValue(samples, 'understudy_decisions_total', { target: 'platform', reason: 'other' })).toBe(1);
    expect(sampleValue(samples, 'understudy_upstream_errors_total', { upstream: 'other', kind: 'other' })).toBe(1);
    expect(sampleValue(samples, 'understudy_policy_reloads_total', { result: 'other', source: 'other' })).toBe(1);
  });

  it('keeps every decision reason of the policy as its own label value', async () => {
    const metrics = createFacadeMetrics({ operations });
    const reasons = ['kill-switch-global', 'kill-switch-operation', 'qa-override', 'rule', 'rule-percent-out', 'default'] as const;
    for (const reason of reasons) metrics.recordDecision({ operation: 'bookmark.add', target: 'vendor', reason });
    const samples = await scrape(metrics);
    for (const reason of reasons) {
      expect(sampleValue(samples, 'understudy_decisions_total', { operation: 'bookmark.add', target: 'vendor', reason })).toBe(1);
    }
  });

  it('tracks upstream errors, breaker state, policy version and reloads', async () => {
    const metrics = createFacadeMetrics({ operations });
    let samples = await scrape(metrics);
    expect(sampleValue(samples, 'understudy_breaker_state', { upstream: 'vendor' })).toBe(0);
    expect(sampleValue(samples, 'understudy_breaker_state', { upstream: 'platform' })).toBe(0);
    metrics.recordUpstreamError({ upstream: 'platform', kind: 'timeout' });
    metrics.recordUpstreamError({ upstream: 'platform', kind: 'timeout' });
    metrics.recordUpstreamError({ upstream: 'platform', kind: 'breaker_open' });
    metrics.setBreakerState({ upstream: 'platform', state: 'open' });
    metrics.setBreakerState({ upstream: 'vendor', state: 'half-open' });
    metrics.setPolicyVersion(7);
    metrics.recordPolicyReload({ result: 'applied', source: 'admin' });
    metrics.recordPolicyReload({ result: 'rejected', source: 'file' });
    samples = await scrape(metrics);
    expect(sampleValue(samples, 'understudy_upstream_errors_total', { upstream: 'platform', kind: 'timeout' })).toBe(2);
    expect(sampleValue(samples, 'understudy_upstream_errors_total', { upstream: 'platform', kind: 'breaker_open' })).toBe(1);
    expect(sampleValue(samples, 'understudy_breaker_state', { upstream: 'platform' })).toBe(2);
    expect(sampleValue(samples, 'understudy_breaker_state', { upstream: 'vendor' })).toBe(1);
    expect(sampleValue(samples, 'understudy_policy_version')).toBe(7);
    expect(sampleValue(samples, 'understudy_policy_reloads_total', { result: 'applied', source: 'admin' })).toBe(1);
    expect(sampleValue(samples, 'understudy_policy_reloads_total', { result: 'rejected', source: 'file' })).toBe(1);
  });

  it('tracks in-flight requests without going below zero, and the draining flag', async () => {
    const metrics = createFacadeMetrics({ operations });
    metrics.beginRequest();
    metrics.beginRequest();
    metrics.endRequest();
    metrics.setDraining(true);
    let samples = await scrape(metrics);
    expect(sampleValue(samples, 'understudy_inflight_requests')).toBe(1);
    expect(sampleValue(samples, 'understudy_draining')).toBe(1);
    metrics.endRequest();
    metrics.endRequest();
    metrics.setDraining(false);
    samples = await scrape(metrics);
    expect(sampleValue(samples, 'understudy_inflight_requests')).toBe(0);
    expect(sampleValue(samples, 'understudy_draining')).toBe(0);
  });

  it('never throws on a bad duration: negative counts as 0, NaN is counted but not observed', async () => {
    const metrics = createFacadeMetrics({ operations });
    metrics.recordRequest({ operation: 'asset.get', target: 'vendor', outcome: 'ok', seconds: -1 });
    metrics.recordRequest({ operation: 'asset.get', target: 'vendor', outcome: 'ok', seconds: Number.NaN });
    metrics.recordUpstream({ upstream: 'vendor', operation: 'asset.get', seconds: Number.POSITIVE_INFINITY });
    metrics.setPolicyVersion(Number.NaN);
    const samples = await scrape(metrics);
    expect(sampleValue(samples, 'understudy_requests_total', { operation: 'asset.get' })).toBe(2);
    expect(sampleValue(samples, 'understudy_request_duration_seconds_count', { operation: 'asset.get' })).toBe(1);
    expect(sampleValue(samples, 'understudy_request_duration_seconds_sum', { operation: 'asset.get' })).toBe(0);
    expect(findSamples(samples, 'understudy_upstream_duration_seconds_count')).toHaveLength(0);
    expect(sampleValue(samples, 'understudy_policy_version')).toBe(0);
  });

  it('gives each instance its own registry', async () => {
    const first = createFacadeMetrics({ operations });
    const second = createFacadeMetrics({ operations });
    expect(first.registry).not.toBe(second.registry);
    first.recordRequest({ operation: 'asset.get', target: 'platform', outcome: 'ok', seconds: 0.01 });
    first.setPolicyVersion(3);
    const other = await scrape(second);
    expect(findSamples(other, 'understudy_requests_total')).toHaveLength(0);
    expect(sampleValue(other, 'understudy_policy_version')).toBe(0);
    expect(sampleValue(await scrape(first), 'understudy_requests_total', { operation: 'asset.get' })).toBe(1);
  });

  it('registers nothing in prom-client\'s global registry', async () => {
    const { register } = await import('prom-client');
    createFacadeMetrics({ operations });
    expect(register.getMetricsAsArray().filter((m) => m.name.startsWith('understudy_'))).toHaveLength(0);
  });

  it('treats everything as other when no operation list is given', async () => {
    const metrics = createFacadeMetrics();
    metrics.recordContractViolation({ operation: 'asset.get' });
    expect(sampleValue(await scrape(metrics), 'understudy_contract_violations_total', { operation: 'other' })).toBe(1);
  });
});
