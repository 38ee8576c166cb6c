import { problem, type Reply } from './reply';

/**
 * Small input readers for query strings and JSON bodies. Each returns the value or a
 * `validation_failed` problem reply, so handlers stay straight-line.
 */
export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reply: Reply };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function good<T>(value: T): Read<T> {
  return { ok: true, value };
}

/** A validation failure. */
export function invalid<T>(detail: string): Read<T> {
  return { ok: false, reply: problem('validation_failed', detail) };
}

/** True for a canonical UUID text. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuidPattern.test(value);
}

/** Reads a non-negative integer query parameter with a default and an upper clamp. */
export function readIntParam(query: URLSearchParams, name: string, fallback: number, max: number): Read<number> {
  const text = query.get(name);
  if (text === null || text === '') return good(fallback);
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) return invalid(`${name} must be a non-negative integer`);
  return good(Math.min(value, max));
}

/** Reads offset/limit paging (limit default 25, at most 500). */
export function readPaging(query: URLSearchParams): Read<{ offset: number; limit: number }> {
  const offset = readIntParam(query, 'offset', 0, Number.MAX_SAFE_INTEGER);
  if (!offset.ok) return offset;
  const limit = readIntParam(query, 'limit', 25, 500);
  if (!limit.ok) return limit;
  return good({ offset: offset.value, limit: limit.value });
}

/** Reads a comma-separated list parameter (repeated parameters are joined). */
export function readListParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/** Reads one of a closed set of values, with an optional default. */
export function readEnumParam<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[], fallback?: T): Read<T | undefined> {
  const text = query.get(name);
  if (text === null || text === '') return good(fallback);
  if (!(allowed as readonly string[]).includes(text)) return invalid(`${name} must be one of ${allowed.join(', ')}`);
  return good(text as T);
}

/** Reads a boolean query parameter (`true`/`false`). */
export function readBoolParam(query: URLSearchParams, name: string, fallback: boolean): Read<boolean> {
  const text = query.get(name);
  if (text === null || text === '') return good(fallback);
  if (text !== 'true' && text !== 'false') return invalid(`${name} must be true or false`);
  return good(text === 'true');
}

/** The body as a plain object, or a problem. */
export function readObjectBody(body: unknown): Read<Record<string, unknown>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalid('body must be a JSON object');
  return good(body as Record<string, unknown>);
}

/** A required or optional string field of a body. */
export function readStringField(body: Record<string, unknown>, name: string, required: boolean, maxLength = 256): Read<string | undefined> {
  const value = body[name];
  if (value === undefined || value === null) return required ? invalid(`${name} is required`) : good(undefined);
  if (typeof value !== 'string') return invalid(`${name} must be a string`);
  if (required && value.length === 0) return invalid(`${name} must not be empty`);
  if (value.length > maxLength) return invalid(`${name} is longer than ${maxLength}`);
  return good(value);
}

/** An optional UUID field of a body. */
export function readUuidField(body: Record<string, unknown>, name: string, required: boolean): Read<string | undefined> {
  const value = body[name];
  if (value === undefined || value === null) return required ? invalid(`${name} is required`) : good(undefined);
  if (!isUuid(value)) return invalid(`${name} must be a UUID`);
  return good(value.toLowerCase());
}

/** An optional non-negative integer field of a body. */
export function readIntField(body: Record<string, unknown>, name: string, fallback: number): Read<number> {
  const value = body[name];
  if (value === undefined || value === null) return good(fallback);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return invalid(`${name} must be a non-negative integer`);
  return good(value);
}
