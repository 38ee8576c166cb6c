/**
 * deploy/grafana: importable dashboards (unique uid and panel ids, Prometheus datasource variable,
 * panels inside the 24-column grid without overlapping) whose queries name only understudy's
 * metrics, recording rules of deploy/prometheus and `up`. That the queries return data is the
 * real-scrape test's job (deploy-real-scrape.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { deployDir } from '../../support/deploy-tools';
import { selectedMetrics } from '../../support/promql-names';

const dashboards = ['migration-overview', 'instance-resources'].map((name) => ({ name, json: JSON.parse(readFileSync(join(deployDir, `grafana/${name}.json`), 'utf8')) }));
const recorded = new Set(
  (parse(readFileSync(join(deployDir, 'prometheus/understudy-rules.yaml'), 'utf8')) as { groups: { rules: { record?: string }[] }[] }).groups.flatMap((g) => g.rules.map((r) => r.record)).filter(Boolean),
);
describe.each(dashboards)('deploy/grafana/$name.json', ({ json }) => {
  it('is an importable dashboard with a Prometheus datasource variable and unique panel ids', () => {
    expect(typeof json.uid).toBe('string');
    expect(json.templating.list.find((v: any) => v.type === 'datasource').query).toBe('prometheus');
    const ids = json.panels.map((p: any) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of json.panels.filter((p: any) => p.targets)) for (const target of panel.targets) expect(target.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
  });

  it('lays panels out inside 24 columns without overlaps', () => {
    const cells = new Set<string>();
    for (const { gridPos: g, title } of json.panels) {
      expect([title, g.x + g.w <= 24]).toEqual([title, true]);
      for (let x = g.x; x < g.x + g.w; x++) for (let y = g.y; y < g.y + g.h; y++) {
        expect(cells.has(`${x},${y}`)).toBe(false);
        cells.add(`${x},${y}`);
      }
    }
  });

  it('queries only understudy_ metrics, the recording rules and up', () => {
    const names = json.panels.flatMap((p: any) => (p.targets ?? []).flatMap((t: any) => selectedMetrics(t.expr)));
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect([name, name.startsWith('understudy_') || recorded.has(name) || name === 'up']).toEqual([name, true]);
  });
});

it('selectedMetrics finds metric names and skips labels, functions and ranges', () => {
  expect(selectedMetrics('sum by (operation) (rate(understudy_requests_total{outcome=~"a|b"}[5m])) / on (x) up{job="u"}')).toEqual(['understudy_requests_total', 'up']);
  expect(selectedMetrics('histogram_quantile(0.99, sum by (le) (rate(node_cpu_seconds_total[5m])))')).toEqual(['node_cpu_seconds_total']);
});
