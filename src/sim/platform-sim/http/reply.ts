import { makeProblem, type ProblemCode } from './problems';

/**
 * What a route handler returns: plain data the HTTP layer serialises. `raw` carries a body that is
 * already JSON text (cached item JSON), so hot paths skip `JSON.stringify`.
 */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly raw?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A JSON reply. */
export function ok(body: unknown, status = 200, headers?: Record<string, string>): Reply {
  return headers ? { status, body, headers } : { status, body };
}

/** A reply whose body is already serialised JSON. */
export function okRaw(raw: string, status = 200): Reply {
  return { status, raw };
}

/** An empty 204. */
export function noContent(): Reply {
  return { status: 204 };
}

/** A problem reply (status from the catalogue). */
export function problem(code: ProblemCode, detail: string): Reply {
  const body = makeProblem(code, detail);
  return { status: body.status, body };
}

/** True when the value is a Reply produced by `problem` (used by validators that return either). */
export function isProblemReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && 'status' in value && typeof (value as Reply).status === 'number' && (value as Reply).status >= 400;
}
