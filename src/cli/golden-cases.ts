/**
 * Golden cases for the QA diff (docs/golden-cases.md): loaded from `<dir>/<operationId>/*.json`,
 * each sent to a target as written (method, path, query, body or raw body), after logging in as
 * the case says (`as`: a username from the credentials, or `anonymous`). Mutating cases POST the
 * given reset URLs before and after, as the golden runner does.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TargetAnswer } from '../record/replay-runner';
import type { RawRequest } from './http-target';

export interface GoldenCaseFile {
  readonly id: string;
  readonly operationId: string;
  readonly as?: string;
  readonly mutates?: boolean;
  readonly request: { readonly method?: 'GET' | 'POST'; readonly path: string; readonly query?: Record<string, string>; readonly body?: unknown; readonly rawBody?: string; readonly contentType?: string };
}

/** Every case under `dir`, or the problems reading them. */
export function loadCaseFiles(dir: string): { ok: true; cases: GoldenCaseFile[] } | { ok: false; errors: string[] } {
  const cases: GoldenCaseFile[] = [];
  const errors: string[] = [];
  let folders: string[];
  try {
    folders = readdirSync(dir).sort();
  } catch (e) {
    return { ok: false, errors: [`--cases ${dir}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`] };
  }
  for (const operationId of folders) {
    const folder = join(dir, operationId);
    if (!statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
      const file = join(folder, name);
      try {
        const parsed = JSON.parse(readFileSync(file, 'utf8')) as Omit<GoldenCaseFile, 'id' | 'operationId'>;
        if (typeof parsed.request?.path !== 'string') throw new Error('no request.path');
        cases.push({ ...parsed, id: relative(dir, file), operationId });
      } catch (e) {
        errors.push(`${file}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  if (errors.length === 0 && cases.length === 0) errors.push(`--cases ${dir}: no cases (<operationId>/*.json)`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, cases };
}

function substitute(value: unknown, vars: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') return value.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => vars[name] ?? whole);
  if (Array.isArray(value)) return value.map((v) => substitute(v, vars));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars)]));
  return value;
}

export interface CaseTarget {
  sendRaw(raw: RawRequest): Promise<TargetAnswer>;
  readonly resets: readonly string[];
}

export interface CaseContext {
  readonly partnerId: number;
  readonly credentials: Readonly<Record<string, string>>;
}

async function login(target: CaseTarget, who: string, context: CaseContext): Promise<string> {
  const body = who === 'anonymous' ? { partnerId: context.partnerId } : { partnerId: context.partnerId, username: who, password: context.credentials[who] ?? '' };
  const answer = await target.sendRaw({ method: 'POST', path: `/api_v3/service/ottuser/action/${who === 'anonymous' ? 'anonymousLogin' : 'login'}`, body: JSON.stringify(body), contentType: 'application/json' });
  if ('error' in answer) return '';
  const json = JSON.parse(answer.text) as { result?: { ks?: string; loginSession?: { ks?: string } } };
  return json.result?.loginSession?.ks ?? json.result?.ks ?? '';
}

async function reset(target: CaseTarget): Promise<void> {
  for (const url of target.resets) await fetch(url, { method: 'POST' }).then((r) => r.text()).catch(() => undefined);
}

async function sendCase(c: GoldenCaseFile, target: CaseTarget, context: CaseContext): Promise<TargetAnswer> {
  const vars: Record<string, string> = { partnerId: String(context.partnerId) };
  if (c.as !== undefined) vars.ks = await login(target, c.as, context);
  const request = substitute(c.request, vars) as GoldenCaseFile['request'];
  const query = request.query === undefined ? '' : `${request.path.includes('?') ? '&' : '?'}${new URLSearchParams(request.query).toString()}`;
  const body = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  const contentType = request.contentType ?? (request.rawBody === undefined && body !== undefined ? 'application/json' : undefined);
  return target.sendRaw({ method: request.method ?? 'POST', path: `${request.path}${query}`, ...(body === undefined ? {} : { body }), ...(contentType === undefined ? {} : { contentType }) });
}

/** Runs one case against a target (resetting around it when it mutates). */
export async function runCaseOn(c: GoldenCaseFile, target: CaseTarget, context: CaseContext): Promise<TargetAnswer> {
  if (c.mutates !== true) return sendCase(c, target, context);
  await reset(target);
  try {
    return await sendCase(c, target, context);
  } finally {
    await reset(target);
  }
}
