/**
 * Validation of a policy document: the JSON Schema (every error, with its path) and then the checks
 * a schema cannot express — unique rule ids, semver ranges, contradictory flags. Returns the
 * normalised document: defaults filled, operations, regions, client tags and headers lower-cased.
 */
import Ajv, { type ErrorObject } from 'ajv';
import { validRange } from 'semver';
import { err, ok, type Result } from '../core/result';
import { missingKeyError, notAllowedError, unknownKeyError } from '../core/setting-errors';
import type { PolicyDocument, PolicyRule, RuleMatch } from './policy-document';
import { policySchema } from './policy-schema';
import { checkMediaPolicy, normaliseMediaPolicy } from './media-policy';

const validateSchema = new Ajv({ allErrors: true, useDefaults: true, verbose: true }).compile(policySchema);

/** The keys the schema allows where an unknown one was found (`verbose` puts the parent schema on the error). */
function allowedKeysOf(error: ErrorObject): string[] {
  const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(parent?.properties ?? {});
}

function describeSchemaError(error: ErrorObject): string {
  const path = error.instancePath || '/';
  const params = error.params as { additionalProperty?: string; allowedValues?: unknown[]; missingProperty?: string };
  if (params.additionalProperty !== undefined) return unknownKeyError(path, params.additionalProperty, allowedKeysOf(error));
  if (params.missingProperty !== undefined) return missingKeyError(path, params.missingProperty);
  if (params.allowedValues !== undefined) return notAllowedError(path, error.data, params.allowedValues);
  return `${path} ${error.message ?? 'is invalid'}`;
}

function lowerAll(list: readonly string[] | undefined): string[] | undefined {
  return list === undefined ? undefined : [...new Set(list.map((entry) => entry.trim().toLowerCase()))];
}

function normaliseMatch(match: RuleMatch): RuleMatch {
  const families = match.deviceFamilies === undefined ? undefined : [...new Set(match.deviceFamilies.map((f) => String(f).trim()))];
  return dropUndefined({
    operations: lowerAll(match.operations),
    regions: lowerAll(match.regions),
    clientTags: lowerAll(match.clientTags),
    appVersions: match.appVersions?.trim(),
    deviceFamilies: families,
  });
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function checkRule(rule: PolicyRule, index: number, firstIndexOfId: Map<string, number>): string[] {
  const errors: string[] = [];
  const at = `/rules/${index}`;
  const first = firstIndexOfId.get(rule.id);
  if (first !== undefined) errors.push(`${at}/id "${rule.id}" is already used by /rules/${first}`);
  else firstIndexOfId.set(rule.id, index);
  if (rule.match.appVersions !== undefined && validRange(rule.match.appVersions) === null) {
    errors.push(`${at}/match/appVersions "${rule.match.appVersions}" is not a semver range`);
  }
  // shadow answers from the vendor (docs/architecture.md §2); a platform target would contradict it.
  if (rule.shadow === true && rule.target !== 'vendor') errors.push(`${at}/shadow needs target "vendor" (the vendor answers, the platform is the shadow)`);
  if (rule.fallbackToVendor === true && rule.target !== 'platform') errors.push(`${at}/fallbackToVendor needs target "platform"`);
  if (rule.shadowPercent !== undefined && rule.target === 'vendor' && rule.shadow !== true) errors.push(`${at}/shadowPercent needs shadow: true on a vendor rule`);
  return errors;
}

function normalise(doc: PolicyDocument): PolicyDocument {
  return {
    salt: doc.salt,
    defaultTarget: doc.defaultTarget,
    killSwitch: { global: doc.killSwitch.global, operations: lowerAll(doc.killSwitch.operations)!, ...(doc.killSwitch.media === undefined ? {} : { media: doc.killSwitch.media }) },
    qaOverride: { header: doc.qaOverride.header.toLowerCase(), devices: [...new Set(doc.qaOverride.devices)] },
    regions: dropUndefined({
      header: doc.regions.header?.toLowerCase(),
      cidrs: doc.regions.cidrs.map((entry) => ({ cidr: entry.cidr.trim(), region: entry.region.trim().toLowerCase() })),
    }),
    rules: doc.rules.map((rule) => dropUndefined({ ...rule, match: normaliseMatch(rule.match) })),
    ...(doc.media === undefined ? {} : { media: normaliseMediaPolicy(doc.media) }),
  };
}

/** Validates a parsed policy document; every problem is listed with its JSON path. */
export function validatePolicy(input: unknown): Result<PolicyDocument, string[]> {
  let copy: unknown;
  try {
    copy = structuredClone(input); // ajv fills defaults in place; the caller's object stays untouched.
  } catch {
    return err(['/ is not plain data']);
  }
  if (!validateSchema(copy)) return err((validateSchema.errors ?? []).map(describeSchemaError));
  const doc = copy as unknown as PolicyDocument;
  const firstIndexOfId = new Map<string, number>();
  const errors = [...doc.rules.flatMap((rule, index) => checkRule(rule, index, firstIndexOfId)), ...(doc.media === undefined ? [] : checkMediaPolicy(doc.media))];
  return errors.length > 0 ? err(errors) : ok(normalise(doc));
}
