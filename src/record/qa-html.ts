/**
 * The QA report as one self-contained HTML file (no scripts, styles inline): per operation a
 * summary row, per failing request each differing field with both values, and both answers side by
 * side.
 */
import { caseFailed, explainCase, type CaseResult, type QaReport } from './qa-report';
import { escapeXml } from './qa-render';

const style = 'body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}.bad{background:#fde2e2}.ok{background:#e6f6e6}pre{max-height:30em;overflow:auto;margin:0;font-size:12px}';

function pretty(value: unknown): string {
  return escapeXml(JSON.stringify(value, null, 2) ?? 'null');
}

function renderCase(c: CaseResult, rulesVersion: string): string {
  const rows = c.differences.map((d) => `<tr class="bad" data-pointer="${escapeXml(d.pointer)}"><td><code>${escapeXml(d.pointer || '/')}</code></td><td>${escapeXml(d.kind)}</td><td><code>${pretty(d.primary)}</code></td><td><code>${pretty(d.candidate)}</code></td></tr>`);
  const reasons = explainCase(c, rulesVersion).filter((l) => l.includes('contract')).map((l) => `<li>${escapeXml(l)}</li>`);
  return [
    `<section class="case" data-operation="${escapeXml(c.operation)}"><h3>${escapeXml(c.operation)} — ${escapeXml(c.name)}</h3>`,
    rows.length > 0 ? `<table><tr><th>pointer</th><th>kind</th><th>A</th><th>B</th></tr>${rows.join('')}</table>` : '',
    reasons.length > 0 ? `<ul>${reasons.join('')}</ul>` : '',
    `<table><tr><th>A (${c.a.status ?? 'no answer'}, ${c.a.ms.toFixed(1)} ms)</th><th>B (${c.b.status ?? 'no answer'}, ${c.b.ms.toFixed(1)} ms)</th></tr><tr><td><pre>${pretty(c.a.body)}</pre></td><td><pre>${pretty(c.b.body)}</pre></td></tr></table></section>`,
  ].join('');
}

/** The whole report as one HTML document. */
export function renderHtml(report: QaReport): string {
  const summary = report.operations.map((op) => `<tr class="${op.parityPercent < 100 || op.violationsA + op.violationsB > 0 ? 'bad' : 'ok'}"><td>${escapeXml(op.operation)}</td><td>${op.cases}</td><td>${op.parityPercent.toFixed(1)} %</td><td>${op.violationsA}</td><td>${op.violationsB}</td><td>${op.meanMsA.toFixed(1)}</td><td>${op.meanMsB.toFixed(1)}</td></tr>`);
  const failing = report.cases.filter(caseFailed).slice(0, 500).map((c) => renderCase(c, report.rulesVersion));
  return `<!doctype html><html><head><meta charset="utf-8"><title>understudy diff</title><style>${style}</style></head><body>
<h1>understudy diff</h1><p>A: <code>${escapeXml(report.a)}</code> · B: <code>${escapeXml(report.b)}</code> · rules ${escapeXml(report.rulesVersion)}</p>
<p>${report.clean ? 'clean' : `${report.failed} of ${report.cases.length} requests differ or break the contract`}</p>
<table><tr><th>operation</th><th>requests</th><th>parity</th><th>A violations</th><th>B violations</th><th>A mean ms</th><th>B mean ms</th></tr>${summary.join('')}</table>
<h2>Failing requests</h2>${failing.length === 0 ? '<p>none</p>' : failing.join('\n')}
</body></html>
`;
}
