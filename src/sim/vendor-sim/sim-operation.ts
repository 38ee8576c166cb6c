import type { CallerSession, OperationAccess } from '../../core/caller-session';
import type { VendorOutcome } from '../../core/vendor-error';
import type { VendorSimState } from './state';

/** The caller identity vendor-sim decoded from a verified KS. */
export type SimSession = CallerSession;

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

export { isRedirectResult, type RedirectResult } from '../../phoenix/redirect-result';

/** What a call needs before it runs (see OperationAccess). */
export type SimAccess = OperationAccess;

export interface SimOperationSpec {
  readonly access: SimAccess;
  run(ctx: SimCallContext): VendorOutcome | Promise<VendorOutcome>;
}

/** Operations keyed by lower-cased `service.action`. */
export type SimOperationTable = Readonly<Record<string, SimOperationSpec>>;
