import type { CallerSession, OperationAccess } from '../core/caller-session';
import type { IdMapper } from '../core/id-mapper';
import type { Result } from '../core/result';
import type { VendorError, VendorOutcome } from '../core/vendor-error';
import type { PlatformPort } from './platform-port';

/** Who a new session is for (vendor ids). */
export interface SessionSubject {
  readonly userId: string;
  readonly householdId: number;
  readonly udid: string;
  readonly type: 'anonymous' | 'user';
}

/** A freshly minted session: KalturaLoginSession fields plus the decoded view. */
export interface StartedSession {
  readonly ks: string;
  readonly refreshToken: string;
  readonly expiry: number;
  readonly session: CallerSession;
}

/** Sessions the facade mints and revokes itself (KS in the vendor's format, brief §4). */
export interface SessionPort {
  start(subject: SessionSubject, nowSec: number): Promise<StartedSession>;
  /** Exchanges a refresh token (once) for a new session; 500017 when invalid or used. */
  refresh(refreshToken: string, udid: string | undefined, nowSec: number): Promise<Result<StartedSession, VendorError>>;
  /** Logout: this KS only. */
  end(session: CallerSession): Promise<void>;
  /** session.revoke: every KS of the user. */
  revokeUser(session: CallerSession, nowSec: number): Promise<void>;
  /** Verifies any KS (session.get's `session` argument): 500015 when it does not decode, 500016 expired or revoked. */
  inspect?(ks: string, nowSec: number): Promise<Result<CallerSession, VendorError>>;
}

/** Everything a translator needs for one (sub-)call. */
export interface TranslateContext {
  /** Merged parameters, tokens already resolved. */
  readonly params: Readonly<Record<string, unknown>>;
  readonly session: CallerSession | null;
  readonly nowSec: number;
  /** Absolute base up to and including `/api_v3`, for playManifest URLs. */
  readonly apiBaseUrl: string;
  readonly partnerId: number;
  /** The platform, acting as this caller. */
  readonly platform: PlatformPort;
  readonly ids: IdMapper;
  readonly sessions: SessionPort;
  /** The vendor server version the facade reports (`system.getVersion`); absent = not configured. */
  readonly serverVersion?: string;
}

/** One vendor operation translated to platform calls. */
export interface TranslatorSpec {
  readonly access: OperationAccess;
  run(ctx: TranslateContext): Promise<VendorOutcome>;
}

/** Translators keyed by lower-cased `service.action`. */
export type TranslatorTable = Readonly<Record<string, TranslatorSpec>>;
