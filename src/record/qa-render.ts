/** Pure renderers of the QA report: terminal summary and JUnit XML (one suite per operation). */
import { caseFailed, explainCase, type QaReport } from './qa-report';

/** The terminal summary: per operation parity, violations, latency; each failing case explained. */
export function renderTerminal(report: QaReport): string {
  const lines = [`A: ${report.a}`, `B: ${report.b}`, `rules: ${report.rulesVersion}`, ''];
  lines.push(`${'operation'.padEnd(30)} ${'cases'.padStart(5)} ${'parity'.padStart(8)} ${'A viol'.padStart(6)} ${'B viol'.padStart(6)} ${'A ms'.padStart(7)} ${'B ms'.padStart(7)}`);
  for (const op of report.operations) {
    lines.push(`${op.operation.padEnd(30)} ${String(op.cases).padStart(5)} ${op.parityPercent.toFixed(1).padStart(7)}% ${String(op.violationsA).padStart(6)} ${String(op.violationsB).padStart(6)} ${op.meanMsA.toFixed(1).padStart(7)} ${op.meanMsB.toFixed(1).padStart(7)}`);
  }
  const failing = report.cases.filter(caseFailed);
  if (failing.length > 0) lines.push('', 'failing cases:');
  for (const c of failing.slice(0, 50)) lines.push(`  ${c.operation} ${c.name}`, ...explainCase(c, report.rulesVersion).slice(0, 10).map((l) => `    ${l}`));
  lines.push('', report.clean ? `clean: ${report.cases.length} requests, no differences, no contract violations` : `${report.failed} of ${report.cases.length} requests differ or break the contract`);
  return lines.join('\n') + '\n';
}

/** Escapes text for XML attributes and content. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).split('').filter((c) => c >= ' ' || c === '\n' || c === '\t' || c === '\r').join('');
}

/** JUnit XML: one `<testsuite>` per operation, one `<testcase>` per request, the diff in the failure. */
export function renderJunit(report: QaReport): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="understudy diff" tests="${report.cases.length}" failures="${report.failed}">`];
  for (const op of report.operations) {
    const cases = report.cases.filter((c) => c.operation === op.operation);
    const failures = cases.filter(caseFailed).length;
    out.push(`  <testsuite name="${escapeXml(op.operation)}" tests="${cases.length}" failures="${failures}" time="${(cases.reduce((n, c) => n + Math.max(c.a.ms, c.b.ms), 0) / 1000).toFixed(3)}">`);
    for (const c of cases) {
      const head = `    <testcase classname="${escapeXml(op.operation)}" name="${escapeXml(c.name)}" time="${(Math.max(c.a.ms, c.b.ms) / 1000).toFixed(3)}"`;
      if (!caseFailed(c)) {
        out.push(`${head}/>`);
        continue;
      }
      const reasons = explainCase(c, report.rulesVersion);
      out.push(`${head}>`, `      <failure message="${escapeXml(reasons[0] ?? 'failed')}" type="${c.differences.length > 0 ? 'difference' : 'contract'}">${escapeXml(reasons.join('\n'))}</failure>`, '    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
