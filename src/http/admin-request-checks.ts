/**
 * Strict reading of admin requests (docs/operations.md "Admin API"): bodies validated against a
 * schema with every error listed, `If-Match` read as a policy version or refused. An admin API that
 * guesses (a missing `on` read as "on", an unparsable `If-Match` ignored) turns typos into outages.
 */
import Ajv, { type ErrorObject } from 'ajv';
import type { Request } from 'express';
import { err, ok, type Result } from '../core/result';
import { missingKeyError, unknownKeyError } from '../core/setting-errors';

const ajv = new Ajv({ allErrors: true });

/** Body of `POST /admin/kill-switch`. */
export interface KillSwitchBody {
  readonly on: boolean;
  readonly operation?: string;
}

const validateKillSwitch = ajv.compile<KillSwitchBody>({
  type: 'object',
  additionalProperties: false,
  required: ['on'],
  properties: { on: { type: 'boolean' }, operation: { type: 'string', minLength: 1, maxLength: 200 } },
});

function describe(error: ErrorObject): string {
  const path = error.instancePath || '/';
  const params = error.params as { additionalProperty?: string; missingProperty?: string };
  if (params.additionalProperty !== undefined) return unknownKeyError(path, params.additionalProperty, ['on', 'operation']);
  if (params.missingProperty !== undefined) return missingKeyError(path, params.missingProperty);
  return `${path} ${error.message ?? 'is invalid'}`;
}

/** The raw body as text ('' when there is none). */
export function bodyText(req: Request): string {
  return Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
}

/** Parses and validates a kill-switch body; every problem is listed. */
export function readKillSwitchBody(req: Request): Result<KillSwitchBody, string[]> {
  const text = bodyText(req);
  if (text.trim() === '') return err(['body is empty: send {"on": true|false, "operation"?: "<service.action>"}']);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return err([`body is not JSON: ${(e as Error).message}`]);
  }
  if (validateKillSwitch(parsed)) return ok(parsed);
  return err((validateKillSwitch.errors ?? []).map(describe));
}

/** `If-Match` as a policy version: absent or `*` → no precondition; `"N"` or `N` → N; else malformed. */
export function readIfMatch(req: Request): Result<number | undefined, string> {
  const raw = req.headers['if-match'];
  if (raw === undefined || raw.trim() === '*') return ok(undefined);
  const match = /^\s*"?(\d{1,15})"?\s*$/.exec(raw);
  if (match === null) return err(`If-Match ${JSON.stringify(raw.slice(0, 100))} is not a policy version; send the ETag of GET /admin/policy, e.g. "7"`);
  return ok(Number(match[1]));
}

/** The ETag of a policy version. */
export function versionTag(version: number): string {
  return `"${version}"`;
}
