import type { CoverageReport } from '../metrics/coverage-tally';

/** A terminal table of a coverage report: one line per operation, then what still needs the vendor. */
export function renderCoverage(report: CoverageReport): string {
  const rows = report.operations.map((e) => [e.operation, String(e.seen), String(e.translated), String(e.passedThrough), e.hasTranslator ? 'yes' : 'NO', e.lastSeen]);
  const header = ['operation', 'seen', 'translated', 'passed through', 'translator', 'last seen'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  const t = report.totals;
  const lines = [
    `coverage since ${report.since}: ${t.seen} calls, ${t.translated} translated, ${t.passedThrough} passed through`,
    line(header),
    ...rows.map(line),
    report.untranslated.length === 0 ? 'every operation seen has a translator' : `still need the vendor (no translator): ${report.untranslated.join(', ')}`,
  ];
  return `${lines.join('\n')}\n`;
}
