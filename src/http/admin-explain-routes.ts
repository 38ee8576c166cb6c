/**
 * `GET /admin/explain?operation=…&household=…|udid=…` (docs/operations.md "Admin API"): the routing
 * decision the active policy makes for such a call and why, computed exactly as for a device call.
 * Optional facts: clientTag, apiVersion, deviceFamily, region (the trusted region header's value),
 * ip (the peer address, for the CIDR table), qa (the QA override header's value), file (a media file id:
 * the answer's `media` says where that device plays it from, docs/media.md).
 */
import type { Express, Request } from 'express';
import { getOperation } from '../contract/operation-index';
import { err, ok, type Result } from '../core/result';
import type { RoutingInput } from '../policy/decision';
import { explainDecision } from '../policy/explain-decision';
import { explainMedia } from '../policy/explain-media';
import type { PolicyHolder } from '../policy/policy-holder';

const optionalFacts = { clientTag: 'clientTag', apiVersion: 'apiVersion', deviceFamily: 'deviceFamily', region: 'regionHeader', ip: 'remoteAddress', qa: 'qaOverride' } as const;
const allowed = new Set(['operation', 'household', 'udid', 'file', ...Object.keys(optionalFacts)]);

function single(req: Request, name: string): string | undefined {
  const value: unknown = req.query[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Reads the query into a RoutingInput; every problem is listed. */
export function readExplainQuery(req: Request): Result<RoutingInput, string[]> {
  const errors = Object.keys(req.query).filter((name) => !allowed.has(name)).map((name) => `unknown parameter "${name}" (allowed: ${[...allowed].join(', ')})`);
  const operation = single(req, 'operation');
  if (operation === undefined) errors.push('operation is required, e.g. operation=asset.get');
  else if (getOperation(operation) === undefined) errors.push(`operation "${operation}" is not an operation of the vendor contract`);
  const household = single(req, 'household');
  const udid = single(req, 'udid');
  if (household === undefined && udid === undefined) errors.push('household or udid is required (the sticky bucket is computed from it)');
  if (household !== undefined && !/^[1-9]\d{0,15}$/.test(household)) errors.push(`household "${household}" is not a household id (a positive integer)`);
  const file = single(req, 'file');
  if (file !== undefined && !/^[1-9]\d{0,15}$/.test(file)) errors.push(`file "${file}" is not a media file id (a positive integer)`);
  if (errors.length > 0) return err(errors);
  const input: Record<string, unknown> = { operationId: operation!.toLowerCase() };
  if (household !== undefined) input.householdId = Number(household);
  if (udid !== undefined) input.udid = udid;
  for (const [name, field] of Object.entries(optionalFacts)) {
    const value = single(req, name);
    if (value !== undefined) input[field] = value;
  }
  return ok(input as unknown as RoutingInput);
}

/** Mounts `GET /admin/explain`. */
export function mountExplainRoute(app: Express, policy: PolicyHolder): void {
  app.get('/admin/explain', (req, res) => {
    const input = readExplainQuery(req);
    if (!input.ok) {
      res.status(400).json({ errors: input.error });
      return;
    }
    const active = policy.current().policy;
    const { decision, bucket, because } = explainDecision(active, input.value);
    const file = single(req, 'file');
    const media = explainMedia(active, input.value, file === undefined ? null : Number(file));
    res.json({ input: input.value, target: decision.target, reason: decision.reason, ruleId: decision.ruleId ?? null, shadow: decision.shadow, fallbackToVendor: decision.fallbackToVendor, policyVersion: decision.policyVersion, bucket, because, media: { source: media.source, reason: media.reason, ruleId: media.ruleId ?? null, fileId: media.fileId, because: media.because } });
  });
}
