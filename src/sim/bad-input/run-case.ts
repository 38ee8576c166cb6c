/**
 * Sends one bad-input case over a raw socket to a facade and checks what must hold for every case
 * (no internals in the answer) and what the case expects (status, vendor code, slots, close, no
 * upstream call for a rejected request). Returns the problems found; none = the case passed.
 */
import { connect } from 'node:net';
import type { BadInputCase } from './corpus-case';

export interface RawExchange {
  readonly text: string;
  readonly status: number;
  readonly closed: boolean;
  readonly body: string;
}

/** What the upstreams saw while the case ran. */
export interface UpstreamView {
  readonly calls: number;
  readonly headerNames: readonly string[];
}

/** Text that means internals leaked: stack frames, source paths, exception names, "Error:". */
const internals: readonly RegExp[] = [/\n\s+at\s+\S/, /node_modules/, /\/(work|home|usr|src|opt)\//, /\.[tj]s:\d+/, /\bError:/, /\b(Type|Range|Syntax|Reference)Error\b/, /\bERR_[A-Z_]{4,}/];

/** Sends bytes on a fresh connection; collects everything until the server closes or `waitMs` passes. */
export function exchangeRaw(host: string, port: number, bytes: Buffer, halfClose: boolean, waitMs: number): Promise<RawExchange> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (closed: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const finals = [...text.matchAll(/HTTP\/1\.[01] (\d{3})/g)].map((m) => Number(m[1])).filter((s) => s >= 200 || s === 0);
      const at = text.indexOf('\r\n\r\n', Math.max(0, text.search(/HTTP\/1\.[01] [2-5]\d\d/)));
      resolve({ text, status: finals[0] ?? (/HTTP\/1\.[01] 1\d\d/.test(text) ? 100 : 0), closed, body: at < 0 ? '' : Buffer.from(text.slice(at + 4), 'latin1').toString('utf8') });
    };
    const socket = connect(port, host, () => {
      socket.write(bytes);
      if (halfClose) socket.end();
    });
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorCodeOf(value: unknown): string | undefined {
  const error = (value as { error?: { code?: unknown } } | undefined)?.error;
  return typeof error?.code === 'string' ? error.code : undefined;
}

function checkEnvelope(c: BadInputCase, body: string): string[] {
  const { code, slots, slotCodes } = c.expect;
  if (code === undefined && slots === undefined && slotCodes === undefined) return [];
  const result = (parseJson(body) as { result?: unknown } | undefined)?.result;
  const problems: string[] = [];
  if (code !== undefined && errorCodeOf(result) !== code) problems.push(`expected vendor code ${code}, got ${JSON.stringify(result)?.slice(0, 200)}`);
  if (slots !== undefined && (!Array.isArray(result) || result.length !== slots)) problems.push(`expected ${slots} slots, got ${Array.isArray(result) ? result.length : typeof result}`);
  for (const [index, expected] of Object.entries(slotCodes ?? {})) {
    const got = Array.isArray(result) ? errorCodeOf(result[Number(index)]) : undefined;
    if (got !== expected) problems.push(`slot ${index}: expected ${expected}, got ${got ?? 'no error'}`);
  }
  return problems;
}

/** The problems of one exchange against its case (empty = passed). */
export function checkExchange(c: BadInputCase, answer: RawExchange, upstream: UpstreamView): string[] {
  const problems: string[] = [];
  for (const pattern of internals) if (pattern.test(answer.text)) problems.push(`internals in the answer (${pattern.source}): ${answer.text.slice(0, 300)}`);
  if (c.expect.reject === true && upstream.calls > 0) problems.push(`rejected request reached an upstream (${upstream.calls} calls)`);
  if (c.expect.status !== undefined && !c.expect.status.includes(answer.status)) problems.push(`status ${answer.status} not in ${JSON.stringify(c.expect.status)}: ${answer.text.slice(0, 200)}`);
  if (c.expect.close === true && !answer.closed) problems.push('connection left open');
  for (const text of c.expect.noText ?? []) if (answer.text.includes(text)) problems.push(`answer contains ${text}`);
  for (const name of c.expect.upstreamAbsent ?? []) if (upstream.headerNames.includes(name)) problems.push(`upstream saw header ${name}`);
  return [...problems, ...checkEnvelope(c, answer.body)];
}
