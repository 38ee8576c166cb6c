import { formatLegend, formatValue, renderDashboardPage, type DashboardJson } from '../../support/dashboard-page';

describe('dashboard page', () => {
  it('fills legends like Grafana and formats values by unit', () => {
    expect(formatLegend('{{operation}} → {{ target }}', { operation: 'asset.get', target: 'platform' })).toBe('asset.get → platform');
    expect(formatValue(0.0523, 'percentunit')).toBe('5.23%');
    expect(formatValue(0.213, 's')).toBe('213 ms');
    expect(formatValue(3.4, 'reqps')).toBe('3.4 req/s');
    expect(formatValue(157286400, 'bytes')).toBe('150.0 MiB');
    expect(formatValue(NaN, 's')).toBe('NaN');
  });

  it('draws each panel from its results, escapes labels and says so when a panel has no data', () => {
    const dashboard: DashboardJson = {
      title: 'T <1>',
      panels: [
        { id: 1, type: 'timeseries', title: 'rates', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ expr: 'x', legendFormat: '{{op}}' }], fieldConfig: { defaults: { unit: 'reqps' } } },
        { id: 2, type: 'stat', title: 'count', gridPos: { x: 12, y: 0, w: 12, h: 4 }, targets: [{ expr: 'y', legendFormat: 'n' }] },
        { id: 3, type: 'timeseries', title: 'empty', gridPos: { x: 0, y: 8, w: 12, h: 8 }, targets: [{ expr: 'z' }] },
      ],
    };
    const results = new Map([
      [1, [[{ metric: { op: '<b>' }, values: [[100, 1], [101, 2]] as [number, number][] }]]],
      [2, [[{ metric: {}, values: [[101, 3]] as [number, number][] }]]],
    ]);
    const html = renderDashboardPage(dashboard, results, 'caption');
    expect(html).toContain('&lt;b&gt; <b>2 req/s</b>');
    expect(html).toContain('<b>3</b> n');
    expect(html).toContain('T &lt;1&gt;');
    expect(html.match(/<path /g)).toHaveLength(1);
    expect(html.match(/no data/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script|https?:\/\//);
  });
});
