/**
 * The routing decision (docs/architecture.md §4 "Policy"): pure, O(rules), no I/O and no allocation beyond
 * the bucket hash input. Order: global kill switch → operation kill switch → QA override (listed
 * devices only) → first matching rule (in bucket → its target; out of bucket → vendor) → default.
 */
import { coerce, type SemVer } from 'semver';
import { lookupRegion } from './cidr-table';
import type { CompiledPolicy, CompiledRule } from './compiled-policy';
import type { Decision, RoutingInput } from './decision';
import { murmur3_32 } from './murmur3';

/** Number of buckets; a percentage of p admits buckets below round(p × 100). */
export const bucketCount = 10000;

/**
 * The sticky bucket of a household or device: `murmur3_32(salt + ":" + (householdId ?? udid ?? ""))
 * % 10000`. Households win so every device of a home moves together; a call with neither lands in
 * the bucket of "" — all such calls share one bucket (documented in docs/policy.md).
 */
export function bucketOf(salt: string, input: Pick<RoutingInput, 'householdId' | 'udid'>): number {
  const key = input.householdId ?? input.udid ?? '';
  return murmur3_32(`${salt}:${key}`, 0) % bucketCount;
}

/** The call's region: the trusted header when the policy names one and it is present, else the CIDR table. */
export function resolveRegion(policy: CompiledPolicy, input: RoutingInput): string | undefined {
  if (policy.regionHeader !== undefined && input.regionHeader !== undefined) {
    const region = input.regionHeader.trim().toLowerCase();
    if (region !== '') return region;
  }
  return input.remoteAddress === undefined ? undefined : lookupRegion(policy.cidrTable, input.remoteAddress);
}

/** Lazily computed facts shared by every rule of one decision. */
interface CallFacts {
  regionResolved: boolean;
  region: string | undefined;
  versionResolved: boolean;
  version: SemVer | null;
}

function matchesRule(rule: CompiledRule, policy: CompiledPolicy, input: RoutingInput, facts: CallFacts): boolean {
  if (rule.matchOperation !== undefined && !rule.matchOperation(input.operationId)) return false;
  if (rule.deviceFamilies !== undefined && (input.deviceFamily === undefined || !rule.deviceFamilies.has(String(input.deviceFamily)))) return false;
  if (rule.matchClientTag !== undefined && (input.clientTag === undefined || !rule.matchClientTag(input.clientTag.toLowerCase()))) return false;
  if (rule.matchRegion !== undefined) {
    if (!facts.regionResolved) {
      facts.region = resolveRegion(policy, input);
      facts.regionResolved = true;
    }
    if (facts.region === undefined || !rule.matchRegion(facts.region)) return false;
  }
  if (rule.appVersions !== undefined) {
    if (!facts.versionResolved) {
      facts.version = input.apiVersion === undefined ? null : coerce(input.apiVersion);
      facts.versionResolved = true;
    }
    if (facts.version === null || !rule.appVersions.test(facts.version)) return false;
  }
  return true;
}

function decideByRule(rule: CompiledRule, policy: CompiledPolicy, input: RoutingInput): Decision {
  if (rule.bucketLimit >= bucketCount) return rule.inBucket;
  if (rule.bucketLimit <= 0) return rule.outOfBucket;
  return bucketOf(policy.salt, input) < rule.bucketLimit ? rule.inBucket : rule.outOfBucket;
}

/** Decides where one call goes; the returned Decision is frozen and may be shared. */
export function decideTarget(policy: CompiledPolicy, input: RoutingInput): Decision {
  if (policy.killGlobal) return policy.decisions.killGlobal;
  if (policy.matchKilledOperation(input.operationId)) return policy.decisions.killOperation;
  if (input.qaOverride !== undefined && input.udid !== undefined && policy.qaDevices.has(input.udid)) {
    const wanted = input.qaOverride.trim().toLowerCase();
    if (wanted === 'platform') return policy.decisions.qaPlatform;
    if (wanted === 'vendor') return policy.decisions.qaVendor;
  }
  const facts: CallFacts = { regionResolved: false, region: undefined, versionResolved: false, version: null };
  for (const rule of policy.rules) {
    if (matchesRule(rule, policy, input, facts)) return decideByRule(rule, policy, input);
  }
  return policy.decisions.fallthrough;
}
