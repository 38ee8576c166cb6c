/** Metric names in PromQL expressions, for checks that rules and panels name only understudy's metrics. */

const promqlWords = new Set(['sum', 'by', 'max', 'min', 'count', 'rate', 'increase', 'changes', 'histogram_quantile', 'and', 'or', 'on', 'without', 'avg', 'le', 'group_left', 'unless', 'max_over_time']);

/** Metric names an expression selects (identifiers outside label matchers, ranges and `by (…)` lists). */
export function selectedMetrics(expr: string): string[] {
  const stripped = expr.replace(/\{[^}]*\}/g, '').replace(/\b(by|without|on)\s*\([^)]*\)/g, '').replace(/\[[^\]]*\]/g, '');
  return [...stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)].map((m) => m[0]).filter((w) => !promqlWords.has(w) && !/^\d/.test(w));
}
