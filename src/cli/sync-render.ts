/**
 * Terminal rendering of the sync's admin answers (style.md practice 12: the command computes a
 * typed result through the admin API, this only formats it).
 */

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null ? (v as Obj) : {});
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0) || 0);
const txt = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** `understudy sync status`: one line per entity. */
export function renderSyncStatus(status: Obj): string {
  const header = ['entity', 'on', 'pending', 'applied', 'lag p50', 'lag p99', 'conflicts', 'dead', 'echoes', 'policy'];
  const widths = [10, 4, 8, 8, 8, 8, 10, 6, 7, 15];
  const rows = Object.entries(obj(status.entities)).map(([entity, value]) => {
    const e = obj(value);
    const lag = obj(e.lagSeconds);
    return [entity, e.enabled === true ? 'on' : 'off', txt(e.pending), txt(e.applied), `${num(lag.p50).toFixed(2)}s`, `${num(lag.p99).toFixed(2)}s`, txt(e.conflicts), txt(e.deadLetters), txt(e.echoesDropped), txt(e.policy)];
  });
  const line = (cells: string[]): string => cells.map((c, i) => pad(c, widths[i]!)).join(' ').trimEnd();
  const outbox = obj(status.outbox);
  return [line(header), ...rows.map(line), '', `outbox: ${num(outbox.pending)} pending, ${num(outbox.leased)} leased, ${num(outbox.dead)} dead; oldest open ${num(outbox.oldestOpenAgeSeconds).toFixed(1)} s`].join('\n');
}

/** The entities a cycle compared, each with its keys compared (`pin 12, profile 96, …`). */
function compared(report: Obj): string {
  const entities = Array.isArray(report.entities) ? (report.entities as unknown[]).map(txt) : [];
  const counts = obj(report.comparedByEntity);
  return entities.length === 0 ? 'none' : entities.map((e) => `${e} ${num(counts[e])}`).join(', ');
}

/** `understudy sync reconcile`: totals, then the first items. */
export function renderReconcileReport(report: Obj): string {
  const kinds = obj(report.byKind);
  const lines = [
    `reconciled ${num(report.households)} households, ${num(report.compared)} keys compared in ${num(report.durationMs)} ms`,
    `drift: ${num(report.drift)} (missing ${num(kinds.missing)}, extra ${num(kinds.extra)}, different ${num(kinds.different)}); skipped in flight: ${num(report.skippedInFlight)}`,
    `repairs: ${num(report.repairsEnqueued)} enqueued, ${num(report.repairsPending)} still pending`,
    `entities: ${compared(report)}`,
  ];
  const items = Array.isArray(report.items) ? (report.items as unknown[]).map(obj) : [];
  for (const item of items.slice(0, 20)) lines.push(`  ${pad(txt(item.entity), 15)} ${pad(txt(item.kind), 10)} on ${pad(txt(item.side), 9)} household ${txt(item.householdId)} key ${txt(item.key)}`);
  for (const error of Array.isArray(report.errors) ? (report.errors as unknown[]) : []) lines.push(`  error: ${txt(error)}`);
  return lines.join('\n');
}

/** `understudy sync off|on`: what the switch did. */
export function renderSwitchReport(report: Obj): string {
  const entities = Array.isArray(report.entities) ? (report.entities as unknown[]).map(txt) : [];
  const what = `${entities.join(', ')} ${report.enabled === true ? 'on' : 'off'}`;
  if (report.enabled === true) return `sync ${what}; ${num(report.pendingBefore)} changes open`;
  return `sync ${what}: capture stopped; drained ${num(report.drained)} of ${num(report.pendingBefore)} open changes in ${num(report.waitedMs)} ms, ${num(report.left)} left`;
}
