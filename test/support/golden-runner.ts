/**
 * Runs golden cases (docs/golden-cases.md) against any vendor-shaped target: logs in per `as`,
 * substitutes `{{ks}}` / `{{partnerId}}` (in the request and the expectation), sends the request with fetch, compares. Computes a typed
 * result per case; rendering is the caller's business.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { labDemo, loginAs, sendVendorRequest } from './vendor-http';

export interface GoldenCase {
  readonly description?: string;
  readonly as?: string;
  readonly mutates?: boolean;
  readonly request: {
    readonly method?: 'GET' | 'POST';
    readonly path: string;
    readonly query?: Readonly<Record<string, string>>;
    readonly body?: unknown;
    readonly rawBody?: string;
    readonly contentType?: string;
  };
  readonly expect: {
    readonly status?: number;
    readonly location?: string;
    readonly body?: unknown;
    readonly match?: 'exact' | 'subset';
    readonly ignore?: readonly string[];
  };
}

export interface LoadedGoldenCase {
  /** `<operationId>/<file>` relative to the cases folder. */
  readonly id: string;
  readonly operationId: string;
  readonly file: string;
  readonly golden: GoldenCase;
}

export interface GoldenResult {
  readonly id: string;
  readonly passed: boolean;
  readonly problems: readonly string[];
  readonly status: number;
  readonly body: unknown;
}

export const defaultCasesDir = resolve(__dirname, '../../fixtures/cases');

/** Loads every `*.json` case under `dir` (one folder per operation id), optionally filtered by folder. */
export function loadGoldenCases(dir: string = defaultCasesDir, folders?: (operationId: string) => boolean): LoadedGoldenCase[] {
  const cases: LoadedGoldenCase[] = [];
  for (const operationId of readdirSync(dir).sort()) {
    const folder = join(dir, operationId);
    if (!statSync(folder).isDirectory() || (folders !== undefined && !folders(operationId))) continue;
    for (const name of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
      const file = join(folder, name);
      cases.push({ id: relative(dir, file), operationId, file, golden: JSON.parse(readFileSync(file, 'utf8')) as GoldenCase });
    }
  }
  return cases;
}

/** Replaces `{{ks}}` and `{{partnerId}}` in every string of a value. */
export function substitute(value: unknown, vars: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') return value.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => vars[name] ?? whole);
  if (Array.isArray(value)) return value.map((v) => substitute(v, vars));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars)]));
  return value;
}

/** Removes the members at JSON pointers (`/executionTime`, `/result/0/ks`) from a copy. */
export function removePointers(value: unknown, pointers: readonly string[]): unknown {
  const copy: unknown = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  for (const pointer of pointers) {
    const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node: unknown = copy;
    for (let i = 0; i < parts.length - 1 && typeof node === 'object' && node !== null; i += 1) node = (node as Record<string, unknown>)[parts[i] ?? ''];
    const last = parts[parts.length - 1];
    if (typeof node === 'object' && node !== null && last !== undefined) delete (node as Record<string, unknown>)[last];
  }
  return copy;
}

/** Differences of `actual` from `expected`: `subset` = every given member equal, arrays same length. */
export function compareJson(expected: unknown, actual: unknown, mode: 'exact' | 'subset', at = ''): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${at || '/'}: expected an array, got ${JSON.stringify(actual)}`];
    if (expected.length !== actual.length) return [`${at || '/'}: expected ${expected.length} items, got ${actual.length}`];
    return expected.flatMap((e, i) => compareJson(e, actual[i], mode, `${at}/${i}`));
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return [`${at || '/'}: expected an object, got ${JSON.stringify(actual)}`];
    const a = actual as Record<string, unknown>;
    const problems = Object.entries(expected).flatMap(([k, v]) => (k in a ? compareJson(v, a[k], mode, `${at}/${k}`) : [`${at}/${k}: missing`]));
    if (mode === 'exact') for (const k of Object.keys(a)) if (!(k in expected)) problems.push(`${at}/${k}: unexpected`);
    return problems;
  }
  return Object.is(expected, actual) ? [] : [`${at || '/'}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

export interface GoldenTarget {
  readonly baseUrl: string;
  /** Starts the target over before a mutating case; default POSTs `/__sim/reset`. */
  readonly reset?: () => Promise<void>;
}

async function resetTarget(target: GoldenTarget): Promise<void> {
  if (target.reset !== undefined) return target.reset();
  const answer = await fetch(`${target.baseUrl}/__sim/reset`, { method: 'POST' });
  await answer.text();
}

/**
 * Runs one case and compares the answer with its expectation. A mutating case resets the target
 * before it (docs/golden-cases.md) and after it, so later cases see the seed state.
 */
export async function runGoldenCase(loaded: LoadedGoldenCase, target: GoldenTarget): Promise<GoldenResult> {
  if (loaded.golden.mutates !== true) return runAndCompare(loaded, target);
  await resetTarget(target);
  try {
    return await runAndCompare(loaded, target);
  } finally {
    await resetTarget(target);
  }
}

async function runAndCompare(loaded: LoadedGoldenCase, target: GoldenTarget): Promise<GoldenResult> {
  const { golden } = loaded;
  const vars: Record<string, string> = { partnerId: String(labDemo().partnerId) };
  if (golden.as !== undefined) vars.ks = await loginAs(target.baseUrl, golden.as);
  const request = substitute(golden.request, vars) as GoldenCase['request'];
  const query = request.query === undefined ? '' : `${request.path.includes('?') ? '&' : '?'}${new URLSearchParams(request.query).toString()}`;
  const body = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  const contentType = request.contentType ?? (request.rawBody === undefined && body !== undefined ? 'application/json' : undefined);
  const answer = await sendVendorRequest(target.baseUrl, `${request.path}${query}`, { method: request.method ?? 'POST', ...(body === undefined ? {} : { body }), ...(contentType === undefined ? {} : { contentType }) });
  const problems: string[] = [];
  const expected = substitute(golden.expect, vars) as GoldenCase['expect'];
  if (answer.status !== (expected.status ?? 200)) problems.push(`status: expected ${expected.status ?? 200}, got ${answer.status}`);
  if (expected.location !== undefined && !new RegExp(expected.location).test(answer.headers.get('location') ?? '')) problems.push(`location: ${answer.headers.get('location')} does not match ${expected.location}`);
  if (expected.body !== undefined) {
    const ignore = expected.ignore ?? [];
    problems.push(...compareJson(removePointers(expected.body, ignore), removePointers(answer.json, ignore), expected.match ?? 'subset'));
  }
  return { id: loaded.id, passed: problems.length === 0, problems, status: answer.status, body: answer.json };
}

/** Runs cases one after another (mutating cases reset the target first). */
export async function runGoldenCases(cases: readonly LoadedGoldenCase[], target: GoldenTarget): Promise<GoldenResult[]> {
  const results: GoldenResult[] = [];
  for (const loaded of cases) results.push(await runGoldenCase(loaded, target));
  return results;
}
