/**
 * Draws a Grafana dashboard's panels from Prometheus query results as one self-contained HTML page
 * (inline SVG, no scripts, no network): the queries and layout are the dashboard's, the drawing is
 * this file's, not Grafana's. Used to put a picture of the overview into the README.
 */
import type { PrometheusSeries } from './prometheus-server';

/** The parts of a Grafana dashboard JSON this page draws. */
export interface DashboardJson {
  readonly title: string;
  readonly panels: readonly DashboardPanel[];
}

/** One panel: layout (24-column grid), type and its Prometheus targets. */
export interface DashboardPanel {
  readonly id: number;
  readonly type: string;
  readonly title: string;
  readonly gridPos: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  readonly targets?: readonly { readonly expr: string; readonly legendFormat?: string }[];
  readonly fieldConfig?: { readonly defaults?: { readonly unit?: string } };
  readonly options?: { readonly content?: string };
}

/** A labelled series ready to draw. */
interface Line {
  readonly label: string;
  readonly values: readonly (readonly [number, number])[];
}

const palette = ['#7eb26d', '#eab839', '#6ed0e0', '#ef843c', '#e24d42', '#1f78c1', '#ba43a9', '#705da0', '#508642', '#cca300'];
const rowPx = 30;
const colPx = 56;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Grafana's `{{label}}` legend templating. */
export function formatLegend(format: string | undefined, metric: Record<string, string>): string {
  if (format === undefined || format === '') return JSON.stringify(metric);
  return format.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => metric[name] ?? '');
}

/** A value in the panel's unit, short. */
export function formatValue(value: number, unit: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  if (unit === 'percentunit') return `${(value * 100).toFixed(value < 0.1 ? 2 : 1)}%`;
  if (unit === 's') return value < 1 ? `${(value * 1000).toFixed(value < 0.01 ? 2 : 0)} ms` : `${value.toFixed(2)} s`;
  if (unit === 'bytes') return value >= 1048576 ? `${(value / 1048576).toFixed(1)} MiB` : `${(value / 1024).toFixed(0)} KiB`;
  const text = Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2).replace(/\.?0+$/, '');
  return unit === 'reqps' ? `${text} req/s` : unit === 'ops' ? `${text}/s` : text;
}

function drawTimeseries(lines: readonly Line[], width: number, height: number, unit: string | undefined): string {
  const points = lines.flatMap((l) => l.values.filter(([, v]) => Number.isFinite(v)));
  if (points.length === 0) return '<p class="empty">no data</p>';
  const [t0, t1] = [Math.min(...points.map((p) => p[0])), Math.max(...points.map((p) => p[0]))];
  const vMax = Math.max(...points.map((p) => p[1]), 0);
  const vMin = Math.min(...points.map((p) => p[1]), 0);
  const x = (t: number): number => 44 + ((t - t0) / Math.max(t1 - t0, 1)) * (width - 52);
  const y = (v: number): number => height - 16 - ((v - vMin) / Math.max(vMax - vMin, 1e-9)) * (height - 24);
  const paths = lines.map((line, i) => {
    const d = line.values.filter(([, v]) => Number.isFinite(v)).map(([t, v], j) => `${j === 0 ? 'M' : 'L'}${x(t).toFixed(1)},${y(v).toFixed(1)}`).join('');
    return `<path d="${d}" fill="none" stroke="${palette[i % palette.length]}" stroke-width="1.6"/>`;
  });
  const axis = `<text x="2" y="12">${escapeHtml(formatValue(vMax, unit))}</text><text x="2" y="${height - 18}">${escapeHtml(formatValue(vMin, unit))}</text>` +
    `<line x1="44" y1="${height - 16}" x2="${width - 8}" y2="${height - 16}" stroke="#444"/><text x="44" y="${height - 2}">${new Date(t0 * 1000).toISOString().slice(11, 19)}</text>` +
    `<text x="${width - 60}" y="${height - 2}">${new Date(t1 * 1000).toISOString().slice(11, 19)} UTC</text>`;
  return `<svg width="${width}" height="${height}">${axis}${paths.join('')}</svg>`;
}

function drawLegend(lines: readonly Line[], unit: string | undefined): string {
  const rows = lines.slice(0, 8).map((line, i) => {
    const last = line.values.at(-1)?.[1] ?? NaN;
    return `<li><span style="background:${palette[i % palette.length]}"></span>${escapeHtml(line.label)} <b>${escapeHtml(formatValue(last, unit))}</b></li>`;
  });
  const more = lines.length > 8 ? `<li>… ${lines.length - 8} more</li>` : '';
  return `<ul class="legend">${rows.join('')}${more}</ul>`;
}

function drawPanel(panel: DashboardPanel, lines: readonly Line[]): string {
  const width = panel.gridPos.w * colPx - 16;
  const height = panel.gridPos.h * rowPx - 34;
  const unit = panel.fieldConfig?.defaults?.unit;
  let body: string;
  if (panel.type === 'text') body = `<p class="text">${escapeHtml(panel.options?.content ?? '')}</p>`;
  else if (panel.type === 'stat') body = `<div class="stat">${lines.map((l) => `<div><b>${escapeHtml(formatValue(l.values.at(-1)?.[1] ?? NaN, unit))}</b> ${escapeHtml(l.label)}</div>`).join('') || 'no data'}</div>`;
  else body = `<div class="ts">${drawTimeseries(lines, Math.floor(width * 0.62), height, unit)}${drawLegend(lines, unit)}</div>`;
  const style = `left:${panel.gridPos.x * colPx}px;top:${panel.gridPos.y * rowPx}px;width:${width}px;height:${panel.gridPos.h * rowPx - 10}px`;
  return `<section style="${style}"><h2>${escapeHtml(panel.title)}</h2>${body}</section>`;
}

/** The page: every panel of `dashboard` drawn from `results` (per panel id, one entry per target). */
export function renderDashboardPage(dashboard: DashboardJson, results: ReadonlyMap<number, readonly PrometheusSeries[][]>, caption: string): string {
  const panels = dashboard.panels.map((panel) => {
    const perTarget = results.get(panel.id) ?? [];
    const lines = (panel.targets ?? []).flatMap((target, i) => (perTarget[i] ?? []).map((s) => ({ label: formatLegend(target.legendFormat, s.metric), values: s.values })));
    return drawPanel(panel, lines);
  });
  const bottom = Math.max(...dashboard.panels.map((p) => (p.gridPos.y + p.gridPos.h) * rowPx));
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(dashboard.title)}</title><style>
body{margin:0;background:#111217;color:#ccccdc;font:12px sans-serif}
header{padding:8px 12px;border-bottom:1px solid #333}header h1{font-size:16px;margin:0}header p{margin:2px 0 0;color:#8e8e9e}
main{position:relative;margin:8px;height:${bottom}px}section{position:absolute;box-sizing:border-box;background:#181b1f;border:1px solid #2c3235;border-radius:3px;padding:4px 8px;overflow:hidden}
h2{font-size:12px;margin:0 0 4px;font-weight:600}.ts{display:flex;gap:6px}svg text{fill:#8e8e9e;font-size:10px}
.legend{list-style:none;margin:0;padding:0;font-size:10px;overflow:hidden}.legend li{white-space:nowrap}.legend span{display:inline-block;width:10px;height:3px;margin-right:4px;vertical-align:middle}
.stat div{font-size:12px}.stat b{font-size:22px;color:#73bf69}.text{color:#8e8e9e}.empty{color:#e24d42}
</style></head><body><header><h1>${escapeHtml(dashboard.title)}</h1><p>${escapeHtml(caption)}</p></header><main>${panels.join('')}</main></body></html>`;
}
