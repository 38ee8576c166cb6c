/**
 * A replay / diff target over HTTP: the canonical request (path + parameters) as a JSON POST to
 * the target's base URL, on a keep-alive pool sized to the concurrency; never throws.
 */
import { Agent, request } from 'undici';
import type { ReplayTarget, TargetAnswer } from '../record/replay-runner';

/** Checks a `--target` / `--a` / `--b` value: an http(s) base URL. */
export function checkTargetUrl(text: string, flag: string): string | null {
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${flag} ${JSON.stringify(text)} is not an http(s) URL`;
    return null;
  } catch {
    return `${flag} ${JSON.stringify(text)} is not a URL (e.g. http://127.0.0.1:8080)`;
  }
}

export interface RawRequest {
  readonly method: 'GET' | 'POST';
  /** Path and query. */
  readonly path: string;
  readonly body?: string;
  readonly contentType?: string;
}

/** A target at `baseUrl` (no trailing slash needed); `close` ends its connections. */
export function createHttpTarget(name: string, baseUrl: string, connections: number, timeoutMs = 30_000): ReplayTarget & { sendRaw(raw: RawRequest): Promise<TargetAnswer>; close(): Promise<void> } {
  const base = baseUrl.replace(/\/+$/, '');
  const agent = new Agent({ connections, keepAliveTimeout: 10_000 });
  return {
    name,
    async send(path, params): Promise<TargetAnswer> {
      const started = performance.now();
      try {
        const answer = await request(`${base}${path}`, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json' }, body: JSON.stringify(params), headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
        const text = await answer.body.text();
        return { status: answer.statusCode, text, ms: performance.now() - started };
      } catch (e) {
        return { error: e instanceof Error ? e.message : String(e), ms: performance.now() - started };
      }
    },
    async sendRaw(raw): Promise<TargetAnswer> {
      const started = performance.now();
      try {
        const headers = raw.contentType === undefined ? {} : { 'content-type': raw.contentType };
        const answer = await request(`${base}${raw.path}`, { method: raw.method, dispatcher: agent, headers, body: raw.body ?? null, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
        const text = await answer.body.text();
        return { status: answer.statusCode, text, ms: performance.now() - started };
      } catch (e) {
        return { error: e instanceof Error ? e.message : String(e), ms: performance.now() - started };
      }
    },
    close: () => agent.close(),
  };
}
