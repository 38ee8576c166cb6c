/**
 * A policy version ready for decisions: every glob, range, network and outcome prepared once at
 * compile time so `decideTarget` does no parsing, no regex building and no allocation.
 */
import type { Range } from 'semver';
import type { CidrTable } from './cidr-table';
import type { Decision } from './decision';
import type { NameMatcher } from './glob-matcher';
import type { PolicyDocument } from './policy-document';

/** One rule; an undefined matcher means "any". */
export interface CompiledRule {
  readonly id: string;
  readonly matchOperation?: NameMatcher;
  /** Lower-case region names and globs. */
  readonly matchRegion?: NameMatcher;
  /** Lower-case client tags and globs. */
  readonly matchClientTag?: NameMatcher;
  readonly appVersions?: Range;
  readonly deviceFamilies?: ReadonlySet<string>;
  /** `round(percent × 100)`: a bucket in 0–9999 is in when it is below this. */
  readonly bucketLimit: number;
  readonly inBucket: Decision;
  readonly outOfBucket: Decision;
}

export interface CompiledPolicy {
  readonly version: number;
  /** The normalised document this version was compiled from (defaults filled, names lower-cased). */
  readonly document: PolicyDocument;
  readonly salt: string;
  readonly killGlobal: boolean;
  readonly matchKilledOperation: NameMatcher;
  /** Lower-case header name. */
  readonly qaHeader: string;
  readonly qaDevices: ReadonlySet<string>;
  /** Lower-case header name, when the policy trusts one. */
  readonly regionHeader?: string;
  readonly cidrTable: CidrTable;
  readonly rules: readonly CompiledRule[];
  /** Shared outcomes that name no rule. */
  readonly decisions: {
    readonly killGlobal: Decision;
    readonly killOperation: Decision;
    readonly qaVendor: Decision;
    readonly qaPlatform: Decision;
    readonly fallthrough: Decision;
  };
}
