import type { VendorOutcome } from '../../core/vendor-error';
import type { VendorSimState } from './state';

/** The caller identity vendor-sim decoded from a verified KS. */
export interface SimSession {
  readonly ks: string;
  readonly partnerId: number;
  /** `"0"` for an anonymous session (brief §4.2). */
  readonly userId: string;
  /** 0 for an anonymous session. */
  readonly householdId: number;
  /** `""` when the KS is not bound to a device. */
  readonly udid: string;
  readonly type: 'anonymous' | 'user';
  /** Epoch seconds. */
  readonly expiry: number;
  readonly createDate: number;
  /** Unique per minted KS: what logout revokes. */
  readonly sessionId: string;
}

/** Everything an operation of vendor-sim needs for one (sub-)call. */
export interface SimCallContext {
  /** Merged parameters of this call, tokens already resolved. */
  readonly params: Readonly<Record<string, unknown>>;
  /** The verified session, or null when the call carried no KS. */
  readonly session: SimSession | null;
  readonly state: VendorSimState;
  /** Current time, epoch seconds (from the sim's clock). */
  readonly nowSec: number;
  /** Absolute base of this request up to and including `/api_v3`, used to build playManifest URLs. */
  readonly apiBaseUrl: string;
}

/** A successful playManifest answer: the HTTP layer turns it into a 302 (brief §1.6). */
export interface RedirectResult {
  readonly redirectTo: string;
}

/** True when an operation's value asks for a redirect instead of an envelope. */
export function isRedirectResult(value: unknown): value is RedirectResult {
  return typeof value === 'object' && value !== null && typeof (value as RedirectResult).redirectTo === 'string';
}

/**
 * What a call needs before it runs: `none` = no KS needed (a KS, if sent, must still be valid);
 * `session` = any valid KS, anonymous included; `user` = a logged-in user's KS.
 * Missing or anonymous where `user` is required → 500004 ServiceForbidden (brief §4.3, [U], chosen).
 */
export type SimAccess = 'none' | 'session' | 'user';

export interface SimOperationSpec {
  readonly access: SimAccess;
  run(ctx: SimCallContext): VendorOutcome | Promise<VendorOutcome>;
}

/** Operations keyed by lower-cased `service.action`. */
export type SimOperationTable = Readonly<Record<string, SimOperationSpec>>;
