/**
 * The policy part of the admin API (docs/operations.md "Admin API"): read, replace and kill-switch,
 * with `ETag` = the policy version, `If-Match` checked (412 when stale or malformed), bodies
 * validated with every error listed (400), and each change reported with its diff for the audit log.
 */
import type { Express, Request, Response } from 'express';
import { diffPolicies, type PolicyChange } from '../policy/policy-diff';
import { parsePolicyText } from '../policy/policy-file';
import type { PolicyHolder, PolicyVersion } from '../policy/policy-holder';
import type { Result } from '../core/result';
import { actorOf } from './admin-auth';
import { bodyText, readIfMatch, readKillSwitchBody, versionTag } from './admin-request-checks';

/** One change (or refused change) made through the admin API, for the audit log. */
export interface AdminChange {
  readonly who: string;
  readonly what: string;
  readonly version?: number;
  readonly previousVersion?: number;
  readonly changes?: readonly PolicyChange[];
  readonly errors?: readonly string[];
}

export interface PolicyRoutesOptions {
  readonly policy: PolicyHolder;
  readonly onChange: (change: AdminChange) => void;
}

/** The policy version as the admin API shows it. */
export function describeVersion(v: PolicyVersion): Record<string, unknown> {
  return { version: v.version, author: v.author, at: new Date(v.atMs).toISOString(), document: v.document };
}

/** The version `If-Match` requires, or undefined after answering 412 (malformed or stale). */
function precondition(req: Request, res: Response, policy: PolicyHolder): { expectedVersion?: number } | undefined {
  const ifMatch = readIfMatch(req);
  const active = policy.current().version;
  if (!ifMatch.ok || (ifMatch.value !== undefined && ifMatch.value !== active)) {
    const error = ifMatch.ok ? `the active version is ${active}, not ${ifMatch.value}: read it again (GET /admin/policy) and retry` : ifMatch.error;
    res.status(412).set('etag', versionTag(active)).json({ errors: [error] });
    return undefined;
  }
  return ifMatch.value === undefined ? {} : { expectedVersion: ifMatch.value };
}

function readPolicyBody(req: Request): Result<unknown, string[]> {
  const type = req.headers['content-type'] ?? '';
  const text = bodyText(req);
  if (text.trim() === '') return { ok: false, error: ['body is empty: send the whole policy document (JSON or YAML)'] };
  return parsePolicyText(type.includes('json') ? 'policy.json' : 'policy.yaml', text);
}

/** Publishes through `apply`, answering 200 with the new ETag or 400 with every error, and reports the change. */
function publish(res: Response, options: PolicyRoutesOptions, who: string, what: string, apply: () => Result<{ version: number }, string[]>): void {
  const before = options.policy.current();
  const applied = apply();
  if (!applied.ok) {
    options.onChange({ who, what: `${what} rejected`, previousVersion: before.version, errors: applied.error });
    res.status(400).set('etag', versionTag(before.version)).json({ errors: applied.error });
    return;
  }
  const after = options.policy.current();
  options.onChange({ who, what, version: after.version, previousVersion: before.version, changes: diffPolicies(before.document, after.document) });
  res.status(200).set('etag', versionTag(after.version)).json({ version: after.version, killSwitch: after.document.killSwitch });
}

/** Mounts `GET|PUT /admin/policy`, `GET /admin/policy/history` and `POST /admin/kill-switch`. */
export function mountPolicyRoutes(app: Express, options: PolicyRoutesOptions): void {
  const { policy } = options;
  app.get('/admin/policy', (_req, res) => {
    const active = policy.current();
    res.set('etag', versionTag(active.version)).json(describeVersion(active));
  });
  app.get('/admin/policy/history', (_req, res) => {
    res.json({ versions: policy.history().map(describeVersion) });
  });
  app.put('/admin/policy', (req, res) => {
    const who = actorOf(req);
    const pre = precondition(req, res, policy);
    if (pre === undefined) return;
    const parsed = readPolicyBody(req);
    if (!parsed.ok) {
      options.onChange({ who, what: 'policy replace rejected', errors: parsed.error });
      res.status(400).json({ errors: parsed.error });
      return;
    }
    publish(res, options, who, 'policy replaced', () => policy.replace(parsed.value, who, pre));
  });
  app.post('/admin/kill-switch', (req, res) => {
    const who = actorOf(req);
    const pre = precondition(req, res, policy);
    if (pre === undefined) return;
    const body = readKillSwitchBody(req);
    if (!body.ok) {
      res.status(400).json({ errors: body.error });
      return;
    }
    const { on, operation } = body.value;
    const change = operation === undefined ? { global: true, on } : { operation, on };
    publish(res, options, who, `kill switch ${operation ?? 'global'} ${on ? 'on' : 'off'}`, () => policy.setKillSwitch(change, who, pre));
  });
}
