/**
 * Turns a policy document into a `CompiledPolicy` for one version: validation with every error
 * listed, then globs, CIDRs, semver ranges and every possible decision prepared once.
 */
import { Range } from 'semver';
import { err, ok, type Result } from '../core/result';
import { compileCidrTable } from './cidr-table';
import type { CompiledPolicy, CompiledRule } from './compiled-policy';
import type { Decision, DecisionReason } from './decision';
import { compileNameMatcher } from './glob-matcher';
import type { PolicyDocument, PolicyRule, Target } from './policy-document';
import { validatePolicy } from './validate-policy';

function freezeDeep<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) freezeDeep(child);
  }
  return value;
}

function decision(target: Target, reason: DecisionReason, version: number, extra: Partial<Decision> = {}): Decision {
  return Object.freeze({ target, shadow: false, fallbackToVendor: false, reason, policyVersion: version, ...extra });
}

function shadowShare(percent: number | undefined): Partial<Decision> {
  return percent === undefined ? {} : { shadowPercent: percent };
}

function compileRule(rule: PolicyRule, version: number): CompiledRule {
  const { match } = rule;
  const percent = rule.percent ?? 100;
  return {
    id: rule.id,
    matchOperation: match.operations && compileNameMatcher(match.operations),
    matchRegion: match.regions && compileNameMatcher(match.regions),
    matchClientTag: match.clientTags && compileNameMatcher(match.clientTags),
    appVersions: match.appVersions === undefined ? undefined : new Range(match.appVersions),
    deviceFamilies: match.deviceFamilies && new Set(match.deviceFamilies.map(String)),
    // Rounded so 0.07 × 100 cannot become 7.000000000000001 and admit an eighth bucket.
    bucketLimit: Math.round(percent * 100),
    inBucket: decision(rule.target, 'rule', version, { shadow: rule.shadow ?? false, fallbackToVendor: rule.fallbackToVendor ?? false, ruleId: rule.id, ...shadowShare(rule.shadow === true ? rule.shadowPercent : undefined) }),
    // A canary rule splits the traffic it matches: the rest stays with the vendor (issue, §4), and is
    // shadowed when the rule names a shadowPercent, so parity keeps being measured (docs/shadow.md).
    outOfBucket: decision('vendor', 'rule-percent-out', version, { ruleId: rule.id, ...(rule.target === 'platform' && rule.shadowPercent !== undefined ? { shadow: true, shadowPercent: rule.shadowPercent } : {}) }),
  };
}

function build(document: PolicyDocument, version: number): Result<CompiledPolicy, string[]> {
  const cidrTable = compileCidrTable(document.regions.cidrs);
  if (!cidrTable.ok) return cidrTable;
  return ok({
    version,
    document: freezeDeep(document),
    salt: document.salt,
    killGlobal: document.killSwitch.global,
    matchKilledOperation: compileNameMatcher(document.killSwitch.operations),
    qaHeader: document.qaOverride.header,
    qaDevices: new Set(document.qaOverride.devices),
    regionHeader: document.regions.header,
    cidrTable: cidrTable.value,
    rules: document.rules.map((rule) => compileRule(rule, version)),
    decisions: {
      killGlobal: decision('vendor', 'kill-switch-global', version),
      killOperation: decision('vendor', 'kill-switch-operation', version),
      qaVendor: decision('vendor', 'qa-override', version),
      qaPlatform: decision('platform', 'qa-override', version),
      fallthrough: decision(document.defaultTarget, 'default', version),
    },
  });
}

/** Validates and compiles a policy document as the given version; every problem is listed. */
export function compilePolicy(doc: unknown, version: number): Result<CompiledPolicy, string[]> {
  if (!Number.isSafeInteger(version) || version < 0) return err([`version ${version} is not a non-negative integer`]);
  const validated = validatePolicy(doc);
  if (!validated.ok) return validated;
  return build(validated.value, version);
}
