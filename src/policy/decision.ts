/**
 * What the policy is asked and what it answers, in plain data (style.md practice 1).
 */
import type { Target } from './policy-document';

/** Why a call goes where it goes; a closed set because it labels metrics (docs/architecture.md §4). */
export type DecisionReason = 'kill-switch-global' | 'kill-switch-operation' | 'qa-override' | 'rule' | 'rule-percent-out' | 'default';

/** Every reason, for metric label sets and exhaustive tests. */
export const decisionReasons: readonly DecisionReason[] = ['kill-switch-global', 'kill-switch-operation', 'qa-override', 'rule', 'rule-percent-out', 'default'];

/** The facts about one call that routing may look at. */
export interface RoutingInput {
  /** `service.action`, lower-case (core/operation-call.ts `toOperationId`). */
  readonly operationId: string;
  readonly householdId?: number | string;
  readonly udid?: string;
  readonly clientTag?: string;
  /** The call's `apiVersion` as sent, e.g. `7.8.1` or `3.6.1579.29065`. */
  readonly apiVersion?: string;
  readonly deviceFamily?: string | number;
  /** Value of the policy's trusted region header, when the edge set it. */
  readonly regionHeader?: string;
  /** Peer address of the call (IPv4, IPv6 or IPv4-mapped IPv6). */
  readonly remoteAddress?: string;
  /** Value of the policy's QA override header, when present. */
  readonly qaOverride?: string;
}

/** Where one call goes, and why. Decisions are frozen and may be shared between calls. */
export interface Decision {
  readonly target: Target;
  /** Answer from the vendor and run the platform candidate asynchronously (target is `vendor`). */
  readonly shadow: boolean;
  /** Share (0–100) of shadow decisions the shadow executor samples; absent = 100. */
  readonly shadowPercent?: number;
  /** A read sent to the platform may be answered by the vendor when the platform fails. */
  readonly fallbackToVendor: boolean;
  readonly reason: DecisionReason;
  readonly ruleId?: string;
  readonly policyVersion: number;
}
