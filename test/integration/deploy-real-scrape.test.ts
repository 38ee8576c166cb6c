/**
 * A real Prometheus scrapes a running understudy (lab sims, port 0) under lab traffic with faults,
 * evaluating deploy/prometheus/understudy-rules.yaml. Every recording rule must evaluate without
 * error to a non-empty result, and so must every query of both Grafana dashboards: no rule or panel
 * may name a metric the code does not export. Then the overview's panels are drawn from the same
 * data in headless Chromium (test/support/dashboard-page.ts, not Grafana) and saved as a PNG:
 * .ci/out/grafana-overview.png, or $UNDERSTUDY_DASHBOARD_PNG (`npm run deploy:screenshot` writes
 * docs/images/grafana-overview.png).
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { parse } from 'yaml';
import type { RunningUnderstudy } from '../../src/main';
import { renderDashboardPage, type DashboardJson } from '../support/dashboard-page';
import { deployDir, repoRoot, toolUnavailableReason, reportSkipped } from '../support/deploy-tools';
import { startFacadeLab } from '../support/facade-lab';
import { selectedMetrics } from '../support/promql-names';
import { applySplitPolicy, driveLabTraffic, driveShadowAndSync, loginLabDevices, setSimFaults } from '../support/lab-traffic';
import { metricsScrapeTarget } from '../support/metrics-scrape-target';
import { startPrometheus, type PrometheusSeries, type PrometheusServer } from '../support/prometheus-server';

const rulesFile = join(deployDir, 'prometheus/understudy-rules.yaml');
const ruleList = (parse(readFileSync(rulesFile, 'utf8')) as { groups: { rules: { record?: string; alert?: string; expr: string }[] }[] }).groups.flatMap((g) => g.rules);
const recordingRules = ruleList.map((r) => r.record).filter((r): r is string => r !== undefined);
const dashboards = ['migration-overview', 'instance-resources'].map((name) => ({ name, json: JSON.parse(readFileSync(join(deployDir, `grafana/${name}.json`), 'utf8')) as DashboardJson }));
const dashboardQueries = dashboards.flatMap(({ name, json }) => json.panels.flatMap((p) => (p.targets ?? []).map((t) => [name, p.title, t.expr] as const)));

const unavailable = toolUnavailableReason('prometheus');
const describeScrape = unavailable === undefined ? describe : describe.skip;
reportSkipped('real Prometheus scrape', unavailable);
if (unavailable !== undefined) it.skip(`real Prometheus scrape: skipped because ${unavailable}`, () => undefined);

describeScrape('a real Prometheus scraping understudy under lab traffic with faults', () => {
  let running: RunningUnderstudy;
  let prometheus: PrometheusServer;
  let startedAt: number;

  // Seconds each phase took, written to .ci/out/deploy-real-scrape-phases.json (where a slow run spent its time).
  const phases: Record<string, number> = {};
  async function timed<T>(phase: string, step: () => Promise<T>): Promise<T> {
    const begun = performance.now();
    try {
      return await step();
    } finally {
      phases[phase] = Math.round(performance.now() - begun) / 1000;
    }
  }

  beforeAll(async () => {
    running = await timed('start understudy', () => startFacadeLab({ overrides: { admin: { token: 'observability-admin-token-0123' } } }));
    prometheus = await timed('start prometheus', () => startPrometheus(metricsScrapeTarget(running), [rulesFile]));
    await timed('first scrape', () => prometheus.waitForFirstScrape());
    startedAt = Date.now() / 1000;
    await applySplitPolicy(running);
    const devices = await timed('log devices in', () => loginLabDevices(running));
    await timed('traffic', async () => {
      await driveLabTraffic(running, devices, 3_000);
      await setSimFaults(running, { errorRate: 0.25, resetRate: 0.05, jitterMs: 20 });
      await driveLabTraffic(running, devices, 4_000);
      await setSimFaults(running, {});
      await driveLabTraffic(running, devices, 2_000);
      // Shadow samples, write drops and sync work, so the shadow, parity and sync alerts name live series.
      await driveShadowAndSync(running, devices.slice(0, 3));
    });
    // Two more scrapes and rule evaluations (1 s each) so the last of the traffic is in every rule.
    await new Promise((r) => setTimeout(r, 2_500));
    // About 30 s on a quiet machine; the ceiling is for a machine busy with other suites.
  }, 150_000);

  afterAll(async () => {
    await prometheus?.stop();
    await running?.close();
    mkdirSync(join(repoRoot, '.ci/out'), { recursive: true });
    writeFileSync(join(repoRoot, '.ci/out/deploy-real-scrape-phases.json'), JSON.stringify(phases, null, 2));
  });

  it('scrapes the instance (up == 1) and its rule groups evaluate without error', async () => {
    expect((await prometheus.query('up{job="understudy"}')).map((s) => s.values[0]![1])).toEqual([1]);
    const rules = (await (await fetch(`${prometheus.url}/api/v1/rules`)).json()) as { data: { groups: { rules: { name: string; health: string; lastError?: string }[] }[] } };
    const unhealthy = rules.data.groups.flatMap((g) => g.rules).filter((r) => r.health !== 'ok');
    expect(unhealthy).toEqual([]);
    expect(rules.data.groups.flatMap((g) => g.rules).length).toBeGreaterThanOrEqual(recordingRules.length);
  });

  it('every metric an alert or recording rule names exists in the scraped and recorded data', async () => {
    const known = new Set(((await (await fetch(`${prometheus.url}/api/v1/label/__name__/values`)).json()) as { data: string[] }).data);
    const named = [...new Set(ruleList.flatMap((r) => selectedMetrics(r.expr)))];
    expect(named.filter((name) => !known.has(name))).toEqual([]);
    expect(named).toEqual(expect.arrayContaining(['understudy_breaker_state', 'understudy_process_start_time_seconds', 'up']));
  });

  it.each(recordingRules)('recording rule %s is non-empty', async (record) => {
    expect((await prometheus.query(record)).length).toBeGreaterThan(0);
  });

  it.each(dashboardQueries)('%s / %s: %s is non-empty', async (_dashboard, _panel, expr) => {
    expect((await prometheus.query(expr)).length).toBeGreaterThan(0);
  });

  it('saw the faults: upstream errors, fallbacks or breaker refusals, and traffic on both targets', async () => {
    const targets = (await prometheus.query('target:understudy_requests:rate5m > 0')).map((s) => s.metric.target).sort();
    expect(targets).toEqual(['platform', 'vendor']);
    expect((await prometheus.query('sum(upstream_kind:understudy_upstream_errors:rate5m) > 0')).length).toBe(1);
    expect((await prometheus.query('max(operation:understudy_requests_errors:ratio_rate5m) > 0')).length).toBe(1);
  });

  const chromiumMissing = toolUnavailableReason('chromium');
  reportSkipped('dashboard picture', chromiumMissing);
  (chromiumMissing === undefined ? it : it.skip)(`draws the overview's panels from this data in headless Chromium${chromiumMissing === undefined ? '' : ` (skipped because ${chromiumMissing})`}`, async () => {
    const overview = dashboards.find((d) => d.name === 'migration-overview')!.json;
    const end = Date.now() / 1000;
    const results = new Map<number, PrometheusSeries[][]>();
    for (const panel of overview.panels) results.set(panel.id, await Promise.all((panel.targets ?? []).map((t) => prometheus.queryRange(t.expr, startedAt - 2, end, 1))));
    const html = renderDashboardPage(overview, results, `Panels of deploy/grafana/migration-overview.json drawn from a real Prometheus scraping understudy under lab traffic with sim faults (${new Date(end * 1000).toISOString().slice(0, 16)} UTC). A rendering of the dashboard's queries by test/support/dashboard-page.ts, not Grafana.`);
    const out = resolve(repoRoot, process.env.UNDERSTUDY_DASHBOARD_PNG ?? '.ci/out/grafana-overview.png');
    mkdirSync(dirname(out), { recursive: true });
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
      await page.setContent(html);
      await page.screenshot({ path: out, fullPage: true });
    } finally {
      await browser.close();
    }
    expect(html).not.toContain('no data');
    expect(readFileSync(out).subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(out).size).toBeGreaterThan(20_000);
  }, 60_000);
});
