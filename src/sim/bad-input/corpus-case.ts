/**
 * The bad-input corpus (fixtures/bad-input/*.ndjson, format in its README): loading cases and
 * turning one into the exact bytes to send. Placeholders are filled at run time from a real KS:
 * `{{ks}}`, `{{ks:flip:<byte>:<xor>}}`, `{{ks:swap:<block>:<block>}}`, `{{ks:trunc:<chars>}}`,
 * `{{rep:<text>:<times>}}`, `{{partnerId}}`, and `{{len}}` (the body's byte length) in headers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A body part: text, text repeated, `"k0":0,…` keys, or a whole multirequest of repeated sub-requests. */
export type BodyPart =
  | { readonly s: string }
  | { readonly r: string; readonly n: number }
  | { readonly keys: number }
  | { readonly subs: number; readonly sub: unknown; readonly first?: unknown; readonly shared?: Readonly<Record<string, unknown>> };

/** What must hold for a case (checked by bad-input-check.ts). */
export interface CaseExpectation {
  /** No upstream may see anything of this request. */
  readonly reject?: boolean;
  /** Allowed statuses of the first answer; 0 = the connection closed without one. */
  readonly status?: readonly number[];
  /** The vendor error code of the envelope (`result.error.code`). */
  readonly code?: string;
  /** Exactly this many multirequest slots. */
  readonly slots?: number;
  /** Error code per slot index. */
  readonly slotCodes?: Readonly<Record<string, string>>;
  /** The server must close the connection. */
  readonly close?: boolean;
  /** Texts that must not appear in the answer. */
  readonly noText?: readonly string[];
  /** Header names no upstream request may carry. */
  readonly upstreamAbsent?: readonly string[];
}

export interface BadInputCase {
  readonly id: string;
  readonly description?: string;
  /** The exact request text (latin1), or `request` + `body`. */
  readonly raw?: string;
  readonly request?: { readonly method: string; readonly target: string; readonly version: string; readonly headers: readonly (readonly [string, string])[] };
  readonly body?: string | readonly BodyPart[];
  readonly bodyBase64?: string;
  /** The client ends its side once the request is written. */
  readonly halfClose?: boolean;
  readonly expect: CaseExpectation;
}

/** Loads every case of every `*.ndjson` file in `dir`, in file and line order. */
export function loadBadInputCases(dir: string): BadInputCase[] {
  const cases: BadInputCase[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ndjson')).sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) if (line.trim() !== '') cases.push(JSON.parse(line) as BadInputCase);
  }
  return cases;
}

function mutateKs(ks: string, op: string, a: number, b: number): string {
  const raw = Buffer.from(ks, 'base64url');
  if (op === 'flip') raw[a % raw.length] = (raw[a % raw.length] ?? 0) ^ (b || 1);
  else if (op === 'swap') {
    const start = raw.indexOf(0x7c, raw.indexOf(0x7c) + 1) + 1;
    const blocks = Math.max(1, Math.floor((raw.length - start) / 16));
    const [x, y] = [start + (a % blocks) * 16, start + (b % blocks) * 16];
    const copy = Buffer.from(raw.subarray(x, x + 16));
    raw.copy(raw, x, y, y + 16);
    copy.copy(raw, y);
    if (x === y) raw[x] = (raw[x] ?? 0) ^ 0x5a; // swapping a block with itself would not change the KS
  } else if (op === 'trunc') return ks.slice(0, Math.max(0, ks.length - a));
  return raw.toString('base64url');
}

/** Fills the placeholders of a text (not `{{len}}`). */
export function fillPlaceholders(text: string, vars: { readonly ks: string; readonly partnerId: number }): string {
  return text.replace(/\{\{(ks|rep|partnerId)(?::([^:}]*))?(?::(\d+))?(?::(\d+))?\}\}/g, (_whole, name: string, op?: string, a?: string, b?: string) => {
    if (name === 'partnerId') return String(vars.partnerId);
    if (name === 'rep') return (op ?? '').repeat(Number(a ?? '0'));
    return op === undefined ? vars.ks : mutateKs(vars.ks, op, Number(a ?? '0'), Number(b ?? '0'));
  });
}

function expandSubs(part: Extract<BodyPart, { subs: number }>): string {
  const items: string[] = [];
  const shared = JSON.stringify(part.shared ?? {});
  for (let i = 1; i <= part.subs; i++) {
    const template = i === 1 && part.first !== undefined ? part.first : part.sub;
    items.push(`"${i}":${JSON.stringify(template).replace(/\$prev/g, String(i - 1)).replace(/\$i/g, String(i))}`);
  }
  return `${shared.slice(0, -1)}${shared === '{}' ? '' : ','}${items.join(',')}}`;
}

function renderBody(c: BadInputCase, fill: (text: string) => string): Buffer {
  if (c.bodyBase64 !== undefined) return Buffer.from(c.bodyBase64, 'base64');
  if (c.body === undefined) return Buffer.alloc(0);
  if (typeof c.body === 'string') return Buffer.from(fill(c.body), 'utf8');
  const pieces = c.body.map((part) => {
    if ('s' in part) return fill(part.s);
    if ('r' in part) return part.r.repeat(part.n);
    if ('keys' in part) return Array.from({ length: part.keys }, (_, i) => `"k${i}":${i}`).join(',');
    return expandSubs(part);
  });
  return Buffer.from(pieces.join(''), 'utf8');
}

/** The exact bytes a case sends. */
export function renderCase(c: BadInputCase, vars: { readonly ks: string; readonly partnerId: number }): Buffer {
  const fill = (text: string): string => fillPlaceholders(text, vars);
  if (c.raw !== undefined) return Buffer.from(fill(c.raw), 'latin1');
  const request = c.request ?? { method: 'GET', target: '/', version: 'HTTP/1.1', headers: [] };
  const body = renderBody(c, fill);
  const head = [`${request.method} ${fill(request.target)} ${request.version}`.trimEnd(), ...request.headers.map(([name, value]) => `${name}: ${fill(value).replace('{{len}}', String(body.length))}`)];
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'utf8'), body]);
}
