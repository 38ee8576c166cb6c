/**
 * The policy document as operators write it (YAML or JSON) and as the admin API serves it
 * (docs/architecture.md §4 "Policy"). `compilePolicy` validates it against `policySchema` and fills defaults.
 */
import type { MediaPolicy } from './media-policy';

/** Where a call is answered from. */
export type Target = 'vendor' | 'platform';

/** What a rule looks at; an absent field matches every call. */
export interface RuleMatch {
  /** operationIds (`service.action`, lower-case) or globs with `*`: `asset.*`, `*.list`, `*`. */
  readonly operations?: readonly string[];
  /** Region names, compared case-insensitively; a call whose region is unknown never matches. */
  readonly regions?: readonly string[];
  /** Client tags or globs, compared case-insensitively. */
  readonly clientTags?: readonly string[];
  /** A semver range, tested against the call's `apiVersion` coerced to `x.y.z`. */
  readonly appVersions?: string;
  /** Device family ids (numbers or strings; `5` and `"5"` are the same family). */
  readonly deviceFamilies?: readonly (string | number)[];
}

/** One ordered rule; the first rule whose match fits the call decides it. */
export interface PolicyRule {
  readonly id: string;
  readonly description?: string;
  readonly match: RuleMatch;
  readonly target: Target;
  /** Share of matched households/devices sent to `target`, 0–100, fractional allowed (default 100). */
  readonly percent?: number;
  /** Answer from the vendor, run the platform candidate asynchronously; needs `target: vendor`. */
  readonly shadow?: boolean;
  /**
   * Share of shadowed calls actually sampled, 0–100 (default 100). On a `shadow` rule it samples the
   * rule's calls; on a `platform` rule with `percent` below 100 it shadows the calls the percentage
   * leaves on the vendor, so a canary keeps measuring parity (docs/shadow.md).
   */
  readonly shadowPercent?: number;
  /** Reads sent to the platform may be answered by the vendor when the platform fails. */
  readonly fallbackToVendor?: boolean;
}

export interface KillSwitch {
  /** Every call goes to the vendor. */
  readonly global: boolean;
  /** These operations (names or globs) go to the vendor. */
  readonly operations: readonly string[];
  /** Every device plays from the vendor's CDN (issue 18); absent = false. */
  readonly media?: boolean;
}

export interface QaOverride {
  /** Request header carrying `vendor` or `platform` (default `x-understudy-target`). */
  readonly header: string;
  /** Only these udids may use the header. */
  readonly devices: readonly string[];
}

export interface CidrRegion {
  readonly cidr: string;
  readonly region: string;
}

export interface RegionSources {
  /** A header set by the trusted edge (e.g. `x-edge-region`); wins over the CIDR table. */
  readonly header?: string;
  readonly cidrs: readonly CidrRegion[];
}

/** A whole policy, defaults filled in. */
export interface PolicyDocument {
  /** Mixed into every bucket hash; changing it reshuffles every device. */
  readonly salt: string;
  readonly defaultTarget: Target;
  readonly killSwitch: KillSwitch;
  readonly qaOverride: QaOverride;
  readonly regions: RegionSources;
  readonly rules: readonly PolicyRule[];
  /** Playback source rules (docs/media.md); absent = every device on the vendor's CDN. */
  readonly media?: MediaPolicy;
}

/** The header the QA override uses when the policy names none. */
export const defaultQaOverrideHeader = 'x-understudy-target';

/** The policy a fresh holder starts with: everything answered by the vendor, nothing changed. */
export const vendorOnlyPolicy: PolicyDocument = {
  salt: 'understudy',
  defaultTarget: 'vendor',
  killSwitch: { global: false, operations: [] },
  qaOverride: { header: defaultQaOverrideHeader, devices: [] },
  regions: { cidrs: [] },
  rules: [],
};
