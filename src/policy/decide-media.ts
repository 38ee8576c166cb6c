/**
 * The media decision (issue 18, docs/media.md): for one device and file, the vendor's CDN or storage,
 * and why. Order: global kill switch → `killSwitch.media` → first matching media rule (in its sticky
 * bucket → its source; out → vendor) → the section's default. The section is compiled once per
 * policy version (cached by version object), so a call where no media rule can apply costs one
 * WeakMap lookup (`mediaMayUseStorage`).
 */
import { coerce, Range } from 'semver';
import { bucketCount, bucketOf, resolveRegion } from './decide-target';
import type { CompiledPolicy } from './compiled-policy';
import type { RoutingInput } from './decision';
import { compileNameMatcher, type NameMatcher } from './glob-matcher';
import type { MediaRule, MediaSource } from './media-policy';

/** Why a device plays from where it does; a closed set (metric label). */
export type MediaReason = 'kill-switch-global' | 'kill-switch-media' | 'rule' | 'rule-percent-out' | 'default';

export interface MediaDecision {
  readonly source: MediaSource;
  readonly reason: MediaReason;
  readonly ruleId?: string;
}

interface CompiledMediaRule {
  readonly rule: MediaRule;
  readonly region?: NameMatcher;
  readonly clientTag?: NameMatcher;
  readonly versions?: Range;
  readonly families?: ReadonlySet<string>;
  readonly files?: ReadonlySet<number>;
  readonly bucketLimit: number;
}

interface CompiledMedia {
  readonly active: boolean;
  readonly fallback: MediaDecision;
  readonly rules: readonly CompiledMediaRule[];
}

const compiled = new WeakMap<CompiledPolicy, CompiledMedia>();

function compileMedia(policy: CompiledPolicy): CompiledMedia {
  const media = policy.document.media;
  const killed = policy.killGlobal || policy.document.killSwitch.media === true;
  const rules = (media?.rules ?? []).map((rule) => ({
    rule,
    ...(rule.match.regions === undefined ? {} : { region: compileNameMatcher(rule.match.regions) }),
    ...(rule.match.clientTags === undefined ? {} : { clientTag: compileNameMatcher(rule.match.clientTags) }),
    ...(rule.match.appVersions === undefined ? {} : { versions: new Range(rule.match.appVersions) }),
    ...(rule.match.deviceFamilies === undefined ? {} : { families: new Set(rule.match.deviceFamilies.map(String)) }),
    ...(rule.match.files === undefined ? {} : { files: new Set(rule.match.files) }),
    bucketLimit: Math.round((rule.percent ?? 100) * 100),
  }));
  const storageSomewhere = media?.default === 'storage' || rules.some((r) => r.rule.source === 'storage' && r.bucketLimit > 0);
  return { active: !killed && storageSomewhere, fallback: { source: media?.default ?? 'vendor', reason: 'default' }, rules };
}

function compiledOf(policy: CompiledPolicy): CompiledMedia {
  let media = compiled.get(policy);
  if (media === undefined) {
    media = compileMedia(policy);
    compiled.set(policy, media);
  }
  return media;
}

/** False when no device can be sent to storage under this policy (kill switches, no storage rule). */
export function mediaMayUseStorage(policy: CompiledPolicy): boolean {
  return compiledOf(policy).active;
}

function matches(rule: CompiledMediaRule, policy: CompiledPolicy, input: RoutingInput, fileId: number): boolean {
  if (rule.files !== undefined && !rule.files.has(fileId)) return false;
  if (rule.families !== undefined && (input.deviceFamily === undefined || !rule.families.has(String(input.deviceFamily)))) return false;
  if (rule.clientTag !== undefined && (input.clientTag === undefined || !rule.clientTag(input.clientTag.toLowerCase()))) return false;
  if (rule.region !== undefined) {
    const region = resolveRegion(policy, input);
    if (region === undefined || !rule.region(region)) return false;
  }
  if (rule.versions !== undefined) {
    const version = input.apiVersion === undefined ? null : coerce(input.apiVersion);
    if (version === null || !rule.versions.test(version)) return false;
  }
  return true;
}

/** Decides where one device plays one file from. */
export function decideMedia(policy: CompiledPolicy, input: RoutingInput, fileId: number): MediaDecision {
  if (policy.killGlobal) return { source: 'vendor', reason: 'kill-switch-global' };
  if (policy.document.killSwitch.media === true) return { source: 'vendor', reason: 'kill-switch-media' };
  const media = compiledOf(policy);
  for (const rule of media.rules) {
    if (!matches(rule, policy, input, fileId)) continue;
    const inBucket = rule.bucketLimit >= bucketCount || (rule.bucketLimit > 0 && bucketOf(policy.salt, input) < rule.bucketLimit);
    return inBucket ? { source: rule.rule.source, reason: 'rule', ruleId: rule.rule.id } : { source: 'vendor', reason: 'rule-percent-out', ruleId: rule.rule.id };
  }
  return media.fallback;
}
