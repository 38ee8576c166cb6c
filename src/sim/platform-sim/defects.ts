/**
 * platform-sim's translation-defect knob (issue 11, for demos and tests): `PUT /__sim/defects`
 * plants defects in the platform's JSON answers — a renamed or altered field, an off-by-one
 * number, a wrong enum case — so shadow mode can be shown to find them at the right operation and
 * JSON pointer. `GET` reads them, `PUT {"defects": []}` removes them.
 *
 *   { "defects": [ { "kind": "alter", "field": "title", "path": "/catalog/items", "rate": 1 } ] }
 *
 * With `"on": "write"` the defect is planted in the JSON body of a write (POST, PUT, PATCH) before
 * the platform stores it, so what the platform later answers for that entity is wrong: the defect a
 * comparison of writes by state must find (docs/shadow.md "Writes compared by state").
 */
import type { Reply } from './http/reply';

export type DefectKind = 'rename' | 'alter' | 'off-by-one' | 'enum-case';

export interface Defect {
  readonly kind: DefectKind;
  /** The JSON member changed wherever it appears in the answer. */
  readonly field: string;
  /** Only answers to request paths starting with this (default: every path). */
  readonly path?: string;
  /** New member name for `rename` (default `<field>_renamed`). */
  readonly to?: string;
  /** Share of matching answers changed, 0–1 (default 1). */
  readonly rate?: number;
  /** Where it is planted: the platform's answers (default) or the bodies of writes it stores. */
  readonly on?: 'answer' | 'write';
}

const kinds: readonly DefectKind[] = ['rename', 'alter', 'off-by-one', 'enum-case'];

function checkDefect(value: unknown, index: number): string | undefined {
  if (typeof value !== 'object' || value === null) return `defects[${index}] must be an object`;
  const d = value as Record<string, unknown>;
  for (const key of Object.keys(d)) if (!['kind', 'field', 'path', 'to', 'rate', 'on'].includes(key)) return `defects[${index}] has unknown property "${key}"`;
  if (!kinds.includes(d.kind as DefectKind)) return `defects[${index}].kind must be one of ${kinds.join(', ')}`;
  if (typeof d.field !== 'string' || d.field === '') return `defects[${index}].field must be a non-empty string`;
  if (d.path !== undefined && (typeof d.path !== 'string' || !d.path.startsWith('/'))) return `defects[${index}].path must start with "/"`;
  if (d.to !== undefined && (typeof d.to !== 'string' || d.to === '')) return `defects[${index}].to must be a non-empty string`;
  if (d.rate !== undefined && !(typeof d.rate === 'number' && d.rate >= 0 && d.rate <= 1)) return `defects[${index}].rate must be between 0 and 1`;
  if (d.on !== undefined && d.on !== 'answer' && d.on !== 'write') return `defects[${index}].on must be "answer" or "write"`;
  return undefined;
}

/** Validates a `PUT /__sim/defects` body; returns the defects or an error text. */
export function parseDefects(body: unknown): Defect[] | string {
  const list = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { defects?: unknown }).defects : undefined;
  if (!Array.isArray(list)) return 'body must be {"defects": [ … ]}';
  if (list.length > 20) return 'at most 20 defects';
  for (const [index, item] of list.entries()) {
    const problem = checkDefect(item, index);
    if (problem !== undefined) return problem;
  }
  return list as Defect[];
}

function changeValue(kind: DefectKind, value: unknown): unknown {
  if (kind === 'off-by-one') return typeof value === 'number' ? value + 1 : value;
  if (kind === 'enum-case') return typeof value === 'string' ? (value === value.toUpperCase() ? value.toLowerCase() : value.toUpperCase()) : value;
  if (typeof value === 'string') return `${value} (altered)`;
  if (typeof value === 'number') return value + 1000;
  if (typeof value === 'boolean') return !value;
  return value;
}

function plant(defect: Defect, value: unknown, depth = 0): unknown {
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => plant(defect, item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const planted = plant(defect, member, depth + 1);
    if (key !== defect.field) out[key] = planted;
    else if (defect.kind === 'rename') out[defect.to ?? `${key}_renamed`] = planted;
    else out[key] = changeValue(defect.kind, planted);
  }
  return out;
}

function matchingDefects(defects: readonly Defect[], on: 'answer' | 'write', path: string, random: () => number): Defect[] {
  return defects.filter((d) => (d.on ?? 'answer') === on && (d.path === undefined || path.startsWith(d.path)) && (d.rate === undefined || random() < d.rate));
}

/** A write's JSON body with every matching `on: "write"` defect planted; other bodies unchanged. */
export function plantInWrite(defects: readonly Defect[], method: string, path: string, bodyText: string, random: () => number = Math.random): string {
  if (defects.length === 0 || !['POST', 'PUT', 'PATCH'].includes(method) || bodyText === '') return bodyText;
  const matching = matchingDefects(defects, 'write', path, random);
  if (matching.length === 0) return bodyText;
  let body: unknown;
  try {
    body = JSON.parse(bodyText) as unknown;
  } catch {
    return bodyText;
  }
  for (const defect of matching) body = plant(defect, body);
  return JSON.stringify(body);
}

/** The reply with every matching defect planted (JSON answers below 400 only). */
export function applyDefects(defects: readonly Defect[], path: string, reply: Reply, random: () => number = Math.random): Reply {
  if (defects.length === 0 || reply.status >= 400) return reply;
  const matching = matchingDefects(defects, 'answer', path, random);
  if (matching.length === 0) return reply;
  let body: unknown = reply.raw !== undefined ? (JSON.parse(reply.raw) as unknown) : reply.body;
  if (body === undefined) return reply;
  for (const defect of matching) body = plant(defect, body);
  return { status: reply.status, body, ...(reply.headers === undefined ? {} : { headers: reply.headers }) };
}
